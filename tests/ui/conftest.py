"""Fixtures for the dashboard tests: a temporary store seeded from data/events/seed.json.

Why a temporary store: the tests must never read or write var/events.sqlite,
and each test module gets the same 7 seed events, so counts are known.
"""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def seeded_store_path(tmp_path_factory) -> Path:
    from events.store import open_store, seed_store
    path = tmp_path_factory.mktemp("store") / "events.sqlite"
    store = open_store(path)
    seed_store(store)
    store.close()
    return path


@pytest.fixture()
def app_env(seeded_store_path, monkeypatch):
    """EVENTS_STORE → the seeded temporary store, for AppTest runs in this process."""
    monkeypatch.setenv("EVENTS_STORE", str(seeded_store_path))
    monkeypatch.chdir(REPO)
    return seeded_store_path


@pytest.fixture()
def fresh_store(tmp_path, monkeypatch):
    """A store of its own (seeded) for a test that saves to it, with EVENTS_STORE pointing at it."""
    from events.store import open_store, seed_store
    path = tmp_path / "events.sqlite"
    store = open_store(path)
    seed_store(store)
    store.close()
    monkeypatch.setenv("EVENTS_STORE", str(path))
    monkeypatch.chdir(REPO)
    return path


def run_app(monkeypatch, store_path: Path | None = None, **params: str):
    """The dashboard in AppTest, run once with these query parameters (``sel="id"``, ``lang="ar"``) on
    ``store_path`` (else the EVENTS_STORE already set); fails on any exception the page raised."""
    from streamlit.testing.v1 import AppTest
    if store_path is not None:
        monkeypatch.setenv("EVENTS_STORE", str(store_path))
    monkeypatch.chdir(REPO)
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


def read_on_review_page(at, text: str, published, *, outlet: str = "", timeout: float | None = None):
    """The Review page reads ``text`` as a user enters it (publication day, outlet when given, "Read"); the
    page raised nothing. ``timeout``: for the reading run (None: the AppTest's default)."""
    at.radio(key="page").set_value("review").run()
    at.text_area(key="review_text_area").input(text)
    at.date_input(key="review_published").set_value(published)
    if outlet:
        at.text_input(key="review_outlet").input(outlet)
    at.button(key="review_run").click().run(timeout=timeout)
    assert not at.exception
    return at
