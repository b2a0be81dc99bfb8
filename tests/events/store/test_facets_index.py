"""facets() reads governorate names from a covering index (events_admin1), not by scanning every row:
it runs before the first map (issue 12). Older stores get the index on open, without a version bump."""
from __future__ import annotations

import random
import sqlite3

from events.store import open_store
from events.store.sqlite import ADMIN1_LABELS_SQL as _FACETS_SQL

from .test_query import random_events


def _plan(path) -> str:
    with sqlite3.connect(path) as con:
        return " ".join(str(r[-1]) for r in con.execute("EXPLAIN QUERY PLAN " + _FACETS_SQL))


def test_facets_read_the_covering_index(tmp_path):
    path = tmp_path / "events.sqlite"
    with open_store(path) as s:
        s.add(random_events(random.Random(3), 50), author="t")
        want = s.facets()
    assert "COVERING INDEX events_admin1" in _plan(path)
    with sqlite3.connect(path) as con:     # a store made before the index
        con.execute("DROP INDEX events_admin1")
        version = con.execute("PRAGMA user_version").fetchone()[0]
    assert "COVERING INDEX" not in _plan(path)
    with open_store(path) as s:
        assert s.facets() == want
    assert "COVERING INDEX events_admin1" in _plan(path)
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == version    # older code still opens it


_DENIED_SQL = "SELECT id, denies FROM events WHERE denies <> '' AND denies LIKE '%x%'"


def _denied_plan(path) -> str:
    with sqlite3.connect(path) as con:
        return " ".join(str(r[-1]) for r in con.execute("EXPLAIN QUERY PLAN " + _DENIED_SQL))


def test_denied_by_reads_the_partial_index_of_denials(tmp_path):
    """denied_by() runs for every event the side panel shows (click → panel, issue 12): it reads the few
    rows that deny something from a partial index, not every row (224 ms at 100k events, cold)."""
    from events.store import seed_store
    path = tmp_path / "events.sqlite"
    with open_store(path) as s:
        seed_store(s)
        s.add(random_events(random.Random(4), 50), author="t")
        want = s.denied_by("seed-2017-08-26-tarif-evacuation")
    assert want == ["seed-2017-09-07-coalition-denial"]
    assert "COVERING INDEX events_denies" in _denied_plan(path)
    with sqlite3.connect(path) as con:     # a store made before the index
        con.execute("DROP INDEX events_denies")
    assert "events_denies" not in _denied_plan(path)
    with open_store(path) as s:
        assert s.denied_by("seed-2017-08-26-tarif-evacuation") == want
    assert "COVERING INDEX events_denies" in _denied_plan(path)
