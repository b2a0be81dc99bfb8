"""Turn relative and regional phrases into honest areas.

Why areas and not points: "ريف مدينة دير الزور الشمالي الغربي" names no
single place; putting a marker on the city would be a confident wrong point.
Each phrase becomes an ``Area`` (a polygon, a representative point inside it
and a covering radius) with a precision level:

======================================= ============ ===========================
phrase                                  precision    shape
======================================= ============ ===========================
"<dir> countryside of TOWN"             NEAR         wedge 5-40 km, ±45° (clipped to Syria)
"countryside of TOWN"                   NEAR         disc 40 km
"<dir> of TOWN"                         NEAR         wedge 2-30 km, ±45°
"outskirts of TOWN" (+ dir)             NEAR         disc 12 km (wedge 1-12 km)
"<dir> of GOVERNORATE/DISTRICT"         that level   the part of the unit in that direction
"southern X" (X also a governorate)     GOVERNORATE  the southern part of the governorate
«حلب الشرقية», "eastern CITY"           NEAR         sector 0-8 km, ±67.5° of the city
"Eastern VILLAGE" (unknown name)        ambiguous    no area: likely a region/quarter we lack
"X <dir> of TOWN"                       NEAR         disc around X; note if X is not in <dir>
"X in <relative phrase>"                NEAR         disc around X; note (in)consistency
"<dir> of the country" / "<dir> Syria"  REGION       part of Syria's outline (see REGION_CUTS)
"Syria"                                 COUNTRY      Syria's outline
======================================= ============ ===========================
"""
from __future__ import annotations

from dataclasses import replace

from shapely import wkt
from shapely.geometry import Point, box
from shapely.geometry.base import BaseGeometry

from gazetteer.anchors import resolve_anchor
from gazetteer.geometry import (angle_diff, bearing_deg, covering_radius_km, disc, haversine_km, offset,
                                representative, sector)
from gazetteer.model import Area, Doubt, PlaceKind, Precision, Resolution, ResolutionStatus
from gazetteer.normalize import fold_arabic_words, is_arabic
from gazetteer.phrases import Phrase, parse_relative, split_nested, split_qualifiers
from gazetteer.place_areas import ADMIN_KINDS, NEAR_RADIUS_KM, countryside_unit, in_capital_countryside, unit_shape
from gazetteer.resolve import Resolver, with_note

COUNTRYSIDE_KM = (5.0, 40.0)
DIRECTION_KM = (2.0, 30.0)
OUTSKIRTS_KM = (1.0, 12.0)
PART_KM = 8.0  # "eastern Aleppo" (the city's own part)
HALF_WIDTH_DEG = 45.0
#: A direction in the text and the gazetteer's bearing may differ this much before we flag it.
DIRECTION_TOLERANCE_DEG = 67.5
#: Fractions of Syria's bounding box kept for each region word (north keeps lat >= 60%...).
REGION_CUTS = {0.0: ("lat", 0.6, True), 180.0: ("lat", 0.4, False),
               90.0: ("lon", 0.55, True), 270.0: ("lon", 0.45, False)}
_ADJ_AR = {0.0: "الشمالي", 45.0: "الشمالي الشرقي", 90.0: "الشرقي", 135.0: "الجنوبي الشرقي",
           180.0: "الجنوبي", 225.0: "الجنوبي الغربي", 270.0: "الغربي", 315.0: "الشمالي الغربي"}
#: A diagonal region is the intersection of two halves cut at 50%.
_DIAGONALS = {45.0: (0.0, 90.0), 135.0: (90.0, 180.0), 225.0: (180.0, 270.0), 315.0: (270.0, 0.0)}
_NAMES_EN = {0.0: "north", 45.0: "north-east", 90.0: "east", 135.0: "south-east", 180.0: "south",
             225.0: "south-west", 270.0: "west", 315.0: "north-west"}
_NAMES_AR = {0.0: "شمال", 45.0: "شمال شرق", 90.0: "شرق", 135.0: "جنوب شرق", 180.0: "جنوب",
             225.0: "جنوب غرب", 270.0: "غرب", 315.0: "شمال غرب"}


