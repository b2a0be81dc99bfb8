"""KML (Google Earth): one Placemark per located event, with a time span and the full record.

Why escaped twice: Google Earth renders ``description`` (and balloon
contents: name, ExtendedData values) as HTML. So every text is first
HTML-escaped (``html.escape``), then set as element text, which
ElementTree XML-escapes when serializing; nothing is string-concatenated.
``<script>`` in a title reaches the file as ``&amp;lt;script&amp;gt;``,
Google Earth shows it as the literal text ``<script>``. Reading undoes the
HTML escape (``html.unescape``), so text round-trips unchanged. Each Placemark has
``name`` (title), ``description`` (summary), ``TimeSpan``
begin/end (Google Earth's time slider), ``Point`` (lon,lat), and
``ExtendedData`` with the flat columns plus ``event_json`` (the canonical
record) for a lossless round trip. Unlocated events get no Point.

Reading is defensive: any DOCTYPE or ENTITY declaration is refused before
parsing (XXE, "billion laughs" entity expansion), then ElementTree parses
the text. Placemarks with ``event_json`` are read from it (a moved Point
wins, as in GeoJSON); others (drawn in Google Earth) become events of type
``other``, status ``reported``, with an id made from a hash of name, point
and time (stable on re-import) unless the Placemark has an ``id``.
Row numbers are 0-based Placemark indexes.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from typing import BinaryIO, Iterable, Iterator

from errors import ParseError, ValidationError
from events.io._common import Collector, ImportResult, Progress
from events.io._text import read_all_text
from events.io.flat import CSV_COLUMNS, column_of
from events.io.rowbuild import row_to_event
from events.model import Event, Place
from events.serialize import event_from_dict, event_to_dict
from events.validate import validate_event

FORMAT = "kml"
NS = "http://www.opengis.net/kml/2.2"
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xml_text(value: str) -> str:
    """XML 1.0 cannot hold control characters even escaped; validated events have none but NUL-free text may."""
    return _CONTROL.sub("\ufffd", value)


def _kml_text(value: str) -> str:
    """Text as Google Earth must get it: HTML-escaped (it renders HTML), XML-safe."""
    return html.escape(_xml_text(value), quote=False)


def placemark(row: dict[str, str], event: Event | None) -> ET.Element:
    """One Placemark; tags are un-prefixed because they sit inside ``<kml xmlns=NS>`` (the KML namespace)."""
    pm = ET.Element("Placemark", {"id": row.get("id", "")})
    ET.SubElement(pm, "name").text = _kml_text(row.get("title_en") or row.get("title_ar") or row.get("id", ""))
    if row.get("summary"):
        ET.SubElement(pm, "description").text = _kml_text(row["summary"])
    if row.get("date_start"):
        span = ET.SubElement(pm, "TimeSpan")
        ET.SubElement(span, "begin").text = row["date_start"]
        ET.SubElement(span, "end").text = row.get("date_end") or row["date_start"]
    data = ET.SubElement(pm, "ExtendedData")
    for column in CSV_COLUMNS:
        if row.get(column):
            item = ET.SubElement(data, "Data", {"name": column})
            ET.SubElement(item, "value").text = _kml_text(row[column])
    if event is not None:
        item = ET.SubElement(data, "Data", {"name": "event_json"})
        ET.SubElement(item, "value").text = _kml_text(json.dumps(event_to_dict(event), ensure_ascii=False))
    if row.get("lat") and row.get("lon"):
        point = ET.SubElement(pm, "Point")
        ET.SubElement(point, "coordinates").text = f"{row['lon']},{row['lat']}"
    return pm


def write(items: Iterable[tuple[dict[str, str], Event | None]], out: BinaryIO) -> int:
    """Stream a KML document, one serialized Placemark at a time."""
    out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
              b"<name>Syria events</name>\n")
    n = 0
    for row, event in items:
        out.write(ET.tostring(placemark(row, event), encoding="utf-8", xml_declaration=False) + b"\n")
        n += 1
    out.write(b"</Document></kml>\n")
    return n


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(el: ET.Element, name: str) -> Iterator[ET.Element]:
    return (c for c in el if _local(c.tag) == name)


def _child_text(el: ET.Element, name: str) -> str:
    """A child's text with the HTML escape undone (see module doc)."""
    for c in _children(el, name):
        return html.unescape((c.text or "").strip())
    return ""


