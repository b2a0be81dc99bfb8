"""ui/map_cards.py: every shard written from the store's rows by payload position, once."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd

from events.query import Query
from mapview import cards
from ui import map_cards


class FakeStore:
    """frame_rows over a fixed frame, counting the reads."""
    def __init__(self, n):
        self.frame = pd.DataFrame({"id": [f"e{i}" for i in range(n)], "title_en": [f"t{i}" for i in range(n)]})
        self.reads = 0

    def frame_rows(self, q, rows):
        self.reads += 1
        return self.frame.iloc[list(rows)].reset_index(drop=True)


def test_shards_hold_payload_rows_in_order_by_their_query_positions(tmp_path, monkeypatch):
    monkeypatch.setattr(cards, "SHARD", 4)
    monkeypatch.setattr(map_cards, "DUTY", 1.0)
    store = FakeStore(12)
    positions = np.array([0, 2, 3, 5, 6, 7, 9, 11, 10, 1])      # payload row i is query row positions[i]
    assert map_cards.write_all(store, Query(), positions, tmp_path, "evc-s", "en") == 3
    titles = [r[0] for k in range(3) for r in json.loads((tmp_path / f"evc-s-{k}.json").read_text())]
    assert titles == [f"t{p}" for p in positions]
    # written already: nothing is read again
    assert map_cards.write_all(store, Query(), positions, tmp_path, "evc-s", "en") == 0 and store.reads == 3


def test_stem_depends_on_language_and_ids():
    ids = np.array(["a", "b"], dtype=object)
    s = map_cards.stem_for("d1", "en", ids)
    assert s.startswith("evc-d1-en-")
    assert s != map_cards.stem_for("d1", "ar", ids)
    assert s != map_cards.stem_for("d1", "en", np.array(["a", "c"], dtype=object))
    assert s == map_cards.stem_for("d1", "en", ids.copy())
