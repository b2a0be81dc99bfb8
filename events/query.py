"""What the user is looking at: a time window, a bounding box and attribute filters.

Why one frozen value: the same Query is built from the dashboard's widgets,
from the URL (permalinks), and from CLI flags, and is handed unchanged to
whichever store backend is in use, so all three always agree on what
"the current view" means.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from events.model import ClaimStatus, EventType
from gazetteer.model import Precision


@dataclass(frozen=True)
class Query:
    """Filters; an empty set means "no filter on this attribute".

    Dates: an event matches when its [start, end] span overlaps
    [date_from, date_to] (so "late August" shows on any day of 21–31 Aug).
    ``include_undated`` / ``include_unlocated`` keep events with no date /
    no coordinates in lists (the map can't draw them, but they are not
    silently dropped). ``bbox`` is (west, south, east, north) on the
    representative point.
    """
    date_from: date | None = None
    date_to: date | None = None
    bbox: tuple[float, float, float, float] | None = None
    statuses: frozenset[ClaimStatus] = field(default_factory=frozenset)
    types: frozenset[EventType] = field(default_factory=frozenset)
    actors: frozenset[str] = field(default_factory=frozenset)
    governorates: frozenset[str] = field(default_factory=frozenset)   # admin1 P-codes
    precisions: frozenset[Precision] = field(default_factory=frozenset)
    outlets: frozenset[str] = field(default_factory=frozenset)        # outlet or agency names
    text: str = ""
    #: data-quality flag kinds (events/quality.py); an event matches when it has any of them ("any": any flag)
    flags: frozenset[str] = field(default_factory=frozenset)
    include_undated: bool = False
    include_unlocated: bool = True
    limit: int | None = None