def _point(pm: ET.Element) -> tuple[float, float] | None:
    for el in pm.iter():
        if _local(el.tag) == "Point":
            text = _child_text(el, "coordinates")
            parts = text.split(",")
            if len(parts) < 2:
                raise ValidationError("Point coordinates must be 'lon,lat[,alt]'", field="Point", value=text)
            try:
                lon, lat = float(parts[0]), float(parts[1])
            except ValueError:
                raise ValidationError("Point coordinates must be numbers 'lon,lat'", field="Point", value=text) from None
            return lat, lon
    return None


def _event(pm: ET.Element) -> Event:
    data: dict[str, str] = {}
    for ext in _children(pm, "ExtendedData"):
        for item in _children(ext, "Data"):
            data[item.get("name", "")] = _child_text(item, "value")
    point = _point(pm)
    if "event_json" in data:
        try:
            record = json.loads(data["event_json"])
        except (ValueError, RecursionError):   # JSONDecodeError, or an integer of 4,300+ digits
            raise ValidationError("event_json is not valid JSON", field="event_json",
                                  value=data["event_json"][:40]) from None
        event = event_from_dict(record)
        if point is not None and (event.place is None or (event.place.lat, event.place.lon) != point):
            base = event.place if event.place is not None else Place(as_written="")
            event = validate_event(replace(event, place=replace(base, lat=point[0], lon=point[1])))
        return event
    row = {k: v for k, v in data.items() if k in CSV_COLUMNS}
    row.setdefault("title_en", _child_text(pm, "name"))
    row.setdefault("summary", _child_text(pm, "description"))
    for span in _children(pm, "TimeSpan"):
        row.setdefault("date_start", _child_text(span, "begin")[:10])
        row.setdefault("date_end", _child_text(span, "end")[:10])
    for stamp in _children(pm, "TimeStamp"):
        row.setdefault("date_start", _child_text(stamp, "when")[:10])
    if row.get("date_start") and row.get("date_end") and row["date_end"] != row["date_start"]:
        row.setdefault("date_precision", "range")
    if point is not None:
        row["lat"], row["lon"] = repr(point[0]), repr(point[1])
    row.setdefault("event_type", "other")
    row.setdefault("status", "reported")
    if not row.get("id"):
        row["id"] = pm.get("id") or "kml-" + hashlib.sha1(
            "|".join((row.get("title_en", ""), row.get("lat", ""), row.get("lon", ""), row.get("date_start", "")))
            .encode("utf-8")).hexdigest()[:12]
    return row_to_event(row, unescape=False)


def read(stream: BinaryIO, *, where: str, strict: bool = False, progress: Progress | None = None) -> ImportResult:
    text, encoding, notes = read_all_text(stream, where=where)
    match = _DECLARATION.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise ParseError(f"KML with a <!{match.group(1).upper()}> declaration is refused (XML entity expansion / "
                         "external entity attacks); remove it", field=match.group(1).upper(), where=f"{where}:{line}")
    body = text.lstrip("\ufeff")
    # ElementTree refuses a str that still carries an encoding declaration other than UTF-8; we decoded it already.
    body = re.sub(r"^\s*<\?xml[^>]*\?>", "", body, count=1)
    try:
        root = ET.fromstring(body)
    except ET.ParseError as err:
        line, _column = err.position
        raise ParseError(f"not well-formed XML: {err}", where=f"{where}:{line}") from None
    if _local(root.tag) not in ("kml", "Document", "Folder", "Placemark"):
        raise ParseError("expected a KML document (<kml>)", field="root", value=_local(root.tag), where=where)
    marks = [el for el in root.iter() if _local(el.tag) == "Placemark"]
    out = Collector(where=where, strict=strict, progress=progress, total=len(marks), field_names=column_of)
    for i, pm in enumerate(marks):
        out.add(i, lambda pm=pm: _event(pm))
    return out.result(FORMAT, encoding=encoding, notes=notes)
