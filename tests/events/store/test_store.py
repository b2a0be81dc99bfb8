"""The store interface, run on every backend (see conftest.store_url)."""
from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import pytest

from errors import ConflictError, NotFoundError, StoreError, ValidationError
from events.frame import FRAME_COLUMNS, events_to_frame
from events.model import ClaimStatus, EventType, Place
from events.query import Query
from events.store import AuditEntry, open_store

from scripts.seed_events import seed_events

from .factory import make_event


def ids(events) -> list[str]:
    return [e.id for e in events]


def test_add_then_get_returns_the_same_event(store):
    event = make_event("e1", summary="Two people were killed, a source said.")
    assert store.add([event], author="ana") == 1
    assert store.get("e1") == event


def test_get_unknown_id_raises_not_found(store):
    with pytest.raises(NotFoundError, match="nope"):
        store.get("nope")


def test_every_write_raises_the_revision(store):
    r0 = store.revision
    store.add([make_event("a")], author="ana")
    r1 = store.revision
    store.update(dataclasses.replace(store.get("a"), title_en="edited"), author="ana")
    r2 = store.revision
    store.delete("a", author="ana")
    r3 = store.revision
    assert r0 < r1 < r2 < r3


def test_duplicate_id_is_a_conflict_naming_it_and_nothing_is_written(store):
    store.add([make_event("a"), make_event("b")], author="ana")
    before = store.revision
    with pytest.raises(ConflictError) as info:
        store.add([make_event("c"), make_event("b")], author="bob")
    assert info.value.value == "b" and "'b'" in str(info.value)
    assert store.revision == before
    assert sorted(ids(store.query(Query()))) == ["a", "b"]


def test_duplicate_id_within_one_batch_is_a_conflict(store):
    with pytest.raises(ConflictError, match="twice"):
        store.add([make_event("x"), make_event("x")], author="ana")
    assert store.count(Query()) == 0 and store.revision == 0


def test_replace_overwrites_and_is_audited(store):
    store.add([make_event("a", title="old")], author="ana")
    store.add([make_event("a", title="new"), make_event("b")], author="bob", replace=True)
    assert store.get("a").title_en == "new" and store.count(Query()) == 2
    entry = store.history("a", limit=1)[0]
    assert entry.action == "replace" and entry.author == "bob"
    assert entry.before["title_en"] == "old" and entry.after["title_en"] == "new"


def test_a_bad_event_rejects_the_whole_batch_naming_field_and_value(store):
    store.add([make_event("keep")], author="ana")
    rev = store.revision
    bad = make_event("bad", lat=48.85, lon=2.35)   # Paris, not Syria
    with pytest.raises(ValidationError) as info:
        store.add([make_event("ok1"), bad, make_event("ok2")], author="ana")
    assert info.value.field == "place" and "48.85" in str(info.value) and "#2" in str(info.value)
    assert store.revision == rev
    assert ids(store.query(Query())) == ["keep"]


@pytest.mark.parametrize("bad, field", [
    (lambda e: dataclasses.replace(e, id="has space"), "id"),
    (lambda e: dataclasses.replace(e, date=dataclasses.replace(e.date, end=date(2017, 1, 1))), "date_end"),
    (lambda e: dataclasses.replace(e, place=Place("x", lat=35.0, lon=None)), "place"),
])
def test_validation_errors_name_the_field(store, bad, field):
    with pytest.raises(ValidationError) as info:
        store.add([bad(make_event("e"))], author="ana")
    assert info.value.field == field
    assert store.count(Query()) == 0


def test_author_is_required(store):
    with pytest.raises(ValidationError, match="author"):
        store.add([make_event("a")], author=" ")


