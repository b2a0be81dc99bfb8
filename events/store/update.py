"""Importing a newer release of a dataset: add the new rows, update the changed ones, leave the rest.

Why: UCDP and ACLED publish new releases of the same events (a death toll
revised, a location refined, rows added). Refusing ids that exist, or
overwriting all of them, tells the analyst nothing. ``plan_update`` matches
the file's events to stored ones by id (the dataset's source id:
``ucdp:240501``) and compares canonical records field by field;
``apply_update`` writes only the added and changed events, in one audited
revision (action ``update``), each change keeping its record before and
after, so ``history`` shows the fields that differ (``changed_fields``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from events.model import Event
from events.serialize import event_to_dict
from events.store.base import EventStore, as_record

#: Ids per IN (...) lookup (well under SQLite's host-parameter limit).
_IDS_PER_QUERY = 2_000


@dataclass(frozen=True)
class Change:
    """One stored event that the file changes: its id and the fields that differ (``place.lat``, ``counts``)."""
    event_id: str
    fields: tuple[str, ...]
    before: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)
    after: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)


@dataclass(frozen=True)
class UpdatePlan:
    added: tuple[Event, ...]
    changed: tuple[tuple[Event, Change], ...]
    unchanged: int
    flagged: int

    def summary(self) -> str:
        return (f"added {len(self.added)}, changed {len(self.changed)}, unchanged {self.unchanged}, "
                f"flagged {self.flagged}")

    def rows(self, limit: int | None = None) -> list[dict[str, str]]:
        """The change table: one row per changed field (id, field, before, after), for the UI and the CLI."""
        out: list[dict[str, str]] = []
        for _, change in self.changed:
            for name in change.fields:
                out.append({"id": change.event_id, "field": name, "before": _shown(lookup(change.before, name)),
                            "after": _shown(lookup(change.after, name))})
                if limit is not None and len(out) >= limit:
                    return out
        return out


def _shown(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 120 else text[:119] + "…"


def lookup(record: dict[str, Any], name: str) -> Any:
    """``place.lat`` → record["place"]["lat"] (None when absent)."""
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def changed_fields(before: dict[str, Any] | None, after: dict[str, Any] | None) -> tuple[str, ...]:
    """Names of the fields that differ between two records; places and dates compared key by key."""
    before, after = before or {}, after or {}
    out: list[str] = []
    for key in sorted(set(before) | set(after) - {"schema"}):
        if key == "schema":
            continue
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            out += [f"{key}.{k}" for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        else:
            out.append(key)
    return tuple(out)


def stored_records(store: EventStore, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Current records of those ids that exist."""
    found: dict[str, dict[str, Any]] = {}
    ids = list(ids)
    for i in range(0, len(ids), _IDS_PER_QUERY):
        part = ids[i:i + _IDS_PER_QUERY]
        rows = store._rows(f"SELECT id, doc FROM events WHERE id IN ({', '.join('?' * len(part))})", part)
        for event_id, doc in rows:
            found[event_id] = as_record(doc)
    return found


def plan_update(store: EventStore, events: Iterable[Event]) -> UpdatePlan:
    """What importing ``events`` with ``--update`` would do (nothing is written)."""
    from events.validate import validate_event
    batch = [validate_event(e) for e in events]
    stored = stored_records(store, [e.id for e in batch])
    added: list[Event] = []
    changed: list[tuple[Event, Change]] = []
    unchanged = 0
    for event in batch:
        old = stored.get(event.id)
        if old is None:
            added.append(event)
            continue
        new = event_to_dict(event)
        fields = changed_fields(old, new)
        if fields:
            changed.append((event, Change(event.id, fields, old, new)))
        else:
            unchanged += 1
    return UpdatePlan(tuple(added), tuple(changed), unchanged, sum(1 for e in batch if e.flags))


def apply_update(store: EventStore, plan: UpdatePlan, *, author: str, progress=None) -> int:
    """Write the plan's added and changed events in one revision (action ``update``); returns how many."""
    events = list(plan.added) + [e for e, _ in plan.changed]
    if not events:
        return 0
    return store.add(events, author=author, replace=True, progress=progress, action="update")
