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