def test_progress_is_reported_up_to_the_total(store):
    calls = []
    store.add([make_event(f"p{i}") for i in range(25)], author="ana", progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (25, 25)


def test_update_and_delete_unknown_ids_raise_not_found(store):
    with pytest.raises(NotFoundError):
        store.update(make_event("ghost"), author="ana")
    with pytest.raises(NotFoundError):
        store.delete("ghost", author="ana")
    assert store.revision == 0


def test_history_says_who_changed_what_and_when(store):
    store.add([make_event("a", title="first")], author="ana")
    store.update(dataclasses.replace(store.get("a"), title_en="second"), author="bob")
    store.delete("a", author="cem")
    entries = store.history("a")
    assert [e.action for e in entries] == ["delete", "update", "add"]
    assert [e.author for e in entries] == ["cem", "bob", "ana"]
    assert all(isinstance(e, AuditEntry) and e.at.tzinfo is not None for e in entries)
    delete, update, add = entries
    assert delete.before["title_en"] == "second" and delete.after is None
    assert update.before["title_en"] == "first" and update.after["title_en"] == "second"
    assert add.before is None and add.after["title_en"] == "first"   # reconstructed from the next change
    assert delete.revision > update.revision > add.revision
    assert [e.event_id for e in store.history(limit=2)] == ["a", "a"]


def test_undo_update_delete_and_add(store):
    store.add([make_event("a", title="first"), make_event("b")], author="ana")
    add_rev = store.revision
    store.update(dataclasses.replace(store.get("a"), title_en="second"), author="bob")
    upd_rev = store.revision
    store.delete("b", author="bob")
    del_rev = store.revision

    store.undo(upd_rev, author="ana")
    assert store.get("a").title_en == "first"
    store.undo(del_rev, author="ana")
    assert store.get("b") == make_event("b")
    undo_entry = store.history(limit=1)[0]
    assert undo_entry.action == "undo" and undo_entry.undoes == del_rev and undo_entry.after["id"] == "b"

    with pytest.raises(ConflictError, match="later revision"):   # a and b were changed after add_rev
        store.undo(add_rev, author="ana")
    store.undo(add_rev, author="ana", force=True)
    assert store.count(Query()) == 0
    store.undo(store.revision, author="ana")   # undoing the undo brings them back
    assert sorted(ids(store.query(Query()))) == ["a", "b"]


def test_undo_unknown_revision_raises_not_found(store):
    with pytest.raises(NotFoundError, match="revision"):
        store.undo(999, author="ana")


def test_a_second_handle_sees_writes_from_the_first(store_url):
    writer, reader = open_store(store_url), open_store(store_url)
    try:
        assert reader.count(Query()) == 0
        writer.add([make_event("a")], author="ana")
        assert reader.count(Query()) == 1 and reader.revision == writer.revision
        writer.delete("a", author="ana")
        assert reader.count(Query()) == 0
    finally:
        writer.close()
        reader.close()


def test_date_span_and_facets(store):
    assert store.date_span() is None
    store.add([make_event("a", start=date(2017, 5, 1), actors=("ISIS",), outlet="SANA", agency="RIA"),
               make_event("b", start=date(2017, 8, 20), days=11, status=ClaimStatus.DENIED, admin1="SY11",
                          event_type=EventType.EVACUATION, actors=("US forces", "ISIS")),
               make_event("c", start=None, lat=None, lon=None, admin1="")], author="ana")
    assert store.date_span() == (date(2017, 5, 1), date(2017, 8, 31))
    f = store.facets()
    assert f["event_type"] == ["air_strike", "evacuation"]
    assert f["status"] == ["claimed", "denied"]
    assert f["actors"] == ["ISIS", "US forces"]
    assert f["outlets"] == ["RIA", "SANA", "SyriaNews"]
    assert f["admin1"] == ["SY09", "SY11"] and f["admin1_label"] == ["Deir-ez-Zor", "SY11"]
    assert f["precision"] == ["point"]


def test_frame_matches_events_to_frame_in_date_order(store):
    store.add([make_event("late", start=date(2018, 1, 1)), make_event("early", start=date(2012, 3, 4), days=3),
               make_event("undated", start=None)], author="ana")
    frame = store.frame(Query())
    assert tuple(frame.columns) == FRAME_COLUMNS
    assert list(frame["id"]) == ["early", "late", "undated"]
    pd.testing.assert_frame_equal(frame, events_to_frame(store.query(Query())))
    empty = store.frame(Query(text="no such words"))
    assert len(empty) == 0 and tuple(empty.columns) == FRAME_COLUMNS


def test_bad_store_urls_raise_store_error(tmp_path):
    with pytest.raises(StoreError):
        open_store("ftp://example/store")
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_default_store_is_created_and_seeded_once(monkeypatch, tmp_path):
    import events.store as store_pkg
    monkeypatch.delenv("EVENTS_STORE", raising=False)
    monkeypatch.setattr(store_pkg, "DEFAULT_PATH", tmp_path / "var" / "events.sqlite")
    first = open_store()
    assert first.count(Query()) == 7 and first.history(limit=1)[0].author == "seed"
    rev = first.revision
    first.close()
    again = open_store()
    assert again.revision == rev and again.url == str(tmp_path / "var" / "events.sqlite")
    again.close()


def test_env_variable_selects_the_store(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTS_STORE", str(tmp_path / "chosen.sqlite"))
    s = open_store()
    assert s.url == str(tmp_path / "chosen.sqlite") and s.count(Query()) == 0
    s.close()
    s = open_store(f"sqlite:///{tmp_path}/other.sqlite")
    assert s.url == str(tmp_path / "other.sqlite")
    s.close()


def test_a_duplicate_that_slips_past_the_precheck_rolls_back_inside_the_transaction(store, monkeypatch):
    """Another writer may add the same id between the check and the write: the unique index catches it."""
    store.add([make_event("a")], author="ana")
    rev = store.revision
    monkeypatch.setattr(store, "_existing_ids", lambda ids: [])
    with pytest.raises(ConflictError):
        store.add([make_event("b"), make_event("a")], author="bob")
    assert store.revision == rev and ids(store.query(Query())) == ["a"]
    store.add([make_event("c")], author="bob")          # the connection is still usable
    assert sorted(ids(store.query(Query()))) == ["a", "c"]


def test_denied_by_finds_the_denials_of_a_claim(store):
    store.add(seed_events(), author="t")
    assert store.denied_by("seed-2017-08-26-tarif-evacuation") == ["seed-2017-09-07-coalition-denial"]
    assert store.denied_by("seed-2017-09-05-dez-siege-broken") == []
    assert store.denied_by("seed-2017-08-26") == []          # a prefix of an id is not a link
