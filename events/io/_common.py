"""What every format reader and writer shares: results, rejects, limits, atomic writes.

Why one place: an analyst importing a 10,000-row file needs every bad row
named the same way whatever the format ("row 4,812, field date_start ..."),
while the good rows still come in. So a reader turns each row's
ValidationError into a ``Reject`` and keeps going; only whole-file problems
(unreadable, too large, wrong columns) raise. Writers stream through
``safe_output.open_output`` (temp file next to the target, ``os.replace``), so an
export that fails half-way never leaves a truncated file where a good one was.
"""
from __future__ import annotations

import os
import re
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from errors import FileTooLargeError, ValidationError, safe_repr
from events.model import Event

#: Default import limit. Files above it are refused from their size alone,
#: before a byte is read, so a 5 GB mistake cannot exhaust memory.
DEFAULT_MAX_BYTES = 200 * 1024 ** 2

#: Default most rows (records, features, placemarks) one import may hold; ``EVENTS_MAX_ROWS`` or the
#: CLI's ``--max-rows`` raise it. Checked from a sample before reading, and again while reading.
DEFAULT_MAX_ROWS = 2_000_000
ROWS_ENV = "EVENTS_MAX_ROWS"
BYTES_ENV = "EVENTS_MAX_BYTES"
#: The row limit of the import being read (set by events.io._read for the duration of one file).
ROW_LIMIT: ContextVar[int] = ContextVar("ROW_LIMIT", default=DEFAULT_MAX_ROWS)

#: How often readers report progress (rows).
PROGRESS_EVERY = 1_000

Progress = Callable[[int, "int | None"], None]


@dataclass(frozen=True)
class Reject:
    """One row that was not imported, and why.

    ``row`` is what the user sees in the file: the CSV line number counting
    the header as line 1 (the line a record starts on), the JSON Lines line
    number, the 0-based index of a JSON list item, GeoJSON feature or KML
    Placemark. ``field`` is the column / property name as written in the
    file's own format (``date_start`` in our CSV, ``event_date`` in ACLED).
    """
    row: int
    field: str
    value: str
    message: str

    def __str__(self) -> str:
        shown = self.value if len(self.value) <= 80 else self.value[:77] + "..."
        return f"row {self.row}, field {self.field!r}: {self.message} (got {shown!r})"


@dataclass(frozen=True)
class ImportResult:
    """Events read from one file plus the rows that were refused.

    ``rows`` counts data rows seen (``len(events) + len(rejects)``).
    ``encoding`` is how the bytes were decoded; ``notes`` lists repairs made
    on the way (e.g. "decoded as Windows-1256 (cp1256)"), for the UI to show.
    """
    events: tuple[Event, ...]
    rejects: tuple[Reject, ...]
    format: str
    rows: int
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.rejects


#: Characters that JavaScript (before ES2019) and Python's ``str.splitlines`` treat as line breaks although
#: JSON allows them raw: the JSON writers escape them so a JSON Lines file stays one record per line.
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}
_LINE_BREAK_RE = re.compile("[\u2028\u2029\u0085]")


def line_safe(text: str) -> str:
    """JSON text with U+2028, U+2029 and U+0085 written as ``\\uXXXX`` escapes (the same JSON value)."""
    return _LINE_BREAK_RE.sub(lambda m: _LINE_BREAKS[m.group()], text)


def json_lines(text: str) -> list[str]:
    """JSON Lines split on ``\\n`` only (a ``\\r`` before it dropped): never on U+2028/2029/0085, \\v, \\f."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


def shown_value(value: object, limit: int = 200) -> str:
    """A printable, bounded version of a bad value for a Reject."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else safe_repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Collector:
    """Accumulates events and rejects for one file; spots duplicate ids.

    ``strict`` turns the first reject into a raised ValidationError naming
    the file, row, field and value (the CLI's ``--strict``; the tests).
    """

    def __init__(self, *, where: str, strict: bool, progress: Progress | None, total: int | None = None,
                 field_names: Callable[[str], str] | None = None) -> None:
        self.where = where
        self.strict = strict
        self.progress = progress
        self.total = total
        self.field_names = field_names or (lambda f: f)
        self.events: list[Event] = []
        self.rejects: list[Reject] = []
        self.first_seen: dict[str, int] = {}
        self.rows = 0
        self.max_rows = ROW_LIMIT.get()

    def _check_rows(self) -> None:
        if self.rows > self.max_rows:
            raise rows_error(f"file has more than {self.max_rows:,} rows", self.max_rows, self.where)

    def reject(self, row: int, field: str, value: object, message: str) -> None:
        self._check_rows()
        rej = Reject(row=row, field=field, value=shown_value(value), message=message)
        if self.strict:
            raise ValidationError(message, field=field, value=shown_value(value), where=f"{self.where}, row {row}")
        self.rejects.append(rej)

    def add(self, row: int, build: Callable[[], Event]) -> None:
        """Build one event; a ValidationError becomes a Reject for ``row``."""
        self.rows += 1
        self._check_rows()
        try:
            event = build()
        except ValidationError as err:
            event = None
            error = err
        except (ValueError, OverflowError, UnicodeError, RecursionError) as exc:
            # a value Python cannot convert (an integer of 5,000 digits, a number beyond float range...):
            # a reject naming the row, not a traceback
            event = None
            error = ValidationError(f"a value cannot be read ({type(exc).__name__}: {shown_value(str(exc), 120)})",
                                    field="row")
        if event is None:
            self.reject(row, self.field_names(error.field or "row"), error.value, error.message)
        else:
            first = self.first_seen.get(event.id)
            if first is not None:
                self.reject(row, self.field_names("id"), event.id, f"duplicate id; first used at row {first}")
            else:
                self.first_seen[event.id] = row
                self.events.append(event)
        if self.progress is not None and self.rows % PROGRESS_EVERY == 0:
            self.progress(self.rows, self.total)

    def result(self, fmt: str, *, encoding: str = "utf-8", notes: tuple[str, ...] = ()) -> ImportResult:
        if self.progress is not None:
            self.progress(self.rows, self.rows)
        return ImportResult(events=tuple(self.events), rejects=tuple(self.rejects), format=fmt, rows=self.rows,
                            encoding=encoding, notes=notes)


def env_limit(name: str, default: int) -> int:
    """A positive whole-number limit from the environment variable ``name``, else ``default``."""
    raw = os.environ.get(name, "").strip().replace("_", "").replace(",", "")
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError("must be a whole number", field=name, value=raw) from None
    if value <= 0:
        raise ValidationError("must be above 0", field=name, value=raw)
    return value


def rows_error(what: str, limit: int, where: str) -> FileTooLargeError:
    """The one-line refusal of a file over the row limit, saying how to raise it."""
    return FileTooLargeError(f"{what}; the import limit is {limit:,} rows (raise it with --max-rows N "
                             f"or {ROWS_ENV}=N)", where=where)


def bytes_error(size: int, limit: int, where: str) -> FileTooLargeError:
    """The one-line refusal of a file over the byte limit, saying how to raise it."""
    return FileTooLargeError(f"file is {size:,} bytes; the import limit is {limit:,} bytes (raise it with "
                             f"--max-bytes N or {BYTES_ENV}=N)", value=size, where=where)


def check_size(path: Path, max_bytes: int) -> int:
    """Refuse a file above ``max_bytes`` from its size alone (nothing is read)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise bytes_error(size, max_bytes, str(path))
    return size
