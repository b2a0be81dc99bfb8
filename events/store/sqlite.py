"""The embedded store: one SQLite file in WAL mode, queried through an in-memory index.

Why SQLite: it is in the standard library, one file the analyst can copy,
and transactional — ``BEGIN IMMEDIATE … COMMIT`` makes a batch all-or-none,
the write-ahead log survives a killed process (an uncommitted batch is
simply never seen), and ``busy_timeout`` makes a second writer wait its
turn instead of failing. Every statement is parameterised.

Why not query it with SQL: STACK_NOTES measured SQLite at 43/380 ms for a
date + bbox filter at 1M events; ``memindex.MemIndex`` answers the same in
about a millisecond, so SQLite is the durable record and the index is
rebuilt from it whenever ``revision`` moves (also after another process's
write), and kept on disk beside the store (``indexcache``), so a restarted
server loads it instead of scanning the table. Free-text search is the one filter that reads SQLite (``instr`` on
the case-folded search column).
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np
import pandas as pd

from errors import StoreError, describe_failure
from events.frame import FRAME_COLUMNS
from events.model import Event
from events.query import Query
from events.serialize import event_from_dict
from events.store.base import EventStore, _Writer, as_record, valid_ids
from gazetteer.aliasdb import SQLiteAliasAccess, connect_sqlite
from events.store import indexcache
from events.store.memindex import INDEX_COLUMNS, MemIndex
from events.store.records import STORE_COLUMNS, arrow_frame, typed_frame
from events.store.sqlite_writer import SQLiteWriter, chunks

SCHEMA_VERSION = 2
#: Additive migrations: version → statements that bring a store of that version to the next one.
_MIGRATIONS = {1: ('ALTER TABLE events ADD COLUMN "flags" TEXT DEFAULT \'\'',)}
_FRAME_COLS = ", ".join(f'"{c}"' for c in FRAME_COLUMNS)
_INDEX_COLS = ", ".join(f'"{c}"' for c in INDEX_COLUMNS)
#: The covering index facets() reads governorate names from (ADMIN1_LABELS_SQL): in new stores' schema,
#: and added on open to stores made before it (``_ensure_indexes``).
_ADMIN1_INDEX = "CREATE INDEX IF NOT EXISTS events_admin1 ON events(admin1_pcode, admin1_en, admin1_ar)"
#: The few events that deny others, for denied_by() (events/store/base.py), which the side panel asks for every
#: selected event: a partial covering index instead of a scan of every row (224 ms at 100k events on a cold
#: server, the largest part of click → side panel). Same treatment as _ADMIN1_INDEX.
_DENIES_INDEX = "CREATE INDEX IF NOT EXISTS events_denies ON events(denies, id) WHERE denies <> ''"
_SCHEMA = f"""
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  {', '.join(f'"{c}" {"TEXT NOT NULL UNIQUE" if c == "id" else ""}' for c in STORE_COLUMNS)}
);
CREATE TABLE revisions (
  rev INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL, author TEXT NOT NULL, action TEXT NOT NULL, undoes INTEGER
);
CREATE TABLE changes (
  seq INTEGER PRIMARY KEY,
  rev INTEGER NOT NULL REFERENCES revisions(rev),
  event_id TEXT NOT NULL, action TEXT NOT NULL, before TEXT, after TEXT
);
CREATE INDEX changes_rev ON changes(rev);
CREATE INDEX changes_event ON changes(event_id, rev);
{_ADMIN1_INDEX};
{_DENIES_INDEX};
PRAGMA user_version = {SCHEMA_VERSION};
"""
#: Governorate codes and names for facets(): answered from the covering index events_admin1.
ADMIN1_LABELS_SQL = ("SELECT admin1_pcode, min(admin1_en), min(admin1_ar) FROM events WHERE admin1_pcode <> '' "
                     "GROUP BY admin1_pcode ORDER BY admin1_pcode")
#: Up to this many matches, frame() reads just those rows from SQLite; above it, it slices a
#: whole-store frame cached per revision (built once per revision: ~40 MB and 1-3 s per 100k events).
FRAME_FETCH_MAX = 2_000
#: Writes touching up to this many events since the index was built are patched in, not rebuilt.
PATCH_MAX = 20_000
class SQLiteStore(SQLiteAliasAccess, EventStore):
    """Embedded store in one SQLite file (created when missing)."""

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = Path(path)
        self.url = str(self.path)
        self._index: MemIndex | None = None
        self._admin1_labels: tuple[int, list[str], list[str]] | None = None
        self._full_frame: tuple[int, pd.DataFrame] | None = None
        try:
            self._con = connect_sqlite(self.path)
            self._con.execute("PRAGMA synchronous = FULL")
            self._con.execute("PRAGMA foreign_keys = ON")
            self._con.execute("PRAGMA cache_size = -65536")   # 64 MiB: keeps index pages hot during big imports
            self._ensure_schema()
            self._ensure_indexes()
        except (sqlite3.DatabaseError, OSError) as exc:
            raise StoreError(f"cannot open the embedded store: {describe_failure(exc)}", field="store",
                             value=str(self.path)) from None

    def _ensure_schema(self) -> None:
        version = self._con.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version in _MIGRATIONS:
            self._migrate(version)
            return
        if version != 0:
            raise StoreError(f"store schema version {version} is not supported (expected {SCHEMA_VERSION})",
                             field="store", value=str(self.path))
        self._con.execute("BEGIN IMMEDIATE")
        try:
            if self._con.execute("PRAGMA user_version").fetchone()[0] == 0:   # another process may have won
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self._con.execute(statement)
            self._con.execute("COMMIT")
        except BaseException:
            self._con.execute("ROLLBACK")
            raise

    def _ensure_indexes(self) -> None:
        """The covering indexes facets() (23 ms instead of a 105 ms scan of every row at 100k events,
        before the first map) and denied_by() read. Added to older stores without a schema version
        bump, so older code still opens them; a read-only store simply goes without."""
        for name, statement in (("events_admin1", _ADMIN1_INDEX), ("events_denies", _DENIES_INDEX)):
            if self._con.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone():
                continue
            try:
                self._con.execute(statement)
            except sqlite3.OperationalError:   # read-only file or folder, or locked past busy_timeout
                pass

    def _migrate(self, version: int) -> None:
        """Bring an older store up to SCHEMA_VERSION with additive statements (in one transaction)."""
        self._con.execute("BEGIN IMMEDIATE")
        try:
            current = self._con.execute("PRAGMA user_version").fetchone()[0]   # another process may have won
            while current in _MIGRATIONS:
                for statement in _MIGRATIONS[current]:
                    self._con.execute(statement)
                current += 1
            self._con.execute(f"PRAGMA user_version = {current}")
            self._con.execute("COMMIT")
        except BaseException:
            self._con.execute("ROLLBACK")
            raise

    def close(self) -> None:
        with self._lock:
            self._con.close()

    # ---- backend hooks ----------------------------------------------------
    @contextmanager
    def _write(self, *, author: str, action: str, undoes: int | None = None) -> Iterator[_Writer]:
        with self._lock, self._failures("write"):
            self._con.execute("BEGIN IMMEDIATE")
            try:
                at = datetime.now(timezone.utc).isoformat(timespec="seconds")
                cur = self._con.execute("INSERT INTO revisions (at, author, action, undoes) VALUES (?, ?, ?, ?)",
                                        (at, author, action, undoes))
                yield SQLiteWriter(self._con, int(cur.lastrowid))
                self._con.execute("COMMIT")
            except BaseException:
                if self._con.in_transaction:
                    try:
                        self._con.execute("ROLLBACK")
                    except sqlite3.Error:   # a full disk can fail the rollback too; SQLite undoes it on reopen
                        pass
                raise

    @contextmanager
    def _failures(self, doing: str) -> Iterator[None]:
        """sqlite3 and OS errors (disk full, read-only file, locked past busy_timeout) as one StoreError line."""
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot {doing} the embedded store: {describe_failure(exc)}", field="store",
                             value=str(self.path)) from None

    def _existing_ids(self, ids: Sequence[str]) -> list[str]:
        with self._lock:
            if self._con.execute("SELECT 1 FROM events LIMIT 1").fetchone() is None:
                return []
            found: list[str] = []
            for part in chunks(valid_ids(ids)):
                sql = f"SELECT id FROM events WHERE id IN ({', '.join('?' * len(part))})"
                found += [r[0] for r in self._con.execute(sql, list(part))]
            return found

    @property
    def revision(self) -> int:
        with self._lock:
            return int(self._con.execute("SELECT coalesce(max(rev), 0) FROM revisions").fetchone()[0])

    # ---- reads through the index ------------------------------------------
    @contextmanager
    def _snapshot(self) -> Iterator[MemIndex]:
        """A read transaction (one consistent view) and the index for its revision."""
        with self._lock:
            self._con.execute("BEGIN")
            try:
                rev = self.revision
                if self._index is None or self._index.revision != rev:
                    self._index = self._current_index(rev)
                yield self._index
            finally:
                self._con.execute("COMMIT")

    def _current_index(self, rev: int) -> MemIndex:
        """The index at ``rev``: the one in memory patched, else the on-disk copy (patched), else built.

        A built index, or a loaded one that had to be patched, is written back to the on-disk copy
        (``indexcache``), so the next server start loads it instead of scanning the table.
        """
        cache = self._cache_path()
        if self._index is None and cache is not None:
            loaded = indexcache.load(cache, self._stamp)
            if loaded is not None and loaded.revision <= rev:
                self._index = loaded
                current = loaded if loaded.revision == rev else self._patched_index(rev)
                if current is not None and self._agrees(current):
                    if current.revision != loaded.revision:
                        indexcache.save(cache, current, self._stamp(rev) or [])
                    return current
                self._index = None
        patched = self._patched_index(rev)
        if patched is not None:
            return patched
        built = self._built_index(rev)
        stamp = self._stamp(rev)
        if cache is not None and stamp is not None:
            indexcache.save(cache, built, stamp)
        return built

    def _cache_path(self) -> Path | None:
        """Where the on-disk copy of the index goes, or None for a store that is not a plain file."""
        text = str(self.path)
        if text in ("", ":memory:") or text.startswith("file:"):
            return None
        return indexcache.cache_path(self.path)

    def _stamp(self, rev: int) -> list | None:
        """What identifies the store's state at ``rev`` for an index copy: that revision's row (number,
        time, author, action) and where its rows sit in the audit log (first and last change, the first
        change's event id), so another store file put at this path does not pass for this one."""
        if rev == 0:
            return [0]
        row = self._con.execute("SELECT rev, at, author, action FROM revisions WHERE rev = ?", (rev,)).fetchone()
        if row is None:
            return None
        first, last = self._con.execute("SELECT (SELECT min(seq) FROM changes WHERE rev = ?), "
                                        "(SELECT max(seq) FROM changes WHERE rev = ?)", (rev, rev)).fetchone()
        first_id = self._con.execute("SELECT event_id FROM changes WHERE seq = ?", (first,)).fetchone()
        return [int(row[0]), row[1], row[2], row[3], first, last, first_id[0] if first_id else None]

    def _agrees(self, idx: MemIndex) -> bool:
        """The table has as many events as ``idx``, and the same highest row id (a cheap last check)."""
        n, top = self._con.execute("SELECT count(*), coalesce(max(seq), 0) FROM events").fetchone()
        return int(n) == len(idx) and int(top) == (int(idx.rowid.max()) if len(idx) else 0)

    def _built_index(self, rev: int) -> MemIndex:
        self._index = None   # free the old arrays before building the new ones
        rows = self._con.execute(f"SELECT {_INDEX_COLS} FROM events").fetchall()
        columns = list(zip(*rows)) if rows else [()] * len(INDEX_COLUMNS)
        del rows
        return MemIndex.build(rev, columns)

    def _patched_index(self, rev: int) -> MemIndex | None:
        """The current index patched with the events changed since its revision, if few changed."""
        old = self._index
        if old is None or old.revision > rev:
            return None
        changed = [r[0] for r in self._con.execute(
            "SELECT DISTINCT event_id FROM changes WHERE rev > ? LIMIT ?", (old.revision, PATCH_MAX + 1))]
        if len(changed) > PATCH_MAX:
            return None
        rows = []
        for part in chunks(changed):
            rows += self._con.execute(f"SELECT {_INDEX_COLS} FROM events WHERE id IN ({', '.join('?' * len(part))})",
                                      list(part)).fetchall()
        columns = list(zip(*rows)) if rows else [()] * len(INDEX_COLUMNS)
        return old.patched(rev, changed, columns)

    def warm_index(self) -> None:
        """See EventStore.warm_index: build (or load and patch) the index, which writes its copy on disk."""
        self.index()

    def index(self) -> MemIndex:
        """The current in-memory index (built if stale); exposed for benchmarks and diagnostics."""
        with self._snapshot() as idx:
            return idx

    def _matching_rowids(self, idx: MemIndex, q: Query) -> np.ndarray:
        return idx.rowid[idx.positions(q)]

    def _fetch(self, columns: str, rowids: np.ndarray) -> list[tuple]:
        """Rows (seq first) for these row ids, in the given order."""
        if len(rowids) == 0:
            return []
        rows = self._con.execute(f"SELECT seq, {columns} FROM events WHERE seq IN (SELECT value FROM json_each(?))",
                                 (json.dumps(rowids.tolist()),)).fetchall()
        by_seq = {r[0]: r for r in rows}
        return [by_seq[s] for s in rowids.tolist() if s in by_seq]

    def count(self, q: Query) -> int:
        with self._snapshot() as idx:
            return int(len(self._matching_rowids(idx, q)))

    def query(self, q: Query) -> list[Event]:
        with self._snapshot() as idx:
            rows = self._fetch("doc", self._matching_rowids(idx, q))
        return [event_from_dict(as_record(doc), where="store record") for _, doc in rows]

    def frame(self, q: Query) -> pd.DataFrame:
        """Matching rows as the flat frame, in date order.

        Small results are read row by row; large ones (a wide window at 1M
        events) are sliced out of a whole-store frame built once per
        revision, because building a DataFrame from 1M SQLite rows takes
        seconds and the dashboard asks again on every rerun.
        """
        with self._snapshot() as idx:
            positions = idx.positions(q)
            if len(positions) <= FRAME_FETCH_MAX:
                rows = self._fetch(_FRAME_COLS, idx.rowid[positions])
                return typed_frame([r[1:] for r in rows])
            full = self._whole_frame(idx)
        return full.take(positions).reset_index(drop=True)

    def light_frame(self, q: Query, names: Sequence[str] | None = None) -> pd.DataFrame:
        """See EventStore.light_frame: answered from the in-memory index, no SQLite read."""
        with self._snapshot() as idx:
            return idx.light_frame(idx.positions(q), *(() if names is None else (tuple(names),)))

    def frame_rows(self, q: Query, rows: Sequence[int]) -> pd.DataFrame:
        """See EventStore.frame_rows: only those rows are read (from SQLite, or the cached whole frame)."""
        with self._snapshot() as idx:
            positions = idx.positions(q)[np.asarray(rows, dtype=np.int64)]
            if len(positions) <= FRAME_FETCH_MAX or self._full_frame is None or self._full_frame[0] != idx.revision:
                fetched = self._fetch(_FRAME_COLS, idx.rowid[positions])
                return typed_frame([r[1:] for r in fetched])
            full = self._full_frame[1]
        return full.take(positions).reset_index(drop=True)

    def _whole_frame(self, idx: MemIndex) -> pd.DataFrame:
        """Every event as a frame in the index's order (cached until the revision changes)."""
        if self._full_frame is None or self._full_frame[0] != idx.revision:
            self._full_frame = None
            rows = self._con.execute(f"SELECT seq, {_FRAME_COLS} FROM events ORDER BY seq").fetchall()
            columns = list(zip(*rows)) if rows else [()] * (len(FRAME_COLUMNS) + 1)
            del rows
            take = np.searchsorted(np.asarray(columns[0], dtype=np.int64), idx.rowid)
            self._full_frame = (idx.revision, arrow_frame(columns[1:], take))
        return self._full_frame[1]

    def date_span(self) -> tuple[date, date] | None:
        with self._snapshot() as idx:
            return idx.date_span()

    def facets(self) -> dict[str, list[str]]:
        with self._snapshot() as idx:
            if self._admin1_labels is None or self._admin1_labels[0] != idx.revision:
                rows = self._con.execute(ADMIN1_LABELS_SQL).fetchall()
                self._admin1_labels = (idx.revision, [r[0] for r in rows],
                                       [" / ".join(p for p in (r[1], r[2]) if p) or r[0] for r in rows])
            _, pcodes, labels = self._admin1_labels
            return {
                "event_type": idx.present("type"),
                "status": idx.present("status"),
                "precision": idx.present("precision"),
                "actors": sorted(idx.actors),
                "outlets": sorted(idx.outlets),
                "flags": sorted(k for k in (idx.flags or {}) if k != "any"),
                "admin1": list(pcodes),
                "admin1_label": list(labels),
            }
