"""Corroboration groups and the analyst's joins/splits, kept in the event store (SQLite or PostGIS).

Why tables of their own: a group is a view over events, not part of any
one event's record, so linking never rewrites an event (its record, source
chain and audit history stay as imported). Four plain tables, created on
first use in either backend through the store's generic transaction hook:

* ``corroboration_members`` (event_id → group_id), ``corroboration_groups``
  (group_id → summary JSON: members, independent sources, denials,
  confidence, reasons) — replaced as a whole by each batch run;
* ``corroboration_manual`` — every join/split an analyst made (who, when,
  which events): the audit trail, and the constraints later runs obey;
* ``corroboration_runs`` — when each batch run happened and what it formed.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Iterable, Sequence

from errors import NotFoundError, ValidationError
from events.corroborate.link import Group, link, single, summarise
from events.model import Event
from events.store.base import EventStore, check_author

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS corroboration_members (event_id TEXT PRIMARY KEY, group_id TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS corroboration_groups (group_id TEXT PRIMARY KEY, info TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS corroboration_manual (n INTEGER NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL, "
    "action TEXT NOT NULL, event_a TEXT NOT NULL, event_b TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS corroboration_runs (n INTEGER NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL, "
    "events INTEGER NOT NULL, groups INTEGER NOT NULL)",
)
_ROWS_PER_INSERT = 400


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _transaction(store: EventStore):
    # the store's one generic write transaction outside the events table (it also ensures the alias tables)
    return store._alias_transaction()


def _ensure(execute) -> None:
    for statement in SCHEMA:
        execute(statement, ())


def _insert_many(execute, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    width = len(columns)
    for i in range(0, len(rows), _ROWS_PER_INSERT):
        part = rows[i:i + _ROWS_PER_INSERT]
        values = ", ".join("(" + ", ".join("?" * width) + ")" for _ in part)
        execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values}", [v for row in part for v in row])


def has_groups(store: EventStore) -> bool:
    return store._has_table("corroboration_groups")


def manual_ops(store: EventStore) -> tuple[list[tuple[str, str]], set[str]]:
    """(joins, detached ids) from the analysts' decisions, applied in the order they were made."""
    if not store._has_table("corroboration_manual"):
        return [], set()
    joins: list[tuple[str, str]] = []
    detached: set[str] = set()
    for action, a, b in store._rows("SELECT action, event_a, event_b FROM corroboration_manual ORDER BY n"):
        if action == "join":
            joins.append((a, b))
            detached -= {a, b}
        elif action == "split":
            detached.add(a)
            joins = [j for j in joins if a not in j]
    return joins, detached


def save_groups(store: EventStore, groups: Sequence[Group], *, author: str, events_seen: int) -> None:
    author = check_author(author)
    with _transaction(store) as execute:
        _ensure(execute)
        execute("DELETE FROM corroboration_members", ())
        execute("DELETE FROM corroboration_groups", ())
        _insert_many(execute, "corroboration_members", ("event_id", "group_id"),
                     [(m, g.group_id) for g in groups for m in g.members])
        _insert_many(execute, "corroboration_groups", ("group_id", "info"),
                     [(g.group_id, json.dumps(g.as_dict(), ensure_ascii=False)) for g in groups])
        n = store._rows("SELECT count(*) FROM corroboration_runs")[0][0] if has_groups(store) else 0
        execute("INSERT INTO corroboration_runs (n, at, author, events, groups) VALUES (?, ?, ?, ?, ?)",
                (int(n) + 1, _now(), author, int(events_seen), len(groups)))


def _light_event(d: dict[str, Any]) -> Event:
    """The fields linking reads, from a stored record (validated when it was written), without re-validating:
    a 100k-event store loads in a few seconds instead of half a minute."""
    from datetime import date as _date
    from events.model import ClaimStatus, Count, DatePrecision, EventDate, EventType, Place, Source
    from gazetteer.model import Precision
    dd, pd_ = d.get("date"), d.get("place")
    when = None if not dd else EventDate(_date.fromisoformat(dd["start"]), _date.fromisoformat(dd["end"]),
                                         DatePrecision(dd.get("precision", "day")), dd.get("as_written", ""))
    place = None
    if pd_:
        place = Place(pd_.get("as_written", ""), pd_.get("lat"), pd_.get("lon"),
                      Precision(pd_["precision"]) if pd_.get("precision") else None,
                      radius_km=pd_.get("radius_km"), admin1_pcode=pd_.get("admin1_pcode", ""))
    return Event(
        id=d["id"], event_type=EventType(d.get("event_type", "other")), status=ClaimStatus(d.get("status", "reported")),
        title_en=d.get("title_en", ""), date=when, place=place, actors=tuple(d.get("actors") or ()),
        counts=tuple(Count(c.get("what", ""), c.get("min"), c.get("max")) for c in d.get("counts") or ()),
        sources=tuple(Source(outlet=x.get("outlet", ""), agency=x.get("agency", ""), source=x.get("source", ""),
                             url=x.get("url", ""), title=x.get("title", ""), quote=x.get("quote", ""),
                             published=_date.fromisoformat(x["published"]) if x.get("published") else None)
                      for x in d.get("sources") or ()),
        denies=tuple(d.get("denies") or ()), tags=tuple(d.get("tags") or ()))


def all_events(store: EventStore) -> list[Event]:
    """Every stored event, as much of it as linking reads (see _light_event)."""
    from events.store.base import as_record
    try:
        import orjson
        loads = orjson.loads
    except ImportError:   # pragma: no cover - orjson is in requirements.txt
        loads = json.loads
    rows = store._rows("SELECT doc FROM events")
    return [_light_event(loads(doc) if isinstance(doc, (str, bytes)) else as_record(doc)) for (doc,) in rows]


