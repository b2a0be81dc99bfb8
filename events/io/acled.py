"""ACLED CSV export → Events (read only).

Why: ACLED is the reference dataset analysts compare against; importing it
puts their coded events on the same map as ours. Each row becomes one event
with status REPORTED and id ``acled:<event_id_cnty>``. Rows for another
country are rejected (field ``country``), not silently dropped.

Layouts: ACLED's current export codebook (event_id_cnty, event_date, year,
time_precision, disorder_type, event_type, sub_event_type, actor1,
assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction,
civilian_targeting, iso, region, country, admin1–3, location, latitude,
longitude, geo_precision, source, source_scale, notes, fatalities, tags,
timestamp), and the older ones (data_id, event_id_no_cnty, iso3; the
pre-2019 upper-case headers with ally_actor_1/2). Columns of none of these
are named in a note ("not read") instead of being dropped silently.
Required: event_id_cnty, event_date, event_type, country, latitude,
longitude.

Kept as tags: ``source_scale:<value>``, ``disorder:<disorder_type>``,
``civilian_targeting``, and ACLED's own ``tags`` (``acled_tag:<tag>``);
admin codes come from the point (events/admincodes.py). A time_precision or
geo_precision the codebook does not define is kept with an ``unknown_code``
flag (events/quality.py), not refused.

Dates: ``05 September 2017``, ``5-September-2017``, ``05 Sep 2017`` or ISO
``2017-09-05``. time_precision 1 → that day; 2 → WEEK, the date ±3 days;
3 → MONTH, the date's calendar month. geo_precision → Precision.from_acled
(1 point, 2 near, 3 district) with DEFAULT_RADIUS_KM. fatalities → Count
"fatalities" (min = max). source ("A; B") → one Source per outlet; notes →
summary; actors: actor1, assoc_actor_1, actor2, assoc_actor_2 (split on ";").

Type mapping (sub_event_type first, then event_type as a fallback):

======================================= ==============
ACLED sub_event_type                    EventType
======================================= ==============
Armed clash                             CLASH
Government regains territory            TERRITORY
Non-state actor overtakes territory     TERRITORY
Non-violent transfer of territory       TERRITORY
Air/drone strike                        AIR_STRIKE
Shelling/artillery/missile attack       SHELLING
Remote explosive/landmine/IED           EXPLOSION
Suicide bomb, Grenade                   EXPLOSION
Chemical weapon                         ATTACK
Attack, Sexual violence, Mob violence   ATTACK
Abduction/forced disappearance, Arrests ARREST
Peaceful protest, Protest with          PROTEST
intervention, Excessive force against
protesters, Violent demonstration
(anything else under Strategic devel.)  OTHER
======================================= ==============
event_type fallback: Battles → CLASH, Explosions/Remote violence →
EXPLOSION, Violence against civilians → ATTACK, Protests/Riots → PROTEST,
Strategic developments → OTHER; an unknown event_type is rejected.
"""
from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import BinaryIO

from errors import ValidationError
from events import quality
from events.io._common import Collector, ImportResult, Progress
from events.io._tabular import CsvRows, collect
from events.io._foreign import DEFAULT_RADIUS_KM, code, number, require_syria, split_list, whole, validated
from events.model import ClaimStatus, Count, DatePrecision, Event, EventDate, EventType, Place, Source
from gazetteer.model import Precision

FORMAT = "acled"
REQUIRED = ("event_id_cnty", "event_date", "event_type", "country", "latitude", "longitude")

