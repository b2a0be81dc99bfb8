"""Browser PNG snapshots: headless Chromium screenshots the standalone (inline-asset) map page.

Why the real browser: the PNG then looks exactly like the dashboard map.
Chromium is the Debian package at /usr/bin/chromium (``playwright install``
downloads a browser and fails offline); machines without it use the static
renderer (mapview.static). The page is loaded from a temp file with every
request that is not file:/data: aborted, so a snapshot cannot leak to or
depend on the network.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pandas as pd

from errors import ExportError

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_available() -> bool:
    return os.access(CHROMIUM_PATH, os.X_OK)


@contextmanager
def chromium() -> Iterator[object]:
    """A launched headless Chromium (Playwright Browser); closed on exit."""
    if not chromium_available():
        raise ExportError("Chromium not found; use the static renderer", field="renderer", value=CHROMIUM_PATH)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _offline(route) -> None:
    if route.request.url.startswith(("file:", "data:", "about:")):
        route.continue_()
    else:
        route.abort()


def screenshot_html(html: str, *, width: int = 1200, height: int = 800, scale: float = 1.0,
                    browser=None) -> bytes:
    """PNG bytes of ``html`` rendered at width×height CSS px and ``scale`` device pixels per px."""
    if not (100 <= width <= 8000 and 100 <= height <= 8000):
        raise ExportError("width/height must be 100..8000 px", field="size", value=(width, height))
    if not 0.5 <= scale <= 4:
        raise ExportError("scale must be 0.5..4", field="scale", value=scale)
    with tempfile.TemporaryDirectory(prefix="em-snap-") as tmp:
        page_path = Path(tmp) / "map.html"
        page_path.write_text(html, encoding="utf-8")
        if browser is None:
            with chromium() as b:
                return _shoot(b, page_path, width, height, scale)
        return _shoot(browser, page_path, width, height, scale)


def _shoot(browser, page_path: Path, width: int, height: int, scale: float) -> bytes:
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
    try:
        page = context.new_page()
        page.route("**/*", _offline)
        page.goto(page_path.as_uri(), wait_until="load")
        # a picture of the map, not of its buttons: zoom, layer and panel controls are left out
        page.add_style_tag(content=".leaflet-control-zoom, .leaflet-control-layers, .leaflet-bar, "
                                   ".evm-panel:not(.evm-legend) { display: none !important; }")
        # two animation frames: Leaflet's canvas renderer paints on requestAnimationFrame
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        page.wait_for_timeout(150)
        return page.screenshot(type="png")
    finally:
        context.close()


def browser_png(frame: pd.DataFrame, *, width: int = 1200, height: int = 800, scale: float = 1.0,
                browser=None, **map_options) -> bytes:
    """Snapshot of the standalone map of ``frame`` (options as mapview.standalone.export_map)."""
    from mapview.standalone import standalone_html
    html = standalone_html(frame, width=width, height=height, **map_options)
    return screenshot_html(html, width=width, height=height, scale=scale, browser=browser)
