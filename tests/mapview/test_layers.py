import json
import re

import folium
import pandas as pd
import pytest

from errors import ValidationError
from mapview import AGGREGATE_THRESHOLD, build_map, event_layers
from mapview.layers.element import EventDataLayer
from mapview.synthetic import synthetic_frame


def _parts(fg: folium.FeatureGroup) -> list[tuple[str, dict, dict]]:
    layer = next(c for c in fg._children.values() if isinstance(c, EventDataLayer))
    return layer.parts


def _rendered_parts(fg: folium.FeatureGroup) -> list:
    m = build_map()
    fg.add_to(m)
    html = m.get_root().render()
    match = re.search(r"var parts = (\[.*?\]);\n", html)
    assert match, "event data not found in the rendered map"
    return json.loads(match.group(1))


def test_points_per_status_layer_equal_frame_rows(seed_frame):
    parts = _rendered_parts(event_layers(seed_frame))
    points = [p for p in parts if p[0] == "point"]
    by_status = {p[1]["status"]: len(p[2]["features"]) for p in points}
    expected = seed_frame.groupby("status").size().to_dict()
    assert by_status == expected
    ids = {f["properties"]["id"] for p in points for f in p[2]["features"]}
    assert ids == set(seed_frame["id"])


def test_one_layer_per_status_with_style_on_the_layer(seed_frame):
    parts = _parts(event_layers(seed_frame))
    points = [p for p in parts if p[0] == "point"]
    assert len({p[1]["status"] for p in points}) == len(points)
    for _, style, fc in points:
        assert all(set(f["properties"]) <= {"t", "id", "h", "tt"} for f in fc["features"])
        assert "weight" in style and "dash" in style


def test_statuses_are_styled_distinctly(seed_frame):
    frame = seed_frame.copy()
    frame.loc[frame.index[:4], "status"] = ["reported", "claimed", "denied", "confirmed"]
    styles = {p[1]["status"]: p[1] for p in _parts(event_layers(frame)) if p[0] == "point"}
    assert styles["claimed"]["dash"] and styles["claimed"]["fill"] < 0.3
    assert styles["denied"]["grey"]
    assert styles["confirmed"]["ring"]
    assert not styles["reported"]["dash"] and styles["reported"]["fill"] > 0.5


def test_areas_arrows_and_denial_links_from_seed(seed_frame):
    parts = _parts(event_layers(seed_frame))
    areas = sum(len(p[2]["features"]) for p in parts if p[0] == "area")
    coarse = seed_frame[(seed_frame["precision"] != "point") & seed_frame["radius_km"].notna()]
    assert areas == len(coarse)
    circle = next(f for p in parts if p[0] == "area" for f in p[2]["features"] if f["geometry"]["type"] == "Point")
    assert circle["properties"]["r"] >= 1000                      # metres
    lines = [f for p in parts if p[0] == "line" for f in p[2]["features"]]
    moved = seed_frame.dropna(subset=["origin_lat", "dest_lat"])
    moved = moved[(moved["origin_lat"] != moved["dest_lat"]) | (moved["origin_lon"] != moved["dest_lon"])]
    assert len(lines) == len(moved)
    shaft, head = lines[0]["geometry"]["coordinates"]
    assert shaft[1] == head[1]                                   # arrowhead tip is the destination
    links = [f for p in parts if p[0] == "link" for f in p[2]["features"]]
    assert len(links) == 3                                      # the coalition denial denies three claims


def test_area_wkt_polygon_is_drawn(seed_frame):
    frame = seed_frame.copy()
    frame.loc[frame.index[0], "area_wkt"] = "POLYGON((40 35, 41 35, 41 36, 40 36, 40 35))"
    parts = _parts(event_layers(frame))
    geoms = [f["geometry"]["type"] for p in parts if p[0] == "area" for f in p[2]["features"]]
    assert "Polygon" in geoms


def test_selected_event_gets_a_highlight(seed_frame):
    sid = seed_frame["id"].iloc[2]
    parts = _parts(event_layers(seed_frame, selected_id=sid))
    sel = [p for p in parts if p[0] == "selected"]
    assert len(sel) == 1 and sel[0][2]["features"][0]["properties"]["id"] == sid
    assert not [p for p in _parts(event_layers(seed_frame, selected_id="nope")) if p[0] == "selected"]


