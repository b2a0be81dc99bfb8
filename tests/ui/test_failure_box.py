"""Issue 13 item 6: in the dashboard a failure (disk full, a locked store, an overflow) is an error box
with the same one-line message as the CLI, never a traceback."""
from __future__ import annotations

import sqlite3

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import REPO


@pytest.mark.parametrize("exc,words", [
    (sqlite3.OperationalError("database or disk is full"), "disk is full"),
    (sqlite3.OperationalError("database is locked"), "locked"),
    (OverflowError("int too large to convert to float"), "OverflowError"),
])
def test_store_failure_is_an_error_box(app_env, monkeypatch, exc, words):
    from ui import data

    def failing(*args, **kwargs):
        raise exc
    monkeypatch.setattr(data, "facets", failing)
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=30).run()
    assert not at.exception, at.exception
    boxes = [e.value.replace("\\", "") for e in at.error]
    assert any(words in b for b in boxes), boxes
    assert all("Traceback" not in b and "\n" not in b for b in boxes)


def test_side_panel_and_table_labels_show_no_bidi_override(tmp_path, monkeypatch):
    """A title with U+202E ("gpj.exe" read as "exe.jpg") is stored as written but displayed without it."""
    from events.store import open_store
    from tests.events.store.factory import make_event
    path = tmp_path / "bidi.sqlite"
    with open_store(path) as store:
        store.add([make_event("bidi-1", title="report \u202eevil\u202c gpj.exe", place_name="\u2067x\u2069")],
                  author="t")
    monkeypatch.setenv("EVENTS_STORE", str(path))
    monkeypatch.chdir(REPO)
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=30)
    at.query_params["sel"] = "bidi-1"
    at.run()
    assert not at.exception
    shown = " ".join(h.proto.body for h in at.get("html")) + " ".join(m.value for m in at.markdown)
    shown += " ".join(b.label for b in at.button)
    assert "gpj.exe" in shown
    for ch in ("\u202e", "\u202c", "\u2067", "\u2069"):
        assert ch not in shown, repr(ch)
