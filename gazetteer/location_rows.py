"""Reading the location columns of a UCDP GED or ACLED CSV file, for learning aliases.

Why a module of its own: learning (``gazetteer.learned``) needs only five
columns of a dataset — name, point, precision, governorate — and must not
import ``events`` (which reads whole events). This reader is that narrow,
bounded view: a size cap, UTF-8 only, and rows outside Syria, without
coordinates or with a coarse precision (UCDP 3+, ACLED 3) skipped and counted.
"""
from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

from errors import ParseError, ValidationError

MAX_BYTES = 800 * 1024 * 1024
FORMATS = ("ucdp", "acled")

#: (name, latitude, longitude, precision, admin1, country) columns of each layout.
_COLUMNS = {
    "ucdp": ("where_coordinates", "latitude", "longitude", "where_prec", "adm_1", "country"),
    "acled": ("location", "latitude", "longitude", "geo_precision", "admin1", "country"),
}


@dataclass(frozen=True)
class LocationRow:
    name: str
    lat: float
    lon: float
    precision: int
    admin1: str


def _number(text: str | None) -> float | None:
    try:
        value = float((text or "").strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_locations(path: str | Path, fmt: str) -> tuple[list[LocationRow], int]:
    """(point-like location rows, rows skipped) of a UCDP GED or ACLED CSV file.

    Only the location columns are read; rows outside Syria, without
    coordinates or with a coarse precision (UCDP 3+, ACLED 3) are skipped.
    """
    fmt = (fmt or "").lower()
    if fmt not in FORMATS:
        raise ValidationError(f"format must be one of {', '.join(FORMATS)}", field="format", value=fmt)
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ParseError(f"file is larger than {MAX_BYTES // 2**20} MiB", where=str(path))
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"not UTF-8 text ({exc.reason})", where=str(path)) from None
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror}", where=str(path)) from None
    return read_location_text(text, fmt, where=str(path))


def read_location_text(text: str, fmt: str, *, where: str = "upload") -> tuple[list[LocationRow], int]:
    """``read_locations`` for text already in memory (an upload)."""
    fmt = (fmt or "").lower()
    if fmt not in FORMATS:
        raise ValidationError(f"format must be one of {', '.join(FORMATS)}", field="format", value=fmt)
    name_col, lat_col, lon_col, prec_col, adm_col, country_col = _COLUMNS[fmt]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = {name_col, lat_col, lon_col, prec_col} - set(reader.fieldnames or ())
    if missing:
        raise ParseError(f"not a {fmt.upper()} file: missing column(s) {', '.join(sorted(missing))}",
                         where=f"{where}:1")
    rows, skipped = [], 0
    for row in reader:
        name = " ".join((row.get(name_col) or "").split())
        lat, lon, prec = _number(row.get(lat_col)), _number(row.get(lon_col)), _number(row.get(prec_col))
        country = (row.get(country_col) or "Syria").strip().lower()
        if (not name or lat is None or lon is None or prec is None or int(prec) not in (1, 2)
                or country not in ("syria", "") or not (-90 <= lat <= 90 and -180 <= lon <= 180)):
            skipped += 1
            continue
        rows.append(LocationRow(name[:300], lat, lon, int(prec), (row.get(adm_col) or "").strip()))
    return rows, skipped
