"""data/rivers.geojson: the basemap river reader, the clip, and the committed file's content."""
from __future__ import annotations

import json

import numpy as np
import shapely
from shapely.geometry import Point, box, shape

from scripts.build_rivers import clip_lines, read_lines
from tests.conftest import REPO


def _pair(lines):
    """A meta text and blob in the basemap layout for ``lines`` (lists of (lon, lat))."""
    meta, blob = [], b""
    for i, pts in enumerate(lines):
        arr = np.asarray(pts, dtype="<f4")
        lats = [p[1] for p in pts]
        meta.append(f"-1 -1 {len(pts)} {min(lats):.5f} {max(lats):.5f} {len(blob)} {arr.nbytes} {i}")
        blob += arr.tobytes()
    return "\n".join(meta) + "\n", blob


def test_read_lines_keeps_only_lines_touching_the_box():
    meta, blob = _pair([[(38.0, 35.0), (38.5, 35.5)], [(10.0, 50.0), (11.0, 51.0)], [(42.9, 37.0), (44.0, 37.1)]])
    lines = read_lines(meta, blob, (35.0, 32.0, 43.0, 37.8))
    assert [ln[0].tolist() for ln in lines] == [[38.0, 35.0], [42.900001525878906, 37.0]]


def test_read_lines_skips_a_meta_line_whose_byte_count_disagrees():
    meta, blob = _pair([[(38.0, 35.0), (38.5, 35.5)]])
    bad = meta.replace(" 16 0", " 24 0")
    assert read_lines(bad, blob, (35.0, 32.0, 43.0, 37.8)) == []


def test_clip_cuts_lines_at_the_area_and_drops_slivers():
    area = box(0, 0, 1, 1)
    kept = clip_lines([np.array([[-1.0, 0.5], [2.0, 0.5]]), np.array([[0.999, 0.2], [1.2, 0.2]])], area)
    assert kept == [[[0.0, 0.5], [1.0, 0.5]]]


def test_committed_rivers_follow_the_big_rivers_through_their_towns():
    fc = json.loads((REPO / "data" / "rivers.geojson").read_text(encoding="utf-8"))
    assert 30 <= len(fc["features"]) <= 400
    assert len((REPO / "data" / "rivers.geojson").read_bytes()) < 120_000
    lines = shapely.union_all([shape(f["geometry"]) for f in fc["features"]])
    # towns on a river bank (OCHA coordinates rounded): the line passes within 3 km (~0.027°)
    for lon, lat in ((40.14, 35.336), (40.92, 34.45), (40.75, 36.5), (36.75, 35.13), (36.87, 36.51)):
        assert lines.distance(Point(lon, lat)) < 0.027, (lon, lat)
    # and stays near Syria: nothing east of Mosul or south of Amman
    minx, miny, maxx, maxy = lines.bounds
    assert minx > 35.0 and miny > 32.0 and maxx < 42.9 and maxy < 37.7
