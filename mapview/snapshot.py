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


#: The title block a PNG of the dashboard's map carries (its page has no title of its own): filled with
#: textContent, so the title and the window's words (user/data text) are never parsed as HTML.
_TITLE_JS = """(t) => {
  const box = document.createElement('div');
  box.className = 'evm-png-title'; box.dir = t.rtl ? 'rtl' : 'ltr';
  box.style.cssText = 'position:fixed;top:10px;left:50%;transform:translateX(-50%);z-index:2000;' +
    'background:rgba(255,255,255,.92);border:1px solid #bbb;border-radius:4px;padding:6px 14px;' +
    'text-align:center;max-width:80%;font-family:"Noto Naskh Arabic","Noto Sans","DejaVu Sans",Arial,sans-serif;' +
    'box-shadow:0 1px 4px rgba(0,0,0,.2)';
  const h = document.createElement('div'); h.textContent = t.title;
  h.style.cssText = 'font-weight:bold;font-size:18px;color:#222';
  const s = document.createElement('div'); s.textContent = t.subtitle;
  s.style.cssText = 'font-size:13px;color:#444;margin-top:2px';
  if (t.title) box.appendChild(h);
  if (t.subtitle) box.appendChild(s);
  document.body.appendChild(box);
}"""


def screenshot_html(html: str, *, width: int = 1200, height: int = 800, scale: float = 1.0,
                    browser=None, title: str = "", subtitle: str = "", rtl: bool = False) -> bytes:
    """PNG bytes of ``html`` rendered at width×height CSS px and ``scale`` device pixels per px.

    ``title``/``subtitle`` (e.g. the app's title and the window in words) are drawn at the top centre,
    right-to-left when ``rtl``: a picture that leaves the dashboard must still say what it shows."""
    if not (100 <= width <= 8000 and 100 <= height <= 8000):
        raise ExportError("width/height must be 100..8000 px", field="size", value=(width, height))
    if not 0.5 <= scale <= 4:
        raise ExportError("scale must be 0.5..4", field="scale", value=scale)
    with tempfile.TemporaryDirectory(prefix="em-snap-") as tmp:
        page_path = Path(tmp) / "map.html"
        page_path.write_text(html, encoding="utf-8")
        if browser is None:
            with chromium() as b:
                return _shoot(b, page_path, width, height, scale, (title, subtitle, rtl))
        return _shoot(browser, page_path, width, height, scale, (title, subtitle, rtl))


def _shoot(browser, page_path: Path, width: int, height: int, scale: float,
           heading: tuple[str, str, bool] = ("", "", False)) -> bytes:
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
    try:
        page = context.new_page()
        page.route("**/*", _offline)
        page.goto(page_path.as_uri(), wait_until="load")
        # a picture of the map, not of its buttons: zoom, layer and panel controls are left out
        page.add_style_tag(content=".leaflet-control-zoom, .leaflet-control-layers, .leaflet-bar, "
                                   ".evm-panel:not(.evm-legend) { display: none !important; }")
        title, subtitle, rtl = heading
        if title or subtitle:
            page.evaluate(_TITLE_JS, {"title": str(title)[:200], "subtitle": str(subtitle)[:300], "rtl": bool(rtl)})
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
