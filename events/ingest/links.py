"""From candidates to drafts: merge restatements, link denials, give stable ids.

Why here and not per clause: whether "the evacuation of a number of
commanders during the last week of August" is a new event or a restatement
of "more than 22 commanders in late August" only shows once the whole
article is read. The rules are deliberately conservative:

- two denials by the same party of the same kind of event are one denial;
- a claim without a number whose dates lie inside another claim of the same
  type, status and governorate that has a number is a restatement, merged;
- a denial denies a claim only when what it denies matches it: the same type,
  dates that overlap (any date when the denial names none), and the same place
  (one inside the other, or within 10 km) OR the same actor (a ministry speaks
  for its forces: "Russian MoD" answers for "Russian forces"). A denial that
  matches no event of the article is a context note, not a draft;
- a claim inside another one's dates and governorate is ``related`` to it
  (the night in al-Tarif is part of "late August");
- a siege broken and the siege itself at the same place are related.

Ids are ``<published>-<outlet>-<type>-<place>`` (``-2``… on collision, in
article order), so ingesting the same article again gives the same ids and
the store refuses the duplicates.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

from events.ingest.actors import find_actors
from events.ingest.candidate import Candidate, Draft
from events.model import ClaimStatus, Event, EventType, Place, Source
from errors import ValidationError
from gazetteer.geometry import haversine_km
from events.validate import validate_event

_TRANSLIT = dict(zip("ابتثجحخدذرزسشصضطظعغفقكلمنهويةءىأإآؤئ",
                     ["a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "", "gh",
                      "f", "q", "k", "l", "m", "n", "h", "w", "y", "a", "", "a", "a", "a", "a", "w", "y"]))
_HEAD_WORDS = {"منطقة", "المنطقة", "بلدة", "قرية", "مدينة", "محافظة", "ريف", "حي", "مخيم", "التابعة", "في", "the", "town",
               "village", "city", "of", "area", "province", "governorate"}


def slug(text: str) -> str:
    """ASCII slug; Arabic is transliterated roughly (ids only need to be stable and readable)."""
    out = "".join(_TRANSLIT.get(ch, ch) for ch in text)
    out = unicodedata.normalize("NFKD", out).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", out).strip("-")[:40].strip("-")


def _place_slug(c: Candidate) -> str:
    place = c.place or c.origin or c.destination
    if place is None:
        return "unplaced"
    if place.name_en:
        return slug(place.name_en.replace("governorate", "").replace("north of Syria", "north"))
    words = [w for w in place.as_written.split() if w not in _HEAD_WORDS]
    return slug(" ".join(words[:3])) or "place"


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.date is not None and b.date is not None and a.date.start <= b.date.end and b.date.start <= a.date.end


def _within(a: Candidate, b: Candidate) -> bool:
    return a.date is not None and b.date is not None and b.date.start <= a.date.start and a.date.end <= b.date.end


def _admin1(c: Candidate) -> str:
    place = c.place or c.origin
    return place.admin1_pcode if place is not None else ""


def _same_area(a: Candidate, b: Candidate) -> bool:
    x, y = _admin1(a), _admin1(b)
    return not x or not y or x == y


def _km(a: Place, b: Place) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _near(a: Candidate, b: Candidate, km: float = 10.0) -> bool:
    """Both placed, in one governorate, within about ``km`` (never across governorates)."""
    x, y = a.place or a.origin, b.place or b.origin
    if x is None or y is None or not x.located or not y.located or a.event_type in MOVES or b.event_type in MOVES:
        return False
    if x.admin1_pcode and y.admin1_pcode and x.admin1_pcode != y.admin1_pcode:
        return False
    if _wide(x) != _wide(y):
        return False  # «قرى درعا» (the countryside, anchored on the city) is not «أحياء درعا البلد» (the city)
    return x.pcode == y.pcode if x.pcode and y.pcode else _km(x, y) <= km


#: An area this wide (or a unit) is a countryside or a region, not the town its code is anchored on.
WIDE_KM = 15.0


def _wide(p) -> bool:
    return (p.precision is not None and p.precision.value in ("district", "governorate", "region", "country")) or (
        (p.radius_km or 0.0) > WIDE_KM)


MOVES = (EventType.EVACUATION, EventType.DISPLACEMENT)


def _covers(a: Candidate, b: Candidate) -> bool:
    """One telling names only the governorate, the other a place in it («غارات على جسرين في محافظة دير الزور»
    … «في ريف دير الزور»): with the same type and agreeing dates, the same event placed at two scales. A
    region of the country told first («قصفها مدينة … في شمال غرب سوريا», then «وسط مدينة أريحا») is the same."""
    x, y = a.place or a.origin, b.place or b.origin
    if x is None or y is None or a.event_type in MOVES:
        return False
    regional = [_regional(p) for p in (x, y)]
    if any(regional) and not all(regional):
        area, finer = (x, y) if regional[0] else (y, x)
        return (a.paragraph == b.paragraph and area.located and finer.located
                and _km(area, finer) <= (area.radius_km or 0.0))
    if not x.admin1_pcode or x.admin1_pcode != y.admin1_pcode:
        return False
    gov = [p.precision is not None and p.precision.value == "governorate" for p in (x, y)]
    if not any(gov):
        return False
    finer = y if gov[0] else x  # a town or village is an incident of its own, never folded into its governorate
    return not (finer.located and finer.precision is not None and (finer.precision.value == "point" or (
        finer.precision.value == "near" and (finer.radius_km or 0) <= 10)))


def _finer_inside(finer: Place | None, wide: Place | None) -> bool:
    """«قرب دير الزور» told first, «جسرين في محافظة دير الزور» later and richer: the town is where the event is."""
    return (finer is not None and wide is not None and finer.located and not _wide(finer) and _wide(wide)
            and wide.precision is not None and wide.precision.value in ("district", "governorate")
            and bool(finer.admin1_pcode) and finer.admin1_pcode == wide.admin1_pcode)


def _regional(p: Place) -> bool:
    return p.precision is not None and p.precision.value in ("region", "country")


def _elsewhere(a: Candidate, b: Candidate) -> bool:
    """One paragraph, placed at points of different communities: two incidents, however the numbers and dates
    fall («16 غارات على درعا … براميل على بلدة خراب الشحم»: the village is not a restatement of the city).
    Across paragraphs a restatement may name a nearer village ("near Manbij" … "around Arima")."""
    if a.paragraph != b.paragraph:
        return False
    x, y = a.place or a.origin, b.place or b.origin
    points = all(p is not None and p.located and p.pcode and p.precision is not None and (
        p.precision.value == "point" or p.precision.value == "near" and (p.radius_km or 0) <= 10) for p in (x, y))
    return points and x.pcode != y.pcode


_STRIKES = (EventType.AIR_STRIKE, EventType.SHELLING)


def _bombardment_retold(kept: Candidate, c: Candidate) -> bool:
    """«قصف» is any bombardment: a later paragraph's undated, uncounted «تعرضت القرى لقصف» at the same place and
    days as an air strike (or shelling) told before is that event retold, not a second one."""
    return ({kept.event_type, c.event_type} == set(_STRIKES) and kept.paragraph != c.paragraph and not c.date_stated
            and not c.counts and c.status is not ClaimStatus.DENIED and kept.status is not ClaimStatus.DENIED
            and _overlaps(c, kept) and _near(c, kept))


def _dates_agree(kept: Candidate, c: Candidate) -> bool:
    """A later telling may be the same event when it states no date, the same date, or a date inside the
    publication default of an earlier telling that stated none (the lead's undated «سقطت مقاتلة على أريحا» and
    a later «أمس» at the same town: the default span only said "about now")."""
    if not c.date_stated or c.date == kept.date or (kept.date_source == "default" and _within(c, kept)):
        return True
    # «الجمعة» and «بعد منتصف ليل الخميس»: a day inside a night (or a night around a day) told twice; the same
    # day stated twice at one place may be two events (an advance into a town, then the plain beside it)
    nested = _within(c, kept) or _within(kept, c)
    return nested and (c.date.start, c.date.end) != (kept.date.start, kept.date.end)


#: How far before the publication default a stated telling may lie and still be what an undated one retells.
RETELLING_DAYS = 7


def _undated_retelling(a: Candidate, b: Candidate) -> bool:
    """One telling states its day, the other has only the publication default ("about now"), and the stated
    day is within RETELLING_DAYS of that default: at one place, the undated telling is the same event."""
    for stated, undated in ((a, b), (b, a)):
        if (stated.date_stated and undated.date_source == "default" and stated.date is not None
                and undated.date is not None and stated.date.end <= undated.date.end
                and (undated.date.start - stated.date.end).days <= RETELLING_DAYS):
            return True
    return False


def _numbered(c: Candidate) -> bool:
    return any(n.min is not None for n in c.counts)


def _richness(c: Candidate) -> int:
    return (2 if c.date_stated else 0) + (1 if c.place is not None else 0) + len(c.counts) + (0 if c.points_back else 1)


def merge(cands: list[Candidate]) -> list[Candidate]:
    """Drop restatements (see module doc), keeping the richer candidate and noting the merge."""
    out: list[Candidate] = []
    for c in cands:
        # «اختطفوا مساء الأربعاء … في أعزاز», then an undated «اختطفوا … على أطراف أعزاز»: the same place first
        target = next((kept for kept in out if kept.event_type is c.event_type and ClaimStatus.DENIED not in (
            kept.status, c.status) and _undated_retelling(kept, c) and _near(c, kept)), None)
        for kept in (out if target is None else ()):
            told = {kept.status, c.status} <= {ClaimStatus.REPORTED, ClaimStatus.CLAIMED}
            if _bombardment_retold(kept, c):
                target = kept
                break
            if kept.event_type is not c.event_type or (kept.status is not c.status and not told):
                continue
            if kept.status is not c.status:  # reported by the outlet, then told by activists: the same strike?
                if _overlaps(c, kept) and _near(c, kept) and _dates_agree(kept, c):
                    target = kept
                    break
                continue
            if c.status is ClaimStatus.DENIED and kept.actors == c.actors:
                target = kept
            elif (c.status is not ClaimStatus.DENIED and not _numbered(c) and _numbered(kept) and _within(c, kept)
                  and _same_area(c, kept) and not _elsewhere(c, kept)):
                target = kept
            elif (c.status is not ClaimStatus.DENIED and not _numbered(kept) and _numbered(c) and _within(kept, c)
                  and _same_area(kept, c) and not _elsewhere(c, kept)):
                target = kept
            elif (c.status is not ClaimStatus.DENIED and _overlaps(c, kept) and (_near(c, kept) or _covers(c, kept))
                  and _dates_agree(kept, c)):
                target = kept  # the same strike told again ("وشنت الطائرات أربع غارات على البلدة")
            if target is not None:
                break
        if target is None:
            out.append(c)
            continue
        if (target.date_source in ("default", "thread") and c.date_stated
                and (_within(c, target) or _undated_retelling(target, c))):
            # the first telling stays the event (it is where a reader meets it); the retelling only dates it
            # (inside the publication default or the story's date, or a stated day shortly before it: «الأحد الماضي»)
            target.date, target.date_stated, target.date_source = c.date, True, "stated"
            target.warnings.append(f"date from a later telling of the same event: «{c.sentence.text[:80]}…»")
        richer, poorer = (c, target) if _richness(c) > _richness(target) else (target, c)
        richer.denies.extend(d for d in poorer.denies if d not in richer.denies)
        richer.counts = richer.counts or poorer.counts
        if richer.place is None or (poorer.place is not None and _regional(richer.place) and not _regional(poorer.place)) or (
                poorer is target and _finer_inside(poorer.place, richer.place)):
            # no place, or only a region of the country where the other telling names the town (or only the
            # governorate where the first telling named it: the reader met the event at that town)
            richer.place, richer.origin, richer.destination = poorer.place, poorer.origin, poorer.destination
            richer.place_parts = list(poorer.place_parts)
        richer.destination = richer.destination or poorer.destination
        richer.actors = richer.actors or poorer.actors
        richer.merged.append(poorer)
        richer.warnings.append(f"merged with a restatement in another sentence: «{poorer.sentence.text[:80]}…»")
        if richer is c:
            out[out.index(target)] = c
    return out


#: Who answers for whom: a ministry or a coalition speaks for its forces.
_SIDE = {"US-led coalition": "US", "US forces": "US", "Russian MoD": "Russia", "Russian forces": "Russia",
         "Turkish MoD": "Turkey", "Turkish forces": "Turkey"}


def _sides(names) -> set[str]:
    return {_SIDE.get(n, n) for n in names}


def denial_sides(d: Candidate) -> set[str]:
    """The actors a denial speaks of: who denies and whom its clause names ("denied that Russian jets …")."""
    text = d.clause.text
    a, b = d.window if d.window != (0, 0) else (0, len(text))
    return _sides(list(d.actors) + [name for name, (s, e) in find_actors(text) if a <= s and e <= b])


def _inside(x: Place, y: Place) -> bool:
    return bool(x.pcode) and x.pcode in (y.pcode, y.admin1_pcode, y.admin2_pcode, y.admin3_pcode)


def same_place(d: Candidate, c: Candidate) -> bool:
    """One of the denial's places is one of the claim's: the same unit, one inside the other, or within 10 km."""
    for x in (d.place, d.origin, d.destination):
        for y in (c.place, c.origin, c.destination):
            if x is None or y is None:
                continue
            if _inside(x, y) or _inside(y, x):
                return True
            if x.located and y.located and _km(x, y) <= 10.0:
                return True
            if not x.pcode and not y.pcode and x.as_written.strip() and x.as_written.strip() == y.as_written.strip():
                return True
    return False


def denies_claim(d: Candidate, c: Candidate) -> bool:
    """What the denial ``d`` denies matches the claim ``c``: type, dates, and place or actor (module doc)."""
    if c.event_type is not d.event_type:
        return False
    if d.date_stated and not _overlaps(c, d):
        return False
    if not d.date_stated and d.points_back:
        return False  # it denies the claim it points at, chosen while reading
    return same_place(d, c) or bool(denial_sides(d) & _sides(c.actors))


def link(cands: list[Candidate]) -> list[Candidate]:
    """Fill denies/related between candidates (module doc); denials without a date take the denied claim's.

    Returns the denials that deny no event of the article: the caller makes them context notes."""
    claims = [c for c in cands if c.status in (ClaimStatus.CLAIMED, ClaimStatus.REPORTED, ClaimStatus.CONFIRMED)]
    unlinked: list[Candidate] = []
    for d in (c for c in cands if c.status is ClaimStatus.DENIED):
        gone = [x for x in d.denies if x not in cands]
        for x in gone:  # the claim it pointed at was merged into a richer one
            holder = next((c for c in cands if x in c.merged), None)
            d.denies.remove(x)
            if holder is not None and holder not in d.denies:
                d.denies.append(holder)
        for c in claims:
            if c not in d.denies and denies_claim(d, c):
                d.denies.append(c)
        if not d.denies:
            unlinked.append(d)
            continue
        if not d.date_stated and d.denies:
            d.date = d.denies[0].date
            d.place = d.place or d.denies[0].place
            d.warnings = [w for w in d.warnings if not w.startswith("date not stated")]
            if not d.points_back:
                d.warnings.append("date and place taken from the denied claim")
    for a in claims:
        for b in claims:
            if a is b or a.event_type is not b.event_type or a.status is not b.status:
                continue
            if _within(a, b) and not _within(b, a) and _same_area(a, b) and b not in a.related:
                a.related.append(b)
    for broken in (c for c in cands if c.event_type is EventType.SIEGE_BROKEN):
        for siege in (c for c in cands if c.event_type is EventType.SIEGE):
            if _same_place(broken.place, siege.place):
                broken.related.append(siege)
                siege.related.append(broken)
                if siege.date is not None:
                    broken.tags.append(f"siege since {siege.date.start.year}")
    for conf in (c for c in cands if c.status is ClaimStatus.CONFIRMED):
        for c in claims:
            if c is not conf and c.event_type is conf.event_type and _overlaps(c, conf) and c not in conf.related:
                conf.related.append(c)
    return unlinked


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return False
    if a.pcode and b.pcode:
        return a.pcode == b.pcode
    return a.as_written.strip() == b.as_written.strip()


def assign_ids(cands: list[Candidate], *, published: date, outlet: str) -> dict[int, str]:
    outlet_slug = slug(outlet.split(" (")[0]) or "unknown"
    ids: dict[int, str] = {}
    used: set[str] = set()
    for c in cands:
        kind = c.event_type.value.replace("_", "-") + ("-denial" if c.status is ClaimStatus.DENIED else "")
        base = f"{published.isoformat()}-{outlet_slug}-{kind}-{_place_slug(c)}"[:120].strip("-")
        ev_id, n = base, 1
        while ev_id in used:
            n += 1
            ev_id = f"{base}-{n}"
        used.add(ev_id)
        ids[id(c)] = ev_id
    return ids


def _validated(event: Event, *, where: str) -> tuple[Event | None, list[str]]:
    """Validate like every other way in; drop a part the checks refuse (with a warning), not the article."""
    dropped: list[str] = []
    for _ in range(4):
        try:
            return validate_event(event, where=where), dropped
        except ValidationError as exc:
            part = (exc.field or "").split("[")[0].split(".")[0]
            if part not in ("counts", "place", "origin", "destination", "date_start", "date_end", "date_precision"):
                return None, dropped
            dropped.append(f"dropped {part}: {exc.message}")
            key = "date" if part.startswith("date") else part
            event = replace(event, **{key: () if key == "counts" else None})
    return None, dropped


_TYPE_LABEL = {t: t.value.replace("_", " ").capitalize() for t in EventType}
_TYPE_AR = {"evacuation": "إجلاء", "siege_broken": "كسر حصار", "siege": "حصار", "air_strike": "غارة جوية",
            "shelling": "قصف", "clash": "اشتباكات", "attack": "هجوم", "explosion": "انفجار", "territory": "سيطرة",
            "arrest": "اعتقال", "protest": "احتجاج", "displacement": "نزوح", "other": "حدث"}
_STATUS_AR = {"claimed": "ادعاء", "denied": "نفي", "reported": "خبر", "confirmed": "تأكيد"}


def _titles(c: Candidate) -> tuple[str, str]:
    """Short English and Arabic titles: type (status): place, dates — the analyst rewrites them in review."""
    where = c.place or c.origin
    span = "" if c.date is None else (
        c.date.start.isoformat() + (f"–{c.date.end.isoformat()}" if c.date.end != c.date.start else ""))
    place_en = (where.name_en or where.as_written) if where is not None else "place not stated"
    place_ar = (where.name_ar or where.as_written) if where is not None else "المكان غير مذكور"
    title_en = f"{_TYPE_LABEL[c.event_type]} ({c.status.value}): {place_en}, {span}"
    title_ar = f"{_TYPE_AR[c.event_type.value]} ({_STATUS_AR[c.status.value]}): {place_ar}، {span}"
    return title_en[:500], title_ar[:500]


def to_drafts(cands: list[Candidate], facts: dict, *, published: date) -> list[Draft]:
    """Build the frozen Events (validated like any other way in) and wrap them as Drafts."""
    ids = assign_ids(cands, published=published, outlet=facts["outlet"] or "unknown")
    drafts = []
    for c in cands:
        source = Source(outlet=facts["outlet"] or "unknown outlet", agency=c.chain.agency, source=c.chain.source,
                        published=published, title=facts["title"][:500], quote=c.sentence.text,
                        language=facts["language"])
        title_en, title_ar = _titles(c)
        event = Event(id=ids[id(c)], event_type=c.event_type, status=c.status, title_en=title_en,
                      title_ar=title_ar, summary=c.clause.text.strip(), date=c.date, place=c.place, origin=c.origin,
                      destination=c.destination, actors=tuple(c.actors), counts=tuple(c.counts), sources=(source,),
                      denies=tuple(ids[id(x)] for x in c.denies if id(x) in ids),
                      related=tuple(dict.fromkeys(ids[id(x)] for x in c.related if id(x) in ids)),
                      tags=tuple(dict.fromkeys(c.tags)))
        event, dropped = _validated(event, where=f"sentence {c.sentence.index + 1}")
        if event is None:
            continue
        warnings = tuple(dict.fromkeys(list(facts["warnings"]) + c.warnings + dropped))
        drafts.append(Draft(event=event, sentence=c.sentence.text, span=c.sentence.span,
                            confidence=c.confidence(), warnings=warnings, kind=c.kind, date_source=c.date_source,
                            place_parts=tuple(dict.fromkeys(c.place_parts))))
    kept = {d.event.id for d in drafts}
    return [d if set(d.event.denies + d.event.related) <= kept else replace(d, event=replace(
        d.event, denies=tuple(i for i in d.event.denies if i in kept),
        related=tuple(i for i in d.event.related if i in kept))) for d in drafts]
