"""The store interface, and the write rules every backend shares.

Why the rules live here and not in each backend: "validate everything
first, then one transaction, all or none", "a duplicate id is a conflict
naming the id", and "every change is written to the audit log in the same
transaction as the change" must hold identically for the embedded store and
for PostGIS. Backends only supply SQL: a write transaction (``_Writer``) and
a handful of reads.

The audit log: each write is one *revision* (who, when, what action), with
one *change* row per event touched holding the record before and after as
JSON. Adds keep only the id (the added record is the event itself, or the
"before" of its next change), so a 1M-row import does not store every
record twice. ``undo(rev)`` writes the "before" states back, as a new,
audited revision of its own.
"""
from __future__ import annotations

import json
import threading
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Callable, Iterable, Iterator, Sequence

import pandas as pd

from errors import ConflictError, NotFoundError, ValidationError
from events.bulk import paused_gc
from events.model import Event
from events.query import Query
from events.serialize import event_from_dict
from gazetteer.aliasdb import LearnedAliasTables
from events.store.records import record_json
from events.validate import ID_PATTERN, validate_event

Progress = Callable[[int, "int | None"], None]
#: Rows handed to the backend per executemany call (progress is reported between chunks).
CHUNK = 10_000


@dataclass(frozen=True)
class AuditEntry:
    """One event's change within one revision: who changed what, when."""
    revision: int
    at: datetime
    author: str
    action: str                      # add | replace | update | delete | undo
    event_id: str
    before: dict[str, Any] | None    # the record before (None: it did not exist)
    after: dict[str, Any] | None     # the record after (None: it no longer exists)
    undoes: int | None = None        # for action "undo": the revision undone


def as_record(value: Any) -> dict[str, Any] | None:
    """A JSON column (text in SQLite, jsonb → dict in PostgreSQL) as a dict."""
    if value is None or isinstance(value, dict):
        return value
    return json.loads(value)


def as_datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return datetime.fromisoformat(value)


def check_author(author: Any) -> str:
    if not isinstance(author, str) or not author.strip() or len(author) > 200:
        raise ValidationError("author must be a non-empty name of at most 200 characters", field="author",
                              value=author)
    return author.strip()


class _Writer(ABC):
    """One open write transaction; ``rev`` is the revision it will commit as."""
    rev: int

    @abstractmethod
    def docs(self, ids: Sequence[str]) -> dict[str, str]:
        """Current records (JSON text) of those ids that exist, locked until commit."""

    @abstractmethod
    def insert(self, events: Iterable[Event]) -> None:
        """Insert new (validated) events; a duplicate id raises ConflictError."""

    @abstractmethod
    def replace(self, events: Iterable[Event]) -> None:
        """Overwrite existing events (matched by id) with these validated events."""

    @abstractmethod
    def delete(self, ids: Sequence[str]) -> None: ...

    @abstractmethod
    def log(self, changes: Iterable[tuple[str, str, str | None, str | None]]) -> None:
        """Audit rows: (event_id, action, before JSON or None, after JSON or None)."""