def direction_name(bearing: float) -> str:
    return _NAMES_EN[min(_NAMES_EN, key=lambda b: angle_diff(b, bearing))]


def direction_name_ar(bearing: float) -> str:
    return _NAMES_AR[min(_NAMES_AR, key=lambda b: angle_diff(b, bearing))]


def _area(geom: BaseGeometry, precision: Precision, *, prefer=None, label_en="", label_ar="", anchor=None) -> Area:
    lat, lon = representative(geom, prefer=prefer)
    return Area(lat=round(lat, 6), lon=round(lon, 6), radius_km=round(covering_radius_km(geom, lat, lon), 1),
                precision=precision, geometry_wkt=geom.wkt, label_en=label_en, label_ar=label_ar, anchor=anchor)


def _clip(geom: BaseGeometry, outline: BaseGeometry) -> BaseGeometry:
    clipped = geom.intersection(outline)
    return clipped if not clipped.is_empty and clipped.area > 0.05 * geom.area else geom


def band(bounds: tuple[float, float, float, float], bearing: float):
    """The part of a bounding box in a direction (``REGION_CUTS``; a diagonal: two halves at 50%).

    Why a band of the box and not a sector from the centre: a governorate's centroid can lie far
    from where its people live (Homs: in the desert), and "northern Homs" is its northern band,
    Rastan and Talbiseh included, wherever its centroid falls.
    """
    minx, miny, maxx, maxy = bounds
    cut = box(minx, miny, maxx, maxy)
    halves = _DIAGONALS.get(bearing, (bearing,))
    for b in halves:
        axis, frac, upper = REGION_CUTS[b]
        frac = 0.5 if len(halves) == 2 else frac
        if axis == "lat":
            y = miny + frac * (maxy - miny)
            cut = cut.intersection(box(minx, y, maxx, maxy) if upper else box(minx, miny, maxx, y))
        else:
            x = minx + frac * (maxx - minx)
            cut = cut.intersection(box(x, miny, maxx, maxy) if upper else box(minx, miny, x, maxy))
    return cut


def region_area(resolver: Resolver, bearing: float | None, *, centre: bool = False) -> Area:
    """"north of the country", "east of Syria", "central Syria", or the whole country."""
    outline = resolver.admin.outline()
    minx, miny, maxx, maxy = outline.bounds
    if bearing is None and not centre:
        return _area(outline, Precision.COUNTRY, label_en="Syria", label_ar="سوريا")
    cut = box(minx, miny, maxx, maxy)
    if centre:
        cut = box(minx + 0.3 * (maxx - minx), miny + 0.3 * (maxy - miny),
                  minx + 0.7 * (maxx - minx), miny + 0.7 * (maxy - miny))
    if bearing is not None:
        cut = cut.intersection(band(outline.bounds, bearing))
    geom = outline.intersection(cut)
    ar = ("وسط " if centre else "") + (direction_name_ar(bearing) if bearing is not None else "")
    if bearing is None:
        label_en = "central Syria"
    else:
        label_en = ("central " if centre else "") + f"{direction_name(bearing)} of Syria"
    return _area(geom, Precision.REGION, label_en=label_en, label_ar=f"{ar.strip()} سوريا")


