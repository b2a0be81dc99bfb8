"""Rivers (data/rivers.geojson) are part of every offline base map: the browser map's payload, the folium
exports and the static renderer (PNG fallback, GIF, MP4); a missing file leaves a working map without them."""
from __future__ import annotations

from mapview.layers import basemap


def test_payload_and_folium_export_carry_the_rivers(seed_frame):
    from mapview.points import basemap_data
    from mapview.standalone import standalone_html
    rivers = basemap_data()["rivers"]
    assert rivers is not None and len(rivers["features"]) > 30
    html = standalone_html(seed_frame, title="t")
    assert basemap.RIVER_BLUE in html and '"kind": "river"' in html


def test_static_renderer_draws_the_rivers_under_the_borders():
    from matplotlib.collections import LineCollection

    from mapview.static import StaticMap
    sm = StaticMap(width=600, height=400)
    try:
        blue = [c for c in sm.ax.collections if isinstance(c, LineCollection) and c.get_zorder() == 1.5]
        assert len(blue) == 1 and len(blue[0].get_segments()) > 30
    finally:
        sm.close()


def test_without_the_file_the_maps_still_build(monkeypatch, tmp_path, seed_frame):
    from mapview.standalone import standalone_html
    from mapview import basedata
    monkeypatch.setattr(basedata, "RIVERS_PATH", tmp_path / "absent.geojson")
    basedata.rivers_geojson.cache_clear()
    try:
        assert basedata.rivers_geojson() is None
        assert '"kind": "river"' not in standalone_html(seed_frame, title="t")
    finally:
        basedata.rivers_geojson.cache_clear()
