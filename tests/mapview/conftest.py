"""Fixtures for the map tests: the seed frame, a seeded temporary store, hostile frames, Chromium."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from events.frame import events_to_frame
from events.serialize import event_from_dict
from mapview.snapshot import CHROMIUM_PATH, chromium_available
from tests.corpus_payloads import HOSTILE_STRINGS

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "data" / "events" / "seed.json"

TEXT_COLUMNS = ("title_en", "title_ar", "summary", "date_as_written", "place_as_written", "place_en", "place_ar",
                "admin1_en", "admin1_ar", "origin_en", "dest_en", "actors", "count_text", "outlet", "agency",
                "source", "quote")


def seed_events():
    return [event_from_dict(d) for d in json.loads(SEED.read_text(encoding="utf-8"))]


@pytest.fixture(scope="session")
def seed_frame() -> pd.DataFrame:
    return events_to_frame(seed_events())


@pytest.fixture
def seeded_store_path(tmp_path) -> Path:
    from events.store import open_store
    path = tmp_path / "events.sqlite"
    store = open_store(str(path))
    try:
        store.add(seed_events(), author="tests")
    finally:
        store.close()
    return path


def hostile_frame(base: pd.DataFrame) -> pd.DataFrame:
    """The seed frame with a hostile string in every text field (different payload per row and column)."""
    frame = base.copy()
    n = len(HOSTILE_STRINGS)
    for j, col in enumerate(TEXT_COLUMNS):
        frame[col] = [HOSTILE_STRINGS[(i * 7 + j) % n] for i in range(len(frame))]
    return frame


@pytest.fixture
def browser():
    if not chromium_available():
        pytest.skip(f"Chromium not installed at {CHROMIUM_PATH} (Debian package 'chromium')")
    from mapview.snapshot import chromium
    with chromium() as b:
        yield b