def around_anchor(resolver: Resolver, query: str, phrase: Phrase, *, context=None, near=None,
                  anchor_res: Resolution | None = None) -> Resolution:
    """A sector / disc of countryside or outskirts around a resolved anchor (``anchor_res``: one the caller
    resolved itself, e.g. a feature by its town, which the resolver alone cannot find)."""
    if anchor_res is None:
        anchor_res = resolve_anchor(resolver, phrase.name, context=context, near=near)
    if anchor_res.status is ResolutionStatus.AMBIGUOUS and phrase.countryside == "countryside":
        anchor_res = countryside_unit(anchor_res)
    if anchor_res.status is not ResolutionStatus.RESOLVED:
        return Resolution(query=query, status=anchor_res.status, candidates=anchor_res.candidates,
                          note=f"reference place '{phrase.name}': {anchor_res.note}")
    place = anchor_res.place
    outline = resolver.admin.outline()
    label = direction_name(phrase.bearing) if phrase.bearing is not None else ""
    if phrase.part_of:
        place, refused = _part_anchor(query, phrase, anchor_res)
        if refused is not None:
            return refused
    shape = unit_shape(place, admin=resolver.admin, shapes=resolver.shapes)
    if shape is not None:   # an admin unit or a named region («قرى جبل الزاوية»): its own outline, or part of it
        unit, precision = shape
        geom = unit
        if phrase.bearing in REGION_CUTS or phrase.bearing in _DIAGONALS:   # the eight compass bearings
            part = unit.intersection(band(unit.bounds, phrase.bearing))
            geom = part if not part.is_empty else unit
        label_en = f"{label}ern {place.name_en}" if label else place.name_en
        label_ar = f"{direction_name_ar(phrase.bearing)} {place.name_ar}" if label else place.name_ar
        area = _area(geom, precision, label_en=label_en, label_ar=label_ar, anchor=place)
        return Resolution(query=query, status=ResolutionStatus.RESOLVED, area=area, candidates=anchor_res.candidates,
                          note=f"{label_en}: the part of {place.name_en} ({place.pcode}) in that direction" if label
                          else f"{label_en}: all of {place.name_en} ({place.pcode})")
    if phrase.distance_km is not None and phrase.bearing is not None:
        return _at_distance(query, place, phrase.bearing, phrase.distance_km, anchor_res)
    if phrase.part_of:  # a city's own eastern/western... part
        geom = _clip(sector(place.lat, place.lon, phrase.bearing, inner_km=0, outer_km=PART_KM,
                            half_width_deg=67.5), outline)
        prefer = offset(place.lat, place.lon, phrase.bearing, PART_KM / 2)
        area = _area(geom, Precision.NEAR, prefer=prefer, anchor=place,
                     label_en=f"{direction_name(phrase.bearing)}ern part of {place.name_en}",
                     label_ar=f"{place.name_ar} {_ADJ_AR_FEM(phrase.bearing)}")
        return Resolution(query=query, status=ResolutionStatus.RESOLVED, area=area, candidates=anchor_res.candidates,
                          note=f"{area.label_en} ({place.pcode}), within {PART_KM:.0f} km of its centre")
    inner, outer = (OUTSKIRTS_KM if phrase.countryside == "outskirts"
                    else COUNTRYSIDE_KM if phrase.countryside else DIRECTION_KM)
    if phrase.bearing is None:
        geom = disc(place.lat, place.lon, outer)
        prefer = (place.lat, place.lon)
    else:
        geom = sector(place.lat, place.lon, phrase.bearing, inner_km=inner, outer_km=outer,
                      half_width_deg=HALF_WIDTH_DEG)
        prefer = offset(place.lat, place.lon, phrase.bearing, (inner + outer) / 2)
    geom = _clip(geom, outline)
    what = phrase.countryside or "area"
    label_ar = _label_ar(what, place.name_ar, phrase.bearing)
    area = _area(geom, Precision.NEAR, prefer=prefer, anchor=place,
                 label_en=_label_en(what, place.name_en, phrase.bearing), label_ar=label_ar)
    note = (f"{label + ' ' if label else ''}{what} of {place.name_en} ({place.pcode}): "
            f"{inner:.0f}-{outer:.0f} km" if phrase.bearing is not None else f"{what} of {place.name_en} within {outer:.0f} km")
    return Resolution(query=query, status=ResolutionStatus.RESOLVED, area=area,
                      candidates=anchor_res.candidates, note=note)


