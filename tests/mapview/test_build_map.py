import json
import re

import pytest

from errors import ExportError, ValidationError
from mapview import MapView, build_map, event_layers, legend_html
from mapview.assets import SERVED_PREFIX
from mapview.standalone import external_refs, standalone_html

ASSET_REF = re.compile(r"""<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)\"""")


def _html(m) -> str:
    return m.get_root().render()


def test_served_mode_points_every_asset_at_static_vendor(seed_frame):
    m = build_map(asset_mode="served")
    event_layers(seed_frame, cluster=True).add_to(m)
    refs = ASSET_REF.findall(_html(m))
    assert refs, "no asset links rendered"
    assert all(r.startswith(SERVED_PREFIX) for r in refs), refs
    assert any(r.endswith("leaflet/leaflet.js") for r in refs)
    assert any("markercluster" in r for r in refs)


def test_inline_mode_has_no_external_asset(seed_frame):
    m = build_map(asset_mode="inline")
    event_layers(seed_frame, cluster=True).add_to(m)
    html = _html(m)
    assert external_refs(html) == []
    refs = ASSET_REF.findall(html)
    assert refs and all(r.startswith("data:") for r in refs)
    assert "https://cdn" not in html and "cdnjs" not in html and "code.jquery.com" not in html


def test_external_refs_detects_cdn_links():
    assert external_refs('<script src="https://cdn.example/x.js"></script>')
    assert external_refs("<link rel='stylesheet' href='//cdn.example/x.css'>")
    assert not external_refs('<script src="data:text/javascript;base64,AA"></script>')


def test_standalone_export_refuses_external_assets(seed_frame, monkeypatch):
    import mapview.standalone as st
    real = st.export_map

    def with_cdn(frame, **kw):
        m = real(frame, **kw)
        m.default_js = m.default_js + [("cdn", "https://cdn.example/x.js")]
        return m
    monkeypatch.setattr(st, "export_map", with_cdn)
    with pytest.raises(ExportError, match="network"):
        st.standalone_html(seed_frame)


def test_admin_basemap_without_tiles_and_legend_present():
    html = _html(build_map(lang="en"))
    assert "tile.openstreetmap" not in html
    assert "Deir-ez-Zor" in html and "Al-Hasakeh" in html          # governorate labels
    assert "em-legend" in html and "Claim status" in html
    assert '"maxZoom": 18' in html or '"maxZoom":18' in html


def test_arabic_map_has_arabic_labels_and_rtl_legend():
    html = _html(build_map(lang="ar"))
    assert "دير الزور" in html and "الحسكة" in html
    assert 'dir=\\"rtl\\"' in html or "rtl" in html


def test_tiles_basemap_adds_osm_under_the_boundaries():
    html = _html(build_map(basemap="tiles"))
    assert "tile.openstreetmap.org" in html and "Al-Hasakeh" in html


def test_bad_options_raise_clear_errors():
    with pytest.raises(ValidationError, match="basemap"):
        build_map(basemap="satellite")
    with pytest.raises(ExportError, match="asset_mode"):
        build_map(asset_mode="cdn")
    with pytest.raises(ValidationError, match="lang"):
        build_map(lang="de")


def test_map_view_is_validated_and_used():
    v = MapView(center=(35.3, 40.1), zoom=9)
    html = _html(build_map(view=v))
    assert "35.3" in html and "40.1" in html and '"zoom": 9' in html
    with pytest.raises(ValidationError):
        MapView(center=(135.0, 40.0), zoom=7)
    with pytest.raises(ValidationError):
        MapView(center=(35.0, 40.0), zoom=40)
    with pytest.raises(Exception):
        v.zoom = 3                                                   # frozen


def test_legend_html_lists_statuses_and_types_in_both_languages():
    en, ar = legend_html("en"), legend_html("ar")
    for word in ("Reported", "Claimed", "Denied", "Confirmed", "Air / drone strike", "Movement"):
        assert word in en
    for word in ("مؤكد", "نفي", "إجلاء"):
        assert word in ar
    assert 'dir="rtl"' in ar and 'dir="ltr"' in en


def test_standalone_html_has_title_north_arrow_scale_and_attribution(seed_frame):
    html = standalone_html(seed_frame, title="Evacuations <b>", subtitle="2017-08-01 – 2017-08-31")
    assert "Evacuations \\u0026lt;b\\u0026gt;" in html                  # escaped, then JSON-encoded
    assert 'aria-label=\\"North\\"' in html
    assert "L.control.scale" in html
    assert "OCHA COD-AB" in html


def test_served_base_map_declares_markercluster_for_later_swapped_groups():
    refs = ASSET_REF.findall(_html(build_map(asset_mode="served")))
    assert any(r.endswith("leaflet.markercluster.js") for r in refs)
    inline = ASSET_REF.findall(_html(build_map(asset_mode="inline")))
    assert len(inline) == 3                                   # leaflet, jquery, leaflet.css only: no dead weight


def test_no_view_fits_the_governorates_extent_and_an_explicit_view_does_not():
    from mapview.layers.basemap import syria_bounds
    s, w, n, e = syria_bounds()
    assert 32.0 < s < 32.5 and 35.5 < w < 35.8 and 37.2 < n < 37.5 and 42.2 < e < 42.5   # Daraa to the Tigris
    html = _html(build_map())
    fit = re.search(r"fitBounds\(\s*(\[\[.*?\]\])", html, re.S)
    assert fit
    assert json.loads(fit.group(1)) == [[pytest.approx(s), pytest.approx(w)], [pytest.approx(n), pytest.approx(e)]]
    assert "fitBounds" not in _html(build_map(view=MapView(center=(35.0, 38.0), zoom=9)))


def test_export_of_no_located_event_fits_the_country(seed_frame):
    empty = seed_frame.iloc[:0]
    assert "fitBounds" in standalone_html(empty)
    assert "fitBounds" not in standalone_html(seed_frame)           # events: their own extent
