"""Learned place aliases, stored with the events (``gazetteer.learned.AliasStorage`` on both backends).

The SQL lives here, in the gazetteer, so that ``python -m gazetteer learn …
--store URL`` can open a store's alias tables without importing ``events``
(the gazetteer depends on nothing of events, ARCHITECTURE.md); the event
stores (``events/store/sqlite.py``, ``postgis.py``) inherit
``LearnedAliasTables`` and supply the same two hooks on their own
connections, so both paths read and write the same tables.

Why in the store and not in ``data/``: what the gazetteer learned from a
team's imports (UCDP/ACLED place strings with their coordinates) belongs to
that team's data; on PostGIS everyone sharing the database resolves the same
strings the same way. Two tables, created on first use (existing stores need
no migration; a store that never learned has neither):

* ``learned_aliases`` — one row per (source file, string, point): name,
  lat/lon, dataset, source, event count, precision code, governorate as
  written, attached place code ('' = a place of its own), kind, radius, and
  who learned it when. Learning the same file again updates its rows
  (``ON CONFLICT … DO UPDATE``), so counts are not doubled.
* ``learned_alias_log`` — one row per change (learn / remove): the
  **aliases revision** (``aliases_revision``) that gazetteer caches key on.
  It is separate from the events' revision, so learning does not
  invalidate the event index and editing events does not rebuild the
  gazetteer.

Backends supply ``_alias_transaction()`` (a context manager yielding an
``execute(sql, params)`` that takes ``?`` placeholders and returns the row
count), ``_has_table(name)`` and ``_rows(sql, params)``.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, ContextManager, Iterator, Sequence

from errors import ValidationError

#: Columns in storage order; ``prec_code`` holds LearnedAlias.precision (PRECISION is an SQL keyword).
_COLUMNS = ("name", "lat", "lon", "dataset", "source", "events", "prec_code", "admin1", "pcode", "kind",
            "radius_km")
_SELECT = f"SELECT id, {', '.join(_COLUMNS)} FROM learned_aliases ORDER BY id"


def alias_schema(serial: str, real: str) -> list[str]:
    """CREATE statements for both backends (``serial``: the auto-increment primary key type)."""
    return [
        f"""CREATE TABLE IF NOT EXISTS learned_aliases (
  id {serial},
  name text NOT NULL, lat {real} NOT NULL, lon {real} NOT NULL, dataset text NOT NULL, source text NOT NULL,
  events integer NOT NULL, prec_code integer NOT NULL, admin1 text NOT NULL, pcode text NOT NULL,
  kind text NOT NULL, radius_km {real} NOT NULL, learned_at text NOT NULL, author text NOT NULL,
  UNIQUE (source, name, lat, lon))""",
        f"""CREATE TABLE IF NOT EXISTS learned_alias_log (
  rev {serial}, at text NOT NULL, author text NOT NULL, action text NOT NULL, count integer NOT NULL)""",
    ]


def _check_author(author: Any) -> str:
    if not isinstance(author, str) or not author.strip() or len(author) > 200:
        raise ValidationError("author must be a non-empty name of at most 200 characters", field="author",
                              value=author)
    return author.strip()


def _check(alias: Any, i: int):
    from gazetteer.learned import LearnedAlias
    where = f"alias #{i + 1}"
    if not isinstance(alias, LearnedAlias):
        raise ValidationError("is not a LearnedAlias", field="aliases", value=type(alias).__name__, where=where)
    if not alias.name.strip() or len(alias.name) > 300:
        raise ValidationError("name must be 1-300 characters", field="name", value=alias.name, where=where)
    if not (-90 <= alias.lat <= 90 and -180 <= alias.lon <= 180):
        raise ValidationError("coordinates out of range", field="lat", value=(alias.lat, alias.lon), where=where)
    return alias


class LearnedAliasTables:
    """Mixin for EventStore: persistence of ``gazetteer.learned.LearnedAlias`` rows."""

    _alias_transaction: Callable[[], ContextManager[Callable[[str, Sequence[Any]], Any]]]
    _has_table: Callable[[str], bool]
    _rows: Callable[..., list[tuple]]

    @property
    def aliases_revision(self) -> int:
        if not self._has_table("learned_alias_log"):
            return 0
        return int(self._rows("SELECT coalesce(max(rev), 0) FROM learned_alias_log")[0][0])

    def learned_aliases(self) -> list:
        """Every stored alias (``gazetteer.learned.LearnedAlias`` with its ``id``), ordered by id."""
        from gazetteer.learned import LearnedAlias
        if not self._has_table("learned_aliases"):
            return []
        return [LearnedAlias(id=int(r[0]), name=r[1], lat=float(r[2]), lon=float(r[3]), dataset=r[4], source=r[5],
                             events=int(r[6]), precision=int(r[7]), admin1=r[8], pcode=r[9], kind=r[10],
                             radius_km=float(r[11]))
                for r in self._rows(_SELECT)]

    def save_learned_aliases(self, aliases: Sequence, *, author: str) -> int:
        """Insert or update (same source, name and point) every alias, in one transaction."""
        author = _check_author(author)
        batch = [_check(a, i) for i, a in enumerate(aliases)]
        if not batch:
            return 0
        at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        cols = ", ".join(_COLUMNS)
        sql = (f"INSERT INTO learned_aliases ({cols}, learned_at, author) "
               f"VALUES ({', '.join('?' * (len(_COLUMNS) + 2))}) "
               f"ON CONFLICT (source, name, lat, lon) DO UPDATE SET "
               + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[3:] + ("learned_at", "author")))
        with self._alias_transaction() as execute:
            for a in batch:
                execute(sql, (a.name, float(a.lat), float(a.lon), a.dataset, a.source, int(a.events),
                              int(a.precision), a.admin1, a.pcode, a.kind, float(a.radius_km), at, author))
            execute("INSERT INTO learned_alias_log (at, author, action, count) VALUES (?, ?, ?, ?)",
                    (at, author, "learn", len(batch)))
        return len(batch)

    def remove_learned_aliases(self, *, ids: Sequence[int] = (), source: str | None = None,
                               name: str | None = None, everything: bool = False, author: str) -> int:
        """Delete aliases by id, by source file, by name (as written), or all; returns the count."""
        author = _check_author(author)
        clauses, params = [], []
        if ids:
            clean = [int(i) for i in ids]
            clauses.append(f"id IN ({', '.join('?' * len(clean))})")
            params += clean
        if source is not None:
            clauses.append("source = ?")
            params.append(source)
        if name is not None:
            clauses.append("name = ?")
            params.append(name)
        if not clauses and not everything:
            raise ValidationError("say which aliases to remove (ids, source, name, or everything)", field="aliases")
        if not self._has_table("learned_aliases"):
            return 0
        where = (" WHERE " + " OR ".join(clauses)) if clauses else ""
        at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._alias_transaction() as execute:
            n = execute(f"DELETE FROM learned_aliases{where}", params)
            if n:
                execute("INSERT INTO learned_alias_log (at, author, action, count) VALUES (?, ?, ?, ?)",
                        (at, author, "remove", n))
        return int(n or 0)


# -- opening a store's alias tables without the event store ------------------------
#: Same resolution as events.store.open_store: $EVENTS_STORE, else var/events.sqlite in the repository.
ENV_VAR = "EVENTS_STORE"
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "var" / "events.sqlite"


def _redact(url: str) -> str:
    from urllib.parse import urlsplit, urlunsplit
    try:
        parts = urlsplit(url)
        if parts.password:
            return urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@")))
    except ValueError:
        pass
    return url


class SQLiteAliasAccess:
    """The two hooks for an sqlite3 connection ``self._con`` guarded by ``self._lock``; shared by
    :class:`SQLiteAliasDB` and the SQLite event store, so both write the tables the same way."""

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self._lock:
            return self._con.execute(sql, list(params)).fetchall()

    def _has_table(self, name: str) -> bool:
        return bool(self._rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))

    @contextmanager
    def _alias_transaction(self) -> Iterator[Any]:
        """One write transaction on the learned-alias tables (created here on first use)."""
        with self._lock:
            self._con.execute("BEGIN IMMEDIATE")
            try:
                for statement in alias_schema("INTEGER PRIMARY KEY AUTOINCREMENT", "REAL"):
                    self._con.execute(statement)
                yield lambda sql, params: self._con.execute(sql, list(params)).rowcount
                self._con.execute("COMMIT")
            except BaseException:
                if self._con.in_transaction:
                    self._con.execute("ROLLBACK")
                raise


class PostgresAliasAccess:
    """The two hooks for a psycopg connection ``self._con`` guarded by ``self._lock``; shared by
    :class:`PostgresAliasDB` and the PostGIS event store."""

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self._lock:
            return self._con.execute(sql.replace("?", "%s"), list(params)).fetchall()

    def _has_table(self, name: str) -> bool:
        return self._rows("SELECT to_regclass(?)", (name,))[0][0] is not None

    @contextmanager
    def _alias_transaction(self) -> Iterator[Any]:
        """One write transaction on the learned-alias tables (created here on first use)."""
        with self._lock, self._con.transaction():
            self._con.execute("SELECT pg_advisory_xact_lock(hashtext('events.store learned aliases'))")
            for statement in alias_schema("bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "double precision"):
                self._con.execute(statement)
            yield lambda sql, params: self._con.execute(sql.replace("?", "%s"), list(params)).rowcount


class _OwnConnection:
    """Closing for the stand-alone alias databases, which own their connection (the stores close theirs)."""

    def close(self) -> None:
        self._con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def connect_sqlite(path: Path) -> sqlite3.Connection:
    """The store file's connection as every reader and writer opens it: autocommit, shared across
    threads, waiting 30 s for a lock, in WAL mode (so readers never block the writer)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30.0)
    con.execute("PRAGMA busy_timeout = 30000")
    if con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        con.execute("PRAGMA journal_mode = WAL")
    return con


