"""Reading and writing event files: one module per format (the geopandas ``io/`` habit).

Public API::

    read_events(path, *, format=None, max_bytes=200 MiB, max_rows=2M, progress=None, strict=False) -> ImportResult
    loads_events(data: bytes, *, format=None, name="upload", ...)                    -> ImportResult
    write_events(events | DataFrame, path, *, format, bom=False)                     -> Path (atomic)
    dumps_events(events | DataFrame, *, format, bom=False)                           -> bytes
    to_geojson_dict(events | DataFrame)                                              -> dict
    guess_format(path_or_name, head_bytes)                                           -> str

Readers never stop at a bad row: each becomes a ``Reject`` (row, field,
value, message) and the good rows come in. Whole-file problems raise
``errors.ParseError`` (unreadable, wrong encoding, empty, missing/unknown
columns) or ``errors.FileTooLargeError`` (checked from the file size, and the rows
estimated from a 1 MB sample, before reading; rows are counted again while
reading). Raise the limits with ``max_bytes``/``max_rows``, the CLI's
``--max-bytes``/``--max-rows`` or ``EVENTS_MAX_BYTES``/``EVENTS_MAX_ROWS``. ``strict=True`` raises the first reject as ValidationError.

Formats: json (canonical records, or JSON Lines), jsonl (write), csv (flat
FRAME_COLUMNS), geojson, kml, acled (ACLED CSV), ucdp (UCDP GED CSV).
"""
from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

import pandas as pd

from errors import InputError, ParseError, ValidationError
from events.io import acled, csv, geojson, json, kml, ucdp
from events.bulk import paused_gc
from events.io._common import (BYTES_ENV, DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, ROW_LIMIT, ROWS_ENV, ImportResult,
                               Progress, Reject, bytes_error, check_size, env_limit, rows_error)
from events.io._text import SNIFF_BYTES, detect_encoding
from events.io.flat import event_to_row, frame_to_rows
from events.io.rowbuild import row_to_event
from events.model import Event
from events.validate import validate_event
from safe_output import open_output

__all__ = ["read_events", "loads_events", "write_events", "dumps_events", "to_geojson_dict", "guess_format",
           "ImportResult", "Reject", "FORMATS", "READ_FORMATS", "WRITE_FORMATS"]

_READERS = {"json": json.read, "csv": csv.read, "geojson": geojson.read, "kml": kml.read,
            "acled": acled.read, "ucdp": ucdp.read}
READ_FORMATS: tuple[str, ...] = tuple(_READERS)
WRITE_FORMATS: tuple[str, ...] = ("json", "jsonl", "csv", "geojson", "kml")
FORMATS: tuple[str, ...] = READ_FORMATS + ("jsonl",)

_EXTENSIONS = {".geojson": "geojson", ".kml": "kml", ".jsonl": "json", ".ndjson": "json"}


def _sniff_csv(head_text: str) -> str:
    header = head_text.lstrip("\ufeff").split("\n", 1)[0].lower()
    if "event_id_cnty" in header:
        return "acled"
    if "where_prec" in header and ("type_of_violence" in header or "date_prec" in header):
        return "ucdp"
    return "csv"


def guess_format(name: str | Path, head: bytes) -> str:
    """Format from the file name's extension, then from the first bytes."""
    suffix = Path(str(name)).suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    try:
        encoding, _ = detect_encoding(head, complete=False, where=str(name))
    except ParseError:
        encoding = "utf-8"
    text = head.decode(encoding, errors="replace").lstrip("\ufeff \t\r\n")
    if suffix == ".csv" or suffix in (".txt", ".tsv"):
        return _sniff_csv(text)
    if text.startswith("<"):
        return "kml"
    if suffix == ".json" or text.startswith("[") or text.startswith("{"):
        return "geojson" if '"FeatureCollection"' in text[:4096] or '"Feature"' in text[:4096] else "json"
    return _sniff_csv(text)


