"""Structured place phrases: [type noun] NAME [containing area] [relation], Arabic and English.

Why a parser of its own: news writes a place *with* the area that holds it —
«مدينة منبج بريف حلب الشرقي», «مدينة دوما بالغوطة الشرقية», "Arshaf village in
the countryside of Aleppo", "the town of Kafr Nabl, Idlib governorate",
"Jobar, east of Damascus". Read as one name these match nothing (or only the
containing area). Read as parts, the name is looked up *with the containing
area as its context* (so «ريف إدلب» restricts the candidates to Idlib, see
``resolve.py``) and near the area's point, and the area is the honest fallback
when the name itself is not found.

Parts, in order:

* **type noun** (stripped by ``phrases.split_qualifiers``): مدينة بلدة قرية حي
  مخيم سد مطار حقل معبر دوار منطقة (also dual/plural: بلدتي قريتي بلدات),
  town/village/city/camp/neighbourhood…;
* **NAME**: the words before the first *container marker* (never the first word);
* **container marker** (Arabic clitics ب/ل/و/ف and the article are read through):
  ريف/أرياف (بريف، في ريف، الريف الشمالي ل…), في, ضمن, داخل, قرب/بالقرب من,
  على أطراف/أطراف, محيط, the directions شمال/جنوب/شرق/غرب (+ي), a word glued
  with ب that names a place or region (بالغوطة، بدمشق), التابعة ل / الواقعة في;
  English: "in (the)", "near", "outskirts of", "north/south/... of", a comma;
* **trailing description**: nisba adjectives after the name («العسكري»،
  «النفطي»، «السورية»، «الحدودية») and "X و Y" lists are dropped when the full
  name is not found (the longest leading words that name a place win).

The Arabic splitting rules live in ``structured_ar.py``; this module resolves the parts.

Answer: the name's resolution (with a note saying which part matched and
whether it lies in the container), or — when the name is not found, not
identified, or found only outside the container — the container's area with
its own (coarser) precision and a note: never a town's point for a place
inside the town; «بريف X» of a governorate's capital is the governorate's land;
a quarter «في جنوب مدينة X» is X's own part; a unit the named one surrounds
counts as inside it (Damascus in Rural Damascus).
"""
from __future__ import annotations

import re
from dataclasses import replace

from gazetteer.arabic_lexicon import CLITICS, article_letters
from gazetteer.geometry import haversine_km
from gazetteer.context import DAMASCUS_CITY_UNIT, RURAL_DAMASCUS
from gazetteer.model import Doubt, Resolution, ResolutionStatus
from gazetteer.normalize import fold_arabic_words, is_arabic
from gazetteer.place_areas import NEAR_MAX_KM, in_capital_countryside
from gazetteer.structured_ar import PlacePhrase, shorter_names, split_arabic  # noqa: F401 (shorter_names re-exported)

#: "the capital" in reports means Damascus.
_CAPITAL = {"عاصمه": "دمشق", "capital": "Damascus"}
_LAT_MARKERS = re.compile(
    r"\s*(?:,\s*|\s+)(?=(?:in|inside|within|near|around|outside|on\s+the\s+outskirts\s+of|outskirts\s+of|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(?:of\s+)?|"
    r"in\s+the\s+(?:\w+\s+)?countryside\s+of)\b)", re.I)
_LAT_POSSESSIVE = re.compile(r"^(?P<city>[\w' -]+?)['’]s\s+(?P<name>.+?)(?:\s+(?:neighbou?rhood|district|quarter))?$",
                             re.I)
#: "(the road) between X and Y", "X–Y road": somewhere between two places (``_between``).
_LAT_BETWEEN = re.compile(r"^(?:the\s+)?(?:(?:road|highway|route|area|frontline)\s+)?between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)$",
                          re.I)
_LAT_ROAD = re.compile(r"^(?P<a>[^–—-]+?)\s*[–—-]\s*(?P<b>[^–—-]+?)\s+(?:road|highway)$", re.I)
MIN_NAME_WORDS = 1


