"""Events as one flat table (pandas), the shape the map, the table and CSV share.

Why flat: drawing 100k events must not build 100k Python objects per
redraw. Stores answer queries with this frame (columns below, one row per
event), the map builds one layer per style from its columns, and the table
shows it as is. Multi-valued fields are joined into text with "; ".
"""
from __future__ import annotations

from typing import Iterable

import pandas as pd

from events.model import Event

FRAME_COLUMNS: tuple[str, ...] = (
    "id", "event_type", "status", "title_en", "title_ar", "summary",
    "date_start", "date_end", "date_precision", "date_as_written",
    "lat", "lon", "precision", "radius_km", "area_wkt",
    "place_as_written", "place_en", "place_ar", "pcode", "admin1_pcode", "admin1_en", "admin1_ar",
    "origin_lat", "origin_lon", "origin_en", "dest_lat", "dest_lon", "dest_en",
    "actors", "count_min", "count_max", "count_text",
    "outlet", "agency", "source", "published", "url", "quote",
    "denies", "related", "flags",
)


def event_row(e: Event) -> dict[str, object]:
    """One event as a flat dict with FRAME_COLUMNS keys (first count/source only; the record keeps all)."""
    p, o, d = e.place, e.origin, e.destination
    c = e.counts[0] if e.counts else None
    s = e.sources[0] if e.sources else None
    return {
        "id": e.id, "event_type": e.event_type.value, "status": e.status.value,
        "title_en": e.title_en, "title_ar": e.title_ar, "summary": e.summary,
        "date_start": e.date.start if e.date else None, "date_end": e.date.end if e.date else None,
        "date_precision": e.date.precision.value if e.date else None,
        "date_as_written": e.date.as_written if e.date else "",
        "lat": p.lat if p else None, "lon": p.lon if p else None,
        "precision": p.precision.value if p and p.precision else None,
        "radius_km": p.radius_km if p else None, "area_wkt": p.area_wkt if p else None,
        "place_as_written": p.as_written if p else "", "place_en": p.name_en if p else "",
        "place_ar": p.name_ar if p else "", "pcode": p.pcode if p else "",
        "admin1_pcode": p.admin1_pcode if p else "", "admin1_en": p.admin1_en if p else "",
        "admin1_ar": p.admin1_ar if p else "",
        "origin_lat": o.lat if o else None, "origin_lon": o.lon if o else None, "origin_en": o.name_en if o else "",
        "dest_lat": d.lat if d else None, "dest_lon": d.lon if d else None, "dest_en": d.name_en if d else "",
        "actors": "; ".join(e.actors),
        "count_min": c.min if c else None, "count_max": c.max if c else None, "count_text": c.as_written if c else "",
        "outlet": s.outlet if s else "", "agency": s.agency if s else "", "source": s.source if s else "",
        "published": s.published if s else None, "url": s.url if s else "", "quote": s.quote if s else "",
        "denies": "; ".join(e.denies), "related": "; ".join(e.related),
        "flags": "; ".join(e.flags),
    }


def events_to_frame(events: Iterable[Event]) -> pd.DataFrame:
    """Flat frame with FRAME_COLUMNS; dates as datetime64, coordinates as float64."""
    frame = pd.DataFrame([event_row(e) for e in events], columns=list(FRAME_COLUMNS))
    for col in ("date_start", "date_end", "published"):
        frame[col] = pd.to_datetime(frame[col])
    for col in ("lat", "lon", "radius_km", "origin_lat", "origin_lon", "dest_lat", "dest_lon"):
        frame[col] = pd.to_numeric(frame[col]).astype("float64")
    for col in ("count_min", "count_max"):
        frame[col] = pd.to_numeric(frame[col]).astype("Int64")
    return frame
