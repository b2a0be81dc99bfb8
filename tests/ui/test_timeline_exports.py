"""Exports issue 12 asks for: a standalone HTML whose time slider works offline, and an MP4 (ffmpeg)."""
from __future__ import annotations

import os
from datetime import date

import pytest

from events.query import Query
from mapview.snapshot import CHROMIUM_ARGS, CHROMIUM_PATH


def test_standalone_html_keeps_a_working_time_slider(app_env, tmp_path):
    if not os.access(CHROMIUM_PATH, os.X_OK):
        pytest.skip(f"{CHROMIUM_PATH} not installed")
    from ui import evmap
    html = evmap.standalone_html(Query(), (date(2017, 5, 1), date(2017, 9, 30)), (date(2017, 5, 1), date(2017, 9, 30)),
                                 "en", title="t")
    assert "/app/static" not in html                  # nothing to fetch from the dashboard's server
    path = tmp_path / "map.html"
    path.write_text(html, encoding="utf-8")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        page = b.new_page(viewport={"width": 1200, "height": 800})
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.as_uri())
        page.wait_for_function("() => window.evm && window.evm.ready && window.evm.drawSeq > 0", timeout=20_000)
        assert page.evaluate("() => window.evm.stats.inWindow") == 7
        assert page.evaluate("() => window.evm.rivers") > 30            # the base map's rivers come inline too
        page.locator('input[type="date"]').nth(1).fill("2017-08-27")     # its own "To" date input
        page.locator('input[type="date"]').nth(1).dispatch_event("change")
        page.wait_for_function("() => window.evm.stats.inWindow > 0 && window.evm.stats.inWindow < 7", timeout=5_000)
        page.evaluate("() => window.evm.setWindow(17287, 17287)")      # 1 May 2017: the Kasra claim only
        assert page.evaluate("() => window.evm.stats.inWindow") == 1
        page.get_by_role("button", name="▶ Play").click()
        page.wait_for_function("() => window.evm.stats.window[0] > 17287", timeout=10_000)
        b.close()
    assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in requests), requests


def test_mp4_export_when_ffmpeg_is_installed(seed_frame_ui):
    from mapview.gif import mp4_available, timeline_gif
    if not mp4_available():
        pytest.skip("ffmpeg not installed (Debian package ffmpeg, scripts/system_deps.sh)")
    data = timeline_gif(seed_frame_ui, frames=3, fmt="mp4", width=400, height=300)
    assert data[4:8] == b"ftyp" and len(data) > 1000


@pytest.fixture()
def seed_frame_ui():
    import json
    from pathlib import Path
    from events.frame import events_to_frame
    from events.serialize import event_from_dict
    seed = Path(__file__).resolve().parents[2] / "data" / "events" / "seed.json"
    return events_to_frame([event_from_dict(d) for d in json.loads(seed.read_text(encoding="utf-8"))])


def test_png_is_the_dashboard_map_without_its_controls(app_env):
    if not os.access(CHROMIUM_PATH, os.X_OK):
        pytest.skip(f"{CHROMIUM_PATH} not installed")
    import io
    from PIL import Image
    from mapview.snapshot import screenshot_html
    from ui import evmap
    html = evmap.standalone_html(Query(), None, (date(2017, 5, 1), date(2017, 9, 30)), "en", picture=True)
    assert 'class=evm-export' in html
    img = Image.open(io.BytesIO(screenshot_html(html, width=900, height=600))).convert("RGB")
    assert img.size == (900, 600)
    colours = img.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50          # a drawn map, not a blank page


def test_without_ffmpeg_the_mp4_button_says_what_to_install(app_env, monkeypatch):
    """No encoder: no MP4 button, and a caption naming the Debian package (in the chosen language)."""
    from streamlit.testing.v1 import AppTest

    import mapview.gif
    from tests.ui.conftest import REPO
    monkeypatch.setattr(mapview.gif, "mp4_available", lambda: False)
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=30).run()
    assert not at.exception
    assert any("ffmpeg" in c.value and "Debian" in c.value for c in at.caption)
    assert not any(b.label == "Prepare MP4" for b in at.button)
    monkeypatch.setattr(mapview.gif, "mp4_available", lambda: True)
    at.run()
    assert any(b.label == "Prepare MP4" for b in at.button)
    assert not any("ffmpeg" in c.value for c in at.caption)


def test_dashboard_png_passes_its_title_and_window_words(app_env, monkeypatch):
    """The PNG button's picture is titled: the app title and the window in words reach the screenshot
    (Arabic right to left); drawing them is tested in tests/mapview/test_snapshot_title.py."""
    import mapview.snapshot
    from ui import exports
    seen = {}
    monkeypatch.setattr(mapview.snapshot, "chromium_available", lambda: True)
    monkeypatch.setattr(mapview.snapshot, "screenshot_html",
                        lambda html, **kw: seen.update(kw, html=html) or b"png")
    window = (date(2017, 8, 25), date(2017, 8, 29))
    assert exports._png(None, lang="ar", width=800, height=600, scale=1.0, title="خريطة أحداث سوريا",
                        subtitle="25–29 آب 2017، 4 أحداث", q=Query(), window=window) == b"png"
    assert seen["title"] == "خريطة أحداث سوريا" and seen["subtitle"].startswith("25–29 آب") and seen["rtl"] is True
    assert "class=evm-export" in seen["html"]
