import numpy as np
import pandas as pd

from mapview.geometry import aggregate_grid, arrow_lines, circle_rings, denial_pairs
from mapview.synthetic import synthetic_frame


def test_arrowheads_sit_at_destination_pointing_back_along_the_shaft():
    keep, left, right = arrow_lines(np.array([35.0, 35.0]), np.array([38.0, 38.0]),
                                    np.array([35.0, 35.0]), np.array([39.0, 38.0]))
    assert keep.tolist() == [True, False]                     # second row did not move
    # eastward move: barbs are west of the destination, one north and one south of it
    assert left[0, 1] < 39.0 and right[0, 1] < 39.0
    assert (left[0, 0] - 35.0) * (right[0, 0] - 35.0) < 0
    assert np.isclose(abs(left[0, 0] - 35.0), abs(right[0, 0] - 35.0))


def test_arrow_rows_with_missing_ends_are_skipped():
    keep, _, _ = arrow_lines(np.array([np.nan]), np.array([38.0]), np.array([35.0]), np.array([39.0]))
    assert not keep.any()


def test_circle_rings_have_radius_in_km():
    ring = circle_rings(np.array([35.0]), np.array([38.0]), np.array([111.32]))[0]
    assert ring.shape[1] == 2
    assert np.isclose(ring[:, 1].max() - 35.0, 1.0, atol=1e-3)   # 111.32 km north = 1 degree


def test_denial_pairs_link_denials_to_claims_in_the_frame():
    frame = pd.DataFrame({"id": ["c1", "c2", "d1"], "lat": [35.0, 36.0, 34.0], "lon": [38.0, 39.0, 37.0],
                          "denies": ["", "", "c1; c2; missing"]})
    pairs = denial_pairs(frame)
    assert pairs["claim_id"].tolist() == ["c1", "c2", "missing"]
    assert pairs.dropna()["c_lat"].tolist() == [35.0, 36.0]


def test_aggregate_grid_counts_every_located_event_once():
    frame = synthetic_frame(5000, seed=3)
    frame.loc[frame.index[:10], "lat"] = np.nan
    agg = aggregate_grid(frame)
    assert agg["count"].sum() == 4990
    assert agg.groupby("status")["count"].sum().to_dict() == \
        frame.dropna(subset=["lat"]).groupby("status").size().to_dict()
    assert (agg["date_start"] <= agg["date_end"]).all()
