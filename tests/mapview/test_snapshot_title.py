"""A browser PNG of the map carries its title and window (issue 12: "the PNG export must keep the title"),
as text (never parsed as HTML), and no zoom/layer controls."""
from __future__ import annotations

import io
import os

import pytest

from mapview.snapshot import _TITLE_JS, CHROMIUM_ARGS, CHROMIUM_PATH, screenshot_html

pytestmark = pytest.mark.browser
if not os.access(CHROMIUM_PATH, os.X_OK):
    pytest.skip(f"{CHROMIUM_PATH} not installed (Debian package chromium)", allow_module_level=True)

PAGE = ('<!doctype html><html><body style="margin:0;background:#fff">'
        '<div class="leaflet-control-zoom" style="position:fixed;left:0;top:300px;width:60px;height:60px;'
        'background:#000"></div></body></html>')


def _dark(png: bytes, box: tuple[int, int, int, int]) -> int:
    from PIL import Image
    img = Image.open(io.BytesIO(png)).convert("L").crop(box)
    return sum(1 for v in img.getdata() if v < 100)


def test_title_and_window_are_drawn_at_the_top_and_controls_are_not():
    plain = screenshot_html(PAGE, width=600, height=400)
    titled = screenshot_html(PAGE, width=600, height=400, title="Syria events map",
                             subtitle="1–31 Mar 2017, 412 events")
    top = (150, 0, 450, 70)
    assert _dark(plain, top) == 0 and _dark(titled, top) > 80
    assert _dark(titled, (0, 300, 60, 360)) == 0          # the zoom control is hidden


def test_title_text_is_never_markup():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        try:
            pg = b.new_page()
            pg.set_content("<html><body></body></html>")
            pg.evaluate(_TITLE_JS, {"title": '<img src=x onerror="window.hit=1">', "subtitle": "خريطة", "rtl": True})
            box = pg.locator(".evm-png-title")
            assert box.get_attribute("dir") == "rtl"
            assert box.inner_text().startswith('<img src=x onerror="window.hit=1">')
            assert pg.locator(".evm-png-title img").count() == 0 and pg.evaluate("() => window.hit") is None
        finally:
            b.close()


def test_clusters_of_a_standalone_export_use_the_legends_count_colour(tmp_path):
    """MarkerCluster's green/yellow/orange are not in the legend; the export draws them in the legend's
    "count per area" blue and lists that entry (issue 12: "cluster colours ignore the legend")."""
    from playwright.sync_api import sync_playwright

    from mapview.standalone import standalone_html
    from mapview.style import AGG_BLUE
    from mapview.synthetic import synthetic_frame
    html = standalone_html(synthetic_frame(600), title="t", cluster=True)
    page_path = tmp_path / "p.html"
    page_path.write_text(html, encoding="utf-8")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        try:
            pg = b.new_page(viewport={"width": 1000, "height": 700})
            pg.goto(page_path.as_uri())
            pg.wait_for_selector(".marker-cluster div", timeout=15_000)
            colours = pg.evaluate("() => [...document.querySelectorAll('.marker-cluster div')]"
                                  ".map(d => getComputedStyle(d).backgroundColor)")
            r, g, bl = (int(AGG_BLUE[i:i + 2], 16) for i in (1, 3, 5))
            assert colours and set(colours) == {f"rgb({r}, {g}, {bl})"}
            legend = pg.locator(".em-legend").inner_text()
            assert "count per area" in legend
        finally:
            b.close()
