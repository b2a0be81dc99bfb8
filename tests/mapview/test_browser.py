"""Chromium tests: the exported page loads offline, draws every event, and runs no injected script."""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from mapview import build_map, event_layers
from mapview.snapshot import CHROMIUM_PATH, _offline, browser_png, chromium_available
from mapview.standalone import standalone_html
from tests.corpus_payloads import HOSTILE_STRINGS
from tests.mapview.conftest import TEXT_COLUMNS, hostile_frame

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not chromium_available(), reason=f"Chromium not installed at {CHROMIUM_PATH}")]

CANARY_PAYLOADS = [
    "<img src=x onerror=\"window.__xss=1\">",
    "${window.__xss=1}",
    "`+(window.__xss=1)+`",
    "</script><script>window.__xss=1</script>",
    "\"><svg onload=window.__xss=1>",
    "'-(window.__xss=1)-'",
]

FIND_MAP = """() => { for (const k of Object.keys(window)) { const v = window[k];
  if (v && window.L && v instanceof L.Map) return k; } return null; }"""


def _open(browser, html: str, tmp_path: Path):
    page_path = tmp_path / "page.html"
    page_path.write_text(html, encoding="utf-8")
    ctx = browser.new_context(viewport={"width": 1100, "height": 800})
    page = ctx.new_page()
    log = {"dialogs": [], "errors": [], "requests": []}
    page.on("dialog", lambda d: (log["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("request", lambda r: log["requests"].append(r.url)
            if not r.url.startswith(("file:", "data:", "about:")) else None)
    page.route("**/*", _offline)
    page.goto(page_path.as_uri(), wait_until="load")
    return ctx, page, log


def _event_ids(page) -> list[str]:
    name = page.evaluate(FIND_MAP)
    assert name, "no Leaflet map on the page"
    return page.evaluate("""(name) => { const ids = [];
      const walk = (l) => { if (l.feature && l.feature.properties && l.feature.properties.id && !l._isSel)
          ids.push(l.feature.properties.id);
        if (l.eachLayer) l.eachLayer(walk); if (l.getAllChildMarkers) l.getAllChildMarkers().forEach(walk); };
      window[name].eachLayer(walk); return ids; }""", name)


def _open_all_popups_and_tooltips(page) -> str:
    """Open every popup and tooltip in turn; return the concatenated text Leaflet put in the DOM."""
    name = page.evaluate(FIND_MAP)
    return page.evaluate("""(name) => { const map = window[name]; let text = '';
      const seen = new Set();
      const walk = (l) => { if (seen.has(l)) return; seen.add(l);
        if (l.getPopup && l.getPopup()) { l.openPopup(l.getLatLng ? l.getLatLng() : undefined);
          const c = document.querySelector('.leaflet-popup-content'); if (c) text += c.innerHTML + '\\n'; }
        if (l.getTooltip && l.getTooltip()) { l.openTooltip(l.getLatLng ? l.getLatLng() : undefined);
          document.querySelectorAll('.leaflet-tooltip').forEach(t => text += t.textContent + '\\n'); }
        if (l.eachLayer) l.eachLayer(walk); };
      map.eachLayer(walk); return text; }""", name)


def test_standalone_page_loads_offline_and_draws_every_event(browser, seed_frame, tmp_path):
    ctx, page, log = _open(browser, standalone_html(seed_frame, title="Seed"), tmp_path)
    try:
        assert sorted(set(_event_ids(page))) == sorted(seed_frame["id"])
        assert page.locator(".em-legend").count() == 1
        assert page.locator(".leaflet-control-scale").count() == 1
        assert page.locator(".em-label").count() > 10                 # basemap labels
        assert log["errors"] == [] and log["requests"] == []
    finally:
        ctx.close()


def test_clustered_page_keeps_every_event(browser, tmp_path):
    from mapview.synthetic import synthetic_frame
    frame = synthetic_frame(600)
    m = build_map(asset_mode="inline")
    fg = event_layers(frame, cluster=True)
    fg.add_to(m)
    ctx, page, log = _open(browser, m.get_root().render(), tmp_path)
    try:
        assert page.locator(".marker-cluster").count() > 0
        assert len(set(_event_ids(page))) == len(frame)
        assert log["errors"] == []
    finally:
        ctx.close()


def test_browser_png_is_a_non_blank_image_of_the_requested_size(browser, seed_frame):
    data = browser_png(seed_frame, width=640, height=480, scale=1.5, title="Seed", browser=browser)
    im = Image.open(io.BytesIO(data))
    assert im.size == (960, 720)
    arr = np.asarray(im.convert("RGB"), dtype="float64")
    assert arr.std() > 10 and len(np.unique(arr.reshape(-1, 3), axis=0)) > 100


@pytest.mark.parametrize("kind", ["map", "standalone"])
def test_no_script_executes_from_hostile_event_text(browser, seed_frame, tmp_path, kind):
    frame = hostile_frame(seed_frame)
    for i, payload in enumerate(CANARY_PAYLOADS):               # canaries in every text field too
        col = TEXT_COLUMNS[i % len(TEXT_COLUMNS)]
        frame.loc[frame.index[i % len(frame)], col] = payload
    frame["title_en"] = [CANARY_PAYLOADS[i % len(CANARY_PAYLOADS)] for i in range(len(frame))]
    if kind == "map":
        m = build_map(asset_mode="inline", lang="en")
        event_layers(frame, selected_id=str(frame["id"].iloc[0])).add_to(m)
        html = m.get_root().render()
    else:
        html = standalone_html(frame, title=HOSTILE_STRINGS[0], subtitle="${window.__xss=1}")
    ctx, page, log = _open(browser, html, tmp_path)
    try:
        shown = _open_all_popups_and_tooltips(page)
        page.wait_for_timeout(300)
        assert log["dialogs"] == [], log["dialogs"]
        assert page.evaluate("() => window.__xss") is None
        assert log["errors"] == [], log["errors"]
        assert log["requests"] == []                               # <img src=x> never became an element
        # the payloads are shown as text: escaped in the DOM's HTML, literal in its text
        assert "&lt;img src=x onerror=" in shown
        assert "${window.__xss=1}" in shown or "$" in shown
        assert page.locator(".leaflet-popup-content img, .leaflet-popup-content svg, "
                            ".leaflet-popup-content script, .leaflet-popup-content iframe").count() == 0
        if kind == "standalone":
            title = page.locator(".em-title").inner_text()
            assert "<script>alert(1)</script>" in title
    finally:
        ctx.close()


def test_event_group_swaps_in_like_streamlit_folium(browser, seed_frame, tmp_path):
    """The dashboard sends only the event group (st_folium feature_group_to_add); it must run in a live map."""
    sf = pytest.importorskip("streamlit_folium")
    m = build_map(asset_mode="inline")
    ctx, page, log = _open(browser, m.get_root().render(), tmp_path)
    try:
        name = page.evaluate(FIND_MAP)
        page.evaluate("(name) => { window.map_div = window[name]; }", name)
        script = sf._get_feature_group_string(event_layers(seed_frame.iloc[:3]), build_map())
        page.evaluate("(js) => (0, eval)(js)", script)
        assert sorted(set(_event_ids(page))) == sorted(seed_frame["id"].iloc[:3])
        # next window: remove the group, add another (what a slider move does)
        script = sf._get_feature_group_string(event_layers(seed_frame.iloc[3:]), build_map())
        page.evaluate("(js) => { window.feature_group.forEach(g => window.map_div.removeLayer(g));"
                      " window.feature_group = []; (0, eval)(js); }", script)
        assert sorted(set(_event_ids(page))) == sorted(seed_frame["id"].iloc[3:])
        assert log["errors"] == []
    finally:
        ctx.close()


@pytest.fixture
def static_server(tmp_path):
    """Serve static/ at /app/static/ (as Streamlit does) and tmp_path at / on a local port (8621-8639)."""
    import functools
    import http.server
    import threading

    from mapview.assets import VENDOR_DIR
    static_root = VENDOR_DIR.parent

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            path = path.split("?", 1)[0]
            if path.startswith("/app/static/"):
                return str(static_root / path[len("/app/static/"):])
            return str(tmp_path / path.lstrip("/"))

        def log_message(self, *args):
            pass

    server = None
    for port in range(8621, 8640):
        try:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler))
            break
        except OSError:
            continue
    if server is None:
        pytest.skip("no free port in 8621-8639")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", tmp_path
    finally:
        server.shutdown()
        server.server_close()