def _check_format(fmt: str, allowed: tuple[str, ...], *, where: str) -> str:
    key = fmt.lower().strip()
    if key not in allowed:
        raise ValidationError(f"unknown format; expected one of: {', '.join(allowed)}", field="format",
                              value=fmt, where=where)
    return key


#: Bytes sampled from the start of a file to estimate its rows before reading it.
ESTIMATE_SAMPLE_BYTES = 1024 ** 2
#: An estimate is refused only this far above the limit (a sample's rows per byte is not exact);
#: the readers count exactly and stop at the limit itself.
ESTIMATE_MARGIN = 1.25
#: What starts one row in each format's bytes (JSON: a record list or JSON Lines).
_ROW_MARKERS = {"csv": b"\n", "acled": b"\n", "ucdp": b"\n", "geojson": b'"Feature"', "kml": b"<Placemark"}


def limits(max_bytes: int | None = None, max_rows: int | None = None) -> tuple[int, int]:
    """(bytes, rows) import limits: the arguments, else ``EVENTS_MAX_BYTES`` / ``EVENTS_MAX_ROWS``, else defaults."""
    return (max_bytes if max_bytes is not None else env_limit(BYTES_ENV, DEFAULT_MAX_BYTES),
            max_rows if max_rows is not None else env_limit(ROWS_ENV, DEFAULT_MAX_ROWS))


