"""Browser tests: the real app in headless Chromium (map drawn, slider redraws, panel, exports, Arabic).

Skipped with a reason when /usr/bin/chromium or the local Leaflet assets
(static/vendor/leaflet, `make assets`) are missing. The server runs on a
free port in 8641–8659 against a temporary seeded store (never var/).
"""
from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.ui.conftest import REPO

from mapview.snapshot import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402

pytestmark = pytest.mark.browser

CHROMIUM = CHROMIUM_PATH
ARGS = CHROMIUM_ARGS   # the flags this closed network needs (see mapview/snapshot.py)
ARTIFACTS = REPO / "tests" / "artifacts"
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
SLIDER = '[data-testid="stSlider"] input[type="range"]'

#: Counts what the Leaflet map in the streamlit-folium iframe draws (the map is `window.map` there).
COUNT_JS = """() => {
  const m = window.map; if (!m || !m.eachLayer) return null;
  let points = 0, polygons = 0;
  m.eachLayer(l => {
    if (l instanceof L.Circle) return;
    if (l instanceof L.CircleMarker) { if (l.options.radius < 12) points++; }
    else if (l instanceof L.Marker) {
      const c = l.options.icon && l.options.icon.options.className;
      if (c === 'em-denied' || c === 'em-agg') points++;
    } else if (l instanceof L.Polygon) polygons++;
  });
  return {points, polygons};
}"""

if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"{CHROMIUM} not installed (Debian package chromium; scripts/system_deps.sh)", allow_module_level=True)
if not (REPO / "static" / "vendor" / "leaflet" / "leaflet.js").is_file():
    pytest.skip("static/vendor/leaflet missing: run `make assets` (scripts/fetch_assets.sh)", allow_module_level=True)


def _free_port() -> int:
    for port in range(8641, 8660):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip("no free port in 8641-8659")


@pytest.fixture(scope="module")
def server(seeded_store_path):
    port = _free_port()
    env = dict(os.environ, EVENTS_STORE=str(seeded_store_path))
    proc = subprocess.Popen([str(REPO / ".venv" / "bin" / "streamlit"), "run", "app.py", "--server.port", str(port),
                             "--server.headless", "true"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("streamlit did not become healthy: " + proc.stderr.read().decode(errors="replace")[-2000:])
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1500, "height": 1300}, accept_downloads=True)
    pg = context.new_page()
    pg.goto(server + "/")
    _wait_map(pg)
    yield pg
    context.close()


def _map_frame(pg):
    pg.wait_for_selector(MAP_IFRAME, state="attached", timeout=30_000)
    for _ in range(100):
        frames = [f for f in pg.frames if "streamlit_folium" in f.url]
        if frames:
            return frames[0]
        pg.wait_for_timeout(100)
    raise AssertionError("streamlit-folium iframe not found")


def _counts(pg):
    try:
        return _map_frame(pg).evaluate(COUNT_JS)
    except Exception:  # the frame is (re)loading
        return None


def _wait_map(pg, *, until=lambda c: c and c["polygons"] > 0, timeout: float = 30) -> dict:
    deadline = time.time() + timeout
    counts = None
    while time.time() < deadline:
        counts = _counts(pg)
        if until(counts):
            return counts
        pg.wait_for_timeout(100)
    raise AssertionError(f"map not in expected state, last counts {counts}")


def _span_text(pg) -> str:
    return pg.locator(".evm-span-words").inner_text(timeout=20_000)


