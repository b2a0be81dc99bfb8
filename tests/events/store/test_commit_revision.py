"""Issue 13 item 4: the store revision moves on every commit, in commit order, on both backends.

The race: a slow big import starts first (on PostGIS it takes its revision number then), a fast small
one commits while the big one is still writing, then the big one commits. A dashboard that caches on
``store.revision`` must see both: the revision after the big commit differs from the one seen after
the small commit. With ``max(rev)`` on PostGIS it did not, and 3,000 events stayed invisible.
"""
from __future__ import annotations

import threading

from events.query import Query
from events.store import open_store

from .factory import make_event

BIG = 3_000


class Dashboard:
    """What ui/data.py does: answers cached per store revision."""

    def __init__(self, url: str) -> None:
        self.store = open_store(url)
        self.cache: dict[int, int] = {}

    def count(self) -> int:
        key = self.store.revision
        if key not in self.cache:
            self.cache[key] = self.store.count(Query())
        return self.cache[key]


def test_slow_big_and_fast_small_import_both_show(store_url):
    big_store, small_store = open_store(store_url), open_store(store_url)
    dash = Dashboard(store_url)
    try:
        before = dash.store.revision
        assert dash.count() == 0
        big_writing, small_done = threading.Event(), threading.Event()
        seen: dict[str, int] = {}
        errors: list[BaseException] = []

        def slow_progress(done: int, total: int | None) -> None:
            if done == total:             # every row written, not yet committed
                big_writing.set()
                small_done.wait(3)        # SQLite: the small writer queues behind us, so stop waiting

        def big() -> None:
            try:
                big_store.add([make_event(f"big-{i}") for i in range(BIG)], author="big", progress=slow_progress)
                seen["after big"] = dash.store.revision
                dash.count()
            except BaseException as exc:   # pragma: no cover - reported below
                errors.append(exc)

        def small() -> None:
            try:
                assert big_writing.wait(30)
                small_store.add([make_event("small-1")], author="small")
                seen["after small"] = dash.store.revision
                dash.count()              # the dashboard renders between the two commits
            except BaseException as exc:   # pragma: no cover
                errors.append(exc)
            finally:
                small_done.set()

        threads = [threading.Thread(target=big), threading.Thread(target=small)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert not errors, errors
        assert seen["after small"] != before and seen["after big"] != before
        assert seen["after big"] != seen["after small"], "the second commit did not move the revision"
        final = dash.store.revision
        assert final == max(seen.values())
        assert dash.count() == BIG + 1, "the dashboard's cache hides a committed import"
        assert {"big-0", "big-2999", "small-1"} <= {e.id for e in dash.store.query(Query())}
    finally:
        for s in (big_store, small_store, dash.store):
            s.close()


def test_revision_moves_on_every_kind_of_write(store):
    seen = [store.revision]
    store.add([make_event("e1")], author="t")
    seen.append(store.revision)
    store.update(make_event("e1", title="edited"), author="t")
    seen.append(store.revision)
    store.delete("e1", author="t")
    seen.append(store.revision)
    store.undo(seen[-1], author="t")
    seen.append(store.revision)
    assert all(b > a for a, b in zip(seen, seen[1:])), seen
