"""GeoJSON FeatureCollection: one Point feature per event, for GIS tools and web maps.

Why this shape: QGIS, geojson.io and Leaflet read it directly. Each feature
has ``geometry`` = Point at the representative point ([lon, lat], RFC 7946
order), or ``null`` for an event not located yet; ``properties`` = the flat
columns (so QGIS can style/filter on event_type, status, precision,
radius_km) plus ``event``, the full canonical record, for a lossless round
trip. The uncertainty area is not a second geometry: ``precision`` and
``radius_km`` describe it (``area_wkt`` is kept in the record).

Reading: a feature with ``properties.event`` is read from that record; if a
GIS user moved the point, the geometry wins (the record's place lat/lon are
replaced, then validated). Without ``event`` the flat properties are read
like a CSV row and the geometry gives lat/lon. Row numbers are 0-based
feature indexes. Only Point (or null) geometries are accepted per feature.
"""
from __future__ import annotations

import json
import math
from dataclasses import replace
from typing import Any, BinaryIO, Iterable

from errors import ParseError, ValidationError
from events.io._common import Collector, ImportResult, Progress, line_safe
from events.io._text import read_all_text
from events.io.flat import CSV_COLUMNS, NUMERIC_COLUMNS, column_of
from events.io.rowbuild import row_to_event
from events.model import Event, Place
from events.serialize import event_from_dict, event_to_dict
from events.validate import validate_event

FORMAT = "geojson"


def _json_value(column: str, value: str) -> Any:
    if value == "":
        return None
    if column in NUMERIC_COLUMNS:
        number = float(value)
        return int(number) if column.startswith("count_") else number
    return value


def feature(row: dict[str, str], event: Event | None) -> dict[str, Any]:
    """One Feature from a flat text row (and the event, when we have it)."""
    props: dict[str, Any] = {c: _json_value(c, row.get(c, "")) for c in CSV_COLUMNS}
    if event is not None:
        props["event"] = event_to_dict(event)
    lat, lon = props.get("lat"), props.get("lon")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": row.get("id", ""), "geometry": geometry, "properties": props}


def collection(features: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


def write(features: Iterable[dict[str, Any]], out: BinaryIO) -> int:
    """Stream a FeatureCollection, one feature per line (valid JSON, diff-friendly)."""
    out.write(b'{"type": "FeatureCollection", "features": [')
    n = 0
    for f in features:
        text = line_safe(json.dumps(f, ensure_ascii=False, allow_nan=False))   # one feature per line, kept so
        out.write((b",\n" if n else b"\n") + text.encode("utf-8"))
        n += 1
    out.write(b"\n]}\n")
    return n


def _point(geometry: Any) -> tuple[float, float] | None:
    """(lat, lon) from a Point geometry, None for null; ValidationError otherwise."""
    if geometry is None:
        return None
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        kind = geometry.get("type") if isinstance(geometry, dict) else geometry
        raise ValidationError("only Point geometries (or null) can be imported as events", field="geometry",
                              value=kind)
    coords = geometry.get("coordinates")
    if (not isinstance(coords, list) or len(coords) < 2
            or not all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in coords[:2])):
        raise ValidationError("Point coordinates must be [lon, lat] numbers", field="geometry", value=coords)
    try:
        lon, lat = float(coords[0]), float(coords[1])
    except OverflowError:   # an integer of 309+ digits
        raise ValidationError("coordinate must be a finite number", field="geometry", value=coords) from None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValidationError("coordinate must be a finite number", field="geometry", value=coords)
    return lat, lon


def _event(feat: Any) -> Event:
    if not isinstance(feat, dict) or feat.get("type") != "Feature":
        raise ValidationError("each item of 'features' must be a Feature object", field="type",
                              value=feat.get("type") if isinstance(feat, dict) else feat)
    point = _point(feat.get("geometry"))
    props = feat.get("properties") or {}
    if not isinstance(props, dict):
        raise ValidationError("properties must be an object", field="properties", value=props)
    if "event" in props:
        event = event_from_dict(props["event"])
        if point is not None:
            place = event.place
            if place is None or (place.lat, place.lon) != point:
                base = place if place is not None else Place(as_written="")
                event = validate_event(replace(event, place=replace(base, lat=point[0], lon=point[1])))
        return event
    row = {k: v for k, v in props.items() if k in CSV_COLUMNS}
    unknown = sorted(k for k in props if k not in CSV_COLUMNS)
    if unknown:
        raise ValidationError(f"unknown propert(y/ies) {', '.join(map(repr, unknown))}", field=unknown[0],
                              value=unknown[0])
    for k, v in row.items():
        if isinstance(v, (dict, list)):
            raise ValidationError("must be a plain value, not an object or list", field=k, value=v)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            row[k] = repr(v) if isinstance(v, float) else str(v)
    if point is not None:
        row["lat"], row["lon"] = repr(point[0]), repr(point[1])
    return row_to_event(row, unescape=False)


def read(stream: BinaryIO, *, where: str, strict: bool = False, progress: Progress | None = None) -> ImportResult:
    text, encoding, notes = read_all_text(stream, where=where)
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except RecursionError:
        raise ParseError("JSON is nested too deeply", where=where) from None
    except json.JSONDecodeError as err:
        raise ParseError(f"not valid JSON: {err.msg} (column {err.colno})", where=f"{where}:{err.lineno}") from None
    except ValueError:   # an integer of more than 4,300 digits (sys.set_int_max_str_digits)
        raise ParseError("a number is too long to read (more than 4,300 digits)", where=where) from None
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = {"type": "FeatureCollection", "features": [data]}
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        kind = data.get("type") if isinstance(data, dict) else type(data).__name__
        raise ParseError("expected a GeoJSON FeatureCollection", field="type", value=kind, where=where)
    features = data.get("features")
    if not isinstance(features, list):
        raise ParseError("'features' must be a list", field="features", value=type(features).__name__, where=where)
    out = Collector(where=where, strict=strict, progress=progress, total=len(features), field_names=column_of)
    for i, feat in enumerate(features):
        out.add(i, lambda feat=feat: _event(feat))
    return out.result(FORMAT, encoding=encoding, notes=notes)
