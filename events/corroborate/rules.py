"""When two reports plausibly describe the same incident: type family, dates, places, actors.

Why these rules (all must hold):
* **type family**: datasets code the same incident differently (UCDP has
  only state-based / non-state / one-sided violence; an article says "air
  strike"), so types are compared by family, not value;
* **dates**: spans overlap once widened by their precision (a day-precise
  report may be dated a day off by the next morning's paper);
* **places**: the uncertainty circles intersect, or the points lie within
  ``NEAR_KM``; a report known only at region or country level can
  corroborate nothing (it would link to every incident of the day), and
  governorate-level ones only within their governorate;
* **actors**, where both name them: some party in common once names are
  folded to a party key (``Government of Syria`` ~ ``Syrian army``); names we
  cannot fold never block a link;
* two reports typed by our own ingestion (not a dataset's coarse codes) need
  the same type, and death tolls, where both give one, within a factor of
  two (measured on bench/labels/corroboration_pairs.csv: precision 0.39 →
  0.71 for the type rule).
"""
from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache

from events.model import DatePrecision, Event, EventType
from gazetteer.geometry import haversine_km

FAMILIES: dict[EventType, str] = {
    EventType.CLASH: "violence", EventType.ATTACK: "violence", EventType.AIR_STRIKE: "violence",
    EventType.SHELLING: "violence", EventType.EXPLOSION: "violence",
    EventType.TERRITORY: "control", EventType.SIEGE_BROKEN: "control", EventType.SIEGE: "control",
    EventType.EVACUATION: "movement", EventType.DISPLACEMENT: "movement",
    EventType.ARREST: "arrest", EventType.PROTEST: "protest", EventType.OTHER: "other",
}
#: Extra days added to each side of a span, by date precision.
SLACK_DAYS = {DatePrecision.DAY: 1, DatePrecision.NIGHT: 1, DatePrecision.WEEK: 0, DatePrecision.RANGE: 0,
              DatePrecision.MONTH: 0, DatePrecision.YEAR: 0}
#: Points this close (km) are "the same place" whatever their stated precision (geocoding noise).
NEAR_KM = 5.0
#: Uncertainty radius (km) assumed by precision when the place gives none.
RADIUS_KM = {"point": 1.0, "near": 10.0, "subdistrict": 15.0, "district": 40.0, "governorate": 100.0}
#: Precisions too vague to corroborate anything.
UNLINKABLE = frozenset({"region", "country"})
#: Longest span (days) a report may cover and still link: "sometime in 2017" corroborates nothing.
MAX_SPAN_DAYS = 31

#: Party keys: a few well-known parties under their usual names (English and Arabic), folded for comparison.
_PARTIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("syrian_government", ("government of syria", "syrian army", "syrian arab army", "regime", "assad",
                           "military forces of syria", "syrian government", "الجيش السوري", "النظام", "قوات النظام",
                           "الجيش العربي السوري")),
    ("islamic_state", ("is", "isis", "isil", "islamic state", "daesh", "داعش", "تنظيم الدولة")),
    ("sdf", ("sdf", "syrian democratic forces", "ypg", "pyd", "قسد", "قوات سوريا الديمقراطية", "وحدات حماية الشعب")),
    ("russia", ("russia", "russian", "روسيا", "الروسي")),
    ("turkey", ("turkey", "turkish", "تركيا", "التركي")),
    ("coalition", ("coalition", "united states", "us forces", "التحالف", "الأمريكي", "الأميركي")),
    ("hts", ("hts", "hayat tahrir al-sham", "jabhat al-nusra", "nusra", "هيئة تحرير الشام", "النصرة")),
    ("opposition", ("syrian insurgents", "free syrian army", "fsa", "rebels", "opposition", "المعارضة",
                    "الجيش الحر", "الفصائل")),
)
_WORD = re.compile(r"[\w\u0600-\u06FF]+")