def _shot(pg, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    pg.screenshot(path=str(path), full_page=True)
    return path


def test_map_drawn_and_slider_redraws_markers(page):
    counts = _wait_map(page, until=lambda c: c and c["points"] == 7)
    assert counts["polygons"] > 50                       # governorate + district boundaries (offline basemap)
    iframe_box = page.locator(MAP_IFRAME).bounding_box()
    assert iframe_box and iframe_box["height"] > 300
    _shot(page, "dashboard_en_all.png")
    end_thumb = page.locator(SLIDER).nth(1)
    end_thumb.focus()
    end_thumb.press("Home")                               # end → first day: only May events remain
    counts = _wait_map(page, until=lambda c: c and c["points"] < 7)
    assert counts["points"] == 1
    assert "1 May 2017, 1 event" in _span_text(page)
    # the map iframe was kept (no page reload): the basemap is still there
    assert counts["polygons"] > 50
    _shot(page, "dashboard_en_slider.png")


def _wait_url(pg, predicate, what: str, timeout: float = 20) -> str:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate(pg.url):
            return pg.url
        pg.wait_for_timeout(200)
    raise AssertionError(f"timed out waiting for {what}; URL is {pg.url!r}")


def test_only_the_users_own_pan_or_zoom_lands_in_the_permalink(browser, server):
    """The view the map opens with is not reported back (no extra rerun); a wheel zoom is, into the URL."""
    context = browser.new_context(viewport={"width": 1500, "height": 1300})
    pg = context.new_page()
    reruns = []
    pg.on("websocket", lambda ws: ws.on("framesent", lambda payload: reruns.append(1)))
    pg.goto(server + "/")
    _wait_map(pg, until=lambda c: c and c["points"] == 7)
    pg.wait_for_timeout(1500)                          # the map's own moves (fit, resize) have settled
    assert "z=" not in pg.url
    sent_after_load = len(reruns)
    pg.wait_for_timeout(1500)
    assert len(reruns) == sent_after_load              # nothing more asked of the server while nobody acts
    zoom_before = _map_frame(pg).evaluate("() => window.map.getZoom()")
    box = pg.locator(MAP_IFRAME).bounding_box()
    pg.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    pg.mouse.wheel(0, -400)
    url = _wait_url(pg, lambda u: "z=" in u, "the zoomed view in the URL")
    zoom_after = _map_frame(pg).evaluate("() => window.map.getZoom()")
    assert zoom_after > zoom_before and f"z={zoom_after}" in url
    # the permalink reopens at that view
    pg2 = context.new_page()
    pg2.goto(url)
    _wait_map(pg2)
    assert _map_frame(pg2).evaluate("() => window.map.getZoom()") == zoom_after
    context.close()


def _wait_span(pg, predicate, what: str, timeout: float = 30) -> str:
    deadline = time.time() + timeout
    text = ""
    while time.time() < deadline:
        loc = pg.locator(".evm-span-words")
        text = loc.inner_text() if loc.count() else ""
        if predicate(text):
            return text
        pg.wait_for_timeout(200)
    raise AssertionError(f"timed out waiting for {what}; time window text is {text!r}")


def test_playback_advances_window(page):
    end_thumb = page.locator(SLIDER).nth(1)
    end_thumb.focus()
    end_thumb.press("Home")
    _wait_span(page, lambda s: s.startswith("1 May 2017"), "the 1 May window")
    # one day at a time, each press confirmed by the server (fast presses can overtake a rerun)
    for day in range(2, 8):
        end_thumb.press("ArrowRight")
        _wait_span(page, lambda s, day=day: s.startswith(f"1–{day} May"), f"the 1–{day} May window")
    page.get_by_role("button", name="▶ Play").click()
    moved = _wait_span(page, lambda s: s[:1].isdigit() and not s.startswith("1–"), "playback to move the window")
    page.get_by_role("button", name="⏸ Pause").click()
    assert "May" in moved                                  # e.g. "2–8 May 2017, 1 event"


def test_table_row_opens_side_panel(page):
    _wait_map(page, until=lambda c: c and c["points"] == 7)
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + 35 + 17)   # the row-selection cell of the first row
    panel = page.locator(".evm-detail")
    panel.wait_for(timeout=20_000)
    assert panel.get_attribute("data-event-id").startswith("seed-")
    assert page.locator(".evm-chain").first.is_visible()
    _shot(page, "dashboard_en_panel.png")


def test_marker_click_selects_event(page):
    _wait_map(page, until=lambda c: c and c["points"] == 7)
    page.locator(MAP_IFRAME).scroll_into_view_if_needed()
    frame = _map_frame(page)
    # the Raqqa claim (June–July 2017): the only marker in Ar-Raqqa governorate
    x, y = frame.evaluate("() => { const p = window.map.latLngToContainerPoint([36.02304, 38.92059]); "
                          "const r = window.map.getContainer().getBoundingClientRect(); "
                          "return [p.x + r.left, p.y + r.top]; }")
    box = page.locator(MAP_IFRAME).bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    panel = page.locator(".evm-detail")
    panel.wait_for(timeout=20_000)
    assert panel.get_attribute("data-event-id") == "seed-2017-06-raqqa-evacuations"


