"""The on-disk copy of the embedded store's index (events/store/indexcache.py).

A restarted store loads it instead of scanning the table, and answers exactly as a fresh build does;
after writes by anyone (add, edit, delete, undo) it is patched from the audit log and rewritten; a
damaged, foreign, outdated or non-regular file is ignored (rebuild), never a crash and never an answer
from another state of the data. Embedded store only: PostGIS has no in-memory index.
"""
from __future__ import annotations

import dataclasses
import os
import random
import shutil
from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

from events.query import Query
from events.store import indexcache, open_store
from events.store.sqlite import SQLiteStore

from .factory import make_event
from .test_query import random_events, random_query, reference


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    """Revisions at which any SQLiteStore built its index from the table (not loaded or patched)."""
    seen: list[int] = []
    original = SQLiteStore._built_index
    monkeypatch.setattr(SQLiteStore, "_built_index", lambda self, rev: seen.append(rev) or original(self, rev))
    return seen


def flagged_events(seed: int, n: int, prefix: str = "r"):
    events = random_events(random.Random(seed), n)
    flags = [(), ("best_outside_range:best=9,low=1,high=3",), ("unknown_code:x", "admin_name_missing")]
    return [dataclasses.replace(e, id=f"{prefix}{e.id}", flags=flags[i % 3]) for i, e in enumerate(events)]


def fresh_answers(path: Path, queries: list[Query], builds: list[int] | None = None) -> list:
    """What a store built from the table (no copy on disk) answers: the reference (its build is not
    counted in ``builds``)."""
    n = len(builds) if builds is not None else 0
    moved = path.with_name("elsewhere.npz")
    cache = indexcache.cache_path(path)
    had = cache.exists()
    if had:
        cache.rename(moved)
    try:
        s = SQLiteStore(path)
        s._cache_path = lambda: None
        try:
            return [[e.id for e in s.query(q)] for q in queries] + [s.facets(), s.date_span()]
        finally:
            s.close()
            if builds is not None:
                del builds[n:]
    finally:
        if had:
            moved.rename(cache)


def answers(store: SQLiteStore, queries: list[Query]) -> list:
    return [[e.id for e in store.query(q)] for q in queries] + [store.facets(), store.date_span()]


def same_index(a, b) -> None:
    for f in dataclasses.fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, np.ndarray):
            np.testing.assert_array_equal(x, y, err_msg=f.name)
        elif isinstance(x, pa.Array):
            assert x.equals(y), f.name
        elif isinstance(x, dict) and x and isinstance(next(iter(x.values())), np.ndarray):
            assert sorted(x) == sorted(y), f.name
            for k in x:
                np.testing.assert_array_equal(x[k], y[k], err_msg=f"{f.name}[{k}]")
        else:
            assert x == y, f.name


QUERIES = [Query(), Query(include_undated=True, include_unlocated=True), Query(text="tarif"),
           Query(flags=frozenset({"any"})), Query(flags=frozenset({"unknown_code"}))] + \
          [random_query(random.Random(k)) for k in range(30)]


def test_a_restarted_store_loads_the_copy_and_answers_as_a_build(tmp_path, builds):
    path = tmp_path / "events.sqlite"
    events = flagged_events(1, 300)
    first = open_store(path)
    first.add(events, author="t")
    built = first.index()
    first.close()
    assert builds == [1] and indexcache.cache_path(path).is_file()
    again = open_store(path)
    same_index(again.index(), built)
    assert builds == [1]                                   # loaded, not built
    for q in QUERIES[:2] + QUERIES[5:]:
        assert [e.id for e in again.query(q)] == reference(events, q), q
    assert answers(again, QUERIES) == fresh_answers(path, QUERIES, builds)
    again.close()


def _write(store, op: str, step: int) -> None:
    if op == "add":
        store.add([make_event(f"new-{step}", start=date(2015, 3, step + 1), actors=("New actor",), outlet="New outlet",
                              title="Fresh strike")], author="other")
    elif op == "update":
        store.update(make_event("rr0007", start=date(2012, 2, 2), lat=33.5, lon=36.3, title="Edited tarif",
                                actors=("Edited actor",)), author="other")
    elif op == "delete":
        store.delete("rr0011", author="other")
    else:
        store.delete("rr0012", author="other")
        store.undo(store.revision, author="other")


@pytest.mark.parametrize("op", ["add", "update", "delete", "undo"])
def test_the_copy_follows_writes_made_by_another_connection(tmp_path, builds, op):
    path = tmp_path / "events.sqlite"
    with open_store(path) as s:
        s.add(flagged_events(2, 200), author="t")
        s.index()                                          # the copy is at revision 1
    with open_store(path) as other:                        # e.g. the CLI while the dashboard is down
        _write(other, op, 0)
        rev = other.revision
    assert rev > 1
    builds.clear()
    with open_store(path) as s:
        got = answers(s, QUERIES)
    assert builds == []                                    # loaded and patched, not built
    assert got == fresh_answers(path, QUERIES, builds)
    with SQLiteStore(path) as s:
        loaded = indexcache.load(indexcache.cache_path(path), s._stamp)
    assert loaded is not None and loaded.revision == rev   # rewritten at the new revision


def test_many_changes_since_the_copy_rebuild(tmp_path, builds, monkeypatch):
    import events.store.sqlite as embedded
    path = tmp_path / "events.sqlite"
    with open_store(path) as s:
        s.add(flagged_events(3, 100), author="t")
        s.index()
        s.add(flagged_events(4, 10, prefix="more"), author="t")
    monkeypatch.setattr(embedded, "PATCH_MAX", 5)
    builds.clear()
    with open_store(path) as s:
        got = answers(s, QUERIES)
    assert builds == [2]
    assert got == fresh_answers(path, QUERIES, builds)