class EventStore(LearnedAliasTables, ABC):
    """Events with an audit trail, plus the place aliases learned from imports (gazetteer/aliasdb.py)."""

    url: str

    def __init__(self) -> None:
        self._lock = threading.RLock()

    # ---- backend hooks -------------------------------------------------
    @abstractmethod
    def _write(self, *, author: str, action: str, undoes: int | None = None) -> "contextmanager[_Writer]":
        """Open a write transaction that records a revision; commit on success, roll back on error."""

    @abstractmethod
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run a read query written with ``?`` placeholders."""

    @abstractmethod
    def _existing_ids(self, ids: Sequence[str]) -> list[str]: ...

    @property
    @abstractmethod
    def revision(self) -> int:
        """Increases on every committed write (by anyone); use it as a cache key."""

    @abstractmethod
    def query(self, q: Query) -> list[Event]: ...

    @abstractmethod
    def frame(self, q: Query) -> pd.DataFrame: ...

    @abstractmethod
    def count(self, q: Query) -> int: ...

    def light_frame(self, q: Query, names: Sequence[str] | None = None) -> pd.DataFrame:
        """Only a few FRAME_COLUMNS (default: ``memindex.LIGHT_COLUMNS``) for the events of ``q``,
        in the same rows and order as ``frame(q)``.

        Why: the dashboard's map and timeline need coordinates, status, type
        and dates per event; at 1M events the full frame costs seconds.
        The embedded store answers from its in-memory index; this fallback
        (PostGIS) slices the full frame.
        """
        from events.store.memindex import LIGHT_COLUMNS
        names = list(LIGHT_COLUMNS if names is None else names)
        unknown = [n for n in names if n not in LIGHT_COLUMNS]
        if unknown:
            raise ValueError(f"not answerable from the index: {unknown}")
        return self.frame(q)[names].reset_index(drop=True)

    def frame_rows(self, q: Query, rows: Sequence[int]) -> pd.DataFrame:
        """``frame(q).iloc[rows]`` (rows are positions in that result), without building the rest.

        Why: the table shows the first 5,000 rows and the "not on the map"
        list 50; a row-limited read keeps a 1M-event window cheap.
        """
        return self.frame(q).iloc[list(rows)].reset_index(drop=True)

    def warm_index(self) -> None:
        """Build whatever the backend keeps to answer queries fast, now rather than on the first query.

        Why: ``events import`` calls it, so the embedded store writes its index copy
        (``indexcache``) at import time and the dashboard's first start loads it instead of
        building it. PostGIS answers from the database: nothing to do.
        """

    @abstractmethod
    def date_span(self) -> tuple[date, date] | None: ...

    @abstractmethod
    def facets(self) -> dict[str, list[str]]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.url!r})"

    # ---- writes ----------------------------------------------------------
    def add(self, events: Iterable[Event], *, author: str, replace: bool = False,
            progress: Progress | None = None, action: str | None = None) -> int:
        """Validate every event, then store all of them in one transaction (or none).

        A duplicate id (within the batch, or already stored unless ``replace``)
        raises ConflictError naming it, before anything is written.
        ``progress(done, total)`` is called between chunks of rows.
        """
        author = check_author(author)
        batch = list(events)
        ids: dict[str, None] = {}
        for i, event in enumerate(batch):
            where = f"event #{i + 1}"
            if not isinstance(event, Event):
                raise ValidationError("is not an Event", field="events", value=type(event).__name__, where=where)
            batch[i] = event = validate_event(event, where=where)
            if event.id in ids:
                raise ConflictError("id appears twice in this batch", field="id", value=event.id, where=where)
            ids[event.id] = None
        if not batch:
            return 0
        with self._lock:
            stored = self._existing_ids(list(ids))
            if stored and not replace:
                raise ConflictError(f"{len(stored):,} event id(s) already in the store, first {stored[0]!r}; "
                                    f"pass replace=True (CLI: --replace) to overwrite", field="id", value=stored[0])
            total = len(batch)
            with paused_gc(), self._write(author=author, action=action or ("replace" if stored else "add")) as w:
                old = w.docs(stored) if stored else {}
                fresh = (e for e in batch if e.id not in old)
                w.insert(self._reporting(fresh, total, progress, offset=0))
                if old:
                    w.replace(self._reporting((e for e in batch if e.id in old), total, progress,
                                              offset=total - len(old)))
                w.log((e.id, "replace", old[e.id], record_json(e)) if e.id in old else (e.id, "add", None, None)
                      for e in batch)
        return total

    @staticmethod
    def _reporting(rows: Iterator[Event], total: int, progress: Progress | None, *,
                   offset: int) -> Iterator[Event]:
        if progress is None:
            yield from rows
            return
        done = offset
        for row in rows:
            yield row
            done += 1
            if done % CHUNK == 0:
                progress(done, total)
        progress(done, total)

    def update(self, event: Event, *, author: str) -> None:
        """Replace a stored event (same id) with ``event``; audited with before and after."""
        author = check_author(author)
        if not isinstance(event, Event):
            raise ValidationError("is not an Event", field="event", value=type(event).__name__)
        event = validate_event(event)
        with self._lock, self._write(author=author, action="update") as w:
            old = w.docs([event.id])
            if event.id not in old:
                raise NotFoundError("no stored event has this id", field="id", value=event.id)
            w.replace([event])
            w.log([(event.id, "update", old[event.id], record_json(event))])

    def delete(self, event_id: str, *, author: str) -> None:
        """Remove a stored event; its record stays in the audit log (undo brings it back)."""
        author = check_author(author)
        with self._lock, self._write(author=author, action="delete") as w:
            old = w.docs([event_id])
            if event_id not in old:
                raise NotFoundError("no stored event has this id", field="id", value=event_id)
            w.delete([event_id])
            w.log([(event_id, "delete", old[event_id], None)])

    def undo(self, revision: int, *, author: str, force: bool = False) -> list[tuple[int, str, str]]:
        """Write back the "before" state of every event changed in ``revision`` (audited as "undo").

        Refused (ConflictError) when a later revision changed one of the same events, because
        writing the old state back would silently discard that later work; ``force=True`` rolls
        those later changes back too. Returns the later changes rolled back: (revision, event id, action).
        """
        author = check_author(author)
        with self._lock:
            changes = self._rows("SELECT event_id, before FROM changes WHERE rev = ? ORDER BY seq", (int(revision),))
            if not changes:
                raise NotFoundError("no such revision in the audit log", field="revision", value=revision)
            targets: dict[str, dict | None] = {}
            for event_id, before in changes:
                targets.setdefault(event_id, as_record(before))   # the first change holds the original state
            restored = {eid: event_from_dict(rec, where=f"revision {revision}") for eid, rec in targets.items()
                        if rec is not None}
            with self._write(author=author, action="undo", undoes=int(revision)) as w:
                current = w.docs(list(targets))   # rows locked: the check below sees every committed change
                later = self._later_changes(int(revision), list(targets))
                if later and not force:
                    revs = sorted({r for r, _, _ in later})
                    shown = ", ".join(f"r{r}" for r in revs[:10]) + (" …" if len(revs) > 10 else "")
                    raise ConflictError(f"{len(revs)} later revision(s) ({shown}) changed {len({e for _, e, _ in later})} "
                                        f"of the same events, first {later[0][1]!r}; undoing revision {revision} "
                                        f"would discard them. Pass force=True (CLI: --force) to roll them back too",
                                        field="revision", value=revision)
                gone = [eid for eid, rec in targets.items() if rec is None and eid in current]
                back_new = [e for eid, e in restored.items() if eid not in current]
                back_old = [e for eid, e in restored.items() if eid in current]
                if gone:
                    w.delete(gone)
                if back_new:
                    w.insert(back_new)
                if back_old:
                    w.replace(back_old)
                w.log((eid, "undo", current.get(eid), None if rec is None else record_json(restored[eid]))
                      for eid, rec in targets.items() if current.get(eid) is not None or rec is not None)
        return later

    def _later_changes(self, revision: int, ids: Sequence[str]) -> list[tuple[int, str, str]]:
        """Changes after ``revision`` to any of ``ids``, oldest first: (revision, event id, action)."""
        found: list[tuple[int, str, str]] = []
        for i in range(0, len(ids), 5_000):
            part = list(ids[i:i + 5_000])
            marks = ", ".join("?" * len(part))
            found += [(int(r), e, a) for r, e, a in self._rows(
                f"SELECT rev, event_id, action FROM changes WHERE rev > ? AND event_id IN ({marks}) ORDER BY seq",
                (revision, *part))]
        return found

    # ---- reads -------------------------------------------------------------
    def get(self, event_id: str) -> Event:
        with self._lock:
            rows = self._rows("SELECT doc FROM events WHERE id = ?", (event_id,))
        if not rows:
            raise NotFoundError("no stored event has this id", field="id", value=event_id)
        return event_from_dict(as_record(rows[0][0]), where=f"store record {event_id!r}")

    def denied_by(self, event_id: str) -> list[str]:
        """Ids of the events whose ``denies`` names ``event_id`` (the "denied by" links of a claim).

        Only the events that deny something are read (``denies <> ''``: the embedded store answers that
        from a partial index of those few rows, not a scan of every row), sorted here: an ``ORDER BY id``
        would make SQLite walk the id index over every row instead.
        """
        rows = self._rows("SELECT id, denies FROM events WHERE denies <> '' AND denies LIKE ?", (f"%{event_id}%",))
        return sorted(i for i, denies in rows if event_id in (denies or "").split("; "))

    def history(self, event_id: str | None = None, *, limit: int = 100) -> list[AuditEntry]:
        """Audit entries, newest first (for one event, or for the whole store)."""
        sql = ("SELECT c.rev, r.at, r.author, c.action, c.event_id, c.before, c.after, r.undoes "
               "FROM changes c JOIN revisions r ON r.rev = c.rev ")
        params: list[Any] = []
        if event_id is not None:
            sql += "WHERE c.event_id = ? "
            params.append(event_id)
        sql += "ORDER BY c.seq DESC LIMIT ?"
        params.append(max(int(limit), 0))
        with self._lock:
            rows = self._rows(sql, params)
            entries = []
            for rev, at, who, action, eid, before, after, undoes in rows:
                after_rec = as_record(after)
                if action == "add":
                    after_rec = self._state_after(eid, rev)
                entries.append(AuditEntry(int(rev), as_datetime(at), who, action, eid, as_record(before), after_rec,
                                          None if undoes is None else int(undoes)))
        return entries

    def _state_after(self, event_id: str, rev: int) -> dict | None:
        """The record an "add" wrote: the "before" of the event's next change, else its current record."""
        later = self._rows("SELECT before FROM changes WHERE event_id = ? AND rev > ? ORDER BY seq LIMIT 1",
                           (event_id, rev))
        if later:
            return as_record(later[0][0])
        current = self._rows("SELECT doc FROM events WHERE id = ?", (event_id,))
        return as_record(current[0][0]) if current else None




def valid_ids(ids: Iterable[str]) -> list[str]:
    """Only strings shaped like event ids (anything else cannot be stored, so cannot exist)."""
    return [i for i in ids if isinstance(i, str) and ID_PATTERN.match(i)]
