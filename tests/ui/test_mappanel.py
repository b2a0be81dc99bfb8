"""Map panel helpers: marker click → nearest event; the base map carries every asset a swapped layer needs."""
from __future__ import annotations

import numpy as np
import pandas as pd

from events.frame import FRAME_COLUMNS
from ui.mappanel import _base_map, nearest_event


def _frame(rows):
    f = pd.DataFrame([{c: None for c in FRAME_COLUMNS} | r for r in rows], columns=list(FRAME_COLUMNS))
    f["lat"] = f["lat"].astype("float64")
    f["lon"] = f["lon"].astype("float64")
    return f


def test_nearest_event_within_tolerance():
    f = _frame([{"id": "a", "lat": 35.0, "lon": 40.0}, {"id": "b", "lat": 35.5, "lon": 40.5},
                {"id": "c", "lat": np.nan, "lon": np.nan}])
    assert nearest_event(f, 35.49, 40.51) == "b"
    assert nearest_event(f, 35.01, 39.99) == "a"
    assert nearest_event(f, 33.0, 37.0) is None          # a click far from every marker selects nothing
    assert nearest_event(f.iloc[2:], 35.0, 40.0) is None


def test_base_map_declares_cluster_assets_served_locally():
    m = _base_map("en", None, 500)
    html = m.get_root().render()
    assert "/app/static/vendor/leaflet.markercluster/leaflet.markercluster.js" in html
    assert "/app/static/vendor/leaflet/leaflet.js" in html
    assert "cdn" not in html.lower()