def split_english(text: str) -> PlacePhrase | None:
    """"Arshaf village in the countryside of Aleppo", "the town of X, Y governorate", "Aleppo's Y"."""
    between = _LAT_BETWEEN.match(text) or _LAT_ROAD.match(text)
    if between:
        # "Road between A and B in Homs Governorate": the trailing area holds both (PlacePhrase.within)
        b, *within = _LAT_MARKERS.split(between.group("b").strip(), maxsplit=1)
        within = re.sub(r"^(?:in|inside|within)\s+(?:the\s+)?", "", within[0].strip(), flags=re.I) if within else ""
        return PlacePhrase("", f"{between.group('a').strip()} and {b.strip()}", "between", within=within)
    m = _LAT_POSSESSIVE.match(text)
    if m and len(m.group("city").split()) <= 3:
        return PlacePhrase(m.group("name").strip(), m.group("city").strip(), "'s")
    parts = _LAT_MARKERS.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and parts[1].strip():
        head, tail = parts[0].strip(), parts[1].strip()
        tail = re.sub(r"^(?:in|inside|within)\s+(?:the\s+)?", "", tail, flags=re.I)
        return PlacePhrase(head, tail, "in")
    if "," in text:
        head, tail = (p.strip() for p in text.split(",", 1))
        if head and tail:
            return PlacePhrase(head, tail, ",")
    return None


def split_place_phrase(text: str) -> PlacePhrase | None:
    return split_arabic(text) if is_arabic(text) else split_english(text)



#: «العاصمة», «بالعاصمة», «للعاصمة», «والعاصمة»: the capital itself (with the article), as Syrian reports name Damascus.
_DEFINITE_CAPITAL = re.compile(r"^(?:[وفب]?ال|لل|وبال|وال)عاصم")


_MARKS = "\"“”«»„'‘’("


def capital(text: str) -> str:
    """«العاصمة» / "the capital" → Damascus (the way Syrian reports use it)."""
    out, pending = [], ""
    words = text.split()
    for i, w in enumerate(words):
        if pending and (w == _CAPITAL["عاصمه"] or w == _CAPITAL["capital"]):
            w, pending = pending + w, ""          # «بالعاصمة دمشق» → «بدمشق»
        fold = "".join(fold_arabic_words(w)) if is_arabic(w) else w.lower()
        if is_arabic(w) and not _DEFINITE_CAPITAL.match(w):
            # «عاصمة المحافظة», «عاصمة محافظة إدلب»: the capital *of* what is named next (its city), not Damascus
            lead = w[:len(w) - len(w.lstrip(_MARKS))]     # a quotation mark before «"عاصمة» stays
            out.append(lead + "مدينة" if fold.endswith("عاصمه") else w)
            continue
        for clitic in ("",) + CLITICS:
            if fold.startswith(clitic) and fold[len(clitic):] in _CAPITAL:
                city = _CAPITAL[fold[len(clitic):]]
                glue = article_letters(clitic)
                after = [("".join(fold_arabic_words(x)) if is_arabic(x) else x) for x in words[i + 1:i + 3]]
                # «جنوب العاصمة دمشق», «العاصمة السورية دمشق»: the city is named after it
                if city in after:
                    w, pending = "", glue
                else:
                    w = glue + city
                break
        if w:
            out.append(w)
    text = " ".join(out)
    # «العاصمة السورية دمشق» → «السورية دمشق»: the adjective of the dropped word goes too
    return " ".join(re.sub(r"(?:^|\s)(?:ال)?سوري[ةه]\s+(?=(?:[بلو])?دمشق)", " ", " " + text).split())


#: A container is a "near" hint for its name only when it is this compact: the centre of «ريف حلب» (±40 km)
#: says nothing about which of two Afrins is meant, and its 30 km bonus would pick the village by the city;
#: the container's unit still constrains the name (it is the name's context), and no other hint is used.
HINT_RADIUS_KM = 30.0
MAX_NESTING = 3   # containers inside containers read here («حيا في وسط مدينة أريحا، في محافظة إدلب»)


