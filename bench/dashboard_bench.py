"""Dashboard in Chromium at 1k / 10k / 100k synthetic events: first load, and slider → redrawn map.

    .venv/bin/python bench/dashboard_bench.py [--sizes 1000,10000,100000] [--runs 3]

What is measured (wall clock, headless Chromium, the real ``streamlit run app.py``, started
as ``python -m ui.serve``):

* first load (cold): from ``page.goto`` until the map component (mapview/evmap) has painted the
  events (the server's caches are empty: store index, frames, the browser payload);
* reload (warm): the same for a second browser page (frames cached);
* slider → map: from the key press on the slider's end thumb until the map has
  repainted the new window (its window changed and a new frame was drawn; the points
  are already in the browser, only the window travels).
  "narrow" = End thumb → Home (the window shrinks to the first day);
  "widen" = End thumb → End (back to everything). Median of ``--runs``.
  The clock stops when the window text has changed (the rerun reached the
  browser) and the map has repainted that window.

Stores are built with bench/store_bench.synthetic_events (clustered around
cities, 2011–2024) before the clock starts; the server runs on a free port
in 8641–8659 with EVENTS_STORE pointing at the temporary store.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.store_bench import synthetic_events  # noqa: E402
from events.store import open_store  # noqa: E402
from mapview.snapshot import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402

CHROMIUM = CHROMIUM_PATH
ARGS = CHROMIUM_ARGS   # the flags this closed network needs (see mapview/snapshot.py)
SLIDER = '[data-testid="stSlider"] input[type="range"]'

#: What the map component (mapview/evmap) drew: symbols on its canvas (points, groups, stacks).
DRAWN_JS = ("() => { const e = window.evm; if (!e || !e.ready || !e.stats) return -1; "
            "return e.stats.points + e.stats.groups + e.stats.stacks + e.stats.govOutlines; }")
MARK_JS = "() => { window.__emMark = window.evm.drawSeq; window.__emWin = window.evm.stats.window.join(); return 1; }"
SWAPPED_JS = "() => window.evm.drawSeq > window.__emMark && window.evm.stats.window.join() !== window.__emWin"
SWAPPED_NONEMPTY_JS = "() => " + SWAPPED_JS[6:] + " && window.evm.stats.inWindow > 0"


def port_range() -> range:
    """Ports the benches may use: ``EVM_PORTS=lo-hi`` (a machine shared by several developers gives each
    a range; the browser tests read it too), else 8641–8659."""
    lo, _, hi = os.environ.get("EVM_PORTS", "8641-8659").partition("-")
    return range(int(lo), int(hi or lo) + 1)


def free_port() -> int:
    for port in port_range():
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise SystemExit(f"no free port in {port_range()}")


def start_server(store_path: Path, *, wait_s: float = 60.0) -> tuple[subprocess.Popen, str]:
    """A headless Streamlit on a free port over ``store_path``; waits up to ``wait_s`` for its health check."""
    port = free_port()
    env = dict(os.environ, EVENTS_STORE=str(store_path))
    # ui/serve.py: ``streamlit run app.py`` with the first run's libraries imported while the server starts
    proc = subprocess.Popen([str(REPO / ".venv" / "bin" / "python"), "-m", "ui.serve", "--server.port", str(port),
                             "--server.headless", "true"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(int(wait_s / 0.2)):
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("streamlit did not start")


def map_frame(page):
    frames = [f for f in page.frames if "/component/" in f.url and "evmap" in f.url]
    if not frames:
        raise RuntimeError("no map iframe yet")
    return frames[0]


def poll(page, fn, timeout: float = 300.0, interval_ms: int = 20):
    """Call ``fn`` until it returns something truthy; waits with page.wait_for_timeout so Playwright
    keeps processing browser events (time.sleep would freeze page.frames)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            value = fn()
        except Exception:       # the iframe is (re)loading
            value = None
        if value:
            return value
        page.wait_for_timeout(interval_ms)
    raise TimeoutError("timed out")


def load(browser, url: str) -> tuple[float, object, int]:
    page = browser.new_page(viewport={"width": 1500, "height": 1300})
    t0 = time.perf_counter()
    page.goto(url)
    drawn = poll(page, lambda: (n := map_frame(page).evaluate(DRAWN_JS)) > 0 and n)
    return time.perf_counter() - t0, page, int(drawn)


def slider_move(page, key: str, *, expect_events: bool) -> float:
    """Seconds from the key press until the server has answered (the window text changed) and every
    event layer drawn before the press has been replaced (at least one new one if ``expect_events``)."""
    thumb = page.locator(SLIDER).nth(1)
    thumb.focus()
    frame = map_frame(page)
    frame.evaluate(DRAWN_JS)
    frame.evaluate(MARK_JS)
    before = page.locator(".evm-span-words").inner_text()
    check = SWAPPED_NONEMPTY_JS if expect_events else SWAPPED_JS
    t0 = time.perf_counter()
    thumb.press(key)
    poll(page, lambda: page.locator(".evm-span-words").inner_text() != before
         and map_frame(page).evaluate(check))
    elapsed = time.perf_counter() - t0
    page.wait_for_timeout(300)  # let the rerun finish (table etc.) before the next press
    return elapsed


def run(n: int, runs: int, tmp: Path, browser) -> dict[str, object]:
    store_path = tmp / f"events_{n}.sqlite"
    t = time.perf_counter()
    store = open_store(store_path)
    store.add(synthetic_events(n), author="bench")
    store.close()
    build_s = time.perf_counter() - t
    proc, url = start_server(store_path)
    try:
        cold, page, drawn = load(browser, url)
        warm, page2, _ = load(browser, url)
        page2.close()
        narrow, widen = [], []
        for _ in range(runs):
            narrow.append(slider_move(page, "Home", expect_events=False))
            widen.append(slider_move(page, "End", expect_events=True))
        page.close()
    finally:
        proc.terminate()
        proc.wait(20)
    return {"n": n, "store_mb": store_path.stat().st_size / 1e6, "build_s": build_s, "drawn": drawn,
            "cold": cold, "warm": warm, "narrow": statistics.median(narrow), "widen": statistics.median(widen),
            "narrow_max": max(narrow), "widen_max": max(widen)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        raise SystemExit(f"{CHROMIUM} missing")
    from playwright.sync_api import sync_playwright
    tmp = Path(tempfile.mkdtemp(prefix="dash-bench-"))
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for n in (int(s) for s in args.sizes.split(",")):
                rows.append(run(n, args.runs, tmp, browser))
                r = rows[-1]
                print(f"  measured {n:,} events", file=sys.stderr, flush=True)
            browser.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("events  | store MB | layers drawn | first load (cold) | reload (warm) | slider→map narrow | slider→map widen")
    print("--------|----------|--------------|-------------------|---------------|-------------------|-----------------")
    for r in rows:
        print(f"{r['n']:>7,} | {r['store_mb']:8.1f} | {r['drawn']:>12,} | {r['cold']:15.2f} s | {r['warm']:11.2f} s | "
              f"{r['narrow']:9.2f} s (max {r['narrow_max']:.2f}) | {r['widen']:7.2f} s (max {r['widen_max']:.2f})")
    print(f"(Chromium headless 1500×1300, median of {args.runs} slider moves; store build time excluded: "
          + ", ".join(f"{r['n']:,}: {r['build_s']:.1f} s" for r in rows) + ")")


if __name__ == "__main__":
    main()