def _at_distance(query: str, place, bearing: float, km: float, anchor_res: Resolution) -> Resolution:
    """"10 km north of X": a disc around that point; its radius grows with the distance (reports round)."""
    lat, lon = offset(place.lat, place.lon, bearing, km)
    radius = round(2.0 + 0.25 * km, 1)
    label = f"{km:g} km {direction_name(bearing)} of {place.name_en}"
    area = Area(lat=round(lat, 6), lon=round(lon, 6), radius_km=radius, precision=Precision.NEAR,
                geometry_wkt=disc(lat, lon, radius).wkt, label_en=label,
                label_ar=f"{km:g} كم {direction_name_ar(bearing)} {place.name_ar}", anchor=place)
    return Resolution(query=query, status=ResolutionStatus.RESOLVED, area=area, candidates=anchor_res.candidates,
                      note=f"{label} ({place.pcode}), ±{radius:g} km")


def _label_en(what: str, name: str, bearing: float | None) -> str:
    """"north-western countryside of Aleppo" / "south-west of Deir-ez-Zor" / "outskirts of Raqqa"."""
    if bearing is None:
        return f"{what} of {name}" if what != "area" else name
    if what == "area":
        return f"{direction_name(bearing)} of {name}"
    return f"{direction_name(bearing)}ern {what} of {name}"


def _label_ar(what: str, name: str, bearing: float | None) -> str:
    """ريف حلب الغربي / أطراف الرقة الشمالية / جنوب غرب دير الزور."""
    if bearing is None:
        return {"countryside": f"ريف {name}", "outskirts": f"أطراف {name}"}.get(what, name)
    adjective = _ADJ_AR[min(_ADJ_AR, key=lambda b: angle_diff(b, bearing))]
    if what == "countryside":
        return f"ريف {name} {adjective}"
    if what == "outskirts":
        return f"أطراف {name} " + " ".join(w + "ة" for w in adjective.split())
    return f"{direction_name_ar(bearing)} {name}"


def _ADJ_AR_FEM(bearing: float) -> str:
    return " ".join(w + "ة" for w in _ADJ_AR[min(_ADJ_AR, key=lambda b: angle_diff(b, bearing))].split())


def _part_anchor(query: str, phrase: Phrase, anchor_res: Resolution):
    """What "southern X" / «X الشرقية» is part of: (place, None), or (None, a refusal).

    English "southern Idlib", "eastern Deir ez-Zor" mean the governorate when X
    names one; a city's part otherwise. A village has no "eastern part" worth
    a map area — the phrase is more likely a name we lack (a region, a
    quarter), so the answer is ambiguous, never a guess.
    """
    place = anchor_res.place
    if place.kind in ADMIN_KINDS:
        return place, None
    arabic = is_arabic(query)
    gov = next((c.place for c in anchor_res.candidates if c.place.kind is PlaceKind.GOVERNORATE
                and place.admin1 is not None and c.place.pcode == place.admin1.pcode
                and "exact" in c.reasons), None)
    if gov is not None and not arabic:
        return gov, None
    if place.kind is PlaceKind.CITY or gov is not None:
        return place, None
    return None, Resolution(
        query=query, status=ResolutionStatus.AMBIGUOUS, candidates=anchor_res.candidates, doubt=Doubt.NOT_A_NAME,
        note=(f"'{query}' reads like the name of a region or quarter the gazetteer lacks; "
              f"'{phrase.name}' matches only the village {place.name_en} / {place.name_ar} ({place.pcode})"))


def _conflict_area(x) -> Area:
    """The text and the gazetteer disagree about where X is: an area on X, wider than "the area of X"."""
    radius = 2 * NEAR_RADIUS_KM
    return Area(lat=x.lat, lon=x.lon, radius_km=radius, precision=Precision.NEAR,
                geometry_wkt=disc(x.lat, x.lon, radius).wkt, label_en=f"area of {x.name_en}",
                label_ar=f"منطقة {x.name_ar}", anchor=x)


