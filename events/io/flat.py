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

import pandas as pd

from errors import ValidationError
from events.frame import FRAME_COLUMNS, event_row
from events.model import Event
from events.serialize import SCHEMA_VERSION, event_from_dict

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
        return "" if math.isnan(value) else repr(value)
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


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return value if isinstance(value, str) else str(value)


def _date_text(value: str, column: str) -> str:
    match = _ISO_DATETIME.match(value.strip())
    return match.group(1) if match else value


def _int_text(value: str) -> str:
    return value.strip().split(".")[0] if _WHOLE_FLOAT.match(value) else value


def _split(value: str) -> list[str]:
    return [part.strip(" ") for part in value.split(";") if part.strip(" ")]


def row_to_record(row: Mapping[str, Any], *, unescape: bool = True) -> dict[str, Any]:
    """A flat row (text or plain values) → the canonical record dict, unvalidated."""
    g: dict[str, str] = {}
    for key in CSV_COLUMNS:
        value = _clean(row.get(key))
        if unescape and key in TEXT_COLUMNS:
            value = unneutralise(value)
        g[key] = value
    rec: dict[str, Any] = {"schema": SCHEMA_VERSION, "id": g["id"], "event_type": g["event_type"] or None,
                           "status": g["status"] or None, "title_en": g["title_en"], "title_ar": g["title_ar"],
                           "summary": g["summary"]}
    if rec["event_type"] is None:
        raise ValidationError("is required", field="event_type", value="")
    if rec["status"] is None:
        raise ValidationError("is required", field="status", value="")
    if not g["id"]:
        raise ValidationError("is required", field="id", value="")
    if g["date_start"] or g["date_end"]:
        if not g["date_start"]:
            raise ValidationError("is required when date_end is given", field="date_start", value="")
        rec["date"] = {"start": _date_text(g["date_start"], "date_start"),
                       "end": _date_text(g["date_end"] or g["date_start"], "date_end"),
                       "precision": g["date_precision"] or "day", "as_written": g["date_as_written"]}
    place_keys = ("lat", "lon", "precision", "radius_km", "area_wkt", "place_as_written", "place_en", "place_ar",
                  "pcode", "admin1_pcode", "admin1_en", "admin1_ar")
    if any(g[k] for k in place_keys):
        rec["place"] = {"as_written": g["place_as_written"], "lat": g["lat"], "lon": g["lon"],
                        "precision": g["precision"] or None, "name_en": g["place_en"], "name_ar": g["place_ar"],
                        "pcode": g["pcode"], "radius_km": g["radius_km"], "area_wkt": g["area_wkt"] or None,
                        "admin1_pcode": g["admin1_pcode"], "admin1_en": g["admin1_en"], "admin1_ar": g["admin1_ar"]}
    if g["origin_lat"] or g["origin_lon"] or g["origin_en"]:
        rec["origin"] = {"as_written": g["origin_en"], "lat": g["origin_lat"], "lon": g["origin_lon"],
                         "name_en": g["origin_en"]}
    if g["dest_lat"] or g["dest_lon"] or g["dest_en"]:
        rec["destination"] = {"as_written": g["dest_en"], "lat": g["dest_lat"], "lon": g["dest_lon"],
                              "name_en": g["dest_en"]}
    if g["count_min"] or g["count_max"] or g["count_text"] or g["count_what"]:
        rec["counts"] = [{"what": g["count_what"], "min": _int_text(g["count_min"]), "max": _int_text(g["count_max"]),
                          "approximate": False, "as_written": g["count_text"]}]
    if any(g[k] for k in ("outlet", "agency", "source", "published", "url", "quote")):
        rec["sources"] = [{"outlet": g["outlet"], "agency": g["agency"], "source": g["source"],
                           "published": _date_text(g["published"], "published") or None, "url": g["url"],
                           "quote": g["quote"]}]
    for key in ("actors", "denies", "related", "tags"):
        rec[key] = _split(g[key])
    return rec


def row_to_event(row: Mapping[str, Any], *, unescape: bool = True) -> Event:
    """Flat row → validated Event; ValidationError fields are flat column names."""
    try:
        return event_from_dict(row_to_record(row, unescape=unescape))
    except ValidationError as err:
        err.field = column_of(err.field or "row")
        raise
