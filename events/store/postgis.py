"""The team store: the same interface on PostgreSQL + PostGIS (psycopg 3).

Why a server backend: several analysts editing one event set need one
database that serialises their writes, keeps the audit trail in one place
and answers queries without each laptop loading every event. The schema
mirrors the embedded one (JSON record + flat columns + audit tables), plus
``geom geometry(Point, 4326)`` with a GiST index for the bounding box and
B-tree indexes on the dates, so the server answers queries itself (no
in-memory index: other people's writes are seen on the next query).

Tables are created unqualified, in the first schema of the connection's
``search_path`` — a URL with ``?options=-csearch_path%3Dmyschema,public``
gives each team (or each test) its own set of tables.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime, timezone
from typing import Any, Iterable, Iterator, Sequence

import pandas as pd
import psycopg
from psycopg import errors as pg_errors

from errors import ConflictError, StoreError
from events.frame import FRAME_COLUMNS
from events.model import Event
from events.query import Query
from events.serialize import event_from_dict
from events.store.base import EventStore, _Writer, as_record, valid_ids
from gazetteer.aliasdb import PostgresAliasAccess
from events.store.records import DATE_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, STORE_COLUMNS, flat_row, typed_frame


def _pg_type(column: str) -> str:
    if column in DATE_COLUMNS:
        return "date"
    if column in FLOAT_COLUMNS:
        return "double precision"
    if column in INT_COLUMNS:
        return "integer"
    if column == "doc":
        return "jsonb"
    if column in ("actors_all", "outlets_all"):
        return "text[]"
    return "text"


_CAST = {c: {"double precision": "float8", "integer": "int4"}.get(_pg_type(c), _pg_type(c)) for c in STORE_COLUMNS}
_GEOM = "ST_SetSRID(ST_MakePoint(%s::float8, %s::float8), 4326)"
_COLS = ", ".join(f'"{c}"' for c in STORE_COLUMNS)
_INSERT = (f"INSERT INTO events ({_COLS}, geom) VALUES "
           f"({', '.join(f'%s::{_CAST[c]}' for c in STORE_COLUMNS)}, {_GEOM})")
_UPDATE = (f"UPDATE events SET {', '.join(f'{chr(34)}{c}{chr(34)} = %s::{_CAST[c]}' for c in STORE_COLUMNS[1:])}, "
           f"geom = {_GEOM} WHERE id = %s")
_FRAME_SELECT = ", ".join(f'"{c}"::text' if c in DATE_COLUMNS else f'"{c}"' for c in FRAME_COLUMNS)
_SCHEMA = f"""
CREATE TABLE events (
  seq bigserial PRIMARY KEY,
  {', '.join(f'"{c}" {_pg_type(c)}' + (" NOT NULL UNIQUE" if c == "id" else "") for c in STORE_COLUMNS)},
  geom geometry(Point, 4326)
);
CREATE INDEX events_geom ON events USING gist (geom);
CREATE INDEX events_date_start ON events (date_start);
CREATE INDEX events_date_end ON events (date_end);
CREATE INDEX events_status ON events (status);
CREATE INDEX events_type ON events (event_type);
CREATE TABLE revisions (
  rev bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL, author text NOT NULL, action text NOT NULL, undoes bigint
);
CREATE TABLE changes (
  seq bigserial PRIMARY KEY,
  rev bigint NOT NULL REFERENCES revisions(rev),
  event_id text NOT NULL, action text NOT NULL, before jsonb, after jsonb
);
CREATE INDEX changes_rev ON changes (rev);
CREATE INDEX changes_event ON changes (event_id, rev);
"""
#: The store revision: one row, bumped as the last statement of every write transaction. Its row lock
#: is held until COMMIT, so writers pass it one at a time in commit order and the counter moves on every
#: commit. ``max(rev)`` does not: a revision number is taken when a transaction *starts*, so a big import
#: that began first and committed last left ``max(rev)`` where a small one had put it (issue 13, item 4).
_REVISION_SCHEMA = """
CREATE TABLE IF NOT EXISTS store_revision (id integer PRIMARY KEY CHECK (id = 1), value bigint NOT NULL);
INSERT INTO store_revision (id, value) SELECT 1, coalesce(max(rev), 0) FROM revisions ON CONFLICT (id) DO NOTHING
"""
_IDS_PER_QUERY = 50_000


def _params(row: dict[str, Any]) -> tuple:
    return tuple(row[c] for c in STORE_COLUMNS) + (row["lon"], row["lat"])


class _PGWriter(_Writer):
    def __init__(self, con: psycopg.Connection, rev: int) -> None:
        self.con, self.rev = con, rev

    def docs(self, ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        ids = list(ids)
        for i in range(0, len(ids), _IDS_PER_QUERY):
            rows = self.con.execute("SELECT id, doc::text FROM events WHERE id = ANY(%s) FOR UPDATE",
                                    (ids[i:i + _IDS_PER_QUERY],)).fetchall()
            found.update(rows)
        return found

    def insert(self, events: Iterable[Event]) -> None:
        try:
            with self.con.cursor() as cur:
                cur.executemany(_INSERT, (_params(flat_row(e)) for e in events))
        except pg_errors.UniqueViolation as exc:
            raise ConflictError(f"an event id is already in the store ({exc.diag.message_detail})",
                                field="id") from None

    def replace(self, events: Iterable[Event]) -> None:
        with self.con.cursor() as cur:
            cur.executemany(_UPDATE, (_params(flat_row(e))[1:] + (e.id,) for e in events))

    def delete(self, ids: Sequence[str]) -> None:
        self.con.execute("DELETE FROM events WHERE id = ANY(%s)", (list(ids),))

    def log(self, changes: Iterable[tuple[str, str, str | None, str | None]]) -> None:
        with self.con.cursor() as cur:
            cur.executemany("INSERT INTO changes (rev, event_id, action, before, after) "
                            "VALUES (%s, %s, %s, %s::jsonb, %s::jsonb)",
                            ((self.rev, eid, action, before, after) for eid, action, before, after in changes))


def _where(q: Query) -> tuple[str, list[Any]]:
    """SQL WHERE clause and parameters for a Query (same semantics as memindex)."""
    clauses: list[str] = []
    params: list[Any] = []
    if q.date_from is not None or q.date_to is not None:
        window = ["date_start IS NOT NULL"]
        if q.date_to is not None:
            window.append("date_start <= %s")
            params.append(q.date_to)
        if q.date_from is not None:
            window.append("date_end >= %s")
            params.append(q.date_from)
        dated = " AND ".join(window)
        clauses.append(f"(({dated}) OR date_start IS NULL)" if q.include_undated else f"({dated})")
    if q.bbox is not None:
        west, south, east, north = (float(v) for v in q.bbox)
        inside = "geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)"
        params += [west, south, east, north]
        clauses.append(f"({inside} OR geom IS NULL)" if q.include_unlocated else inside)
    for column, values in (("status", [s.value for s in q.statuses]), ("event_type", [t.value for t in q.types]),
                           ("precision", [p.value for p in q.precisions]),
                           ("admin1_pcode", sorted(q.governorates))):
        if values:
            clauses.append(f'"{column}" = ANY(%s)')
            params.append(values)
    if q.actors:
        clauses.append("actors_all && %s::text[]")
        params.append(sorted(q.actors))
    if q.outlets:
        clauses.append("outlets_all && %s::text[]")
        params.append(sorted(q.outlets))
    if getattr(q, "flags", None):
        kinds = sorted(q.flags - {"any"})
        any_flag = "coalesce(flags, '') <> ''" if "any" in q.flags else "false"
        clauses.append(f"({any_flag} OR EXISTS (SELECT 1 FROM unnest(string_to_array(flags, '; ')) AS f "
                       f"WHERE split_part(f, ':', 1) = ANY(%s)))")
        params.append(kinds)
    needle = q.text.strip().casefold()
    if needle:
        clauses.append("strpos(search, %s) > 0")
        params.append(needle)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class PostGISStore(PostgresAliasAccess, EventStore):
    """Event store in a PostgreSQL database with PostGIS."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        try:
            self._con = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {_one_line(exc)}", field="store",
                             value=_redact(url)) from None
        try:
            self._ensure_schema()
        except psycopg.Error as exc:
            self._con.close()
            raise StoreError(f"cannot prepare the PostGIS store: {_one_line(exc)}", field="store",
                             value=_redact(url)) from None

    def _ensure_schema(self) -> None:
        with self._con.transaction():
            self._con.execute("SELECT pg_advisory_xact_lock(hashtext('events.store schema'))")
            if self._con.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone() is None:
                self._con.execute("CREATE EXTENSION IF NOT EXISTS postgis")
            if self._con.execute("SELECT to_regclass('events')").fetchone()[0] is None:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self._con.execute(statement)
            elif self._con.execute("SELECT 1 FROM information_schema.columns WHERE table_name = 'events' "
                                   "AND column_name = 'flags' AND table_schema = current_schema()").fetchone() is None:
                # additive migration: stores made before data-quality flags (events/quality.py)
                self._con.execute("ALTER TABLE events ADD COLUMN flags text DEFAULT ''")
            if self._con.execute("SELECT to_regclass('store_revision')").fetchone()[0] is None:
                for statement in _REVISION_SCHEMA.split(";"):   # also brings older stores up to date
                    if statement.strip():
                        self._con.execute(statement)

    def close(self) -> None:
        with self._lock:
            self._con.close()

    @contextmanager
    def _write(self, *, author: str, action: str, undoes: int | None = None) -> Iterator[_Writer]:
        with self._lock:
            try:
                with self._con.transaction():
                    rev = self._con.execute(
                        "INSERT INTO revisions (at, author, action, undoes) VALUES (%s, %s, %s, %s) RETURNING rev",
                        (datetime.now(timezone.utc), author, action, undoes)).fetchone()[0]
                    yield _PGWriter(self._con, int(rev))
                    # last, so the lock is held only from here to COMMIT: commits bump it in commit order
                    self._con.execute("UPDATE store_revision SET value = greatest(value + 1, %s) WHERE id = 1",
                                      (int(rev),))
            except pg_errors.UniqueViolation as exc:
                raise ConflictError(f"an event id is already in the store ({exc.diag.message_detail})",
                                    field="id") from None
            except (psycopg.Error, OSError) as exc:   # disk full, permission, lock timeout, lost connection
                raise StoreError(f"cannot write the PostGIS store: {_one_line(exc)}", field="store",
                                 value=_redact(self.url)) from None

    def _existing_ids(self, ids: Sequence[str]) -> list[str]:
        ids = valid_ids(ids)
        found: list[str] = []
        for i in range(0, len(ids), _IDS_PER_QUERY):
            found += [r[0] for r in self._rows("SELECT id FROM events WHERE id = ANY(?)", (ids[i:i + _IDS_PER_QUERY],))]
        return found

    @property
    def revision(self) -> int:
        """The commit counter (``store_revision``): moves on every committed write, in commit order."""
        return int(self._rows("SELECT value FROM store_revision WHERE id = 1")[0][0])

    def _select(self, columns: str, q: Query) -> list[tuple]:
        where, params = _where(q)
        sql = f"SELECT {columns} FROM events{where} ORDER BY date_start ASC NULLS LAST, seq"
        if q.limit is not None:
            sql += " LIMIT %s"
            params.append(max(int(q.limit), 0))
        with self._lock:
            return self._con.execute(sql, params).fetchall()

    def count(self, q: Query) -> int:
        where, params = _where(q)
        with self._lock:
            n = int(self._con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0])
        return n if q.limit is None else min(n, max(int(q.limit), 0))

    def query(self, q: Query) -> list[Event]:
        return [event_from_dict(as_record(doc), where="store record") for (doc,) in self._select("doc", q)]

    def frame(self, q: Query) -> pd.DataFrame:
        return typed_frame(self._select(_FRAME_SELECT, q))

    def date_span(self) -> tuple[date, date] | None:
        first, last = self._rows("SELECT min(date_start), max(date_end) FROM events")[0]
        return None if first is None else (first, last)

    def facets(self) -> dict[str, list[str]]:
        def distinct(expr: str) -> list[str]:
            return sorted(r[0] for r in self._rows(f"SELECT DISTINCT {expr} AS v FROM events") if r[0])

        admin = self._rows("SELECT admin1_pcode, min(admin1_en), min(admin1_ar) FROM events "
                           "WHERE admin1_pcode <> '' GROUP BY admin1_pcode")
        admin.sort(key=lambda r: r[0])
        return {
            "event_type": distinct("event_type"), "status": distinct("status"),
            "precision": distinct('"precision"'), "actors": distinct("unnest(actors_all)"),
            "outlets": distinct("unnest(outlets_all)"), "admin1": [r[0] for r in admin],
            "flags": distinct("split_part(unnest(string_to_array(flags, '; ')), ':', 1)"),
            "admin1_label": [" / ".join(p for p in (r[1], r[2]) if p) or r[0] for r in admin],
        }


def _one_line(exc: BaseException) -> str:
    """psycopg's multi-line message on one line (the CLI prints errors as one line)."""
    return " ".join(str(exc).split())


def _redact(url: str) -> str:
    """The URL without a password, for error messages."""
    try:
        from urllib.parse import urlsplit, urlunsplit
        parts = urlsplit(url)
        if parts.password:
            netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
            return urlunsplit(parts._replace(netloc=netloc))
    except ValueError:
        pass
    return url
