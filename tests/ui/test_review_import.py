"""Review flow (article → drafts → edit → accept/reject → store) and imports, through AppTest.

Each test gets its own fresh seeded store, because these pages write to it.
"""
from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import REPO, read_on_review_page

APP = str(REPO / "app.py")
# Our own test article (not from any outlet).
ARTICLE = ("Local sources said that two helicopters landed near the town of Kasra in Deir ez-Zor countryside "
           "on the night of 12 August and evacuated 15 fighters.")


def _review(at: AppTest) -> AppTest:
    return read_on_review_page(at, ARTICLE, date(2017, 8, 20), outlet="Test Wire", timeout=60)


def _submit(at: AppTest, label: str) -> AppTest:
    [button] = [b for b in at.button if b.label == label]
    return button.click().run(timeout=60)


def test_review_draft_shows_sentence_and_saves_edited_event(fresh_store):
    at = _review(AppTest.from_file(APP, default_timeout=60).run())
    html = " ".join(h.proto.body for h in at.get("html"))
    assert '<mark class="evm-span">' in html and "Kasra" in html
    assert at.text_input(key="d0-lat").value.startswith("35.")

    # a bad edit: the store refuses it, the message is shown and the draft (with the edit) stays
    at.text_input(key="d0-lat").input("95")
    _submit(at, "Accept and save")
    assert not at.exception
    assert any("lat" in e.value for e in at.error)
    assert at.text_input(key="d0-lat").value == "95"

    at.text_input(key="d0-lat").input("35.57")
    at.text_input(key="d0-ten").input("Helicopter evacuation near Kasra (analyst edit)")
    _submit(at, "Accept and save")
    assert not at.exception and not at.error

    from events.store import open_store
    store = open_store(fresh_store)
    saved = [e for e in store.frame(__import__("events.query", fromlist=["Query"]).Query(include_undated=True)).itertuples()
             if e.title_en == "Helicopter evacuation near Kasra (analyst edit)"]
    assert len(saved) == 1 and abs(saved[0].lat - 35.57) < 1e-9
    assert store.history(saved[0].id)[0].author == "analyst"

    at.radio(key="page").set_value("map").run()
    assert len(at.dataframe[0].value) == 8       # the accepted event is on the map page


def test_review_reject_writes_nothing(fresh_store):
    at = _review(AppTest.from_file(APP, default_timeout=60).run())
    _submit(at, "Reject")
    assert not at.exception
    from events.query import Query
    from events.store import open_store
    assert open_store(fresh_store).count(Query(include_undated=True)) == 7


def test_undated_and_unlocated_events_are_listed_not_dropped(fresh_store):
    from datetime import date as d

    from events.model import ClaimStatus, EventDate, EventType, Place, Source
    from events.model import Event
    from events.store import open_store
    store = open_store(fresh_store)
    store.add([
        Event(id="test-undated", event_type=EventType.CLASH, status=ClaimStatus.REPORTED,
              title_en="Clash with no date given", place=Place(as_written="Kasra", lat=35.5695, lon=39.9139),
              sources=(Source(outlet="Test Wire"),)),
        Event(id="test-unlocated", event_type=EventType.ARREST, status=ClaimStatus.CLAIMED,
              title_en="Arrests somewhere unnamed", date=EventDate.day(d(2017, 8, 27)),
              place=Place(as_written="a village"), sources=(Source(outlet="Test Wire"),)),
    ], author="test")
    store.close()
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    [exp] = [e for e in at.expander if e.label.startswith("Not on the map")]
    assert exp.label == "Not on the map: 1 undated / 1 unlocated"
    labels = [b.label.replace("\\", "") for b in exp.button]
    assert any("Clash with no date given" in lbl for lbl in labels)
    assert any("Arrests somewhere unnamed" in lbl for lbl in labels)
    # the unlocated one is in the table (it is in the time window), the undated one is listed only
    ids = set(at.dataframe[0].value.iloc[:, -1])
    assert "test-unlocated" in ids and "test-undated" not in ids
