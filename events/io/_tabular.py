"""Streaming CSV rows with the line numbers a user sees, for every CSV-shaped format.

Why streaming: a 1M-row ACLED export must import without holding the file
and a DataFrame of it in memory at once, and report progress. Rows come out
as ``(line, cells)`` where ``line`` is the physical line the record starts
on (header = line 1), so a quoted field spanning lines does not shift later
row numbers. Quoting is strict: an unclosed quote is a ParseError naming the
line where its record starts, instead of silently swallowing the rest of the
file into one cell.
"""
from __future__ import annotations

import csv
import sys
from typing import Any, BinaryIO, Callable, Iterator

from errors import ParseError
from events.io._common import Collector
from events.io._text import open_text
from events.model import Event

# A single field may be long (UCDP source_article), but not unbounded.
csv.field_size_limit(min(sys.maxsize, 8 * 1024 * 1024))


class CsvRows:
    """Header + row iterator over a binary stream; ``encoding``/``notes`` say how it was decoded."""

    def __init__(self, stream: BinaryIO, *, where: str, dialect: str = "excel") -> None:
        self.where = where
        self.text, self.encoding, self.notes = open_text(stream, where=where)
        self.reader = csv.reader(self.text, dialect=dialect, strict=True)
        try:
            header = next(self.reader)
        except StopIteration:
            raise ParseError("file is empty", where=where) from None
        except (csv.Error, UnicodeDecodeError) as err:
            raise ParseError(f"header cannot be read: {err}", where=f"{where}:1") from None
        self.header = [h.strip().lstrip("\ufeff") for h in header]
        if len(self.header) == 1 and (";" in self.header[0] or "\t" in self.header[0]):
            sep = "';'" if ";" in self.header[0] else "tab"
            raise ParseError(f"the header is one column separated by {sep}; save the file as comma-separated CSV",
                             field="header", value=self.header[0][:60], where=f"{where}:1")
        if not any(self.header):
            raise ParseError("the first line must be a header of column names; it is empty", where=f"{where}:1")
        self.width = len(self.header)
        seen: set[str] = set()
        for name in self.header:
            if name in seen and name:
                raise ParseError(f"column {name!r} appears twice in the header", field=name, where=f"{where}:1")
            seen.add(name)

    def require(self, required: tuple[str, ...], *, hint: str = "") -> None:
        missing = [c for c in required if c not in self.header]
        if missing:
            raise ParseError(f"missing required column(s) {', '.join(map(repr, missing))}"
                             f"{'; ' + hint if hint else ''}", field=missing[0], where=f"{self.where}:1")

    def reject_unknown(self, allowed: tuple[str, ...] | frozenset[str], *, hint: str = "") -> None:
        unknown = [c for c in self.header if c not in allowed]
        if unknown:
            raise ParseError(f"unknown column(s) {', '.join(map(repr, unknown))}; a typo would silently drop data"
                             f"{'; ' + hint if hint else ''}", field=unknown[0], where=f"{self.where}:1")

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        """Yield (start line, cells); blank lines are skipped."""
        reader = self.reader
        line = reader.line_num
        while True:
            start = line + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                detail = str(err)
                if "end of data" in detail:
                    detail += f"; a quoted field in the record starting on line {start} is never closed"
                raise ParseError(f"malformed CSV in the record starting on line {start}: {detail}",
                                 where=f"{self.where}:{start}") from None
            except UnicodeDecodeError as err:
                raise ParseError(f"file is not valid {self.encoding} from here on ({err.reason})",
                                 field="encoding", where=f"{self.where}:{reader.line_num + 1}") from None
            line = reader.line_num
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue  # blank line
            yield start, cells


def collect(rows: CsvRows, out: Collector, build: Callable[[Any], Event], *, as_dict: bool = True) -> None:
    """Feed each row to ``out.add``: as a {column: text} dict, or as the raw cell list (``as_dict=False``).

    A row with more or fewer cells than the header is rejected as a whole.
    """
    width, header = rows.width, rows.header
    for line, cells in rows:
        if len(cells) != width:
            out.rows += 1
            out.reject(line, "row", f"{len(cells)} cells",
                       f"row has {len(cells)} cells; the header has {width} columns")
            continue
        row = dict(zip(header, cells)) if as_dict else cells
        out.add(line, lambda row=row: build(row))