def resolve_structured(gazetteer, query: str, *, context=None, near=None, _depth: int = 0) -> Resolution | None:
    """The Resolution of a structured phrase, or None when ``query`` has no containing area / no better reading."""
    parsed = split_place_phrase(query)
    if parsed is None:
        return None
    if parsed.marker == "between":
        where = " ".join(t for t in (parsed.within, context or "") if t) or None
        return _between(gazetteer, query, parsed.container, context=where, near=near)
    container = capital(parsed.container)
    from gazetteer.foreign import foreign_place
    elsewhere = foreign_place(container, context=context)
    if elsewhere is None:
        from gazetteer.phrases import parse_relative
        rel = parse_relative(container)
        elsewhere = foreign_place(rel.name, context=context) if rel is not None and rel.name else None
    if elsewhere is not None:   # «معسكرات التدريب في تركيا», "X (east of Lebanon)": not a Syrian place
        return Resolution(query=query, status=ResolutionStatus.UNRESOLVED,
                          note=f"foreign: '{parsed.container}' is in {elsewhere.country}")
    outer = None
    if _depth < MAX_NESTING and is_arabic(container) and split_arabic(container) is not None:
        # «وسط مدينة أريحا في محافظة إدلب»: the container is a structured phrase itself
        outer = resolve_structured(gazetteer, container, context=context, near=near, _depth=_depth + 1)
        outer = outer if outer is not None and outer.status is ResolutionStatus.RESOLVED else None
    if outer is None:
        outer = gazetteer.resolve_uncached(container, context=context, near=near)
    if parsed.marker == "nisba" and not (outer.status is ResolutionStatus.RESOLVED and outer.place is not None
                                         and outer.place.kind.value in ("city", "governorate", "district")):
        return None   # only a city's or a unit's nisba names a container («الدمشقي»), not any adjective
    if outer.status is not ResolutionStatus.RESOLVED:
        for shorter in shorter_names(container)[:2]:   # «بلدة تل أبيض الحدودية السورية»: the description dropped
            alt = gazetteer.resolve_uncached(shorter, context=context, near=near)
            if alt.status is ResolutionStatus.RESOLVED:
                outer = replace(alt, note="; ".join(n for n in (f"matched '{shorter}'", alt.note) if n))
                break
    if not parsed.name:   # «داخل مدينة الزبداني», «حي في جنوب مدينة الحسكة», «درعا البلد»: somewhere in the container
        if outer.status is not ResolutionStatus.RESOLVED:
            return None
        quarter = _quarter_of_city(gazetteer, query, parsed, context=context)
        if quarter is not None:
            return quarter
        what = "the old town of" if parsed.marker == "old" else "a place in"
        return _container_answer(gazetteer, query, outer, f"{what} '{parsed.container}'; no name of its own")
    hint = near
    if outer.status is ResolutionStatus.RESOLVED and outer.lat is not None:
        hint = (outer.lat, outer.lon) if outer.radius_km <= HINT_RADIUS_KM else None
    # The container is the context for the name ("X in the countryside of Y": Y's unit constrains X).
    name_context = " ".join(t for t in (container, context or "") if t)
    res = gazetteer.resolve_uncached(parsed.name, context=name_context, near=hint)
    if res.status is not ResolutionStatus.RESOLVED:
        for shorter in shorter_names(parsed.name)[:3]:
            alt = gazetteer.resolve_uncached(shorter, context=name_context, near=hint)
            if alt.status is ResolutionStatus.RESOLVED or (
                    alt.status is ResolutionStatus.AMBIGUOUS and res.status is ResolutionStatus.UNRESOLVED):
                res = replace(alt, note="; ".join(n for n in (f"matched '{shorter}'", alt.note) if n))
                if alt.status is ResolutionStatus.RESOLVED:
                    break
    if res.status is ResolutionStatus.RESOLVED:
        check = ""
        if outer.status is ResolutionStatus.RESOLVED and outer.lat is not None and res.lat is not None:
            if _holds(gazetteer, outer, res):
                check = f"consistent with '{parsed.container}'"
            else:
                km = float(haversine_km(outer.lat, outer.lon, res.lat, res.lon))
                # The text puts the name in an area the match is not in: the area is what we know.
                return _container_answer(
                    gazetteer, query, outer,
                    f"conflict: '{parsed.name}' matched {res.place.name_en if res.place else '?'} "
                    f"{km:.0f} km from '{parsed.container}', outside it; area from '{parsed.container}'",
                    candidates=res.candidates)
        note = "; ".join(n for n in (f"name '{parsed.name}' in '{parsed.container}'", check, res.note) if n)
        return replace(res, query=query, note=note)
    enclave = _in_enclave(gazetteer, outer, res)
    if enclave is not None:
        return enclave
    if outer.status is ResolutionStatus.RESOLVED:
        # The name is not found, or found only elsewhere, or the container cannot tell its namesakes
        # apart: the container's area (its own, coarser precision) is what the text tells us.
        why = ("not found" if res.status is ResolutionStatus.UNRESOLVED else
               "found only elsewhere" if res.doubt is Doubt.OUTSIDE_UNIT or res.note.startswith("conflict")
               else "not identified")
        return _container_answer(gazetteer, query, outer, f"'{parsed.name}' {why} in '{parsed.container}'; "
                                 f"area from '{parsed.container}'", candidates=res.candidates, container=container)
    if res.status is ResolutionStatus.AMBIGUOUS:
        return replace(res, query=query, note="; ".join(
            n for n in (f"name '{parsed.name}' in '{parsed.container}'", res.note) if n))
    return None


