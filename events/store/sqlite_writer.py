"""The embedded store's writes: the statements a batch runs inside SQLiteStore's transaction.

Why a module of its own: sqlite.py opens, migrates and reads the store; what a batch writes (rows, the
change log, the conflict on a duplicate id) is a separate concern that base.EventStore drives through
the ``_Writer`` interface.
"""
from __future__ import annotations

import sqlite3
from typing import Iterable, Iterator, Sequence

from errors import ConflictError
from events.model import Event
from events.store.base import _Writer
from events.store.records import STORE_COLUMNS, sqlite_values

_COLS = ", ".join(f'"{c}"' for c in STORE_COLUMNS)
_INSERT = f"INSERT INTO events ({_COLS}) VALUES ({', '.join('?' * len(STORE_COLUMNS))})"
_UPDATE = (f"UPDATE events SET {', '.join(f'{chr(34)}{c}{chr(34)} = ?' for c in STORE_COLUMNS[1:])} "
           f"WHERE id = ?")
#: Ids per IN (...) lookup: well under SQLite's 32,766 host-parameter limit.
_IDS_PER_QUERY = 5_000


def chunks(items: Sequence[str], size: int = _IDS_PER_QUERY) -> Iterator[Sequence[str]]:
    """``items`` in slices small enough for one ``IN (...)`` lookup."""
    for i in range(0, len(items), size):
        yield items[i:i + size]


class SQLiteWriter(_Writer):
    """One write batch's statements, run inside the transaction SQLiteStore._write opened (it commits or
    rolls back, and owns the revision row whose number ``rev`` the change log carries)."""
    def __init__(self, con: sqlite3.Connection, rev: int) -> None:
        self.con, self.rev = con, rev

    def docs(self, ids: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for part in chunks(list(ids)):
            sql = f"SELECT id, doc FROM events WHERE id IN ({', '.join('?' * len(part))})"
            found.update(self.con.execute(sql, list(part)).fetchall())
        return found

    def insert(self, events: Iterable[Event]) -> None:
        try:
            self.con.executemany(_INSERT, (sqlite_values(e) for e in events))
        except sqlite3.IntegrityError as exc:
            raise ConflictError(f"an event id is already in the store ({exc})", field="id") from None

    def replace(self, events: Iterable[Event]) -> None:
        self.con.executemany(_UPDATE, (sqlite_values(e)[1:] + (e.id,) for e in events))

    def delete(self, ids: Sequence[str]) -> None:
        self.con.executemany("DELETE FROM events WHERE id = ?", ((i,) for i in ids))

    def log(self, changes: Iterable[tuple[str, str, str | None, str | None]]) -> None:
        self.con.executemany("INSERT INTO changes (rev, event_id, action, before, after) VALUES (?, ?, ?, ?, ?)",
                             ((self.rev, eid, action, before, after) for eid, action, before, after in changes))
