"""Helpers shared by the importers: coordinate checks and CSV opening."""
from __future__ import annotations

import csv
import io
import math
from pathlib import Path

from errors import ParseError, ValidationError

#: Syria's bounding box with a small margin (lat_min, lat_max, lon_min, lon_max).
SYRIA_BOX = (32.0, 37.6, 35.4, 42.6)
#: Refuse reference files above this size before reading them whole.
MAX_BYTES = 200 * 1024 * 1024


def read_text(path: Path) -> str:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ParseError(f"file is {size} bytes, limit {MAX_BYTES}", where=str(path))
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"not UTF-8 text ({exc.reason})", where=str(path)) from exc
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror}", where=str(path)) from exc


def csv_rows(path: Path, required: set[str] | None = None):
    """Yield (line_number, row dict) from a CSV file, checking the header first."""
    text = read_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = set(reader.fieldnames or [])
    if required and not required <= header:
        missing = ", ".join(sorted(required - header))
        raise ParseError(f"missing column(s): {missing}", where=f"{path}:1")
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:
        raise ParseError(f"malformed CSV: {exc}", where=f"{path}:{reader.line_num}") from exc


def parse_coord(value: str, *, field: str, where: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError("not a number", field=field, value=value, where=where) from None
    if not math.isfinite(number):
        raise ValidationError("not a finite number", field=field, value=value, where=where)
    lo, hi = (SYRIA_BOX[0], SYRIA_BOX[1]) if field in ("lat", "latitude") else (SYRIA_BOX[2], SYRIA_BOX[3])
    if not lo <= number <= hi:
        raise ValidationError(f"{field} {number} is outside Syria ({lo}..{hi})",
                              field=field, value=value, where=where)
    return number