def corroborate_store(store: EventStore, *, author: str, dry_run: bool = False) -> tuple[list[Group], int]:
    """Link every event of the store (obeying the analysts' joins/splits); saved unless ``dry_run``."""
    events = all_events(store)
    joins, detached = manual_ops(store)
    groups = link(events, joins=joins, detached=detached)
    if not dry_run:
        save_groups(store, groups, author=author, events_seen=len(events))
    return groups, len(events)


def groups_of(store: EventStore, event_ids: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """event id → its group's summary (only events in a group of two or more)."""
    if not has_groups(store):
        return {}
    if event_ids is None:
        rows = store._rows("SELECT event_id, group_id FROM corroboration_members")
        infos = {gid: json.loads(info) for gid, info in store._rows("SELECT group_id, info FROM corroboration_groups")}
    else:
        ids = list(event_ids)
        rows = []
        for i in range(0, len(ids), 2_000):
            part = ids[i:i + 2_000]
            rows += store._rows(f"SELECT event_id, group_id FROM corroboration_members WHERE event_id IN "
                                f"({', '.join('?' * len(part))})", part)
        gids = sorted({gid for _, gid in rows})
        infos = {}
        for i in range(0, len(gids), 2_000):
            part = gids[i:i + 2_000]
            infos.update((gid, json.loads(info)) for gid, info in store._rows(
                f"SELECT group_id, info FROM corroboration_groups WHERE group_id IN ({', '.join('?' * len(part))})",
                part))
    return {eid: infos[gid] for eid, gid in rows if gid in infos}


def corroboration_of(store: EventStore, event: Event, known: dict[str, dict] | None = None) -> dict[str, Any]:
    """The ``"corroboration"`` object of one event: its group, or its own sources when it is in none."""
    info = (known if known is not None else groups_of(store, [event.id])).get(event.id)
    return info if info is not None else single(event).as_dict() | {"group": None}


def _record(store: EventStore, execute, action: str, a: str, b: str, author: str) -> None:
    n = store._rows("SELECT count(*) FROM corroboration_manual")[0][0] if store._has_table("corroboration_manual") else 0
    execute("INSERT INTO corroboration_manual (n, at, author, action, event_a, event_b) VALUES (?, ?, ?, ?, ?, ?)",
            (int(n) + 1, _now(), author, action, a, b))


def _rewrite(store: EventStore, execute, old_members: Iterable[str], groups: Sequence[Group]) -> None:
    old = list(dict.fromkeys(old_members))
    for i in range(0, len(old), 500):
        part = old[i:i + 500]
        gids = [r[0] for r in store._rows(f"SELECT DISTINCT group_id FROM corroboration_members WHERE event_id IN "
                                          f"({', '.join('?' * len(part))})", part)] if has_groups(store) else []
        execute(f"DELETE FROM corroboration_members WHERE event_id IN ({', '.join('?' * len(part))})", part)
        for gid in gids:
            execute("DELETE FROM corroboration_groups WHERE group_id = ?", (gid,))
    keep = [g for g in groups if len(g.members) > 1]
    _insert_many(execute, "corroboration_members", ("event_id", "group_id"),
                 [(m, g.group_id) for g in keep for m in g.members])
    _insert_many(execute, "corroboration_groups", ("group_id", "info"),
                 [(g.group_id, json.dumps(g.as_dict(), ensure_ascii=False)) for g in keep])


def join(store: EventStore, a: str, b: str, *, author: str) -> Group:
    """Put ``a`` and ``b`` (and their groups) in one group, by hand; recorded in corroboration_manual."""
    author = check_author(author)
    if a == b:
        raise ValidationError("cannot join an event with itself", field="event", value=a)
    ea, eb = store.get(a), store.get(b)   # NotFoundError names a missing id
    current = groups_of(store, [a, b])
    ids = set(current.get(a, {}).get("members", [a])) | set(current.get(b, {}).get("members", [b]))
    merged = summarise([store.get(i) if i not in (a, b) else (ea if i == a else eb) for i in sorted(ids)])
    with _transaction(store) as execute:
        _ensure(execute)
        _record(store, execute, "join", a, b, author)
        _rewrite(store, execute, ids, [merged])
    return merged


def split(store: EventStore, a: str, *, author: str) -> Group | None:
    """Take ``a`` out of its group, by hand (later runs leave it on its own); returns the rest's group."""
    author = check_author(author)
    store.get(a)
    info = groups_of(store, [a]).get(a)
    if info is None:
        raise NotFoundError("this event is in no corroboration group", field="event", value=a)
    rest = [m for m in info["members"] if m != a]
    group = summarise([store.get(m) for m in rest]) if len(rest) > 1 else None
    with _transaction(store) as execute:
        _ensure(execute)
        _record(store, execute, "split", a, "", author)
        _rewrite(store, execute, info["members"], [group] if group else [])
    return group


def manual_log(store: EventStore, limit: int = 100) -> list[dict[str, Any]]:
    if not store._has_table("corroboration_manual"):
        return []
    rows = store._rows("SELECT n, at, author, action, event_a, event_b FROM corroboration_manual ORDER BY n DESC "
                       "LIMIT ?", (int(limit),))
    return [{"n": n, "at": at, "author": who, "action": act, "event_a": x, "event_b": y}
            for n, at, who, act, x, y in rows]
