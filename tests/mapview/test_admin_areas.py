"""Events known only to an admin unit are drawn as that unit's polygon, not as a circle over its neighbours."""
import json

import numpy as np
import pandas as pd
import shapely
from matplotlib.collections import PolyCollection

from mapview import event_layers
from mapview.adminareas import MIXED_TYPES, admin_area_pcodes, admin_shapes, polygon_rings
from mapview.layers.basemap import admin_geojson
from mapview.static import StaticMap
from mapview.style import TYPE_COLORS
from mapview.synthetic import synthetic_frame

RAQQA_ID = "seed-2017-06-raqqa-evacuations"


def _unit(level: int, pcode: str):
    feat = next(f for f in admin_geojson(level)["features"] if f["properties"]["p"] == pcode)
    return shapely.geometry.shape(feat["geometry"])


def _areas(frame):
    return [(p[1]["status"], f) for p in event_layers(frame).data_layer.parts if p[0] == "area"
            for f in p[2]["features"]]


def _one(frame, **row):
    """The first seed row alone with the given columns overwritten."""
    f = frame.iloc[:1].copy()
    for k, v in row.items():
        f[k] = [v]
    return f


def test_raqqa_governorate_event_is_the_sy11_polygon_not_a_110_km_circle(seed_frame):
    raqqa = seed_frame[seed_frame["id"] == RAQQA_ID]
    assert raqqa["radius_km"].iloc[0] >= 100 and not raqqa["area_wkt"].fillna("").iloc[0]
    feats = [f for _, f in _areas(raqqa)]
    assert len(feats) == 1
    geom = feats[0]["geometry"]
    assert geom["type"] in ("Polygon", "MultiPolygon") and feats[0]["properties"]["p"] == "SY11"
    assert shapely.geometry.shape(geom).equals(_unit(1, "SY11"))
    assert "r" not in feats[0]["properties"]
    # the polygon stays inside its governorate: it does not cover Aleppo's or Deir-ez-Zor's centre
    shape = shapely.geometry.shape(geom)
    assert not shape.contains(shapely.Point(37.16, 36.2)) and not shape.contains(shapely.Point(40.15, 35.33))


def test_seed_map_has_no_circle_for_governorate_events(seed_frame):
    gov_ids = set(seed_frame.loc[seed_frame["precision"] == "governorate", "id"])
    assert len(gov_ids) == 3
    feats = [f for _, f in _areas(seed_frame)]
    circles = [f for f in feats if f["geometry"]["type"] == "Point"]
    assert all(f["properties"]["r"] < 100_000 for f in circles)
    assert sorted(f["properties"]["p"] for f in feats if "p" in f["properties"]) == ["SY09", "SY09", "SY11"]


def test_district_and_subdistrict_pcodes_and_admin1_fallback(seed_frame):
    district = _one(seed_frame, precision="district", pcode="SY0901", area_wkt=None, radius_km=40.0)
    sub = _one(seed_frame, precision="subdistrict", pcode="SY090101", area_wkt=None, radius_km=20.0)
    gov = _one(seed_frame, precision="governorate", pcode="", admin1_pcode="SY09", area_wkt=None, radius_km=150.0)
    for frame, level, pcode in ((district, 2, "SY0901"), (sub, 3, "SY090101"), (gov, 1, "SY09")):
        (status, f), = _areas(frame)
        assert f["properties"]["p"] == pcode
        assert shapely.geometry.shape(f["geometry"]).equals(_unit(level, pcode))