class SQLiteAliasDB(_OwnConnection, SQLiteAliasAccess, LearnedAliasTables):
    """The alias tables of an embedded store file (opened directly; the events tables are left alone)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.url = str(self.path)
        self._lock = threading.RLock()
        try:
            self._con = connect_sqlite(self.path)
        except (sqlite3.DatabaseError, OSError) as exc:
            from errors import StoreError
            raise StoreError(f"cannot open the store: {exc}", field="store", value=str(self.path)) from None


class PostgresAliasDB(_OwnConnection, PostgresAliasAccess, LearnedAliasTables):
    """The alias tables of a PostGIS store (first schema of the URL's search_path, like the event store)."""

    def __init__(self, url: str) -> None:
        import psycopg
        self.url = url
        self._lock = threading.RLock()
        try:
            self._con = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            from errors import StoreError
            raise StoreError(f"cannot connect to PostgreSQL: {' '.join(str(exc).split())}", field="store",
                             value=_redact(url)) from None


def open_alias_storage(url: str | Path | None = None) -> SQLiteAliasDB | PostgresAliasDB:
    """The learned-alias tables of the store at ``url`` (None: $EVENTS_STORE, else var/events.sqlite)."""
    if url is None or not str(url).strip():
        url = os.environ.get(ENV_VAR, "").strip() or DEFAULT_PATH
    text = str(url)
    if text.lower().startswith(("postgresql://", "postgres://")):
        return PostgresAliasDB(text)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    elif "://" in text:
        from errors import StoreError
        raise StoreError("unsupported store URL; use a file path or postgresql://…", field="store", value=text)
    return SQLiteAliasDB(Path(text).expanduser())