def _in_enclave(gazetteer, outer: Resolution, res: Resolution) -> Resolution | None:
    """«مخيم اليرموك في ريف دمشق»: the match lies in a unit the named one surrounds (Damascus in Rural
    Damascus) — inside the named unit's outline with its holes filled, so the text is right about it."""
    if res.status is not ResolutionStatus.AMBIGUOUS or res.doubt is not Doubt.OUTSIDE_UNIT or not res.candidates:
        return None
    if outer.status is not ResolutionStatus.RESOLVED or outer.area is None or not outer.area.geometry_wkt:
        return None
    from shapely import wkt
    from shapely.geometry import MultiPolygon, Point, Polygon
    geom = wkt.loads(outer.area.geometry_wkt)
    parts = geom.geoms if isinstance(geom, MultiPolygon) else [geom] if isinstance(geom, Polygon) else []
    top = res.candidates[0]
    if not any(Polygon(part.exterior).contains(Point(top.place.lon, top.place.lat)) for part in parts):
        return None
    if top.score < 100 or len(res.candidates) > 1 and res.candidates[1].score >= top.score - 6:
        return None   # only an exact match that leads, as any answer needs
    area = gazetteer.resolver.area_for(top.place, loose=False)
    return Resolution(query=res.query, status=ResolutionStatus.RESOLVED, place=top.place, area=area,
                      candidates=res.candidates,
                      note=f"{top.place.name_en} ({top.place.pcode}) lies in a unit that {outer.area.label_en} surrounds")


def unit_of_seat(gazetteer, res: Resolution, kind) -> Resolution | None:
    """«مقاطعة كوباني», «ناحية X»: the type word names a unit, the match is the town that is its seat → the unit.

    (An alias such as Kobani belongs to the town, so the district's own names do not match it.)
    """
    from gazetteer.model import PlaceKind
    if kind not in (PlaceKind.DISTRICT, PlaceKind.SUBDISTRICT) or res.status is not ResolutionStatus.RESOLVED:
        return None
    town = res.place
    if town is None or town.kind not in (PlaceKind.CITY, PlaceKind.COMMUNITY):
        return None
    seat = gazetteer.resolver._seats.get(town.pcode)
    ref = (town.admin2 if kind is PlaceKind.DISTRICT and seat == "district"
           else town.admin3 if kind is PlaceKind.SUBDISTRICT and seat in ("district", "sub-district") else None)
    unit = gazetteer.place(ref.pcode) if ref is not None else None
    if unit is None:
        return None
    return Resolution(query=res.query, status=ResolutionStatus.RESOLVED, place=unit,
                      area=gazetteer.resolver.area_for(unit, loose=False), candidates=res.candidates,
                      note=f"the {kind.value} whose seat is {town.name_en} ({town.pcode})")


