"""One event ⇄ one flat row (the FRAME_COLUMNS shape), shared by CSV, GeoJSON properties and KML ExtendedData.

Why through the canonical record: a flat row is turned into the same dict
``events.serialize.event_from_dict`` reads, so every type check and domain
rule lives in one place; only the field names in errors are translated back
to the column names the user sees (``date.start`` → ``date_start``).

What a flat row cannot carry (documented loss; use JSON or GeoJSON for a
lossless copy): only the first count and first source, ``approximate`` on
the count, admin2/admin3 P-codes and the origin/destination beyond their
point and English name. ``count_what`` and ``tags`` are extra columns after
FRAME_COLUMNS so a CSV round trip keeps them.

Spreadsheet safety (OWASP "CSV injection"): a text cell that starts with
``= + - @``, tab or CR, or with an apostrophe, is written with one leading
apostrophe, so Excel/LibreOffice show it as text instead of running it.
Reading strips exactly that one apostrophe again, so text round-trips
unchanged. (Only a hand-typed cell starting with two apostrophes loses one.)
"""
from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any, Iterator, Mapping

import numpy as np
import pandas as pd

from errors import ValidationError
from events.frame import FRAME_COLUMNS, event_row
from events.model import ClaimStatus, Count, DatePrecision, Event, EventDate, EventType, Place, Source
from events.validate import validate_event
from gazetteer.model import Precision

#: Columns our CSV writes: the frame's, plus two that make the round trip keep more.
CSV_COLUMNS: tuple[str, ...] = FRAME_COLUMNS + ("count_what", "tags")
REQUIRED_COLUMNS: tuple[str, ...] = ("id", "event_type", "status")
NUMERIC_COLUMNS = frozenset({"lat", "lon", "radius_km", "origin_lat", "origin_lon", "dest_lat", "dest_lon",
                             "count_min", "count_max"})
DATE_COLUMNS = frozenset({"date_start", "date_end", "published"})
LIST_COLUMNS = frozenset({"actors", "denies", "related", "tags"})
TEXT_COLUMNS = frozenset(CSV_COLUMNS) - NUMERIC_COLUMNS - DATE_COLUMNS

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: Canonical record field (as named in ValidationError) → flat column.
_FIELD_TO_COLUMN = {
    "event": "row", "date.start": "date_start", "date.end": "date_end", "date.precision": "date_precision",
    "date.as_written": "date_as_written", "date_as_written": "date_as_written",
    "place": "lat", "place.lat": "lat", "place.lon": "lon", "place.precision": "precision",
    "place.radius_km": "radius_km", "place.area_wkt": "area_wkt", "place.as_written": "place_as_written",
    "place.name_en": "place_en", "place.name_ar": "place_ar", "place.pcode": "pcode",
    "place.admin1_pcode": "admin1_pcode", "place.admin1_en": "admin1_en", "place.admin1_ar": "admin1_ar",
    "origin": "origin_lat", "origin.lat": "origin_lat", "origin.lon": "origin_lon", "origin.name_en": "origin_en",
    "destination": "dest_lat", "destination.lat": "dest_lat", "destination.lon": "dest_lon",
    "destination.name_en": "dest_en",
    "counts[0].min": "count_min", "counts[0].max": "count_max", "counts[0].as_written": "count_text",
    "counts[0].what": "count_what",
    "sources[0].outlet": "outlet", "sources[0].agency": "agency", "sources[0].source": "source",
    "sources[0].published": "published", "sources[0].url": "url", "sources[0].quote": "quote",
}
_LIST_FIELD = re.compile(r"^(actors|denies|related|tags)\[\d+\]$")
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_WHOLE_FLOAT = re.compile(r"^\s*-?\d+\.0*\s*$")


def column_of(field: str) -> str:
    """Translate a canonical-record field name into the flat column a user sees."""
    if field in _FIELD_TO_COLUMN:
        return _FIELD_TO_COLUMN[field]
    match = _LIST_FIELD.match(field)
    if match:
        return match.group(1)
    return field


def neutralise(text: str) -> str:
    """Spreadsheet-safe cell text (see module doc)."""
    if text and (text[0] in FORMULA_START or text[0] == "'"):
        return "'" + text
    return text


def unneutralise(text: str) -> str:
    if len(text) >= 2 and text[0] == "'" and (text[1] in FORMULA_START or text[1] == "'"):
        return text[1:]
    return text


