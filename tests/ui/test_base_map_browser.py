"""In Chromium against the real app (seeded store): the base map's rivers are drawn under the events and
toggle from the layer panel; "Clear filters" works with one click right after a filter change (issue 12)."""
from __future__ import annotations

import pytest

from tests.ui.evm_helpers import MAP_IFRAME, map_frame, map_page

pytestmark = pytest.mark.browser
# the module-scoped server and browser fixtures are the dashboard browser tests' own (one per module)
from tests.ui.test_browser import browser, server  # noqa: E402,F401


@pytest.fixture()
def page(browser, server):
    with map_page(browser, server, (1366, 900)) as pg:
        yield pg


def test_rivers_are_drawn_and_the_layer_panel_hides_them(page):
    fr = map_frame(page)
    assert fr.evaluate("() => window.evm.rivers") > 30
    assert fr.evaluate("() => map.hasLayer(linesLayer)")
    fr.locator(".evm-panel details summary").first.click()
    box = fr.locator("#evm-rivers")
    assert box.is_checked()
    box.uncheck()
    assert not fr.evaluate("() => map.hasLayer(linesLayer)")
    box.check()
    assert fr.evaluate("() => map.hasLayer(linesLayer)")
    # drawn beneath the events: the rivers' canvas is in Leaflet's overlay pane, the events' in their own pane
    assert fr.evaluate("() => linesLayer.getLayers()[0]._renderer._container.parentNode === map.getPane('overlayPane')")


def test_clear_filters_takes_one_click_right_after_a_change(page):
    side = page.locator('[data-testid="stSidebar"]')
    side.locator('[data-testid="stMultiSelect"]').first.click()
    page.locator('[role="option"]').nth(1).click()          # one event type (option 0 is "select all")
    page.wait_for_function("() => document.querySelector('[data-testid=evm-span]').innerText.includes('of 7')"
                           " && !document.querySelector('[data-testid=evm-span]').innerText.startsWith('1 May – 5 Sep 2017, 7 ')",
                           timeout=20_000)
    assert side.locator("[data-tag]").count() == 1
    side.locator("button", has_text="Clear filters").click()       # once, with the option list still open
    page.wait_for_function("() => document.querySelectorAll('[data-testid=stSidebar] [data-tag]').length === 0",
                           timeout=20_000)
    page.wait_for_function("() => document.querySelector('[data-testid=evm-span]').innerText.includes('7 events ·')",
                           timeout=20_000)


@pytest.mark.parametrize("viewport, grows", [((1366, 768), False), ((1600, 1000), True)])
def test_the_map_fills_a_tall_window_and_keeps_its_height_on_a_laptop(browser, server, viewport, grows):
    with map_page(browser, server, viewport) as pg:
        pg.wait_for_timeout(500)
        box = pg.locator(MAP_IFRAME).bounding_box()
        assert box["y"] + box["height"] <= viewport[1]          # above the fold at both sizes
        assert (box["height"] > 600) == grows, box               # 545 px asked; a tall window gives more
        fr = map_frame(pg)
        size = fr.evaluate("() => map.getSize()")
        assert size["y"] > (box["height"] - 260) > 0              # the Leaflet map itself took the room
