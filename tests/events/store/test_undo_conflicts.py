"""Issue 13: ``undo REV`` never silently loses work done after REV on the same events.

It refuses (ConflictError; CLI exit 2, one line) unless ``force``/``--force``, which rolls the later
changes back too and lists them. Undoing a revision nothing later touched works as before.
"""
from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from errors import ConflictError
from events.cli import cli
from events.query import Query

from .factory import make_event


def test_undo_refuses_when_a_later_revision_changed_the_same_event(store):
    store.add([make_event("a", title="first"), make_event("b")], author="ana")
    store.update(dataclasses.replace(store.get("a"), title_en="second"), author="ana")
    second = store.revision
    store.update(dataclasses.replace(store.get("a"), title_en="third, by bob"), author="bob")
    third = store.revision
    before = store.revision
    with pytest.raises(ConflictError, match=rf"r{third}.*'a'.*--force"):
        store.undo(second, author="ana")
    assert store.get("a").title_en == "third, by bob", "bob's edit must survive a refused undo"
    assert store.revision == before, "a refused undo writes nothing"

    rolled = store.undo(second, author="ana", force=True)
    assert rolled == [(third, "a", "update")]
    assert store.get("a").title_en == "first"


def test_undo_of_an_untouched_revision_needs_no_force(store):
    store.add([make_event("a")], author="ana")
    store.add([make_event("b")], author="ana")
    rev_b = store.revision
    store.update(dataclasses.replace(store.get("a"), title_en="edited"), author="bob")   # other event
    assert store.undo(rev_b, author="ana") == []
    assert sorted(e.id for e in store.query(Query())) == ["a"]


def test_cli_undo_refuses_then_force_lists_what_it_rolls_back(store_url):
    runner = CliRunner()
    from events.store import open_store
    with open_store(store_url) as store:
        store.add([make_event("a", title="first")], author="ana")
        store.update(dataclasses.replace(store.get("a"), title_en="second"), author="ana")
        second = store.revision
        store.delete("a", author="bob")
        deleted = store.revision
    r = runner.invoke(cli, ["undo", str(second), "--store", store_url])
    assert r.exit_code == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "--force" in r.stderr
    r = runner.invoke(cli, ["undo", str(second), "--store", store_url, "--force"])
    assert r.exit_code == 0, r.output
    assert f"rolled back r{deleted} delete a" in r.stdout
    with open_store(store_url) as store:
        assert store.get("a").title_en == "first"
