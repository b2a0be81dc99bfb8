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
* low/best/high → Count "deaths" (min = low, max = high, approximate when
  they differ, as_written "best N"); low ≤ best ≤ high is checked.
* side_a, side_b → actors; source_office/source_headline/source_article/
  source_date → one Source (outlet/title/source/published); where_description
  → summary; adm_1 → admin1_en.
"""
from __future__ import annotations

from typing import BinaryIO

from errors import ValidationError
from events.io._common import ImportResult, Progress
from events.io._foreign import DEFAULT_RADIUS_KM, code, iso_date, number, require_syria, split_list, whole, read_layout, validated
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


def _date(row: dict[str, str]) -> EventDate:
    start = iso_date(row.get("date_start"), field="date_start")
    end = iso_date(row.get("date_end") or row.get("date_start"), field="date_end")
    prec = code(row.get("date_prec"), field="date_prec", allowed=(1, 2, 3, 4, 5)) or 1
    precision = DATE_PRECISIONS[prec]
    if precision is DatePrecision.DAY and end != start:
        precision = DatePrecision.RANGE
    return EventDate(start, end, precision, "")


def _count(row: dict[str, str]) -> tuple[Count, ...]:
    best = whole(row.get("best"), field="best")
    low = whole(row.get("low"), field="low")
    high = whole(row.get("high"), field="high")
    if best is None and low is None and high is None:
        return ()
    low = best if low is None else low
    high = best if high is None else high
    if best is not None and low is not None and high is not None and not (low <= best <= high):
        raise ValidationError(f"best estimate must lie between low ({low}) and high ({high})", field="best",
                              value=row.get("best"))
    return (Count("deaths", low, high, approximate=low != high,
                  as_written=f"best {best}" if best is not None else ""),)


def _source(row: dict[str, str]) -> tuple[Source, ...]:
    office = (row.get("source_office") or "").strip()
    headline = (row.get("source_headline") or "").strip()
    article = (row.get("source_article") or "").strip()
    published_text = (row.get("source_date") or "").strip()
    if not (office or headline or article):
        return ()
    published = None
    if published_text:
        # UCDP writes several dates ("2017-08-27;2017-08-28") when several sources; keep the first real one.
        first = published_text.split(";")[0].strip()
        published = iso_date(first, field="source_date")
    return (Source(outlet=office, title=headline, source=article, published=published),)


def row_to_event(row: dict[str, str]) -> Event:
    require_syria(row.get("country"))
    raw_id = (row.get("id") or "").strip()
    if not raw_id:
        raise ValidationError("is required", field="id", value="")
    violence = code(row.get("type_of_violence"), field="type_of_violence", allowed=(1, 2, 3))
    if violence is None:
        raise ValidationError("is required (1, 2 or 3)", field="type_of_violence", value="")
    where_prec = code(row.get("where_prec"), field="where_prec", allowed=(1, 2, 3, 4, 5, 6, 7))
    precision = Precision.from_ucdp(where_prec) if where_prec is not None else None
    lat = number(row.get("latitude"), field="latitude")
    lon = number(row.get("longitude"), field="longitude")
    coords_name = (row.get("where_coordinates") or "").strip()
    description = (row.get("where_description") or "").strip()
    place = Place(as_written=description or coords_name, lat=lat, lon=lon, precision=precision, name_en=coords_name,
                  radius_km=DEFAULT_RADIUS_KM.get(precision) if precision else None,
                  admin1_en=(row.get("adm_1") or "").strip())
    label = (row.get("dyad_name") or row.get("conflict_name") or VIOLENCE_LABELS[violence]).strip()
    event = Event(id=f"ucdp:{raw_id}", event_type=VIOLENCE_TYPES[violence], status=ClaimStatus.REPORTED,
                  title_en=f"{label}: {coords_name}" if coords_name else label, summary=description,
                  date=_date(row), place=place, actors=split_list(row.get("side_a"), row.get("side_b")),
                  counts=_count(row), sources=_source(row), tags=("ucdp",))
    return validated(event, _field)


def read(stream: BinaryIO, *, where: str, strict: bool = False, progress: Progress | None = None) -> ImportResult:
    return read_layout(stream, where=where, strict=strict, progress=progress, fmt=FORMAT, required=REQUIRED,
                       hint="is this a UCDP GED export?", row_to_event=row_to_event, field_names=_field)