def estimate_rows(stream: BinaryIO, fmt: str) -> int:
    """About how many rows the file holds, from its size and the rows in its first megabyte (nothing else
    is read; the stream is rewound)."""
    sample = stream.read(ESTIMATE_SAMPLE_BYTES)
    size = stream.seek(0, 2)
    stream.seek(0)
    if not sample:
        return 0
    marker = _ROW_MARKERS.get(fmt)
    if marker is None:  # json: a list of records (one "id" each) or JSON Lines (one line each)
        marker = b'"id"' if sample.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"[" else b"\n"
    if sample[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16: markers are two bytes a character
        marker = marker.decode().encode("utf-16-le")
    return int(sample.count(marker) * size / len(sample))


def _read(stream: BinaryIO, *, name: str, format: str | None, progress: Progress | None,
          strict: bool, max_rows: int) -> ImportResult:
    if format is None:
        head = stream.read(SNIFF_BYTES)
        stream.seek(0)
        if not head.strip():
            raise ParseError("file is empty", where=name)
        fmt = guess_format(name, head)
    else:
        fmt = _check_format(format, FORMATS, where=name)
        fmt = "json" if fmt == "jsonl" else fmt
    estimate = estimate_rows(stream, fmt)
    if estimate > max_rows * ESTIMATE_MARGIN:
        raise rows_error(f"file has about {estimate:,} rows (estimated from its size and first megabyte)",
                         max_rows, name)
    token = ROW_LIMIT.set(max_rows)
    try:
        with paused_gc():
            return _READERS[fmt](stream, where=name, strict=strict, progress=progress)
    finally:
        ROW_LIMIT.reset(token)


def read_events(path: str | Path, *, format: str | None = None, max_bytes: int | None = None,
                max_rows: int | None = None, progress: Progress | None = None, strict: bool = False) -> ImportResult:
    """Read events from a file; bad rows become ``ImportResult.rejects`` (see module doc).

    Limits (``limits()``): ``max_bytes`` from the size alone, ``max_rows`` estimated before reading
    and counted while reading; both refuse with FileTooLargeError saying how to raise them.
    """
    path = Path(path)
    if not path.is_file():
        raise ParseError("no such file", value=str(path), where=str(path))
    max_bytes, max_rows = limits(max_bytes, max_rows)
    check_size(path, max_bytes)
    with path.open("rb") as stream:
        if not path.is_symlink():
            return _read(stream, name=str(path), format=format, progress=progress, strict=strict,
                         max_rows=max_rows)
        try:
            result = _read(stream, name=str(path), format=format, progress=progress, strict=strict,
                           max_rows=max_rows)
        except InputError as exc:
            raise type(exc)(_LINK_HIDDEN, where=exc.where) from None
    return replace(result, rejects=tuple(replace(r, value=_LINK_HIDDEN) for r in result.rejects))


#: Errors about a file read through a symbolic link show no content: the link may point at a file
#: its user could not otherwise read (issue 13: an import error echoed the first line of /etc/shadow).
_LINK_HIDDEN = "cannot import this file (its contents are not shown: the path is a symbolic link)"


def loads_events(data: bytes, *, format: str | None = None, name: str = "upload",
                 max_bytes: int | None = None, max_rows: int | None = None, progress: Progress | None = None,
                 strict: bool = False) -> ImportResult:
    """Like read_events for bytes already in memory (an upload); ``name`` is used in messages and guessing."""
    max_bytes, max_rows = limits(max_bytes, max_rows)
    if len(data) > max_bytes:
        raise bytes_error(len(data), max_bytes, name)
    return _read(io.BytesIO(data), name=name, format=format, progress=progress, strict=strict, max_rows=max_rows)


def _items(events: Iterable[Event] | pd.DataFrame) -> Iterator[tuple[dict[str, str], Event | None]]:
    """(flat row, event or None) pairs; events are validated before they are written."""
    if isinstance(events, pd.DataFrame):
        for row in frame_to_rows(events):
            yield row, None
        return
    for e in events:
        if not isinstance(e, Event):
            raise ValidationError("write_events needs Event values or an events DataFrame", field="events",
                                  value=type(e).__name__)
        e = validate_event(e, where=f"event {e.id!r}")
        yield event_to_row(e), e


def _events(items: Iterator[tuple[dict[str, str], Event | None]]) -> Iterator[Event]:
    for row, event in items:
        yield event if event is not None else row_to_event(row, unescape=False)


def _write(events: Iterable[Event] | pd.DataFrame, out: BinaryIO, fmt: str, *, bom: bool) -> int:
    items = _items(events)
    if fmt == "csv":
        return csv.write((row for row, _ in items), out, bom=bom)
    if fmt in ("json", "jsonl"):
        return json.write(_events(items), out, lines=fmt == "jsonl")
    if fmt == "geojson":
        return geojson.write((geojson.feature(row, event) for row, event in items), out)
    if fmt == "kml":
        return kml.write(items, out)
    raise ValidationError("unknown format", field="format", value=fmt)


def write_events(events: Iterable[Event] | pd.DataFrame, path: str | Path, *, format: str,
                 bom: bool = False, follow_symlinks: bool = False, parents: bool = False) -> Path | str:
    """Write events atomically (temp file + os.replace); a failure leaves ``path`` untouched.

    ``path`` must be a regular file or a new path (``-``: stdout); see safe_output for symlinks,
    devices and missing folders. ``bom=True`` (csv only) writes a UTF-8 BOM for Excel on Windows.
    """
    fmt = _check_format(format, WRITE_FORMATS, where=str(path))
    with open_output(path, follow_symlinks=follow_symlinks, parents=parents) as out:
        _write(events, out, fmt, bom=bom)
    return path if str(path) == "-" else Path(path)


def dumps_events(events: Iterable[Event] | pd.DataFrame, *, format: str, bom: bool = False) -> bytes:
    """The bytes write_events would write, for a download button (no file)."""
    fmt = _check_format(format, WRITE_FORMATS, where="export")
    buffer = io.BytesIO()
    _write(events, buffer, fmt, bom=bom)
    return buffer.getvalue()


def to_geojson_dict(events: Iterable[Event] | pd.DataFrame) -> dict[str, Any]:
    """A FeatureCollection dict (as geojson.write writes) for map layers or downloads."""
    return geojson.collection(geojson.feature(row, event) for row, event in _items(events))