def _rewrite(path: Path, change) -> None:
    """Rewrite the copy with ``change(members)`` applied (still a well-formed, uncompressed .npz)."""
    with np.load(path, allow_pickle=False) as z:
        members = {k: z[k] for k in z.files}
    change(members)
    with open(path, "wb") as f:
        np.savez(f, **members)


def _damage(path: Path, how: str) -> None:
    raw = path.read_bytes()
    if how == "truncated":
        path.write_bytes(raw[:len(raw) // 2])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "garbage":
        path.write_bytes(os.urandom(4096))
    elif how.startswith("flip"):
        at = int(len(raw) * float(how[4:]))
        path.write_bytes(raw[:at] + bytes([raw[at] ^ 0x5A]) + raw[at + 1:])
    elif how == "deflated":
        with np.load(path, allow_pickle=False) as z:
            members = {k: z[k] for k in z.files}
        np.savez_compressed(path, **members)
    elif how == "pickled":       # an object array: readable only with allow_pickle=True
        _rewrite(path, lambda m: m.__setitem__("ids_off", np.array([{"x": 1}], dtype=object)))
    elif how == "bad_offsets":
        _rewrite(path, lambda m: m.__setitem__("search_off", m["search_off"][::-1].copy()))
    elif how == "bad_codes":
        _rewrite(path, lambda m: m.__setitem__("status_code", m["status_code"] + 100))
    elif how == "bad_postings":
        _rewrite(path, lambda m: m.__setitem__("actors_pos", m["actors_pos"] + 10_000))
    elif how == "bad_utf8":
        _rewrite(path, lambda m: m.__setitem__("ids_data", np.full_like(m["ids_data"], 0xFF)))
    elif how == "short_column":
        _rewrite(path, lambda m: m.__setitem__("lat", m["lat"][:-1]))


@pytest.mark.parametrize("how", ["truncated", "empty", "garbage", "deflated", "pickled", "bad_offsets", "bad_codes",
                                 "bad_postings", "bad_utf8", "short_column"] + [f"flip{x / 40}" for x in range(40)])
def test_a_damaged_copy_is_ignored_and_rebuilt(tmp_path, builds, how):
    path = tmp_path / "events.sqlite"
    with open_store(path) as s:
        s.add(flagged_events(5, 150), author="t")
        s.index()
    want = fresh_answers(path, QUERIES, builds)
    _damage(indexcache.cache_path(path), how)
    builds.clear()
    with open_store(path) as s:
        assert answers(s, QUERIES) == want
    if not how.startswith("flip"):       # a flipped byte may land where zip ignores it (a time stamp)
        assert builds == [1]                               # the damaged copy was not used...
    builds.clear()
    with open_store(path) as s:
        assert answers(s, QUERIES) == want
    assert builds == []                                    # ...and was replaced by a sound one


def test_the_copy_of_another_store_is_not_used(tmp_path, builds):
    mine, theirs = tmp_path / "mine.sqlite", tmp_path / "theirs.sqlite"
    for path, prefix in ((mine, "m"), (theirs, "t")):      # same size, author, second and revision number
        with open_store(path) as s:
            s.add(flagged_events(6, 120, prefix=prefix), author="t")
            s.index()
    shutil.copyfile(indexcache.cache_path(theirs), indexcache.cache_path(mine))
    builds.clear()
    with open_store(mine) as s:
        ids = [e.id for e in s.query(Query(include_undated=True, include_unlocated=True))]
    assert builds == [1] and ids and all(i.startswith("m") for i in ids)


def test_a_copy_made_by_other_code_is_ignored(tmp_path, builds, monkeypatch):
    path = tmp_path / "events.sqlite"
    with open_store(path) as s:
        s.add(flagged_events(7, 50), author="t")
        s.index()
    monkeypatch.setattr(indexcache, "_code_hash", "another version of memindex")
    builds.clear()
    with open_store(path) as s:
        s.index()
    assert builds == [1]


@pytest.mark.parametrize("kind", ["directory", "symlink", "fifo"])
def test_a_cache_path_that_is_not_a_regular_file_is_left_alone(tmp_path, builds, kind):
    path = tmp_path / "events.sqlite"
    cache = indexcache.cache_path(path)
    target = tmp_path / "target.npz"
    if kind == "directory":
        cache.mkdir()
    elif kind == "symlink":
        target.write_bytes(b"not an index")
        cache.symlink_to(target)
    else:
        os.mkfifo(cache)
    with open_store(path) as s:
        s.add(flagged_events(8, 40), author="t")
        assert answers(s, QUERIES) == fresh_answers(path, QUERIES, builds)
    assert builds == [1]
    assert {"directory": cache.is_dir, "symlink": cache.is_symlink, "fifo": lambda: not cache.is_file()}[kind]()
    if kind == "symlink":
        assert target.read_bytes() == b"not an index"
    assert not list(tmp_path.glob(".*.tmp"))               # no temporary file left behind


def test_an_empty_store_round_trips(tmp_path, builds):
    path = tmp_path / "events.sqlite"
    with open_store(path) as s:
        assert s.count(Query()) == 0
    with open_store(path) as s:
        assert s.count(Query()) == 0 and s.date_span() is None
    assert builds == [0]