QUARTER_HEADS = {"حي", "احياء", "احيا", "حيي", "حيا"}  # «أحياء» folds to «احيا»


def _fold_word(word: str) -> str:
    return "".join(fold_arabic_words(word))


def _quarter_of_city(gazetteer, query: str, parsed: PlacePhrase, *, context) -> Resolution | None:
    """«حي في جنوب مدينة الحسكة»: a quarter in the south *of the city* — the city's own southern part.

    Said of a neighbourhood, «جنوب مدينة X» is the part of X, not the land beyond it.
    """
    if not parsed.head or not {w for w in fold_arabic_words(parsed.head)} & QUARTER_HEADS:
        return None
    from gazetteer.phrases import parse_relative
    from gazetteer.relative import resolve_phrase
    rel = parse_relative(parsed.container.split(" في ")[0])
    if rel is None or rel.bearing is None or rel.countryside or rel.distance_km is not None or rel.before or rel.country:
        return None
    res = resolve_phrase(gazetteer.resolver, query, replace(rel, part_of=True), context=context)
    if res.status is not ResolutionStatus.RESOLVED or res.area is None or res.area.precision.value != "near":
        return None
    return replace(res, note=f"a quarter in '{parsed.container}': {res.note}")


def _governorate_countryside(gazetteer, container: str, outer: Resolution) -> Resolution | None:
    """«ريف اللاذقية الشمالي» holding a place we cannot find: the northern part of the *governorate*.

    News calls a governorate's land «ريف X» after its capital (the labels do too); a 40 km disc
    around the city claims more than the text says — the place may lie 60 km out. Not for
    «ريف مدينة X» (the text names the city) nor for a governorate smaller than that disc (Damascus).
    """
    from gazetteer.phrases import parse_relative
    from gazetteer.relative import direction_name_ar
    rel = parse_relative(container) if is_arabic(container) else None
    anchor = outer.area.anchor if outer.area is not None else None
    if rel is None or rel.countryside != "countryside" or rel.distance_km is not None or rel.before or anchor is None:
        return None
    if "مدينه" in fold_arabic_words(container) or anchor.kind.value != "city" or anchor.admin1 is None:
        return None
    if fold_arabic_words(anchor.admin1.name_ar) != fold_arabic_words(anchor.name_ar):
        return None                       # not the capital the governorate is named after
    governorate = gazetteer.place(anchor.admin1.pcode)
    whole = gazetteer.resolver.area_for(governorate, loose=False) if governorate is not None else None
    if whole is None or whole.radius_km < 40.0:
        return None
    direction = (direction_name_ar(rel.bearing) + " ") if rel.bearing is not None else ""
    res = gazetteer.resolve_uncached(f"{direction}محافظة {anchor.admin1.name_ar}")
    return res if res.status is ResolutionStatus.RESOLVED and res.area is not None else None


BETWEEN_MAX_KM = 60.0


