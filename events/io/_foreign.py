"""Helpers for other projects' CSV layouts (ACLED, UCDP GED): numbers, country, default uncertainty.

Why shared: both datasets give coordinates with a precision code and a
country name, and both must be checked the same way (finite numbers, Syria
only, swapped lat/lon spotted by events.validate).

DEFAULT_RADIUS_KM is the uncertainty radius we attach when a dataset gives
only a precision code, so the map draws an honest circle instead of a pin:
POINT none (a pin), NEAR 25 km ("the area of X"), SUBDISTRICT 15 km,
DISTRICT 40 km, GOVERNORATE 100 km, REGION 200 km, COUNTRY 400 km. These
are rough sizes of Syrian admin units, not dataset facts.
"""
from __future__ import annotations

import math
import re
from datetime import date

from typing import BinaryIO, Callable

from errors import ValidationError
from events.io._common import Collector, ImportResult, Progress
from events.io._tabular import CsvRows, collect
from events.model import Event
from events.validate import validate_event
from gazetteer.model import Precision

DEFAULT_RADIUS_KM: dict[Precision, float | None] = {
    Precision.POINT: None, Precision.NEAR: 25.0, Precision.SUBDISTRICT: 15.0, Precision.DISTRICT: 40.0,
    Precision.GOVERNORATE: 100.0, Precision.REGION: 200.0, Precision.COUNTRY: 400.0,
}
SYRIA_NAMES = frozenset({"syria", "syrian arab republic"})
_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")


def number(value: str | None, *, field: str) -> float | None:
    text = (value or "").strip()
    if not text:
        return None
    try:
        result = float(text)
    except ValueError:
        raise ValidationError("must be a number", field=field, value=value) from None
    if not math.isfinite(result):
        raise ValidationError("must be a finite number", field=field, value=value)
    return result


def whole(value: str | None, *, field: str) -> int | None:
    result = number(value, field=field)
    if result is None:
        return None
    if result != int(result) or result < 0:
        raise ValidationError("must be a whole number of 0 or more", field=field, value=value)
    return int(result)


def code(value: str | None, *, field: str, allowed: range | tuple[int, ...]) -> int | None:
    result = whole(value, field=field)
    if result is not None and result not in allowed:
        raise ValidationError(f"must be one of {', '.join(map(str, allowed))}", field=field, value=value)
    return result


def iso_date(value: str | None, *, field: str) -> date:
    """ISO date, with an optional time part as UCDP writes it (``2017-08-26 00:00:00.000``)."""
    text = (value or "").strip()
    match = _ISO.match(text)
    if not match:
        raise ValidationError("is not a valid date (expected YYYY-MM-DD)", field=field, value=value)
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        raise ValidationError("is not a real calendar date", field=field, value=value) from None


def require_syria(value: str | None, *, field: str = "country") -> None:
    if (value or "").strip().lower() not in SYRIA_NAMES:
        raise ValidationError("only events in Syria are imported; this row is for another country",
                              field=field, value=value)


def split_list(*values: str | None) -> tuple[str, ...]:
    """Unique non-empty parts of ';'-separated fields, in order."""
    seen: dict[str, None] = {}
    for value in values:
        for part in (value or "").split(";"):
            part = part.strip()
            if part:
                seen.setdefault(part, None)
    return tuple(seen)


def validated(event: Event, field_names: Callable[[str], str]) -> Event:
    """validate_event, with the failing field renamed to the dataset's own column name."""
    try:
        return validate_event(event)
    except ValidationError as err:
        err.field = field_names(err.field or "row")
        raise


def read_layout(stream: BinaryIO, *, where: str, strict: bool, progress: Progress | None, fmt: str,
                required: tuple[str, ...] | frozenset[str], hint: str,
                row_to_event: Callable[[dict[str, str]], Event], field_names: Callable[[str], str]) -> ImportResult:
    """Read one foreign CSV layout: check its columns, turn each row into an Event, collect rejects."""
    rows = CsvRows(stream, where=where)
    rows.require(required, hint=hint)
    out = Collector(where=where, strict=strict, progress=progress, field_names=field_names)
    collect(rows, out, row_to_event)
    return out.result(fmt, encoding=rows.encoding, notes=rows.notes)