def named_relative_to(resolver: Resolver, query: str, phrase: Phrase, *, context=None, near=None) -> Resolution:
    """"منطقة البو ليل جنوب غربي مدينة دير الزور": X, said to lie <dir> of Y."""
    ref = around_anchor(resolver, query, Phrase(name=phrase.name, bearing=phrase.bearing), context=context, near=near)
    ref_place = ref.area.anchor if ref.area else None
    hint = (ref_place.lat, ref_place.lon) if ref_place else near
    if set(fold_arabic_words(phrase.before)) <= _QUARTER_WORDS and is_arabic(phrase.before):
        # «الأحياء الشرقية لمدينة حلب»: the city's own eastern quarters, not the land east of it
        part = around_anchor(resolver, query, Phrase(name=phrase.name, bearing=phrase.bearing, part_of=True),
                             context=context, near=near)
        if part.status is ResolutionStatus.RESOLVED and part.area is not None \
                and part.area.precision is Precision.NEAR:
            return part
    named = split_qualifiers(phrase.before)
    res = resolver.resolve_name(query, named.name, kind=named.kind_hint, area_of=named.area_of, feature=named.feature,
                                context=context, near=hint)
    if res.status is not ResolutionStatus.RESOLVED or ref_place is None:
        if ref.status is ResolutionStatus.RESOLVED:
            return with_note(ref, f"'{phrase.before}' not identified ({res.status.value}); area from the direction only")
        return res
    x = res.place
    actual = bearing_deg(ref_place.lat, ref_place.lon, x.lat, x.lon)
    dist = float(haversine_km(ref_place.lat, ref_place.lon, x.lat, x.lon))
    area = res.area  # consistent and exact: the named town itself
    if angle_diff(actual, phrase.bearing) > DIRECTION_TOLERANCE_DEG:
        area = _conflict_area(x)
        note = (f"conflict: the text puts '{phrase.before}' {direction_name(phrase.bearing)} of "
                f"{ref_place.name_en}, but the matched place {x.name_en} / {x.name_ar} ({x.pcode}) lies "
                f"{direction_name(actual)} of it ({dist:.0f} km, bearing {actual:.0f}°); area anchored on the named place")
    else:
        note = f"consistent: {x.name_en} lies {direction_name(actual)} of {ref_place.name_en} ({dist:.0f} km)"
    return Resolution(query=query, status=ResolutionStatus.RESOLVED, place=x, area=area,
                      candidates=res.candidates, note=with_note(res, note).note)


def nested(resolver: Resolver, query: str, head: str, tail: str, *, context=None, near=None) -> Resolution:
    """"المنطقة التابعة لبلدة الطريف في ريف مدينة دير الزور الشمالي الغربي"."""
    tail_rel = parse_relative(tail)
    outer = resolve_phrase(resolver, tail, tail_rel, context=context, near=near)
    hint = (outer.area.lat, outer.area.lon) if outer.area else near
    head_phrase = parse_relative(head)
    if head_phrase is not None and not head_phrase.country:
        # «جنوب مدينة جسر الشغور في ريف إدلب الغربي»: the head is itself relative to a place
        inner = resolve_phrase(resolver, head, head_phrase, context=context, near=hint)
        if inner.status is ResolutionStatus.RESOLVED and inner.lat is not None:
            inside = outer.area is not None and outer.area.geometry_wkt and wkt.loads(
                outer.area.geometry_wkt).buffer(0.05).contains(Point(inner.lon, inner.lat))
            check = f"consistent with {outer.area.label_en}" if inside else f"'{tail}' not checked"
            return replace(inner, query=query, note=f"{inner.note}; {check}")
    q = split_qualifiers(head)
    # The area is the name's context: «قرية X في ريف حلب» names Aleppo governorate, so an X in Idlib is not it.
    name_context = " ".join(t for t in (tail, context or "") if t)
    res = resolver.resolve_name(query, q.name, kind=q.kind_hint, area_of=q.area_of, feature=q.feature,
                                context=name_context, near=hint)
    if res.status is not ResolutionStatus.RESOLVED:
        part = _quarter_part(resolver, query, head, tail, context=context)
        if part is not None:
            return part
        if outer.status is ResolutionStatus.RESOLVED:
            return Resolution(query=query, status=outer.status, area=outer.area, candidates=res.candidates,
                              note=f"'{head}' not identified ({res.status.value}); area from '{tail}'")
        return res
    x, area = res.place, res.area
    if outer.area is None or not outer.area.geometry_wkt:
        check = f"'{tail}' could not be placed ({outer.status.value}), so it was not checked"
    elif wkt.loads(outer.area.geometry_wkt).buffer(0.05).contains(Point(x.lon, x.lat)) or (
            tail_rel is not None and tail_rel.bearing is None and in_capital_countryside(outer.area, x)):
        check = f"consistent with {outer.area.label_en}"
    else:
        far = float(haversine_km(outer.area.lat, outer.area.lon, x.lat, x.lon)) > 2 * (outer.area.radius_km or 0.0) + 20
        if far and outer.status is ResolutionStatus.RESOLVED:
            # «حي جوبر في جنوب العاصمة» matched a Jober 150 km away: the namesake is not the place meant
            part = _quarter_part(resolver, query, head, tail, context=context)
            if part is not None:
                return replace(part, candidates=res.candidates,
                               note=f"'{head}' matched {x.name_en} ({x.pcode}), far away; {part.note}")
            return Resolution(query=query, status=ResolutionStatus.RESOLVED, area=outer.area, candidates=res.candidates,
                              note=f"conflict: '{head}' matched {x.name_en} ({x.pcode}), far outside "
                                   f"{outer.area.label_en}; area from '{tail}'")
        check = f"conflict: {x.name_en} ({x.pcode}) is not inside {outer.area.label_en}; area anchored on the named place"
        area = _conflict_area(x)
    return Resolution(query=query, status=ResolutionStatus.RESOLVED, place=x, area=area,
                      candidates=res.candidates, note=with_note(res, f"{x.name_en} ({x.pcode}), {check}").note)