def test_circles_stay_for_near_region_unknown_pcodes_and_own_shapes_win(seed_frame):
    near = _one(seed_frame, precision="near", pcode="C5133", admin1_pcode="SY09", area_wkt=None, radius_km=10.0)
    region = _one(seed_frame, precision="region", pcode="", admin1_pcode="", area_wkt=None, radius_km=220.0)
    unknown = _one(seed_frame, precision="district", pcode="SY9999", admin1_pcode="SY09", area_wkt=None,
                   radius_km=40.0)
    for frame, metres in ((near, 10_000), (region, 220_000), (unknown, 40_000)):
        (_, f), = _areas(frame)
        assert f["geometry"]["type"] == "Point" and f["properties"]["r"] == metres
    own = _one(seed_frame, precision="governorate", pcode="SY11", admin1_pcode="SY11", radius_km=110.0,
               area_wkt="POLYGON((38 35.5, 39 35.5, 39 36, 38 36, 38 35.5))")
    (_, f), = _areas(own)
    assert "p" not in f["properties"] and shapely.geometry.shape(f["geometry"]).bounds == (38, 35.5, 39, 36)


def test_one_feature_per_unit_and_status_mixed_types_neutral(seed_frame):
    raqqa = seed_frame[seed_frame["id"] == RAQQA_ID]
    many = pd.concat([raqqa] * 50, ignore_index=True)
    many["id"] = [f"r{i}" for i in range(len(many))]
    many.loc[many.index[:10], "status"] = "reported"
    many.loc[many.index[:5], "event_type"] = "siege_broken"
    feats = _areas(many)
    keys = sorted((s, f["properties"]["t"]) for s, f in feats)
    assert keys == [("claimed", "evacuation"), ("reported", MIXED_TYPES)]     # mixed types: neutral colour
    assert MIXED_TYPES not in {t.value for t in TYPE_COLORS}                 # → the runtime's grey fallback


def test_pcode_lookup_is_vectorised_over_columns():
    frame = pd.DataFrame({"precision": ["governorate", "district", "near", "governorate", None, "subdistrict"],
                          "pcode": ["SY11", "SY0901", "C5133", "", "SY11", "SY090101"],
                          "admin1_pcode": ["SY11", "SY09", "SY09", "SY02", "SY11", "SY09"],
                          "area_wkt": [None, None, None, None, None, "POINT(40 35)"]})
    assert admin_area_pcodes(frame).tolist() == ["SY11", "SY0901", None, "SY02", None, None]
    assert admin_area_pcodes(frame.iloc[:0]).empty


def test_above_the_threshold_nothing_changes():
    frame = synthetic_frame(400)
    frame["precision"], frame["pcode"], frame["area_wkt"] = "governorate", "SY11", None
    fg = event_layers(frame, aggregate_threshold=100)
    assert fg.aggregated and {p[0] for p in fg.data_layer.parts} == {"agg"}


def test_polygon_rings_split_multipolygons_and_skip_non_polygons():
    square = shapely.box(0, 0, 1, 1)
    multi = shapely.MultiPolygon([shapely.box(2, 2, 3, 3), shapely.box(4, 4, 5, 5)])
    rings, owner = polygon_rings(np.array([square, None, shapely.Point(1, 1), multi], dtype=object))
    assert owner.tolist() == [0, 3, 3]
    assert [len(r) for r in rings] == [5, 5, 5] and rings[2].min() == 4
    rings, owner = polygon_rings(np.array([], dtype=object))
    assert rings == [] and owner.size == 0


def test_static_renderer_draws_the_same_governorate_polygon(seed_frame):
    raqqa = seed_frame[seed_frame["id"] == RAQQA_ID]
    sm = StaticMap(width=400, height=300)
    try:
        base = set(sm.ax.collections)
        sm.draw_events(raqqa)
        polys = [c for c in set(sm.ax.collections) - base if isinstance(c, PolyCollection)]
        rings = [p.vertices for c in polys for p in c.get_paths()]
    finally:
        sm.close()
    expected = _unit(1, "SY11")
    assert rings and all(len(r) > 100 for r in rings)          # the boundary, not a 49-point circle
    ring = np.asarray(rings[0])
    assert shapely.Polygon(ring).buffer(0).symmetric_difference(expected).area < 1e-6 * expected.area + 1e-9
    assert admin_shapes(["SY11"])[0].equals(expected)


def test_area_payload_is_geojson_serialisable(seed_frame):
    json.dumps([f for _, f in _areas(seed_frame)])
