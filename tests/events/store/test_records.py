"""The embedded store's one-pass row builder agrees with the generic flat row."""
from __future__ import annotations

import json
import random
from pathlib import Path

from events.serialize import event_from_dict
from events.store.records import MULTI_SEP, STORE_COLUMNS, flat_row, sqlite_values

from .factory import make_event
from .test_query import random_events

SEED = Path(__file__).resolve().parents[3] / "data" / "events" / "seed.json"


def expected(event) -> tuple:
    row = flat_row(event)
    out = []
    for column in STORE_COLUMNS:
        value = row[column]
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        elif isinstance(value, list):
            value = MULTI_SEP.join(value)
        out.append(value)
    return tuple(out)


def test_sqlite_values_match_flat_row_for_seed_and_random_events():
    events = [event_from_dict(r) for r in json.loads(SEED.read_text(encoding="utf-8"))]
    events += random_events(random.Random(3), 200)
    events.append(make_event("bare", start=None, lat=None, lon=None, actors=(), outlet=""))
    for event in events:
        assert sqlite_values(event) == expected(event), event.id
    assert len(sqlite_values(events[0])) == len(STORE_COLUMNS)