_QUARTER_WORDS = {"حي", "احياء", "احيا", "حيي", "حيا"}  # «أحياء» folds to «احيا» (a final hamza is dropped)


def _quarter_part(resolver: Resolver, query: str, head: str, tail: str, *, context=None) -> Resolution | None:
    """«حي X في جنوب مدينة Y» (X unknown here): a quarter in the south *of the city* — Y's own southern part."""
    first = head.split()[0] if head.split() else ""
    if not is_arabic(first) or not (set(fold_arabic_words(first)) & _QUARTER_WORDS):
        return None
    rel = parse_relative(tail)
    if rel is None or rel.bearing is None or rel.countryside or rel.distance_km is not None or rel.before or rel.country:
        return None
    res = around_anchor(resolver, query, replace(rel, part_of=True), context=context)
    if res.status is not ResolutionStatus.RESOLVED or res.area is None or res.area.precision is not Precision.NEAR:
        return None
    return replace(res, note=f"a quarter in '{tail}': {res.note}")


def resolve_phrase(resolver: Resolver, query: str, phrase: Phrase, *, context=None, near=None) -> Resolution:
    """Dispatch one parsed relative phrase."""
    if phrase.country:
        area = region_area(resolver, phrase.bearing, centre=phrase.centre)
        return Resolution(query=query, status=ResolutionStatus.RESOLVED, area=area, note=area.label_en)
    if phrase.before:
        return named_relative_to(resolver, query, phrase, context=context, near=near)
    return around_anchor(resolver, query, phrase, context=context, near=near)


def try_relative(resolver: Resolver, query: str, *, context=None, near=None) -> Resolution | None:
    """The Resolution for a relative/regional phrase, or None when ``query`` is a plain name."""
    split = split_nested(query)
    if split is not None:
        return nested(resolver, query, *split, context=context, near=near)
    phrase = parse_relative(query)
    if phrase is None:
        return None
    return resolve_phrase(resolver, query, phrase, context=context, near=near)


COUNTRY_WORDS = {"سوريا", "سوريه", "سورية", "syria", "the country", "البلاد"}


def is_country(text: str) -> bool:
    return text.strip().lower() in COUNTRY_WORDS or text.strip() in {"الجمهورية العربية السورية"}