def test_unlocated_events_are_not_drawn(seed_frame):
    frame = seed_frame.copy()
    frame.loc[frame.index[0], ["lat", "lon"]] = [None, None]
    fg = event_layers(frame)
    assert fg.event_count == len(frame) - 1


def test_cluster_auto_and_forced():
    small, mid = synthetic_frame(50), synthetic_frame(1200)
    assert not event_layers(small).clustered
    assert event_layers(small, cluster=True).clustered
    fg = event_layers(mid)
    assert fg.clustered and not fg.aggregated
    layer = fg.data_layer
    assert any("markercluster" in url for _, url in layer.default_js)
    assert not event_layers(mid, cluster=False).clustered


def test_aggregates_above_threshold_into_few_hundred_counts():
    frame = synthetic_frame(AGGREGATE_THRESHOLD + 500)
    fg = event_layers(frame)
    assert fg.aggregated
    parts = _parts(fg)
    assert {p[0] for p in parts} == {"agg"}
    counts = [f["properties"]["n"] for p in parts for f in p[2]["features"]]
    assert sum(counts) == len(frame)
    assert len(counts) < 1000
    per_status = {p[1]["status"]: sum(f["properties"]["n"] for f in p[2]["features"]) for p in parts}
    assert per_status == frame.groupby("status").size().to_dict()


def test_threshold_is_configurable(seed_frame):
    assert event_layers(seed_frame, aggregate_threshold=3).aggregated


def test_missing_columns_and_bad_lang_are_clear_errors(seed_frame):
    with pytest.raises(ValidationError, match="lat"):
        event_layers(seed_frame.drop(columns=["lat"]))
    with pytest.raises(ValidationError, match="lang"):
        event_layers(seed_frame, lang="fr")


def test_empty_frame_gives_an_empty_group(seed_frame):
    fg = event_layers(seed_frame.iloc[:0])
    assert fg.event_count == 0 and fg.data_layer.feature_count() == 0


def test_layer_renders_for_streamlit_folium_feature_group(seed_frame):
    """streamlit-folium renders only each element's `script` macro: it must hold the data and add to the group."""
    m = build_map()
    fg = event_layers(seed_frame)
    fg.add_to(m)
    m.get_root().render()
    script = fg.data_layer._template.module.script(fg.data_layer)
    assert "window.emLayer" in script and fg.get_name() in script
    assert seed_frame["id"].iloc[0] in script


def test_popups_hold_date_place_count_status_and_source_chain(seed_frame):
    parts = _parts(event_layers(seed_frame))
    feats = {f["properties"]["id"]: f["properties"] for p in parts if p[0] == "point" for f in p[2]["features"]}
    h = feats["seed-2017-08-late-dez-evacuations"]["h"]
    assert "2017-08-21 – 2017-08-31" in h
    assert "Deir-ez-Zor governorate" in h
    assert "23" in h and "Claimed" in h
    assert "SyriaNews" in h and "RIA Novosti" in h and "→" in h
    assert "Denied by" in h
    denial = feats["seed-2017-09-07-coalition-denial"]["h"]
    assert "Denies" in denial
    ar = {f["properties"]["id"]: f["properties"]["h"] for p in _parts(event_layers(seed_frame, lang="ar"))
          if p[0] == "point" for f in p[2]["features"]}
    assert 'dir="rtl"' in ar["seed-2017-08-late-dez-evacuations"]
    assert "23+" in h                                          # "more than 22" → at least 23
    assert '<bdi dir="ltr">2017-08-21 – 2017-08-31</bdi>' in ar["seed-2017-08-late-dez-evacuations"]
    assert " ← " in ar["seed-2017-08-late-dez-evacuations"] and " → " not in ar["seed-2017-08-late-dez-evacuations"]
    assert "إجلاء" in ar["seed-2017-08-late-dez-evacuations"]


def test_unknown_status_is_drawn_not_dropped(seed_frame):
    frame = seed_frame.copy()
    frame.loc[frame.index[0], "status"] = "rumoured"
    parts = _parts(event_layers(frame))
    assert sum(len(p[2]["features"]) for p in parts if p[0] == "point") == len(frame)