SUB_EVENT_TYPES: dict[str, EventType] = {
    "armed clash": EventType.CLASH,
    "government regains territory": EventType.TERRITORY,
    "non-state actor overtakes territory": EventType.TERRITORY,
    "non-violent transfer of territory": EventType.TERRITORY,
    "air/drone strike": EventType.AIR_STRIKE,
    "shelling/artillery/missile attack": EventType.SHELLING,
    "remote explosive/landmine/ied": EventType.EXPLOSION,
    "suicide bomb": EventType.EXPLOSION,
    "grenade": EventType.EXPLOSION,
    "chemical weapon": EventType.ATTACK,
    "attack": EventType.ATTACK,
    "sexual violence": EventType.ATTACK,
    "mob violence": EventType.ATTACK,
    "abduction/forced disappearance": EventType.ARREST,
    "arrests": EventType.ARREST,
    "peaceful protest": EventType.PROTEST,
    "protest with intervention": EventType.PROTEST,
    "excessive force against protesters": EventType.PROTEST,
    "violent demonstration": EventType.PROTEST,
}
EVENT_TYPES: dict[str, EventType] = {
    "battles": EventType.CLASH,
    "explosions/remote violence": EventType.EXPLOSION,
    "violence against civilians": EventType.ATTACK,
    "protests": EventType.PROTEST,
    "riots": EventType.PROTEST,
    "strategic developments": EventType.OTHER,
}
#: Every column of ACLED's current and older export layouts (lower case).
CURRENT_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                   "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                   "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                   "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                   "fatalities", "tags", "timestamp")
OLDER_COLUMNS = ("data_id", "event_id_no_cnty", "iso3", "gwno", "ally_actor_1", "ally_actor_2", "geo_precis")
#: Older names of current columns.
RENAMED = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2", "geo_precis": "geo_precision"}
_DATE_FORMATS = ("%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%Y-%m-%d")

#: validate_event's field names → ACLED columns, so rejects name what the user sees.
_FIELDS = {"id": "event_id_cnty", "place": "latitude", "place.lat": "latitude", "place.lon": "longitude",
           "date_start": "event_date", "date_end": "event_date", "summary": "notes", "title_en": "sub_event_type",
           "place.as_written": "location", "place.name_en": "location", "counts[0].min": "fatalities"}


def _field(name: str) -> str:
    if name in _FIELDS:
        return _FIELDS[name]
    if name.startswith("actors["):
        return "actor1"
    if name.startswith("sources["):
        return "source"
    return name


@lru_cache(maxsize=65_536)
def _known_date(text: str) -> date | None:
    """Cached: a dataset has a few thousand distinct days, and strptime is slow."""
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_date(value: str) -> date:
    parsed = _known_date(" ".join((value or "").split()))
    if parsed is not None:
        return parsed
    raise ValidationError("is not a date ACLED writes (e.g. '05 September 2017' or 2017-09-05)",
                          field="event_date", value=value)


def event_type(row: dict[str, str]) -> EventType:
    sub = (row.get("sub_event_type") or "").strip().lower()
    if sub in SUB_EVENT_TYPES:
        return SUB_EVENT_TYPES[sub]
    main = (row.get("event_type") or "").strip().lower()
    if main in EVENT_TYPES:
        return EVENT_TYPES[main]
    raise ValidationError(f"unknown ACLED event_type; expected one of: {', '.join(sorted(EVENT_TYPES))}",
                          field="event_type", value=row.get("event_type"))


def _event_date(row: dict[str, str], flags: list[str] | None = None) -> EventDate:
    written = (row.get("event_date") or "").strip()
    day = parse_date(written)
    try:
        prec = code(row.get("time_precision"), field="time_precision", allowed=(1, 2, 3)) or 1
    except ValidationError:
        if flags is None:
            raise
        flags.append(quality.flag(quality.UNKNOWN_CODE, f"time_precision={(row.get('time_precision') or '').strip()}"))
        prec = 1
    if prec == 2:
        return EventDate(day - timedelta(days=3), day + timedelta(days=3), DatePrecision.WEEK, written)
    if prec == 3:
        last = calendar.monthrange(day.year, day.month)[1]
        return EventDate(day.replace(day=1), day.replace(day=last), DatePrecision.MONTH, written)
    return EventDate(day, day, DatePrecision.DAY, written)


