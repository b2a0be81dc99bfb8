"""Synthetic event frames for benchmarks and tests (vectorised, reproducible).

Why here: bench/map_bench.py and tests/mapview need the same realistic
shape (FRAME_COLUMNS, mixed statuses/types/precisions, some moves and
denials) at 1k…1M rows without building Event objects one by one.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from events.frame import FRAME_COLUMNS
from events.model import ClaimStatus, EventType


def synthetic_frame(n: int, *, seed: int = 0, start: str = "2017-01-01", days: int = 365) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    # cluster around a few towns so aggregation/clustering has something to do
    towns = np.array([[36.20, 37.16], [35.33, 40.14], [35.95, 39.01], [33.51, 36.29], [34.73, 36.71],
                      [35.93, 36.63], [36.53, 40.74], [32.63, 36.10], [35.13, 36.75], [35.52, 35.78]])
    pick = rng.integers(0, len(towns), n)
    lat = towns[pick, 0] + rng.normal(0, 0.25, n)
    lon = towns[pick, 1] + rng.normal(0, 0.25, n)
    statuses = np.array([s.value for s in ClaimStatus])
    types = np.array([t.value for t in EventType])
    status = statuses[rng.choice(len(statuses), n, p=[0.5, 0.3, 0.08, 0.12])]
    start_d = pd.Timestamp(start) + pd.to_timedelta(rng.integers(0, days, n), unit="D")
    span = pd.to_timedelta(rng.choice([0, 0, 0, 1, 6, 10], n), unit="D")
    precision = np.where(rng.random(n) < 0.8, "point", "near")
    radius = np.where(precision == "near", rng.uniform(3, 25, n), np.nan)
    moving = rng.random(n) < 0.05
    ids = np.char.add("syn-", np.arange(n).astype(str))
    denies = np.full(n, "", dtype=object)
    denial_rows = np.flatnonzero(status == "denied")
    if len(denial_rows):
        denies[denial_rows] = ids[rng.integers(0, n, len(denial_rows))]
    frame = pd.DataFrame({c: pd.Series([None] * n, dtype=object) for c in FRAME_COLUMNS})
    frame = frame.assign(
        id=ids, event_type=types[rng.integers(0, len(types), n)], status=status,
        title_en=np.char.add("Synthetic event ", np.arange(n).astype(str)), title_ar="حدث تجريبي",
        summary="", date_start=start_d, date_end=start_d + span, date_precision="day", date_as_written="",
        lat=lat, lon=lon, precision=precision, radius_km=radius, area_wkt=None,
        place_as_written="", place_en="Somewhere", place_ar="مكان ما", pcode="", admin1_pcode="",
        admin1_en="", admin1_ar="",
        origin_lat=np.where(moving, lat + rng.normal(0, 0.5, n), np.nan),
        origin_lon=np.where(moving, lon + rng.normal(0, 0.5, n), np.nan), origin_en="",
        dest_lat=np.where(moving, lat, np.nan), dest_lon=np.where(moving, lon, np.nan), dest_en="",
        actors="A; B", count_min=pd.array(rng.integers(1, 30, n), dtype="Int64"),
        count_max=pd.array(rng.integers(30, 60, n), dtype="Int64"), count_text="",
        outlet="Outlet", agency="Agency", source="a source", published=start_d + pd.Timedelta(days=2),
        url="", quote="", denies=denies, related="",
    )
    return frame[list(FRAME_COLUMNS)]
