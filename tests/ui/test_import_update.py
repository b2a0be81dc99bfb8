"""Import page, update mode: a newer release shows added/changed/unchanged and a table of changed fields."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from streamlit.testing.v1 import AppTest

from events.io import ImportResult
from events.model import Count
from events.store import open_store, seed_store

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def test_update_mode_lists_changed_fields_and_saves(tmp_path, monkeypatch):
    path = tmp_path / "events.sqlite"
    with open_store(path) as store:
        seed_store(store)
        stored = store.get("seed-2017-09-05-dez-siege-broken")
    newer = replace(stored, counts=(Count("killed", 3, 5, as_written="3 to 5"),))
    fresh = replace(stored, id="new-release-row", flags=("admin_name_missing",))
    result = ImportResult(events=(newer, fresh), rejects=(), format="json", rows=2)
    monkeypatch.setenv("EVENTS_STORE", str(path))
    monkeypatch.chdir(Path(APP).parent)
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.radio(key="page").set_value("import").run()
    at.session_state["import_result"] = result
    at.run()
    at.radio(key="import_mode").set_value("update").run()
    assert not at.exception
    assert any("added 1, changed 1, unchanged 0, flagged 1" in i.value for i in at.info)
    changes = [d.value for d in at.dataframe if "field" in d.value.columns]
    assert changes and changes[0]["field"].tolist() == ["counts"]
    at.button(key="import_update_save").click().run()
    assert not at.exception
    with open_store(path) as store:
        assert store.get("seed-2017-09-05-dez-siege-broken").counts[0].as_written == "3 to 5"
        assert store.get("new-release-row").flags == ("admin_name_missing",)
