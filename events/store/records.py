"""One event as a store row: the canonical JSON record plus flat, filterable columns.

Why both: the JSON record (``events.serialize``) keeps everything an analyst
entered (every source, count, as-written phrase) and round-trips exactly;
the flat columns (the same names as ``events.frame.FRAME_COLUMNS``) let a
backend filter, index and build the map's DataFrame without parsing JSON.
Both backends build their rows here, so they can never disagree on what a
column means.
"""
from __future__ import annotations

import json
from datetime import date
from typing import Any, Iterable, Sequence

import pandas as pd

try:   # 6x faster than json.dumps for the same compact UTF-8 text; the store works without it
    import orjson
except ImportError:  # pragma: no cover - orjson is in requirements.txt
    orjson = None

from events.frame import FRAME_COLUMNS, event_row
from events.model import Count, Event, Place, Source
from events.serialize import event_to_dict

#: Columns beyond the frame's: the record, a case-folded search text and the
#: multi-valued filter fields (all actors; every outlet and agency).
EXTRA_COLUMNS: tuple[str, ...] = ("doc", "search", "actors_all", "outlets_all")
STORE_COLUMNS: tuple[str, ...] = FRAME_COLUMNS + EXTRA_COLUMNS
DATE_COLUMNS = frozenset({"date_start", "date_end", "published"})
FLOAT_COLUMNS = frozenset({"lat", "lon", "radius_km", "origin_lat", "origin_lon", "dest_lat", "dest_lon"})
INT_COLUMNS = frozenset({"count_min", "count_max"})
#: Separator for multi-valued text in the embedded store (never appears in names).
MULTI_SEP = "\x1f"


def record_json(event: Event) -> str:
    """The canonical record as compact JSON text (Arabic kept readable)."""
    if orjson is not None:
        return orjson.dumps(event_to_dict(event)).decode()
    return json.dumps(event_to_dict(event), ensure_ascii=False, separators=(",", ":"))


def search_text(event: Event) -> str:
    """Case-folded titles, summary and place names: what free-text search looks in."""
    parts = [event.title_en, event.title_ar, event.summary]
    for place in (event.place, event.origin, event.destination):
        if place is not None:
            parts += [place.as_written, place.name_en, place.name_ar]
    return "\n".join(p for p in parts if p).casefold()


def outlets_of(event: Event) -> list[str]:
    """Every outlet and agency named by the event's sources, in order, without repeats."""
    seen: dict[str, None] = {}
    for src in event.sources:
        for name in (src.outlet, src.agency):
            if name:
                seen.setdefault(name, None)
    return list(seen)


def flat_row(event: Event) -> dict[str, Any]:
    """STORE_COLUMNS → value; dates as ``datetime.date``, lists for the multi-valued extras."""
    row = event_row(event)
    row["doc"] = record_json(event)
    row["search"] = search_text(event)
    row["actors_all"] = list(dict.fromkeys(a for a in event.actors if a))
    row["outlets_all"] = outlets_of(event)
    return row


_NO_PLACE, _NO_COUNT, _NO_SOURCE = Place(""), Count(""), Source("")


def sqlite_values(e: Event) -> tuple:
    """STORE_COLUMNS values for the embedded store in one pass (dates ISO, lists MULTI_SEP-joined).

    The same values as ``flat_row`` (the test suite checks they agree), built
    without intermediate dicts because a 1M-row import calls it 1M times.
    """
    p, o, d = e.place or _NO_PLACE, e.origin or _NO_PLACE, e.destination or _NO_PLACE
    c = e.counts[0] if e.counts else _NO_COUNT
    s = e.sources[0] if e.sources else _NO_SOURCE
    dt = e.date
    return (
        e.id, e.event_type.value, e.status.value, e.title_en, e.title_ar, e.summary,
        dt.start.isoformat() if dt else None, dt.end.isoformat() if dt else None,
        dt.precision.value if dt else None, dt.as_written if dt else "",
        p.lat, p.lon, p.precision.value if p.precision else None, p.radius_km, p.area_wkt,
        p.as_written, p.name_en, p.name_ar, p.pcode, p.admin1_pcode, p.admin1_en, p.admin1_ar,
        o.lat, o.lon, o.name_en, d.lat, d.lon, d.name_en,
        "; ".join(e.actors), c.min, c.max, c.as_written,
        s.outlet, s.agency, s.source, s.published.isoformat() if s.published else None, s.url, s.quote,
        "; ".join(e.denies), "; ".join(e.related), "; ".join(e.flags),
        record_json(e), search_text(e), MULTI_SEP.join(dict.fromkeys(a for a in e.actors if a)),
        MULTI_SEP.join(outlets_of(e)),
    )


def typed_frame(rows: Sequence[Sequence[Any]] | Iterable[Sequence[Any]], columns: Sequence[str] = FRAME_COLUMNS
                ) -> pd.DataFrame:
    """Rows of FRAME_COLUMNS values (dates as ISO text or date) → the frame with events_to_frame's dtypes."""
    frame = pd.DataFrame(list(rows) if not isinstance(rows, list) else rows, columns=list(columns))
    for col in columns:
        if col in DATE_COLUMNS:
            # same unit as events_to_frame (built from date objects), so frames compare equal
            parsed = pd.to_datetime(frame[col], format="ISO8601") if len(frame) else pd.to_datetime(frame[col])
            frame[col] = parsed.astype("datetime64[s]")
        elif col in FLOAT_COLUMNS:
            frame[col] = pd.to_numeric(frame[col]).astype("float64")
        elif col in INT_COLUMNS:
            frame[col] = pd.to_numeric(frame[col]).astype("Int64")
    return frame


def arrow_frame(columns: Sequence[Sequence[Any]], take: "np.ndarray") -> pd.DataFrame:
    """FRAME_COLUMNS as parallel sequences → the frame, rows reordered by ``take``.

    Why Arrow: converting 1M Python strings per column in C and reordering
    with ``take`` is about 1.5x faster than building the frame row by row;
    used for the whole-store frame. Text columns come out as pandas' "str" dtype.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    order = pa.array(np.asarray(take, dtype=np.int64))
    text = pd.StringDtype(na_value=np.nan)
    data: dict[str, Any] = {}
    for column, values in zip(FRAME_COLUMNS, columns):
        if column in DATE_COLUMNS:
            parsed = pc.strptime(pa.array(values, pa.string()), format="%Y-%m-%d", unit="s")
            data[column] = parsed.take(order).to_pandas()
        elif column in FLOAT_COLUMNS:
            data[column] = np.asarray(values, dtype=np.float64)[order.to_numpy()]
        elif column in INT_COLUMNS:
            data[column] = pd.array(pa.array(values, pa.int64()).take(order).to_pandas(), dtype="Int64")
        else:
            data[column] = pd.Series(pa.array(values, pa.string()).take(order).to_pandas(
                types_mapper={pa.string(): text}.get), dtype=text)
    return pd.DataFrame(data, columns=list(FRAME_COLUMNS))


def iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()
