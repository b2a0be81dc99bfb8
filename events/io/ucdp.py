"""UCDP Georeferenced Event Dataset (GED) CSV → Events (read only).

Why: UCDP GED is the other reference dataset for deaths in organised
violence; its precision codes map onto ours (gazetteer.model.Precision), so
imported events are drawn as honestly as our own. Each row becomes one event
with status REPORTED and id ``ucdp:<id>``; rows for another country are
rejected (field ``country``).

Columns used (others are ignored): id, date_start, date_end, date_prec,
where_prec, where_coordinates, where_description, adm_1, latitude,
longitude, country, type_of_violence, side_a, side_b, dyad_name,
conflict_name, best, low, high, source_article, source_office,
source_date, source_headline. Required: id, date_start, date_end,
latitude, longitude, country, where_prec, type_of_violence.

Mapping:
* type_of_violence 1 (state-based) and 2 (non-state) → CLASH; 3 (one-sided
  violence against civilians) → ATTACK.
* date_prec 1 → DAY (RANGE if start and end differ), 2 → RANGE (2–6 days),
  3 → WEEK, 4 → MONTH, 5 → YEAR; start/end kept as given.
* where_prec 1–7 → Precision.from_ucdp, with DEFAULT_RADIUS_KM.
* low/best/high → Count "deaths" (min = the lowest, max = the highest of the
  three, approximate when they differ, as_written "best N").

Published quirks are kept with a data-quality flag (events/quality.py), not
refused: ``best`` outside ``low``–``high``, a sentinel or implausible
``source_date`` (1753-01-01, 2919-02-06: kept in the flag, not as the
published date), no ``adm_1``, where_prec 6–7 (country level), a code the
codebook does not define. Ids keep their published form: ``214797.0`` (as a
spreadsheet or pandas writes it) is read as ``ucdp:214797``.
* side_a, side_b → actors; source_office/source_headline/source_article/
  source_date → one Source (outlet/title/source/published); where_description
  → summary; adm_1 → admin1_en.
"""
from __future__ import annotations

import re
from typing import BinaryIO

from errors import ValidationError
from events.io._common import ImportResult, Progress
from events.io._foreign import DEFAULT_RADIUS_KM, code, iso_date, number, require_syria, split_list, whole, read_layout, validated
from events import quality
from events.model import ClaimStatus, Count, DatePrecision, Event, EventDate, EventType, Place, Source
from gazetteer.model import Precision

FORMAT = "ucdp"
REQUIRED = ("id", "date_start", "date_end", "latitude", "longitude", "country", "where_prec", "type_of_violence")
VIOLENCE_TYPES = {1: EventType.CLASH, 2: EventType.CLASH, 3: EventType.ATTACK}
VIOLENCE_LABELS = {1: "State-based violence", 2: "Non-state violence", 3: "One-sided violence"}
DATE_PRECISIONS = {1: DatePrecision.DAY, 2: DatePrecision.RANGE, 3: DatePrecision.WEEK, 4: DatePrecision.MONTH,
                   5: DatePrecision.YEAR}

_FIELDS = {"place": "latitude", "place.lat": "latitude", "place.lon": "longitude", "date_start": "date_start",
           "date_precision": "date_prec", "summary": "where_description", "place.as_written": "where_description",
           "place.name_en": "where_coordinates", "title_en": "where_coordinates", "counts[0].min": "low",
           "counts[0].max": "high", "sources[0].outlet": "source_office", "sources[0].title": "source_headline",
           "sources[0].source": "source_article", "sources[0].published": "source_date"}


def _field(name: str) -> str:
    if name in _FIELDS:
        return _FIELDS[name]
    if name.startswith("actors["):
        return "side_a"
    return name


_WHOLE_ID = re.compile(r"^(\d+)\.0*$")


def published_id(raw: str) -> str:
    """A UCDP id as published: ``214797.0`` (a float-typed export) → ``214797``."""
    match = _WHOLE_ID.match(raw)
    return match.group(1) if match else raw


def _date(row: dict[str, str], flags: list[str]) -> EventDate:
    start = iso_date(row.get("date_start"), field="date_start")
    end = iso_date(row.get("date_end") or row.get("date_start"), field="date_end")
    try:
        prec = code(row.get("date_prec"), field="date_prec", allowed=(1, 2, 3, 4, 5)) or 1
    except ValidationError:
        flags.append(quality.flag(quality.UNKNOWN_CODE, f"date_prec={(row.get('date_prec') or '').strip()}"))
        prec = 1
    precision = DATE_PRECISIONS[prec]
    if precision is DatePrecision.DAY and end != start:
        precision = DatePrecision.RANGE
    return EventDate(start, end, precision, "")


