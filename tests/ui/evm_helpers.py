"""Playwright helpers for the dashboard's map component (mapview/evmap): find its iframe, read what it
drew (``window.evm.stats``), click a drawn item by its canvas position."""
from __future__ import annotations

import time
from contextlib import contextmanager

MAP_IFRAME = 'iframe[src*="evmap"]'


def map_frame(pg, timeout: float = 30):
    pg.wait_for_selector(MAP_IFRAME, state="attached", timeout=timeout * 1000)
    deadline = time.time() + timeout
    while time.time() < deadline:
        frames = [f for f in pg.frames if "/component/" in f.url and "evmap" in f.url]
        if frames:
            return frames[0]
        pg.wait_for_timeout(100)
    raise AssertionError("map component iframe not found")


def stats(pg):
    try:
        return map_frame(pg).evaluate("() => window.evm && window.evm.ready ? window.evm.stats : null")
    except Exception:       # the frame is (re)loading
        return None


def wait_map(pg, until=lambda s: s is not None, timeout: float = 40) -> dict:
    deadline = time.time() + timeout
    s = None
    while time.time() < deadline:
        s = stats(pg)
        if s is not None and until(s):
            return s
        pg.wait_for_timeout(100)
    raise AssertionError(f"map not in expected state, last stats {s}")


@contextmanager
def map_page(browser, url: str, viewport: tuple[int, int], *, until=lambda s: s["inWindow"] > 0):
    """A page of its own at ``viewport`` (width, height) on the dashboard at ``url``, once the map has drawn
    what ``until`` asks of its stats; closed afterwards."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    try:
        pg = context.new_page()
        pg.goto(url + "/")
        wait_map(pg, until=until)
        yield pg
    finally:
        context.close()


def set_view(pg, lat: float, lon: float, zoom: int) -> dict:
    fr = map_frame(pg)
    seq = fr.evaluate("() => window.evm.drawSeq")
    fr.evaluate(f"() => window.map.setView([{lat}, {lon}], {zoom}, {{animate: false}})")
    fr.wait_for_function(f"() => window.evm.drawSeq > {seq} && window.map.getZoom() === {zoom}", timeout=10_000)
    return fr.evaluate("() => window.evm.stats")


def page_xy(pg, x: float, y: float) -> tuple[float, float]:
    """Page coordinates of a point given in the map container's pixels."""
    fr = map_frame(pg)
    box = pg.locator(MAP_IFRAME).bounding_box()
    left, top = fr.evaluate("() => { const r = window.map.getContainer().getBoundingClientRect(); return [r.left, r.top]; }")
    return box["x"] + left + x, box["y"] + top + y


def latlng_xy(pg, lat: float, lon: float) -> tuple[float, float]:
    fr = map_frame(pg)
    x, y = fr.evaluate(f"() => {{ const p = window.map.latLngToContainerPoint([{lat}, {lon}]); return [p.x, p.y]; }}")
    return page_xy(pg, x, y)


def panel_id(pg) -> str | None:
    loc = pg.locator(".evm-detail")
    return loc.get_attribute("data-event-id") if loc.count() else None


def wait_panel_change(pg, before: str | None, timeout: float = 20) -> str:
    pg.wait_for_function("(b) => { const d = document.querySelector('.evm-detail'); "
                         "return d && d.dataset.eventId && d.dataset.eventId !== b; }", arg=before,
                         timeout=timeout * 1000)
    return panel_id(pg)