def family(event: Event) -> str:
    return FAMILIES.get(event.event_type, "other")


#: Vague reports (long spans, region/country level) link only to an exact copy: same span, points this close.
COPY_KM = 2.0


def vague(event: Event) -> bool:
    """Too vague to corroborate anything but an exact copy of itself."""
    d, p = event.date, event.place
    if d is None or p is None or not p.located:
        return False
    return (d.end - d.start).days > MAX_SPAN_DAYS or (p.precision is not None and p.precision.value in UNLINKABLE)


def widened_span(event: Event) -> tuple[int, int] | None:
    """(first, last) day ordinals after widening, or None when undated or too vague to link."""
    d = event.date
    if d is None or (d.end - d.start).days > MAX_SPAN_DAYS:
        return None
    slack = timedelta(days=SLACK_DAYS.get(d.precision, 0))
    return (d.start - slack).toordinal(), (d.end + slack).toordinal()


def radius_km(event: Event) -> float | None:
    """The place's uncertainty radius, or None when the event cannot be placed well enough to link."""
    p = event.place
    if p is None or not p.located:
        return None
    precision = p.precision.value if p.precision else "point"
    if precision in UNLINKABLE:
        return None
    return float(p.radius_km) if p.radius_km else RADIUS_KM.get(precision, 1.0)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (the gazetteer's haversine, as plain floats)."""
    return float(haversine_km(float(lat1), float(lon1), float(lat2), float(lon2)))


@lru_cache(maxsize=65_536)
def party_keys(actors: tuple[str, ...]) -> frozenset[str]:
    """The parties we can recognise among ``actors`` (folded, whole-word match)."""
    keys = set()
    for actor in actors:
        text = " ".join(_WORD.findall(actor.casefold()))
        padded = f" {text} "
        for key, names in _PARTIES:
            if any(f" {name} " in padded or (len(name) > 3 and name in text) for name in names):
                keys.add(key)
    return frozenset(keys)


def from_dataset(event: Event) -> bool:
    return any(tag in ("ucdp", "acled") for tag in event.tags) or event.id.startswith(("ucdp:", "acled:"))


def types_compatible(a: Event, b: Event) -> bool:
    """Same family; two reports typed by our own reading (not a dataset's coarse codes) need the same type."""
    if family(a) != family(b):
        return False
    return a.event_type is b.event_type or from_dataset(a) or from_dataset(b)


_DEATHS = ("killed", "deaths", "dead", "fatalities", "قتيل", "قتلى")


def deaths(event: Event) -> tuple[int, int] | None:
    for c in event.counts:
        if c.what.casefold() in _DEATHS and c.min is not None:
            return c.min, c.max if c.max is not None else c.min * 2 + 5
    return None


def counts_compatible(a: Event, b: Event) -> bool:
    """Death tolls, where both give one, within a factor of two (tolls rise as reports come in)."""
    da, db = deaths(a), deaths(b)
    if da is None or db is None:
        return True
    return da[0] <= 2 * db[1] + 2 and db[0] <= 2 * da[1] + 2


def actors_compatible(a: Event, b: Event) -> bool:
    ka, kb = party_keys(a.actors), party_keys(b.actors)
    return not ka or not kb or bool(ka & kb)


def places_compatible(a: Event, b: Event, ra: float, rb: float) -> tuple[bool, float]:
    """(compatible, distance km). Governorate-level reports must share the governorate when both have one."""
    pa, pb = a.place, b.place
    km = distance_km(pa.lat, pa.lon, pb.lat, pb.lon)
    if km > max(NEAR_KM, ra + rb):
        return False, km
    coarse = {"governorate"} & {pa.precision.value if pa.precision else "", pb.precision.value if pb.precision else ""}
    if coarse and pa.admin1_pcode and pb.admin1_pcode and pa.admin1_pcode != pb.admin1_pcode:
        return False, km
    return True, km
