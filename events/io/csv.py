"""Our flat CSV: one event per row, the columns of ``events.frame.FRAME_COLUMNS`` (+ count_what, tags).

Why this format: it is what analysts open in Excel and what the map's
"download table" gives them, so it is also what they send back. Rules:

* Encoding: written as plain UTF-8 (no BOM) by default; ``bom=True`` writes
  a UTF-8 BOM so Excel on Windows shows Arabic correctly when the file is
  double-clicked. Reading accepts either (and UTF-16, cp1256: see _text).
* Dates are ISO ``YYYY-MM-DD`` (a time part ``2017-08-26 00:00:00`` as Excel
  writes it is accepted and dropped). Multi-valued fields (actors, denies,
  related, tags) are joined with "; ".
* Required columns: id, event_type, status. Other columns may be left out.
  Unknown columns are refused (a typo such as ``date_strat`` would
  otherwise silently drop a field).
* Formula-leading text cells are neutralised with an apostrophe (see flat).
"""
from __future__ import annotations

import csv
import io
from typing import BinaryIO, Iterable

from events.io._common import Collector, ImportResult, Progress
from events.io._tabular import CsvRows, collect
from events.io.flat import CSV_COLUMNS, FORMULA_START, REQUIRED_COLUMNS, TEXT_COLUMNS, column_of, neutralise
from events.io.rowbuild import RowBuilder

FORMAT = "csv"


def read(stream: BinaryIO, *, where: str, strict: bool = False, progress: Progress | None = None) -> ImportResult:
    rows = CsvRows(stream, where=where)
    rows.reject_unknown(frozenset(CSV_COLUMNS), hint="for ACLED or UCDP files use --format acled / ucdp")
    rows.require(REQUIRED_COLUMNS)
    out = Collector(where=where, strict=strict, progress=progress, field_names=column_of)
    collect(rows, out, RowBuilder(rows.header), as_dict=False)
    return out.result(FORMAT, encoding=rows.encoding, notes=rows.notes)


def write(rows: Iterable[dict[str, str]], out: BinaryIO, *, bom: bool = False) -> int:
    """Write flat text rows (CSV_COLUMNS keys) as CSV; returns the row count."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig" if bom else "utf-8", newline="", write_through=False)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    is_text = [c in TEXT_COLUMNS for c in CSV_COLUMNS]
    n = 0
    for row in rows:
        cells = [row.get(c, "") for c in CSV_COLUMNS]
        for i, value in enumerate(cells):
            if value and is_text[i] and (value[0] in FORMULA_START or value[0] == "'"):
                cells[i] = neutralise(value)
        writer.writerow(cells)
        n += 1
    text.flush()
    text.detach()
    return n
