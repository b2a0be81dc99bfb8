"""Command-line filter flags → a Query, with errors that name the flag and the value.

Why here and not in click types: click's own errors print a usage block;
the issue asks for one line on stderr naming the argument and its value
("--from: '2017-02-30' is not a real date (expected YYYY-MM-DD)"), so flags
arrive as text and are checked here, raising ValidationError with
``where`` = the flag.
"""
from __future__ import annotations

import math
from datetime import date
from enum import Enum
from typing import Iterable, TypeVar

from errors import ValidationError
from events.model import ClaimStatus, EventType
from events.query import Query
from gazetteer.model import Precision

E = TypeVar("E", bound=Enum)


def parse_date_arg(raw: str | None, *, option: str) -> date | None:
    if raw is None or raw == "":
        return None
    text = raw.strip()
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{raw!r} is not a real date (expected YYYY-MM-DD)", where=option) from None


def parse_bbox_arg(raw: str | None, *, option: str = "--bbox") -> tuple[float, float, float, float] | None:
    if raw is None or raw == "":
        return None
    parts = raw.split(",")
    try:
        if len(parts) != 4:
            raise ValueError
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ValidationError(f"{raw!r} is not W,S,E,N (four numbers separated by commas, "
                              f"e.g. 35.7,32.3,42.4,37.3)", where=option) from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise ValidationError(f"{raw!r} has a value that is not a finite number", where=option)
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= 90 and -90 <= north <= 90):
        raise ValidationError(f"{raw!r} is outside longitude -180..180 / latitude -90..90", where=option)
    if west > east or south > north:
        raise ValidationError(f"{raw!r} must have west <= east and south <= north (order is W,S,E,N)", where=option)
    return west, south, east, north


def parse_choices(values: Iterable[str], enum: type[E], *, option: str) -> frozenset[E]:
    """Repeated and/or comma-separated values of an enum (``--status claimed,denied``)."""
    chosen = set()
    for value in values:
        for item in value.split(","):
            key = item.strip().lower()
            if not key:
                continue
            try:
                chosen.add(enum(key))
            except ValueError:
                allowed = ", ".join(m.value for m in enum)
                raise ValidationError(f"{item.strip()!r} is not one of: {allowed}", where=option) from None
    return frozenset(chosen)


def parse_names(values: Iterable[str]) -> frozenset[str]:
    return frozenset(v.strip() for value in values for v in value.split(",") if v.strip())


def build_query(*, date_from: str | None = None, date_to: str | None = None, bbox: str | None = None,
                statuses: Iterable[str] = (), types: Iterable[str] = (), actors: Iterable[str] = (),
                governorates: Iterable[str] = (), precisions: Iterable[str] = (), outlets: Iterable[str] = (),
                text: str = "", include_undated: bool = False, include_unlocated: bool = True,
                limit: int | None = None, flags: Iterable[str] = ()) -> Query:
    start = parse_date_arg(date_from, option="--from")
    end = parse_date_arg(date_to, option="--to")
    if start and end and end < start:
        raise ValidationError(f"--to {end.isoformat()} is before --from {start.isoformat()}", where="--to")
    if limit is not None and limit < 0:
        raise ValidationError(f"{limit} is negative", where="--limit")
    return Query(date_from=start, date_to=end, bbox=parse_bbox_arg(bbox),
                 statuses=parse_choices(statuses, ClaimStatus, option="--status"),
                 types=parse_choices(types, EventType, option="--type"),
                 actors=parse_names(actors), governorates=parse_names(governorates),
                 precisions=parse_choices(precisions, Precision, option="--precision"),
                 outlets=parse_names(outlets), text=text or "", include_undated=include_undated,
                 include_unlocated=include_unlocated, limit=limit, flags=parse_names(flags))
