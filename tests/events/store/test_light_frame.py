"""light_frame / frame_rows: the same rows, order and values as frame(q), only fewer columns or rows."""
from __future__ import annotations

import random

import pandas as pd
import pytest

from events.query import Query
from events.store.memindex import LIGHT_COLUMNS

from .test_query import as_objects, random_events, random_query


def _same(got: pd.DataFrame, want: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(as_objects(got.reset_index(drop=True)), as_objects(want.reset_index(drop=True)))


def test_light_frame_matches_the_full_frame_columns(store):
    rng = random.Random(21)
    store.add(random_events(rng, 200), author="test")
    queries = [Query(), Query(include_undated=True, include_unlocated=True)] + [random_query(rng) for _ in range(40)]
    for q in queries:
        full = store.frame(q)
        _same(store.light_frame(q), full[list(LIGHT_COLUMNS)])
        _same(store.light_frame(q, ["lat", "status"]), full[["lat", "status"]])
    undated = store.light_frame(Query())
    assert undated["date_start"].isna().any() and undated["lat"].isna().any()   # the data has both cases


def test_light_frame_refuses_columns_the_index_does_not_hold(store):
    store.add(random_events(random.Random(1), 5), author="test")
    with pytest.raises(ValueError, match="title_en"):
        store.light_frame(Query(), ["id", "title_en"])


@pytest.mark.parametrize("fetch_max", [None, 0])
def test_frame_rows_are_those_rows_of_the_frame(store, monkeypatch, fetch_max):
    import events.store.sqlite as embedded
    if fetch_max is not None:
        monkeypatch.setattr(embedded, "FRAME_FETCH_MAX", fetch_max)   # rows come from the cached whole frame
    rng = random.Random(8)
    store.add(random_events(rng, 150), author="test")
    for _ in range(25):
        q = random_query(rng)
        full = store.frame(q)
        picks = sorted(rng.sample(range(len(full)), min(len(full), rng.choice([0, 1, 7, 40]))))
        _same(store.frame_rows(q, picks), full.iloc[picks])
        _same(store.frame_rows(q, range(min(len(full), 10))), full.head(10))
    store.delete(str(store.frame(Query())["id"].iloc[0]), author="test")   # new revision: no stale rows
    _same(store.frame_rows(Query(), [0, 1]), store.frame(Query()).head(2))