def test_served_mode_loads_assets_from_app_static(browser, seed_frame, static_server):
    base, root = static_server
    m = build_map(asset_mode="served")
    event_layers(seed_frame, cluster=True).add_to(m)
    (root / "map.html").write_text(m.get_root().render(), encoding="utf-8")
    ctx = browser.new_context()
    page = ctx.new_page()
    failed, errors = [], []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(f"{base}/map.html", wait_until="load")
        assert failed == [] and errors == []
        assert sorted(set(_event_ids(page))) == sorted(seed_frame["id"])
    finally:
        ctx.close()


def test_clustering_group_without_the_plugin_still_draws(browser, tmp_path):
    """A page that never loaded MarkerCluster must still show a clustering event group (plain layers)."""
    sf = pytest.importorskip("streamlit_folium")
    from mapview.synthetic import synthetic_frame
    frame = synthetic_frame(500)
    ctx, page, log = _open(browser, build_map(asset_mode="inline").get_root().render(), tmp_path)
    try:
        page.evaluate("(name) => { window.map_div = window[name]; }", page.evaluate(FIND_MAP))
        page.evaluate("(js) => (0, eval)(js)", sf._get_feature_group_string(event_layers(frame), build_map()))
        assert len(set(_event_ids(page))) == len(frame)
        assert log["errors"] == []
    finally:
        ctx.close()


def _view_of(page) -> dict:
    name = page.evaluate(FIND_MAP)
    return page.evaluate("""(name) => { const m = window[name], b = m.getBounds();
      return {s: b.getSouth(), w: b.getWest(), n: b.getNorth(), e: b.getEast(), zoom: m.getZoom(),
              lat: m.getCenter().lat, lon: m.getCenter().lng, h: m.getSize().y}; }""", name)


def test_initial_view_fits_the_whole_country_in_a_450_px_map(browser, seed_frame, tmp_path):
    from mapview.layers.basemap import syria_bounds
    m = build_map(view=None, asset_mode="inline", height=450)
    event_layers(seed_frame).add_to(m)
    ctx, page, log = _open(browser, m.get_root().render(), tmp_path)
    try:
        v = _view_of(page)
        s, w, n, e = syria_bounds()
        assert v["h"] == 450
        assert v["s"] <= s and v["w"] <= w and v["n"] >= n and v["e"] >= e, v    # Daraa/As-Sweida included
        assert v["s"] > s - 4 and v["e"] < e + 12, v                             # and not a world view
        assert log["errors"] == []
    finally:
        ctx.close()


def test_explicit_view_is_kept(browser, tmp_path):
    from mapview import MapView
    ctx, page, _ = _open(browser, build_map(view=MapView((35.33, 40.15), 10), asset_mode="inline",
                                            height=450).get_root().render(), tmp_path)
    try:
        v = _view_of(page)
        assert v["zoom"] == 10 and abs(v["lat"] - 35.33) < 1e-6 and abs(v["lon"] - 40.15) < 1e-6
    finally:
        ctx.close()