def _between(gazetteer, query: str, container: str, *, context, near) -> Resolution | None:
    """«بين بلدتي تادف والباب»: a NEAR disc over both places (when both are placed, at most 60 km apart)."""
    from gazetteer.geometry import disc
    from gazetteer.model import Area, Precision
    from gazetteer.structured_ar import between_parts
    parts = between_parts(container)
    if parts is None:
        return None
    answers = [gazetteer.resolve_uncached(part, context=context, near=near) for part in parts]
    if not all(a.status is ResolutionStatus.RESOLVED and a.lat is not None for a in answers):
        return None
    a, b = answers
    km = float(haversine_km(a.lat, a.lon, b.lat, b.lon))
    if km > BETWEEN_MAX_KM:
        return Resolution(query=query, status=ResolutionStatus.AMBIGUOUS, candidates=a.candidates[:2] + b.candidates[:2],
                          doubt=Doubt.DISAGREE, note=f"between '{parts[0]}' and '{parts[1]}', {km:.0f} km apart: too far for one area")
    lat, lon = (a.lat + b.lat) / 2, (a.lon + b.lon) / 2
    radius = round(km / 2 + max(a.radius_km or 0.0, b.radius_km or 0.0, 3.0), 1)
    anchor = a.place or (a.area.anchor if a.area else None)
    # Two towns a few km apart: the area of a town; farther apart, a district-sized stretch.
    precision = Precision.NEAR if radius <= NEAR_MAX_KM else Precision.DISTRICT   # a wider one is district-sized
    area = Area(lat=round(lat, 6), lon=round(lon, 6), radius_km=radius, precision=precision,
                geometry_wkt=disc(lat, lon, radius).wkt, label_en=f"between {parts[0]} and {parts[1]}",
                label_ar=query, anchor=anchor)
    return Resolution(query=query, status=ResolutionStatus.RESOLVED, area=area, candidates=a.candidates,
                      note=f"between '{parts[0]}' and '{parts[1]}' ({km:.0f} km apart): a {radius:g} km area over both")


def _container_answer(gazetteer, query: str, outer: Resolution, note: str, candidates=None,
                      container: str = "") -> Resolution:
    """The container's own answer as an area — never a town's point for a place inside the town."""
    wider = _governorate_countryside(gazetteer, container, outer) if container else None
    if wider is not None:
        outer = replace(wider, note="; ".join(n for n in (wider.note, "the governorate's countryside") if n))
    area = outer.area
    if outer.place is not None and (area is None or area.precision.value == "point"):
        area = gazetteer.resolver.area_for(outer.place, loose=True)
    if area is None:
        return replace(outer, query=query, note="; ".join(n for n in (note, outer.note) if n))
    return Resolution(query=query, status=ResolutionStatus.RESOLVED, area=area,
                      candidates=outer.candidates if candidates is None else candidates,
                      note="; ".join(n for n in (note, outer.note) if n))


def _holds(gazetteer, outer: Resolution, res: Resolution) -> bool:
    """Does the container's answer hold the name's answer? (its shape + ~10 km, its unit, or 15 km of its point)."""
    place = res.place or (res.area.anchor if res.area is not None else None)   # «شرق مدينة تدمر»: its town
    if place is not None and outer.area is not None and outer.area.anchor is not None:
        anchor = outer.area.anchor
        units = {r.pcode for r in (place.admin1, place.admin2, place.admin3) if r}
        if anchor.pcode in units:
            return True           # «بريف حلب»: inside Aleppo governorate
        if in_capital_countryside(outer.area, place, max_km=100.0):
            return True           # «ريف حلب الشرقي»: the countryside of a governorate's capital
    if place is not None:
        units = {r.pcode for r in (place.admin1, place.admin2, place.admin3) if r}
        holder = outer.area.anchor if outer.area is not None and outer.area.anchor is not None else outer.place
        if (holder is not None and RURAL_DAMASCUS in units
                and DAMASCUS_CITY_UNIT in (holder.pcode, holder.admin1.pcode if holder.admin1 else "")):
            return True           # «الرحيبة في محافظة دمشق»: the city's unit is islanded in Rural Damascus,
                                  # and the press names both «دمشق»
        if any(c.place.pcode in units and "exact" in c.reasons for c in outer.candidates[:4]
               if c.place.kind.value in ("governorate", "district")):
            return True           # «في حلب»: the city's name is also its governorate's, and the match is in it
    if outer.area is not None and outer.area.geometry_wkt:
        from shapely import wkt
        from shapely.geometry import Point
        if wkt.loads(outer.area.geometry_wkt).buffer(0.1).contains(Point(res.lon, res.lat)):
            return True
    km = float(haversine_km(outer.lat, outer.lon, res.lat, res.lon))
    return km <= (outer.radius_km or 0.0) + 15.0