def test_claim_panel_links_to_its_denial(browser, server):
    context = browser.new_context(viewport={"width": 1500, "height": 1300})
    pg = context.new_page()
    try:
        pg.goto(server + "/?sel=seed-2017-08-28-buleel-evacuation")
        pg.locator(".evm-detail").wait_for(timeout=30_000)
        pg.get_by_text("Denied by").wait_for(timeout=10_000)
        pg.get_by_role("button", name="US-led coalition denies", exact=False).first.click()
        pg.wait_for_function("() => { const d = document.querySelector('.evm-detail'); "
                             "return d && d.dataset.eventId === 'seed-2017-09-07-coalition-denial'; }",
                             timeout=20_000)
        assert pg.get_by_text("Denies").count() >= 1
    finally:
        context.close()


def test_png_and_geojson_exports(page):
    from PIL import Image
    with page.expect_download(timeout=30_000) as dl:
        page.get_by_role("button", name="Download GeoJSON").click()
    doc = json.loads(Path(dl.value.path()).read_text("utf-8"))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 7
    page.get_by_text("Export this view").click()
    page.get_by_role("button", name="Prepare PNG").click()
    button = page.get_by_role("button", name="Download PNG")
    button.wait_for(timeout=60_000)
    with page.expect_download(timeout=30_000) as dl:
        button.click()
    img = Image.open(io.BytesIO(Path(dl.value.path()).read_bytes())).convert("RGB")
    assert img.size == (1200, 800)
    colours = img.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50      # a drawn map, not a blank page
    img.save(ARTIFACTS / "export_snapshot.png")


def test_arabic_ui_is_rtl(page):
    page.get_by_text("العربية").click()
    page.get_by_role("heading", name="خريطة أحداث سوريا").wait_for(timeout=20_000)
    direction = page.evaluate("() => getComputedStyle(document.querySelector('[data-testid=\"stMain\"]')).direction")
    assert direction == "rtl"
    # the base map is rebuilt in Arabic: wait for its labels
    labels_js = "() => Array.from(document.querySelectorAll('.em-label')).map(e => e.textContent)"
    deadline = time.time() + 30
    labels: list = []
    while time.time() < deadline and "دير الزور" not in labels:
        page.wait_for_timeout(200)
        try:
            labels = _map_frame(page).evaluate(labels_js)
        except Exception:    # the iframe is reloading
            labels = []
    assert "دير الزور" in labels
    _wait_map(page, until=lambda c: c and c["points"] == 7)
    time.sleep(1)
    _shot(page, "dashboard_ar.png")


ACLED_CSV = (
    "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,country,admin1,location,"
    "latitude,longitude,geo_precision,source,notes,fatalities\n"
    "SYR90001,12 August 2017,1,Explosions/Remote violence,Air/drone strike,Test Air Force,Syria,Deir-ez-Zor,"
    "Kasra,35.5695,39.9139,1,Test Wire,Test strike note,3\n"
    "SYR90002,13 August 2017,1,Battles,Armed clash,Test Group,Syria,Deir-ez-Zor,Tarif,35.5455,39.8565,2,"
    "Test Wire,Test clash note,0\n"
    "SYR90003,14 August 2017,1,Battles,Armed clash,Test Group,Iraq,Anbar,Qaim,34.37,41.09,1,Test Wire,x,0\n"
)


def test_import_acled_shows_progress_rejects_and_saves(browser, server, tmp_path):
    context = browser.new_context(viewport={"width": 1400, "height": 1200}, accept_downloads=True)
    pg = context.new_page()
    try:
        pg.goto(server + "/")
        pg.get_by_text("Import", exact=True).click()
        pg.get_by_role("heading", name="Import events").wait_for(timeout=20_000)
        upload = tmp_path / "acled_test.csv"
        upload.write_text(ACLED_CSV, encoding="utf-8")
        pg.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(upload))
        pg.get_by_role("button", name="Read file").click()
        pg.get_by_text("2 events read, 1 rows rejected").wait_for(timeout=30_000)
        pg.locator('[data-testid="stProgress"]').first.wait_for(timeout=10_000)   # the read's progress bar
        with pg.expect_download(timeout=30_000) as dl:
            pg.get_by_role("button", name="Download rejected rows (CSV)").click()
        rejects = Path(dl.value.path()).read_text("utf-8-sig")
        assert "country" in rejects and "Iraq" in rejects
        _shot(pg, "import_report.png")
    finally:
        context.close()