def _count(row: dict[str, str], flags: list[str]) -> tuple[Count, ...]:
    best = whole(row.get("best"), field="best")
    low = whole(row.get("low"), field="low")
    high = whole(row.get("high"), field="high")
    if best is None and low is None and high is None:
        return ()
    published = f"best={best},low={low},high={high}"
    low = best if low is None else low
    high = best if high is None else high
    if low is not None and high is not None and low > high:
        flags.append(quality.flag(quality.COUNT_RANGE_REVERSED, published))
    elif best is not None and low is not None and high is not None and not (low <= best <= high):
        flags.append(quality.flag(quality.BEST_OUTSIDE_RANGE, published))
    values = [v for v in (low, best, high) if v is not None]
    lo, hi = min(values), max(values)
    return (Count("deaths", lo, hi, approximate=lo != hi,
                  as_written=f"best {best}" if best is not None else ""),)


def _source(row: dict[str, str], when: EventDate, flags: list[str]) -> tuple[Source, ...]:
    office = (row.get("source_office") or "").strip()
    headline = (row.get("source_headline") or "").strip()
    article = (row.get("source_article") or "").strip()
    published_text = (row.get("source_date") or "").strip()
    if not (office or headline or article):
        return ()
    published = None
    if published_text:
        # UCDP writes several dates ("2017-08-27;2017-08-28") when several sources; keep the first plausible one.
        bad = []
        for part in (p.strip() for p in published_text.split(";")):
            if not part:
                continue
            try:
                day = iso_date(part, field="source_date")
            except ValidationError:
                bad.append(part)
                continue
            if quality.source_date_plausible(day, when.start, when.end):
                published = published or day
            else:
                bad.append(part)
        if bad:
            flags.append(quality.flag(quality.SOURCE_DATE_IMPLAUSIBLE, ",".join(bad)[:80]))
    return (Source(outlet=office, title=headline, source=article, published=published),)


def row_to_event(row: dict[str, str]) -> Event:
    require_syria(row.get("country"))
    raw_id = published_id((row.get("id") or "").strip())
    if not raw_id:
        raise ValidationError("is required", field="id", value="")
    flags: list[str] = []
    try:
        violence = code(row.get("type_of_violence"), field="type_of_violence", allowed=(1, 2, 3))
    except ValidationError:
        violence = None
    if violence is None:
        flags.append(quality.flag(quality.UNKNOWN_CODE, f"type_of_violence={(row.get('type_of_violence') or '').strip()}"))
    try:
        where_prec = code(row.get("where_prec"), field="where_prec", allowed=(1, 2, 3, 4, 5, 6, 7))
    except ValidationError:
        flags.append(quality.flag(quality.UNKNOWN_CODE, f"where_prec={(row.get('where_prec') or '').strip()}"))
        where_prec = None
    if where_prec in (6, 7):
        flags.append(quality.flag(quality.COUNTRY_LEVEL, f"where_prec={where_prec}"))
    if not (row.get("adm_1") or "").strip():
        flags.append(quality.ADMIN_NAME_MISSING)
    precision = Precision.from_ucdp(where_prec) if where_prec is not None else None
    lat = number(row.get("latitude"), field="latitude")
    lon = number(row.get("longitude"), field="longitude")
    coords_name = (row.get("where_coordinates") or "").strip()
    description = (row.get("where_description") or "").strip()
    place = Place(as_written=description or coords_name, lat=lat, lon=lon, precision=precision, name_en=coords_name,
                  radius_km=DEFAULT_RADIUS_KM.get(precision) if precision else None,
                  admin1_en=(row.get("adm_1") or "").strip())
    label = (row.get("dyad_name") or row.get("conflict_name") or VIOLENCE_LABELS.get(violence, "UCDP event")).strip()
    when = _date(row, flags)
    counts = _count(row, flags)
    sources = _source(row, when, flags)
    event = Event(id=f"ucdp:{raw_id}", event_type=VIOLENCE_TYPES.get(violence, EventType.OTHER),
                  status=ClaimStatus.REPORTED,
                  title_en=f"{label}: {coords_name}" if coords_name else label, summary=description,
                  date=when, place=place, actors=split_list(row.get("side_a"), row.get("side_b")),
                  counts=counts, sources=sources, tags=("ucdp",), flags=tuple(dict.fromkeys(flags)))
    return validated(event, _field)


def read(stream: BinaryIO, *, where: str, strict: bool = False, progress: Progress | None = None) -> ImportResult:
    from events.admincodes import with_admin_codes
    result = read_layout(stream, where=where, strict=strict, progress=progress, fmt=FORMAT, required=REQUIRED,
                         hint="is this a UCDP GED export?", row_to_event=row_to_event, field_names=_field)
    return with_admin_codes(result)
