"""The flat row (the FRAME_COLUMNS shape) shared by CSV, GeoJSON properties and KML ExtendedData: writing side.

Why one definition: the CSV columns, the GeoJSON properties and the KML
ExtendedData are the same flat row, so a column added here appears in all
three. Reading a flat row back into an Event is ``events.io.rowbuild``;
every domain rule is ``events.validate.validate_event``, and its field
names are translated to the column names the user sees (``column_of``).

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
from typing import Any, Iterator

import numpy as np
import pandas as pd

from events.frame import FRAME_COLUMNS, event_row
from events.model import Event

#: Columns our CSV writes: the frame's, plus two that make the round trip keep more.
CSV_COLUMNS: tuple[str, ...] = FRAME_COLUMNS + ("count_what", "tags")
REQUIRED_COLUMNS: tuple[str, ...] = ("id", "event_type", "status")
NUMERIC_COLUMNS = frozenset({"lat", "lon", "radius_km", "origin_lat", "origin_lon", "dest_lat", "dest_lon",
                             "count_min", "count_max"})
DATE_COLUMNS = frozenset({"date_start", "date_end", "published"})
LIST_COLUMNS = frozenset({"actors", "denies", "related", "tags", "flags"})
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
_LIST_FIELD = re.compile(r"^(actors|denies|related|tags|flags)\[\d+\]$")


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
    kind = type(value)
    if kind is str:  # most cells: the fast path first
        return value
    if kind is date:
        return value.isoformat()
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
