"""Our canonical JSON: a list of ``events.serialize.event_to_dict`` records, or JSON Lines.

Why both: the list (as in data/events/seed.json) is what people diff and
review; JSON Lines (one record per line) streams and appends. Reading tells
them apart by the first character: ``[`` → list, ``{`` → JSON Lines (a
single object that is a GeoJSON FeatureCollection is refused with a hint).
Row numbers: the 0-based list index, or the 1-based line in JSON Lines.
Records are checked by ``event_from_dict``: unknown keys, wrong types and
impossible values are rejected per record, naming the field.
"""
from __future__ import annotations

import json
from typing import Any, BinaryIO, Iterable

from errors import ParseError, ValidationError
from events.io._common import Collector, ImportResult, Progress, json_lines, line_safe
from events.io._text import read_all_text
from events.model import Event
from events.serialize import event_from_dict, event_to_dict

FORMAT = "json"


def _loads(text: str, *, where: str, line_offset: int = 0) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise ParseError("JSON is nested too deeply", where=where) from None
    except json.JSONDecodeError as err:
        raise ParseError(f"not valid JSON: {err.msg} (column {err.colno})",
                         where=f"{where}:{err.lineno + line_offset}") from None
    except ValueError:   # an integer of more than 4,300 digits (sys.set_int_max_str_digits)
        raise ParseError("a number is too long to read (more than 4,300 digits)", where=where) from None


def read(stream: BinaryIO, *, where: str, strict: bool = False, progress: Progress | None = None) -> ImportResult:
    text, encoding, notes = read_all_text(stream, where=where)
    body = text.lstrip("\ufeff \t\r\n")
    if body.startswith("["):
        data = _loads(body, where=where)
        out = Collector(where=where, strict=strict, progress=progress, total=len(data))
        for i, record in enumerate(data):
            out.add(i, lambda record=record: _event(record))
        return out.result(FORMAT, encoding=encoding, notes=notes)
    if body.startswith("{"):
        return _read_lines(text, where=where, strict=strict, progress=progress, encoding=encoding, notes=notes)
    raise ParseError("expected a JSON list of event records ('[') or JSON Lines ('{' per line)",
                     value=body[:20], where=f"{where}:1")


def _read_lines(text: str, *, where: str, strict: bool, progress: Progress | None, encoding: str,
                notes: tuple[str, ...]) -> ImportResult:
    lines = json_lines(text.lstrip("\ufeff"))   # only "\n" ends a record: U+2028 inside text does not
    if len([ln for ln in lines if ln.strip()]) == 1:
        only = _loads(text.lstrip("\ufeff"), where=where)
        if isinstance(only, dict) and only.get("type") in ("FeatureCollection", "Feature"):
            raise ParseError("this is GeoJSON; import it with --format geojson", field="type",
                             value=only.get("type"), where=where)
    out = Collector(where=where, strict=strict, progress=progress)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except RecursionError:
            out.rows += 1
            out.reject(number, "row", line[:40], "JSON is nested too deeply")
            continue
        except json.JSONDecodeError as err:
            out.rows += 1
            out.reject(number, "row", line[:40], f"not valid JSON: {err.msg} (column {err.colno})")
            continue
        except ValueError:   # an integer of more than 4,300 digits
            out.rows += 1
            out.reject(number, "row", line[:40], "a number is too long to read (more than 4,300 digits)")
            continue
        out.add(number, lambda record=record: _event(record))
    return out.result(FORMAT, encoding=encoding, notes=notes)


def _event(record: Any) -> Event:
    if not isinstance(record, dict):
        raise ValidationError("each item must be an event object", field="row", value=record)
    return event_from_dict(record)


def write(events: Iterable[Event], out: BinaryIO, *, lines: bool = False) -> int:
    """Write records as a pretty list (like seed.json) or as JSON Lines (U+2028/2029/0085 escaped)."""
    n = 0
    if lines:
        for e in events:
            out.write(line_safe(json.dumps(event_to_dict(e), ensure_ascii=False)).encode("utf-8") + b"\n")
            n += 1
        return n
    out.write(b"[")
    for e in events:
        text = line_safe(json.dumps(event_to_dict(e), ensure_ascii=False, indent=1))
        out.write((b"," if n else b"") + b"\n" + text.encode("utf-8"))
        n += 1
    out.write(b"\n]\n")
    return n
