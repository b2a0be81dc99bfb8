"""Data-quality flags: a published value that breaks one of our rules but is kept as published.

Why flags and not rejections: UCDP GED and ACLED are published facts with
quirks (a ``best`` estimate outside ``low``–``high``, a ``source_date`` of
1753-01-01 or 2919-02-06, a row without an admin name, country-level
coordinates). Refusing those rows loses real events (16 deaths in one of
them), so the row is kept, the quirk is named on the event
(``Event.flags``), shown in the side panel, the table and every export, and
can be filtered on (``Query.flags``, ``--flag``). Refusal stays for rows
that cannot be an event: no usable date, no finite coordinates, a broken
CSV structure.

A flag is ``kind`` or ``kind:detail``, where detail keeps the published
value (``source_date_implausible:2919-02-06``); ``flag_kind`` gives the kind.
"""
from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Iterable

from events.model import Event

BEST_OUTSIDE_RANGE = "best_outside_range"
SOURCE_DATE_IMPLAUSIBLE = "source_date_implausible"
ADMIN_NAME_MISSING = "admin_name_missing"
COUNTRY_LEVEL = "country_level_location"
UNKNOWN_CODE = "unknown_code"
COUNT_RANGE_REVERSED = "count_range_reversed"

#: kind → what it means (English; the UI shows these in the side panel and the filter).
KINDS: dict[str, str] = {
    BEST_OUTSIDE_RANGE: "the published best estimate lies outside the published low–high range",
    COUNT_RANGE_REVERSED: "the published low estimate is above the high estimate",
    SOURCE_DATE_IMPLAUSIBLE: "the source's publication date is a sentinel or implausible (kept as text, not used)",
    ADMIN_NAME_MISSING: "the dataset gives no admin (governorate) name for the row",
    COUNTRY_LEVEL: "the dataset locates the event only at country (or wider) level",
    UNKNOWN_CODE: "a code the dataset's codebook does not define (kept as text)",
}

#: source dates outside [event start − this many days, event end + this many days] are implausible.
SOURCE_DATE_SLACK_DAYS = 3 * 365
MIN_SOURCE_YEAR = 1900


def flag(kind: str, detail: object = "") -> str:
    text = str(detail).replace("; ", ",").replace(";", ",").strip()
    return f"{kind}:{text}" if text else kind


def flag_kind(value: str) -> str:
    return value.split(":", 1)[0]


def flag_detail(value: str) -> str:
    """What the dataset wrote, after the kind ("best=9,low=1,high=3"); "" for a bare kind."""
    return value.split(":", 1)[1] if ":" in value else ""


def source_date_plausible(published: date, start: date | None, end: date | None, *, today: date | None = None) -> bool:
    """A publication date near the event (and not in the future, nor a sentinel like 1753-01-01)."""
    if published.year < MIN_SOURCE_YEAR or published > (today or date.today()):
        return False
    if start is not None and (start - published).days > SOURCE_DATE_SLACK_DAYS:
        return False
    if end is not None and (published - end).days > SOURCE_DATE_SLACK_DAYS:
        return False
    return True


def count_kinds(events: Iterable[Event]) -> Counter:
    """How many events carry each flag kind (an event with two flags of a kind counts once)."""
    out: Counter = Counter()
    for e in events:
        if e.flags:
            out.update({flag_kind(f) for f in e.flags})
    return out


def flagged(events: Iterable[Event]) -> int:
    return sum(1 for e in events if e.flags)


def summary_line(events: Iterable[Event]) -> str:
    """``flagged N (best_outside_range 40, source_date_implausible 12)`` or ``flagged 0``."""
    events = list(events)
    kinds = count_kinds(events)
    n = flagged(events)
    if not kinds:
        return "flagged 0"
    return f"flagged {n} (" + by_kind(kinds) + ")"


def by_kind(kinds: Counter) -> str:
    """``best_outside_range 40, source_date_implausible 12``: most frequent first, ties by name."""
    return ", ".join(f"{k} {v:,}" for k, v in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))


def describe(value: str) -> str:
    """A flag as a sentence for the side panel."""
    kind, detail = flag_kind(value), flag_detail(value)
    text = KINDS.get(kind, kind.replace("_", " "))
    return f"{text} ({detail})" if detail else text
