"""The rejects report: the rows an import refused, as CSV for a spreadsheet.

Why one writer: the CLI's ``events import --rejects`` and the dashboard's
"Download rejected rows" hand the same report to the same spreadsheets, and
a refused value is exactly the kind of cell an attacker fills with
``=HYPERLINK(...)``. So both write it here, and every text cell goes through
``events.io.flat.neutralise`` (the apostrophe rule of our CSV export).
"""
from __future__ import annotations

import csv
import io
from typing import Iterable

from events.io._common import Reject
from events.io.flat import neutralise

COLUMNS = ("row", "field", "value", "message")


def rejects_csv(rejects: Iterable[Reject], *, bom: bool = False) -> bytes:
    """CSV bytes (header ``row,field,value,message``), formula-leading cells neutralised.

    ``bom=True`` starts with a UTF-8 BOM (Excel on Windows reads Arabic right).
    Unencodable characters (a lone surrogate in a refused value) are written as escapes.
    """
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(COLUMNS)
    for r in rejects:
        writer.writerow([r.row, neutralise(str(r.field)), neutralise(str(r.value)), neutralise(str(r.message))])
    return ("\ufeff" if bom else "").encode("utf-8") + text.getvalue().encode("utf-8", "backslashreplace")
