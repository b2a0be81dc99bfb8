"""The dashboard's map at real scale, in Chromium: the real UCDP dev file and 16k / 100k / 1M UCDP-like events.

    .venv/bin/python bench/map_scale_bench.py [--sizes real,16000,100000,1000000] [--runs 5]

For each size a store is built in a temporary folder, the dashboard is started on it cold (``python -m
ui.serve``: ``streamlit run app.py`` with its libraries imported while the server starts), and headless
Chromium (1366×768) opens it as soon as its health check answers. Columns:

* events / sent MB — located, dated events sent to the browser once (mapview/points.py payload);
* first map s — ``page.goto`` until the map component has painted its first frame (cold server:
  the store's index, the payload and the page are all built on this first visit);
* slider → map ms (browser) — the map's own brush / date inputs: a one-month window set, until the
  next animation frame after the repaint; median of ``--runs`` different months;
* slider → map ms (Streamlit slider) — Streamlit's range slider moved with the keyboard (PageUp/PageDown
  on the end thumb), until the map has repainted that window (the map follows the slider's thumbs in the
  browser, mapview/evmap/evm-link.js), and until the page's rerun has reached the map (its args carry
  the new window: table, caption and permalink are then done or being drawn); medians of ``--runs``;
* zoom +3 ms — the busiest town from zoom 7 to 10, until the next frame with the refined groups;
* click → panel ms — a single event clicked on the canvas (or an entry of a stack's list), until the side
  panel shows its id: in the page (the map's click handler to the panel's DOM change, both browser clocks)
  and wall-clock around Playwright's click (which adds its own actionability waits); medians;
* click → map card ms — the same clicks, from the click event's time stamp to the frame after the map's
  own card (mapview/evmap/evm-card.js) is painted, and to the frame where it shows the card shard's text
  (title, actors, sources; n = clicks that had it); both on the iframe's clock;
* KB per move — websocket bytes (both ways) for one browser-side move once released (the window
  reported back, the page's rerun deltas), and for one Streamlit slider move;
* server RSS MB — the Streamlit process after all this.

UCDP-like synthetic events: the cities and spans of bench/store_bench.synthetic_events, placed the way
UCDP places them: 55 % at a town's exact point (so many events share a point), 30 % near it,
4 % in a district, 5 % by governorate only, 6 % by region or country only.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.dashboard_bench import start_server  # noqa: E402
from bench.scale_bench import proc_mb  # noqa: E402
from mapview.snapshot import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402

UCDP = REPO.parent / "shared" / "data" / "ucdp_ged_syria_dev" / "ged_syria_dev.csv"
_EPOCH_ORD = 719163          # date(1970, 1, 1).toordinal()


def ucdp_like(n: int, seed: int = 11):
    from bench.store_bench import synthetic_events
    from gazetteer.model import Precision
    from mapview.points import basemap_data
    rng = np.random.default_rng(seed)
    towns = [t for t in basemap_data()["towns"] if t[4] <= 2]
    govs = {g[4]: g for g in basemap_data()["gov_labels"]}
    out = []
    kinds = rng.choice(5, n, p=[0.55, 0.30, 0.04, 0.05, 0.06])
    pick = rng.integers(0, len(towns), n)
    for i, e in enumerate(synthetic_events(n, seed=seed)):
        p = e.place
        if p is None or p.lat is None:
            out.append(e)
            continue
        k = kinds[i]
        if k == 0:
            t = towns[pick[i] % len(towns)] if rng.random() < 0.5 else min(towns[:60], key=lambda t: abs(t[1] - p.lat) + abs(t[0] - p.lon))
            p = replace(p, lat=t[1], lon=t[0], precision=Precision.POINT, name_en=t[2], name_ar=t[3])
        elif k == 1:
            p = replace(p, precision=Precision.NEAR)
        elif k == 2:
            p = replace(p, precision=Precision.DISTRICT)
        elif k == 3 and p.admin1_pcode in govs:
            g = govs[p.admin1_pcode]
            p = replace(p, lat=g[1], lon=g[0], precision=Precision.GOVERNORATE)
        else:
            p = replace(p, lat=34.8, lon=38.99, precision=Precision.COUNTRY if rng.random() < 0.5 else Precision.REGION)
        out.append(replace(e, place=p))
    return out


def build_store(size: str, folder: Path) -> Path:
    path = folder / f"events-{size}.sqlite"
    if size == "real":
        run = subprocess.run([sys.executable, "-m", "events", "import", "--store", str(path), "--format", "ucdp",
                              "--skip-bad-rows", str(UCDP)], cwd=REPO, capture_output=True, text=True)
        if run.returncode:
            raise SystemExit(run.stderr[-2000:])
        return path
    from events.store import open_store
    store = open_store(path)
    events = ucdp_like(int(size))
    for i in range(0, len(events), 50_000):
        store.add(events[i:i + 50_000], author="map_scale_bench")
    store.warm_index()      # as `events import` does: the index copy beside the store (events/store/indexcache.py)
    store.close()
    return path


def frame(pg):
    for f in pg.frames:
        if "/component/" in f.url and "evmap" in f.url:
            return f
    return None


def wait(pg, fn, timeout=600.0):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            v = fn()
            if v:
                return v
        except Exception:
            pass
        pg.wait_for_timeout(15)
    raise TimeoutError("timed out")


TIMED_WINDOW = """([a, b]) => new Promise(r => { const t = performance.now(); window.evm.setWindow(a, b);
  requestAnimationFrame(() => r([performance.now() - t, window.evm.stats.inWindow])); })"""
TIMED_ZOOM = """([lat, lon, z]) => new Promise(r => { window.map.setView([lat, lon], z - 3, {animate: false});
  const t = performance.now(); window.map.setView([lat, lon], z, {animate: false});
  requestAnimationFrame(() => r([performance.now() - t, window.evm.stats])); })"""


def measure(size: str, store_path: Path, browser, runs: int) -> dict:
    proc, url = start_server(store_path, wait_s=120.0)   # 1M events take a while to index
    row: dict = {"size": size}
    try:
        ctx = browser.new_context(viewport={"width": 1366, "height": 768})
        pg = ctx.new_page()
        ws_bytes = [0]

        def on_ws(ws):
            ws.on("framereceived", lambda p: ws_bytes.__setitem__(0, ws_bytes[0] + len(p)))
            ws.on("framesent", lambda p: ws_bytes.__setitem__(0, ws_bytes[0] + len(p)))
        pg.on("websocket", on_ws)
        t0 = time.perf_counter()
        pg.goto(url + "/")
        fr = wait(pg, lambda: (f := frame(pg)) and f.evaluate("() => window.evm && window.evm.ready && window.evm.drawSeq > 0") and f)
        row["first_s"] = time.perf_counter() - t0
        row["first_parts"] = fr.evaluate("() => window.evm.timing")
        info = fr.evaluate("() => ({n: window.evm.stats.inWindow, url: window.evm.dataUrl, lo: window.evm.stats.bounds})")
        row["events"] = info["n"]
        sent = pg.evaluate("(u) => fetch(u).then(r => r.arrayBuffer()).then(b => b.byteLength)", info["url"])
        row["sent_mb"] = sent / 1e6
        pg.wait_for_timeout(1500)
        lo, hi = info["lo"]
        # browser-side window moves: one month each, spread over the span
        times, counts = [], []
        for k in range(runs):
            a = lo + int((hi - lo - 31) * (k + 1) / (runs + 1))
            ms, n = fr.evaluate(TIMED_WINDOW, [a, a + 30])
            times.append(ms)
            counts.append(n)
            pg.wait_for_timeout(600)
        row["brush_ms"] = statistics.median(times)
        row["month_events"] = int(statistics.median(counts))
        # whole span back (1M in the window at 1M)
        ms, n = fr.evaluate(TIMED_WINDOW, [lo, hi])
        row["brush_all_ms"], row["all_events"] = ms, n
        pg.wait_for_timeout(2500)
        # bytes for one released browser move
        ws_bytes[0] = 0
        fr.evaluate(TIMED_WINDOW, [lo + (hi - lo) // 2, lo + (hi - lo) // 2 + 30])
        pg.wait_for_timeout(2500)
        row["kb_brush"] = ws_bytes[0] / 1024
        # Streamlit slider → map
        thumb = pg.locator('[data-testid="stSlider"] input[type="range"]').nth(1)
        times, rerun = [], []
        for k in range(runs):
            before = fr.evaluate("() => window.evm.stats.window[1]")
            ws_bytes[0] = 0
            thumb.focus()
            t = time.perf_counter()
            thumb.press("PageUp" if k % 2 == 0 else "PageDown")      # widen, then narrow back
            try:
                wait(pg, lambda: fr.evaluate("() => window.evm.stats.window[1]") != before, timeout=30)
                times.append((time.perf_counter() - t) * 1000)
                wait(pg, lambda: fr.evaluate("() => { const a = window.evm.argsWindow; "
                                             "return !!a && a[1] === window.evm.stats.window[1]; }"), timeout=30)
                rerun.append((time.perf_counter() - t) * 1000)
            except TimeoutError:
                print(f"  {size}: slider move {k} not seen within 30 s; left out", file=sys.stderr)
                continue
            pg.wait_for_timeout(1500)
            row["kb_slider"] = ws_bytes[0] / 1024
        row["slider_ms"] = statistics.median(times) if times else float("nan")
        row["slider_rerun_ms"] = statistics.median(rerun) if rerun else float("nan")
        row.setdefault("kb_slider", float("nan"))
        # zoom in 3 levels over the busiest place of the window
        fr.evaluate(TIMED_WINDOW, [lo, hi])
        pg.wait_for_timeout(1500)
        city = (36.2021, 37.1343)
        ms, st = fr.evaluate(TIMED_ZOOM, [city[0], city[1], 10])
        row["zoom_ms"], row["zoom_groups"] = ms, st["groups"] + st["points"] + st["stacks"]
        st12 = fr.evaluate("() => { window.map.setView([36.2021, 37.1343], 12, {animate: false}); return window.evm.stats; }")
        row["z12_max_group"] = st12["maxGroup"]
        # marker click → side panel
        times, in_page, card, card_full = [], [], [], []
        pg.evaluate("""() => { new MutationObserver(() => { const d = document.querySelector('.evm-detail');
            const id = d ? d.dataset.eventId : null;
            if (id !== window.__benchId) { window.__benchId = id; window.__benchAt = Date.now(); } })
            .observe(document.body, {subtree: true, childList: true, attributes: true}); }""")
        fr.evaluate("() => window.map.setView([36.2021, 37.1343], 11, {animate: false})")
        pg.wait_for_timeout(500)
        box = pg.locator('iframe[src*="evmap"]').bounding_box()
        left, top, w, h = fr.evaluate("() => { const r = window.map.getContainer().getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }")
        pts = [g for g in fr.evaluate("() => window.evm.groups()")
               if g["kind"] in ("point", "stack") and 30 < g["x"] < w - 200 and 60 < g["y"] < h - 80]
        pts.sort(key=lambda g: g["kind"] != "point")
        for g in pts[:runs]:
            before = pg.evaluate("() => { const d = document.querySelector('.evm-detail'); return d ? d.dataset.eventId : null; }")
            fr.evaluate("() => { window.evm.cardMs = null; window.evm.cardFullMs = null; }")
            if g["kind"] == "stack":          # a list popup first; the timed click is the list entry's
                pg.mouse.click(box["x"] + left + g["x"], box["y"] + top + g["y"])
                try:
                    fr.locator(".evm-pop li button").first.wait_for(timeout=5000)
                except Exception:
                    continue
                t = time.perf_counter()
                fr.locator(".evm-pop li button").first.click()
            else:
                t = time.perf_counter()
                pg.mouse.click(box["x"] + left + g["x"], box["y"] + top + g["y"])
            try:
                wait(pg, lambda: pg.evaluate("(b) => { const d = document.querySelector('.evm-detail'); return d && d.dataset.eventId !== b; }", before), timeout=30)
            except TimeoutError:
                continue
            times.append((time.perf_counter() - t) * 1000)
            clicked = fr.evaluate("() => { const r = window.evm.reports.filter(x => x[1] === 'select'); return r[r.length - 1][0]; }")
            in_page.append(pg.evaluate("() => window.__benchAt") - clicked)
            c, cf = fr.evaluate("() => [window.evm.cardMs, window.evm.cardFullMs]")
            if c is not None:
                card.append(c)
            if cf is not None:
                card_full.append(cf)
            fr.evaluate("() => window.map.closePopup()")
            pg.wait_for_timeout(800)
        row["click_ms"] = statistics.median(times) if times else float("nan")
        row["click_page_ms"] = statistics.median(in_page) if in_page else float("nan")
        row["card_ms"] = statistics.median(card) if card else float("nan")
        row["card_full_ms"] = statistics.median(card_full) if card_full else float("nan")
        row["card_full_n"] = f"{len(card_full)}/{len(card)}"
        row["rss_mb"], row["rss_peak_mb"] = proc_mb(proc.pid)
        ctx.close()
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="real,16000,100000,1000000")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright
    rows = []
    with tempfile.TemporaryDirectory(prefix="map-scale-") as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        for size in args.sizes.split(","):
            if size == "real" and not UCDP.is_file():
                print(f"skip real: {UCDP} absent", file=sys.stderr)
                continue
            t = time.perf_counter()
            path = build_store(size, Path(tmp))
            print(f"{size}: store built in {time.perf_counter() - t:.1f} s", file=sys.stderr)
            rows.append(measure(size, path, browser, args.runs))
            print(rows[-1], file=sys.stderr)
            path.unlink(missing_ok=True)
        browser.close()
    print("| events | sent MB | first map s | slider → map ms, browser (1 month / all) "
          "| Streamlit slider → map / → rerun ms | zoom +3 ms | z12 largest group | click → panel ms (in page / wall) "
          "| click → map card ms (painted / with text, n) | KB per move browser / server | server RSS MB (peak) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        name = f"real UCDP dev ({r['events']:,})" if r["size"] == "real" else f"{r['events']:,}"
        print(f"| {name} | {r['sent_mb']:.2f} | {r['first_s']:.2f} | {r['brush_ms']:.0f} ({r['month_events']:,} ev) / "
              f"{r['brush_all_ms']:.0f} ({r['all_events']:,} ev) | {r['slider_ms']:.0f} / {r['slider_rerun_ms']:.0f} "
              f"| {r['zoom_ms']:.0f} | {r['z12_max_group']} | {r['click_page_ms']:.0f} / {r['click_ms']:.0f} "
              f"| {r['card_ms']:.0f} / {r['card_full_ms']:.0f} ({r['card_full_n']}) "
              f"| {r['kb_brush']:.1f} / {r['kb_slider']:.1f} "
              f"| {r['rss_mb']:.0f} ({r['rss_peak_mb']:.0f}) |")


if __name__ == "__main__":
    main()