def row_to_event(row: dict[str, str]) -> Event:
    require_syria(row.get("country"))
    ev_id = (row.get("event_id_cnty") or "").strip()
    if not ev_id:
        raise ValidationError("is required", field="event_id_cnty", value="")
    kind = event_type(row)
    lat = number(row.get("latitude"), field="latitude")
    lon = number(row.get("longitude"), field="longitude")
    flags: list[str] = []
    try:
        geo = code(row.get("geo_precision"), field="geo_precision", allowed=(1, 2, 3))
    except ValidationError:
        flags.append(quality.flag(quality.UNKNOWN_CODE, f"geo_precision={(row.get('geo_precision') or '').strip()}"))
        geo = None
    if not (row.get("admin1") or "").strip():
        flags.append(quality.ADMIN_NAME_MISSING)
    precision = Precision.from_acled(geo) if geo is not None else None
    location = (row.get("location") or "").strip()
    place = Place(as_written=location, lat=lat, lon=lon, precision=precision, name_en=location,
                  radius_km=DEFAULT_RADIUS_KM.get(precision) if precision else None,
                  admin1_en=(row.get("admin1") or "").strip())
    fatalities = whole(row.get("fatalities"), field="fatalities")
    counts = () if fatalities is None else (Count("fatalities", fatalities, fatalities, as_written=str(fatalities)),)
    sources = tuple(Source(outlet=name) for name in split_list(row.get("source")))
    actors = split_list(row.get("actor1"), row.get("assoc_actor_1"), row.get("actor2"), row.get("assoc_actor_2"))
    label = (row.get("sub_event_type") or row.get("event_type") or "").strip()
    tags = ["acled"]
    for column, prefix in (("source_scale", "source_scale:"), ("disorder_type", "disorder:")):
        value = " ".join((row.get(column) or "").split())
        if value:
            tags.append(prefix + value.replace(";", ","))
    if (row.get("civilian_targeting") or "").strip():
        tags.append("civilian_targeting")
    tags += [f"acled_tag:{t}" for t in split_list(row.get("tags"))]
    event = Event(id=f"acled:{ev_id}", event_type=kind, status=ClaimStatus.REPORTED,
                  title_en=f"{label}: {location}" if location else label, summary=(row.get("notes") or "").strip(),
                  date=_event_date(row, flags), place=place, actors=actors, counts=counts, sources=sources,
                  tags=tuple(dict.fromkeys(tags)), flags=tuple(dict.fromkeys(flags)))
    return validated(event, _field)


def layout_notes(header: list[str]) -> tuple[list[str], list[str]]:
    """(header in current names, notes): lower-cased, older names renamed, unknown columns named."""
    names = [RENAMED.get(h.strip().lower(), h.strip().lower()) for h in header]
    notes = []
    if any(h in ("data_id", "event_id_no_cnty", "gwno") for h in names):
        notes.append("older ACLED layout (data_id / event_id_no_cnty): read with the current codebook's names")
    unknown = [h for h, n in zip(header, names) if n and n not in CURRENT_COLUMNS and n not in OLDER_COLUMNS]
    if unknown:
        shown = ", ".join(unknown[:12]) + (f" and {len(unknown) - 12} more" if len(unknown) > 12 else "")
        notes.append(f"ACLED columns not read (not in ACLED's export codebook as we know it): {shown}")
    return names, notes


def read(stream: BinaryIO, *, where: str, strict: bool = False, progress: Progress | None = None) -> ImportResult:
    from events.admincodes import with_admin_codes
    rows = CsvRows(stream, where=where)
    rows.header, notes = layout_notes(rows.header)
    rows.require(REQUIRED, hint="is this an ACLED export?")
    out = Collector(where=where, strict=strict, progress=progress, field_names=_field)
    collect(rows, out, row_to_event)
    return with_admin_codes(out.result(FORMAT, encoding=rows.encoding, notes=tuple(rows.notes) + tuple(notes)))
