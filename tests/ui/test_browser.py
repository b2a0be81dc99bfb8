"""Browser tests: the real app in headless Chromium (map drawn, slider redraws, panel, exports, Arabic).

Skipped with a reason when /usr/bin/chromium or the local Leaflet assets
(static/vendor/leaflet, `make assets`) are missing. The server runs on a
free port in 8641–8659 (or ``EVM_PORTS=lo-hi``) against a temporary seeded store (never var/).
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
from tests.ui.evm_helpers import MAP_IFRAME, latlng_xy, map_frame, page_xy, panel_id, set_view, wait_map

from mapview.snapshot import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402

pytestmark = pytest.mark.browser

CHROMIUM = CHROMIUM_PATH
ARGS = CHROMIUM_ARGS   # the flags this closed network needs (see mapview/snapshot.py)
ARTIFACTS = REPO / "tests" / "artifacts"
SLIDER = '[data-testid="stSlider"] input[type="range"]'

if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"{CHROMIUM} not installed (Debian package chromium; scripts/system_deps.sh)", allow_module_level=True)
if not (REPO / "static" / "vendor" / "leaflet" / "leaflet.js").is_file():
    pytest.skip("static/vendor/leaflet missing: run `make assets` (scripts/fetch_assets.sh)", allow_module_level=True)


def _free_port() -> int:
    lo, _, hi = os.environ.get("EVM_PORTS", "8641-8659").partition("-")     # as bench/dashboard_bench.py
    for port in range(int(lo), int(hi or lo) + 1):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip(f"no free port in {lo}-{hi}")


def _start_server(store_path):
    port = _free_port()
    env = dict(os.environ, EVENTS_STORE=str(store_path))
    # as make run and the benches start it: ui/serve.py (streamlit run app.py, libraries warmed at start)
    proc = subprocess.Popen([str(REPO / ".venv" / "bin" / "python"), "-m", "ui.serve", "--server.port", str(port),
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
    return proc, url


def _stop_server(proc) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def server(seeded_store_path):
    proc, url = _start_server(seeded_store_path)
    yield url
    _stop_server(proc)


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
    return map_frame(pg)


def _wait_map(pg, *, until=lambda s: s["inWindow"] > 0, timeout: float = 40) -> dict:
    """What the map component drew (window.evm.stats: inWindow, inView, points, groups, stacks, govOutlines)."""
    return wait_map(pg, until=until, timeout=timeout)


def _span_text(pg, expected: str = "") -> str:
    """The window caption; with ``expected``, once it says so (the caption follows the page's rerun,
    which can land after the map has redrawn in the browser)."""
    caption = pg.locator(".evm-span-words")
    if expected:
        deadline = time.monotonic() + 20
        while expected not in caption.inner_text(timeout=20_000) and time.monotonic() < deadline:
            pg.wait_for_timeout(100)
    return caption.inner_text(timeout=20_000)


def _shot(pg, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    pg.screenshot(path=str(path), full_page=True)
    return path


def test_map_drawn_and_slider_redraws_markers(page):
    counts = _wait_map(page, until=lambda c: c["inWindow"] == 7)
    assert map_frame(page).evaluate("() => window.evm.boundaries") > 50   # governorates + districts, offline
    assert counts["govOutlines"] == 2        # 4 governorate-level seed events: Deir ez-Zor and Ar-Raqqa, hatched
    iframe_box = page.locator(MAP_IFRAME).bounding_box()
    assert iframe_box and iframe_box["height"] > 300
    _shot(page, "dashboard_en_all.png")
    end_thumb = page.locator(SLIDER).nth(1)
    end_thumb.focus()
    end_thumb.press("Home")                               # end → first day: only May events remain
    counts = _wait_map(page, until=lambda c: c["inWindow"] < 7)
    assert counts["inWindow"] == 1 and counts["points"] == 1
    assert "1 May 2017, 1 event" in _span_text(page, "1 May 2017, 1 event")
    # the map iframe was kept (no reload): the data and basemap are still there
    assert map_frame(page).evaluate("() => window.evm.boundaries") > 50
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
    _wait_map(pg, until=lambda c: c["inWindow"] == 7)
    pg.wait_for_timeout(1500)                          # the map's own moves (fit, resize) have settled
    assert "z=" not in pg.url
    sent_after_load = len(reruns)
    pg.wait_for_timeout(1500)
    assert len(reruns) == sent_after_load              # nothing more asked of the server while nobody acts
    zoom_before = _map_frame(pg).evaluate("() => window.map.getZoom()")
    size = _map_frame(pg).evaluate("() => [window.map.getSize().x, window.map.getSize().y]")
    x, y = page_xy(pg, size[0] / 2, 30)                # an empty corner of the map (north of Syria)
    pg.mouse.move(x, y)
    pg.mouse.wheel(0, -400)                            # page scroll over the map does not zoom it...
    pg.wait_for_timeout(800)
    assert _map_frame(pg).evaluate("() => window.map.getZoom()") == zoom_before
    pg.mouse.click(x, y)                               # ...until the map is clicked
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
    _wait_map(page, until=lambda c: c["inWindow"] == 7)
    fr = map_frame(page)
    start = fr.evaluate("() => window.evm.stats.window")
    fr.get_by_role("button", name="▶ Play").click()      # from the whole range: plays a 30-day window from the start
    assert "Playing" in fr.locator(".evm-msg").inner_text()
    moved = _wait_map(page, until=lambda c: c["window"][0] > start[0] and c["window"][1] < start[1])
    fr.get_by_role("button", name="⏸ Pause").click()
    kept = fr.evaluate("() => window.evm.stats.window")
    assert kept[1] - kept[0] == 29 and kept[0] >= moved["window"][0]
    # the paused window reaches the server: slider caption and table follow
    _wait_span(page, lambda s: "2017" in s and not s.startswith("1 May 2017 – "), "the paused window")


#: in the dashboard's own page (not the map's frame): when the table first appears, on the Date.now() clock
_TABLE_SEEN_JS = """(() => { if (window !== window.top) return;
  new MutationObserver((_, obs) => { if (document.querySelector('[data-testid="stDataFrame"]')) {
    window.__tableAt = Date.now(); obs.disconnect(); } })
  .observe(document, {subtree: true, childList: true}); })();"""


def test_the_page_below_the_map_follows_the_maps_first_frame(browser, server):
    """A session's first run ends at the map (issue 12: the table's work slowed the map's own requests):
    the map reports "drawn" once, and only the rerun that report starts sends the table."""
    context = browser.new_context(viewport={"width": 1500, "height": 1300})
    try:
        pg = context.new_page()
        pg.add_init_script(_TABLE_SEEN_JS)
        pg.goto(server + "/")
        _wait_map(pg, until=lambda c: c["inWindow"] == 7)
        pg.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=20_000)
        drawn = map_frame(pg).evaluate("() => window.evm.reports.filter(r => r[1] === 'drawn').map(r => r[0])")
        assert len(drawn) == 1
        assert pg.evaluate("() => window.__tableAt") >= drawn[0]
        pg.wait_for_timeout(2500)        # the fallback's timer stopped with that rerun: nothing more is sent
        sent = []
        pg.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(1)))
        pg.wait_for_timeout(2500)
        assert not sent
    finally:
        context.close()


def test_the_page_below_the_map_comes_without_the_map_too(browser, server):
    """A map frame that never loads (here its page is refused) does not keep the table and exports away:
    they come after BELOW_FALLBACK_S."""
    from ui.dashboard import BELOW_FALLBACK_S
    context = browser.new_context(viewport={"width": 1500, "height": 1300})
    try:
        pg = context.new_page()
        pg.route("**/component/**", lambda route: route.abort())
        t = time.monotonic()
        pg.goto(server + "/")
        pg.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=(BELOW_FALLBACK_S + 20) * 1000)
        assert time.monotonic() - t >= BELOW_FALLBACK_S - 1
    finally:
        context.close()


def test_table_row_opens_side_panel(page):
    _wait_map(page, until=lambda c: c["inWindow"] == 7)
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + 35 + 17)   # the row-selection cell of the first row
    panel = page.locator(".evm-detail")
    panel.wait_for(timeout=20_000)
    assert panel.get_attribute("data-event-id").startswith("seed-")
    assert page.locator(".evm-chain").first.is_visible()
    _shot(page, "dashboard_en_panel.png")


def test_marker_click_selects_event_without_moving_the_map(page):
    _wait_map(page, until=lambda c: c["inWindow"] == 7)
    page.locator(MAP_IFRAME).scroll_into_view_if_needed()
    fr = map_frame(page)
    set_view(page, 35.569519, 39.913879, 11)              # Kasra (a point) at zoom 11
    centre = fr.evaluate("() => [window.map.getCenter().lat, window.map.getCenter().lng, window.map.getZoom()]")
    page.mouse.click(*latlng_xy(page, 35.569519, 39.913879))
    panel = page.locator(".evm-detail")
    panel.wait_for(timeout=20_000)
    assert panel.get_attribute("data-event-id") == "seed-2017-05-kasra-evacuation"
    page.wait_for_timeout(500)
    assert fr.evaluate("() => [window.map.getCenter().lat, window.map.getCenter().lng, window.map.getZoom()]") == centre
    assert fr.locator(".evm-popup").count() == 1          # the popup stays open after the rerun


CARD_JS = ("() => { const c = document.querySelector('.evm-card'); return c && c.style.display !== 'none' ? "
           "{index: +c.dataset.index, full: c.dataset.full, title: c.querySelector('h5').textContent, "
           "text: c.innerText} : null; }")


def test_marker_click_shows_the_event_card_in_the_map_at_once(page):
    _wait_map(page, until=lambda c: c["inWindow"] == 7)
    page.locator(MAP_IFRAME).scroll_into_view_if_needed()
    fr = map_frame(page)
    set_view(page, 35.569519, 39.913879, 11)              # Kasra (a point) at zoom 11
    page.mouse.click(*latlng_xy(page, 35.569519, 39.913879))
    # drawn by the click handler itself: no server round trip before it is there
    card = fr.evaluate(CARD_JS)
    assert card is not None and card["index"] == fr.evaluate("() => window.evm.lastReport.index")
    # its text (title, sources) comes from the card shard written behind the first map
    deadline = time.time() + 40
    while time.time() < deadline and card["full"] != "1":
        page.wait_for_timeout(500)
        fr.evaluate("() => window.evm.select(window.evm.lastReport.index)")
        card = fr.evaluate(CARD_JS)
    assert card["full"] == "1", "the card shard never arrived"
    page.locator(".evm-detail").wait_for(timeout=20_000)
    assert card["title"] == page.locator(".evm-detail h4").inner_text()
    assert fr.locator(".evm-card .evm-card-src li").count() >= 1
    fr.locator(".evm-card-close").click()
    assert fr.evaluate(CARD_JS) is None


def test_governorate_level_claim_is_listed_from_its_unit(page):
    _wait_map(page, until=lambda c: c["inWindow"] == 7)
    page.locator(MAP_IFRAME).scroll_into_view_if_needed()
    fr = map_frame(page)
    set_view(page, 36.02304, 38.92059, 8)
    # the Raqqa claim (June–July 2017) is placed only by governorate: the hatched unit lists it
    page.mouse.click(*latlng_xy(page, 35.7, 38.6))
    button = fr.locator(".evm-pop li button").first
    button.wait_for(timeout=10_000)
    button.click()
    page.wait_for_function("() => { const d = document.querySelector('.evm-detail'); "
                           "return d && d.dataset.eventId === 'seed-2017-06-raqqa-evacuations'; }", timeout=20_000)


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
    # the map is rebuilt in Arabic: right-to-left, with its own labels
    _wait_map(page, until=lambda c: c["inWindow"] == 7)
    fr = map_frame(page)
    fr.wait_for_function("() => document.getElementById('evm-root').dir === 'rtl'", timeout=20_000)
    assert fr.evaluate("() => window.evm.labels") > 0
    assert "تشغيل" in fr.locator(".evm-play").inner_text()
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
