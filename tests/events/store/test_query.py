"""Query semantics (events/query.py), checked against a plain-Python reference on random data."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from events.model import ClaimStatus, Event, EventType
from events.query import Query
from gazetteer.model import Precision

from .factory import make_event

STATUSES = list(ClaimStatus)
TYPES = [EventType.AIR_STRIKE, EventType.SHELLING, EventType.CLASH, EventType.EVACUATION]
ACTORS = ["ISIS", "US forces", "Syrian army", "SDF"]
OUTLETS = ["SANA", "SyriaNews", "Enab Baladi"]
GOVS = ["SY01", "SY02", "SY09", ""]


def reference(events: list[Event], q: Query) -> list[str]:
    """What the Query docstring says, written the obvious way."""
    out = []
    for e in events:
        if q.date_from or q.date_to:
            if e.date is None:
                if not q.include_undated:
                    continue
            elif (q.date_to and e.date.start > q.date_to) or (q.date_from and e.date.end < q.date_from):
                continue
        p = e.place
        if q.bbox:
            w, s, east, n = q.bbox
            if p is None or not p.located:
                if not q.include_unlocated:
                    continue
            elif not (w <= p.lon <= east and s <= p.lat <= n):
                continue
        if q.statuses and e.status not in q.statuses or q.types and e.event_type not in q.types:
            continue
        if q.actors and not set(e.actors) & q.actors:
            continue
        if q.outlets and not {n for s in e.sources for n in (s.outlet, s.agency)} & q.outlets:
            continue
        if q.governorates and (p is None or p.admin1_pcode not in q.governorates):
            continue
        if q.precisions and (p is None or p.precision not in q.precisions):
            continue
        if q.text:
            hay = " ".join([e.title_en, e.title_ar, e.summary, p.as_written, p.name_en]).casefold()
            if q.text.casefold() not in hay:
                continue
        out.append(e)
    out.sort(key=lambda e: (e.date is None, e.date.start if e.date else date.min))   # stable: insertion order
    ids = [e.id for e in out]
    return ids if q.limit is None else ids[:q.limit]


def random_events(rng: random.Random, n: int) -> list[Event]:
    events = []
    for i in range(n):
        dated = rng.random() > 0.08
        located = rng.random() > 0.08
        events.append(make_event(
            f"r{i:04d}", start=date(2011, 1, 1) + timedelta(days=rng.randrange(0, 4000)) if dated else None,
            days=rng.choice([0, 0, 0, 1, 6, 30, 364]),
            lat=round(rng.uniform(32.4, 37.2), 4) if located else None,
            lon=round(rng.uniform(35.8, 42.2), 4) if located else None,
            status=rng.choice(STATUSES), event_type=rng.choice(TYPES),
            actors=tuple(rng.sample(ACTORS, rng.randrange(0, 3))), outlet=rng.choice(OUTLETS),
            agency=rng.choice(["", "RIA Novosti"]), admin1=rng.choice(GOVS),
            precision=rng.choice([Precision.POINT, Precision.NEAR, Precision.GOVERNORATE]),
            title=rng.choice(["Strike on Al-Tarif", "قصف على دير الزور", "Clash near Raqqa", "Evacuation"]),
            place_name=rng.choice(["Al-Tarif", "Deir ez-Zor", "الرقة"])))
    return events


def random_query(rng: random.Random) -> Query:
    start = date(2011, 1, 1) + timedelta(days=rng.randrange(-30, 4100))
    lo_lat, lo_lon = rng.uniform(32, 36.5), rng.uniform(35.5, 41.5)
    return Query(
        date_from=start if rng.random() < 0.7 else None,
        date_to=start + timedelta(days=rng.choice([0, 3, 30, 400, 3000])) if rng.random() < 0.7 else None,
        bbox=(lo_lon, lo_lat, lo_lon + rng.uniform(0.2, 3), lo_lat + rng.uniform(0.2, 3)) if rng.random() < 0.5 else None,
        statuses=frozenset(rng.sample(STATUSES, rng.randrange(0, 3))),
        types=frozenset(rng.sample(TYPES, rng.randrange(0, 3))) if rng.random() < 0.4 else frozenset(),
        actors=frozenset(rng.sample(ACTORS, 1)) if rng.random() < 0.25 else frozenset(),
        outlets=frozenset(rng.sample(OUTLETS + ["RIA Novosti"], 1)) if rng.random() < 0.2 else frozenset(),
        governorates=frozenset(rng.sample(GOVS[:3], 1)) if rng.random() < 0.2 else frozenset(),
        precisions=frozenset([Precision.POINT]) if rng.random() < 0.15 else frozenset(),
        text=rng.choice(["", "", "", "TARIF", "دير", "raqqa"]),
        include_undated=rng.random() < 0.5, include_unlocated=rng.random() < 0.5,
        limit=rng.choice([None, None, None, 5]))


def test_random_queries_agree_with_the_reference(store):
    rng = random.Random(20170907)
    events = random_events(rng, 400)
    store.add(events, author="test")
    for _ in range(150):
        q = random_query(rng)
        expected = reference(events, q)
        assert [e.id for e in store.query(q)] == expected, q
        assert store.count(q) == len(expected), q
        assert list(store.frame(q)["id"]) == expected, q


def test_date_window_matches_any_overlap(store):
    store.add([make_event("late-aug", start=date(2017, 8, 21), days=10),   # "late August" 21–31
               make_event("aug-26", start=date(2017, 8, 26)),
               make_event("long-ago", start=date(2011, 3, 1), days=3000),     # spans years
               make_event("sept", start=date(2017, 9, 5)),
               make_event("undated", start=None)], author="t")

    def window(a, b, **kw):
        return [e.id for e in store.query(Query(date_from=a, date_to=b, **kw))]

    assert window(date(2017, 8, 31), date(2017, 8, 31)) == ["long-ago", "late-aug"]
    assert window(date(2017, 8, 26), date(2017, 8, 26)) == ["long-ago", "late-aug", "aug-26"]
    assert window(date(2017, 9, 1), None) == ["long-ago", "sept"]
    assert window(None, date(2011, 3, 1)) == ["long-ago"]
    assert window(date(2017, 9, 6), date(2017, 9, 6), include_undated=True) == ["long-ago", "undated"]
    assert len(store.query(Query())) == 5   # no window: nothing is filtered on dates


@pytest.mark.parametrize("text", ["al-tarif", "AL-TARIF", "Tarif", "طريف"])
def test_text_search_is_case_insensitive_over_titles_places_summary(store, text):
    store.add([make_event("hit", title="Helicopter at al-Tarif", place_name="الطريف"),
               make_event("miss", title="Shelling elsewhere", place_name="Raqqa")], author="t")
    assert [e.id for e in store.query(Query(text=text))] == ["hit"]


def test_bbox_keeps_unlocated_only_when_asked(store):
    store.add([make_event("in", lat=35.3, lon=40.1), make_event("out", lat=33.5, lon=36.3),
               make_event("nowhere", lat=None, lon=None)], author="t")
    box = (39.0, 34.0, 41.0, 36.0)
    assert [e.id for e in store.query(Query(bbox=box, include_unlocated=False))] == ["in"]
    assert [e.id for e in store.query(Query(bbox=box, include_unlocated=True))] == ["in", "nowhere"]


def as_objects(frame):
    """Text columns as Python objects with None for missing, so str/object dtypes compare by value."""
    frame = frame.copy()
    for col in frame.columns:
        if frame[col].dtype == object or str(frame[col].dtype) == "str":
            values = frame[col].astype(object)
            frame[col] = values.where(values.notna(), None).astype(object)
    return frame


def test_large_results_are_sliced_from_the_cached_whole_frame(store, monkeypatch):
    import events.store.sqlite as embedded
    from events.frame import events_to_frame
    import pandas as pd
    monkeypatch.setattr(embedded, "FRAME_FETCH_MAX", 0)   # every frame() takes the large-result path
    rng = random.Random(11)
    store.add(random_events(rng, 150), author="test")
    for _ in range(30):
        q = random_query(rng)
        frame = store.frame(q)
        # values equal; text dtypes may differ (pandas infers str vs object from what a slice holds)
        pd.testing.assert_frame_equal(as_objects(frame), as_objects(events_to_frame(store.query(q))))
    store.delete("r0001", author="test")                    # a new revision rebuilds the cache
    assert "r0001" not in set(store.frame(Query())["id"])


def test_index_patched_after_small_writes_agrees_with_a_full_rebuild(store_url, monkeypatch):
    import dataclasses

    from events.store import open_store
    from events.store.sqlite import SQLiteStore
    rng = random.Random(5)
    live = open_store(store_url)
    events = random_events(rng, 300)
    live.add(events, author="t")
    live.count(Query())                                   # the index exists from here on
    builds = []
    if isinstance(live, SQLiteStore):
        original = SQLiteStore._built_index
        monkeypatch.setattr(SQLiteStore, "_built_index", lambda self, rev: (self is live and builds.append(rev)) or original(self, rev))
    alive = [e.id for e in events]
    for step in range(30):
        op = rng.choice(["add", "update", "delete", "undo"])
        if op == "add":
            new = random_events(random.Random(step), 3)
            new = [dataclasses.replace(e, id=f"n{step}-{i}") for i, e in enumerate(new)]
            live.add(new, author="t")
            alive += [e.id for e in new]
        elif op == "update" and alive:
            e = live.get(rng.choice(alive))
            moved = make_event(e.id, start=date(2016, 1, 1) + timedelta(days=step * 40), lat=33.5, lon=36.3,
                               status=rng.choice(STATUSES), actors=("Step actor",), outlet=f"Outlet {step}",
                               title=f"Edited {step}")
            live.update(moved, author="t")
        elif op == "delete" and alive:
            victim = alive.pop(rng.randrange(len(alive)))
            live.delete(victim, author="t")
        else:
            live.undo(live.revision, author="t")
            alive = [e.id for e in live.query(Query())]
        fresh = open_store(store_url)
        if isinstance(fresh, SQLiteStore):
            fresh._cache_path = lambda: None                  # a real build, not the on-disk copy
        try:
            for _ in range(6):
                q = random_query(rng)
                assert [e.id for e in live.query(q)] == [e.id for e in fresh.query(q)], (step, op, q)
            assert live.facets() == fresh.facets(), (step, op)
            assert live.date_span() == fresh.date_span()
        finally:
            fresh.close()
    assert builds == []                                    # every write was patched in, never rebuilt
    live.close()