def _cell(value: Any) -> str:
    """One value as flat text: ISO dates, plain numbers, '' for missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(float(value))  # float(): numpy 2 reprs as np.float64(...)
    if isinstance(value, np.integer):
        return str(int(value))
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def event_to_row(e: Event) -> dict[str, str]:
    """Flat text row (CSV_COLUMNS) for one event, not yet spreadsheet-neutralised."""
    row = {k: _cell(v) for k, v in event_row(e).items()}
    row["count_what"] = e.counts[0].what if e.counts else ""
    row["tags"] = "; ".join(e.tags)
    return row


def frame_to_rows(frame: pd.DataFrame) -> Iterator[dict[str, str]]:
    """Flat text rows from an events frame (any subset of CSV_COLUMNS; missing ones empty)."""
    present = [c for c in CSV_COLUMNS if c in frame.columns]
    for values in frame[present].itertuples(index=False, name=None):
        row = dict.fromkeys(CSV_COLUMNS, "")
        row.update(zip(present, map(_cell, values)))
        yield row


def _text(row: Mapping[str, Any], key: str, unescape: bool) -> str:
    value = row.get(key)
    if value is None:
        return ""
    if type(value) is not str:
        if isinstance(value, float) and math.isnan(value):
            return ""
        value = str(value)
    if unescape and value[:1] == "'" and key in TEXT_COLUMNS:
        return unneutralise(value)
    return value


def _enum(table: Mapping[str, Any], value: str, column: str) -> Any:
    try:
        return table[value]
    except KeyError:
        if not value:
            raise ValidationError("is required", field=column, value=value) from None
        raise ValidationError(f"unknown value; expected one of: {', '.join(table)}", field=column,
                              value=value) from None


def _float(value: str, column: str) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise ValidationError("must be a number", field=column, value=value) from None
    if not math.isfinite(number):
        raise ValidationError("must be a finite number", field=column, value=value)
    return number


def _int(value: str, column: str) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        if _WHOLE_FLOAT.match(value):  # "12.0" as Excel writes whole numbers
            return int(float(value))
        raise ValidationError("must be a whole number", field=column, value=value) from None


def _date(value: str, column: str) -> date:
    match = _ISO_DATETIME.match(value.strip())
    try:
        if match is None:
            raise ValueError
        return date.fromisoformat(match.group(1))
    except ValueError:
        raise ValidationError("is not a valid date (expected YYYY-MM-DD)", field=column, value=value) from None


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip(" ") for part in value.split(";") if part.strip(" "))


_TYPES = {m.value: m for m in EventType}
_STATUSES = {m.value: m for m in ClaimStatus}
_DATE_PRECISIONS = {m.value: m for m in DatePrecision}
_PRECISIONS = {m.value: m for m in Precision}
_PLACE_COLUMNS = ("lat", "lon", "precision", "radius_km", "area_wkt", "place_as_written", "place_en", "place_ar",
                  "pcode", "admin1_pcode", "admin1_en", "admin1_ar")
_SOURCE_COLUMNS = ("outlet", "agency", "source", "published", "url", "quote")


def _build(row: Mapping[str, Any], unescape: bool) -> Event:
    get = row.get
    g = {key: get(key, "") for key in CSV_COLUMNS}
    for key, value in g.items():
        if type(value) is not str or (unescape and value[:1] == "'"):
            g[key] = _text(row, key, unescape)
    event_type = _enum(_TYPES, g["event_type"], "event_type")
    status = _enum(_STATUSES, g["status"], "status")
    if not g["id"]:
        raise ValidationError("is required", field="id", value="")
    when = None
    if g["date_start"] or g["date_end"]:
        if not g["date_start"]:
            raise ValidationError("is required when date_end is given", field="date_start", value="")
        start = _date(g["date_start"], "date_start")
        end = _date(g["date_end"], "date_end") if g["date_end"] else start
        precision = _enum(_DATE_PRECISIONS, g["date_precision"] or "day", "date_precision")
        when = EventDate(start, end, precision, g["date_as_written"])
    place = None
    if any(g[k] for k in _PLACE_COLUMNS):
        place = Place(as_written=g["place_as_written"], lat=_float(g["lat"], "lat"), lon=_float(g["lon"], "lon"),
                      precision=_enum(_PRECISIONS, g["precision"], "precision") if g["precision"] else None,
                      name_en=g["place_en"], name_ar=g["place_ar"], pcode=g["pcode"],
                      radius_km=_float(g["radius_km"], "radius_km"), area_wkt=g["area_wkt"] or None,
                      admin1_pcode=g["admin1_pcode"], admin1_en=g["admin1_en"], admin1_ar=g["admin1_ar"])
    origin = destination = None
    if g["origin_lat"] or g["origin_lon"] or g["origin_en"]:
        origin = Place(as_written=g["origin_en"], lat=_float(g["origin_lat"], "origin_lat"),
                       lon=_float(g["origin_lon"], "origin_lon"), name_en=g["origin_en"])
    if g["dest_lat"] or g["dest_lon"] or g["dest_en"]:
        destination = Place(as_written=g["dest_en"], lat=_float(g["dest_lat"], "dest_lat"),
                            lon=_float(g["dest_lon"], "dest_lon"), name_en=g["dest_en"])
    counts: tuple[Count, ...] = ()
    if g["count_min"] or g["count_max"] or g["count_text"] or g["count_what"]:
        counts = (Count(what=g["count_what"], min=_int(g["count_min"], "count_min"),
                        max=_int(g["count_max"], "count_max"), as_written=g["count_text"]),)
    sources: tuple[Source, ...] = ()
    if any(g[k] for k in _SOURCE_COLUMNS):
        sources = (Source(outlet=g["outlet"], agency=g["agency"], source=g["source"],
                          published=_date(g["published"], "published") if g["published"] else None,
                          url=g["url"], quote=g["quote"]),)
    return Event(id=g["id"], event_type=event_type, status=status, title_en=g["title_en"], title_ar=g["title_ar"],
                 summary=g["summary"], date=when, place=place, origin=origin, destination=destination,
                 actors=_split(g["actors"]), counts=counts, sources=sources, denies=_split(g["denies"]),
                 related=_split(g["related"]), tags=_split(g["tags"]))


def row_to_event(row: Mapping[str, Any], *, unescape: bool = True) -> Event:
    """Flat row (text, or plain values from GeoJSON/KML) → validated Event.

    Built directly (not via a record dict) because this is the 1M-row path;
    ValidationError fields are the flat column names the user sees.
    """
    try:
        return validate_event(_build(row, unescape))
    except ValidationError as err:
        err.field = column_of(err.field or "row")
        raise
