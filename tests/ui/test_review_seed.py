"""Issue 5's "done": the seed article pasted into the dashboard gives its events for review,
and accepting them puts them on the map (AppTest, empty store, no hand-made events).
"""
from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import SHARED
from tests.ui.conftest import REPO

APP = str(REPO / "app.py")


@pytest.fixture()
def seed_article() -> str:
    files = sorted((SHARED / "seed").glob("*.txt")) if (SHARED / "seed").is_dir() else []
    if not files:
        pytest.skip(f"the seed article is kept in {SHARED / 'seed'} (absent here)")
    return files[0].read_text(encoding="utf-8")


@pytest.fixture()
def empty_store(tmp_path, monkeypatch):
    path = tmp_path / "events.sqlite"
    monkeypatch.setenv("EVENTS_STORE", str(path))
    monkeypatch.chdir(REPO)
    return path


def test_seed_article_review_accept_all_shows_them_on_the_map(seed_article, empty_store):
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.radio(key="page").set_value("review").run()
    at.text_area(key="review_text_area").input(seed_article)
    at.date_input(key="review_published").set_value(date(2017, 9, 7))
    at.button(key="review_run").click().run()
    assert not at.exception

    starts = sorted(d.value for d in at.date_input if d.key and d.key.endswith("-ds"))
    assert {date(2017, 8, 26), date(2017, 8, 28), date(2017, 5, 1), date(2017, 6, 1), date(2017, 9, 5)} <= set(starts)
    drafts = len(starts)
    assert drafts >= 7

    for _ in range(drafts):                      # accept the first remaining draft until none is left
        [accept, *_rest] = [b for b in at.button if b.label == "Accept and save"]
        accept.click().run()
        assert not at.exception and not at.error, [e.value for e in at.error]
    assert not [b for b in at.button if b.label == "Accept and save"]

    from events.query import Query
    from events.store import open_store
    store = open_store(empty_store)
    saved = store.frame(Query(include_undated=True))
    assert len(saved) == drafts
    assert set(saved["status"]) >= {"claimed", "denied", "reported"}
    denial = saved[saved["status"] == "denied"].iloc[0]
    assert len([i for i in denial["denies"].split("; ") if i]) >= 3
    store.close()

    at.radio(key="page").set_value("map").run()
    assert not at.exception
    assert len(at.dataframe[0].value) == drafts
