"""Map at scale: ONE table for 1k / 10k / 100k / 1M synthetic events, store → map HTML → Chromium.

    .venv/bin/python bench/scale_bench.py [--sizes 1000,10000,100000,1000000] [--runs 3]

Columns (wall clock on this machine; the machine line says how busy it was):

* store build s — ``store.add`` of the synthetic events (bench/store_bench.synthetic_events:
  clustered around Syrian cities, 2011–2024, 3% unlocated; building the Event objects is excluded);
* filter ms month / span — ``store.count`` for one month (June 2015, the busiest period, all of Syria)
  and for the whole date span, median of 7, after the in-memory index is built;
* light ms span — ``store.light_frame`` for the whole span (the columns the map and timeline use);
* map+HTML s — for the whole-span window, what one dashboard run does for the map: the frame the
  dashboard would draw (full rows up to ui.dashboard.FULL_FRAME_MAX events, else the light frame),
  ``mapview.event_layers`` (points, or grid aggregates above AGGREGATE_THRESHOLD), the base map,
  and the rendered HTML (its size in MB is shown too);
* first load s — the real ``streamlit run app.py`` on a cold server (store index not built yet)
  in headless Chromium, from ``page.goto`` until event layers are drawn in the map iframe;
* slider→map s — slider end thumb Home (narrow to the first day) and End (widen back), until
  the old event layer is replaced; median of ``--runs`` each (bench/dashboard_bench.slider_move);
* server RSS MB — the Streamlit process after those moves (peak in brackets);
* store MB — the SQLite file.
"""
from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.dashboard_bench import ARGS, CHROMIUM, load, slider_move, start_server  # noqa: E402
from bench.store_bench import median_ms, synthetic_events  # noqa: E402
from events.query import Query  # noqa: E402
from events.store import open_store  # noqa: E402

MONTH = Query(date_from=date(2015, 6, 1), date_to=date(2015, 6, 30))


def proc_mb(pid: int) -> tuple[float, float]:
    """(RSS, peak RSS) of a process in MB."""
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def map_html_seconds(store, q: Query) -> tuple[float, float, bool]:
    """Seconds to go from the store to the map's HTML for ``q``, the HTML's MB, and whether it aggregated."""
    from mapview import build_map, event_layers
    from mapview.layers.events import AGGREGATE_THRESHOLD
    from ui.dashboard import FULL_FRAME_MAX
    t = time.perf_counter()
    light = store.light_frame(q)
    located = int((light["lat"].notna() & light["lon"].notna()).sum())
    frame = store.frame(q) if len(light) <= FULL_FRAME_MAX or located <= AGGREGATE_THRESHOLD else light
    layer = event_layers(frame, lang="en", cluster=None)
    m = build_map(lang="en", basemap="admin", asset_mode="served", legend=False, height=560)
    layer.add_to(m)
    html = m.get_root().render()
    return time.perf_counter() - t, len(html.encode()) / 1e6, bool(layer.aggregated)


def run(n: int, runs: int, tmp: Path, browser) -> dict[str, object]:
    path = tmp / f"scale_{n}.sqlite"
    events = synthetic_events(n)
    store = open_store(path)
    t = time.perf_counter()
    store.add(events, author="bench")
    build_s = time.perf_counter() - t
    del events
    gc.collect()
    t = time.perf_counter()
    store.index()
    index_s = time.perf_counter() - t
    lo, hi = store.date_span()
    span = Query(date_from=lo, date_to=hi)
    row = {"n": n, "build_s": build_s, "index_s": index_s,
           "month_hits": store.count(MONTH), "month_ms": median_ms(lambda: store.count(MONTH)),
           "span_ms": median_ms(lambda: store.count(span)),
           "light_ms": median_ms(lambda: store.light_frame(span), runs=3)}
    row["html_s"], row["html_mb"], row["aggregated"] = map_html_seconds(store, span)
    store.close()
    row["file_mb"] = path.stat().st_size / 1e6
    proc, url = start_server(path)
    try:
        row["cold_s"], page, row["drawn"] = load(browser, url)
        narrow, widen = [], []
        for _ in range(runs):
            narrow.append(slider_move(page, "Home", expect_events=False))
            widen.append(slider_move(page, "End", expect_events=True))
        row["narrow_s"], row["widen_s"] = statistics.median(narrow), statistics.median(widen)
        row["rss_mb"], row["peak_mb"] = proc_mb(proc.pid)
        page.close()
    finally:
        proc.terminate()
        proc.wait(30)
    path.unlink(missing_ok=True)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not os.access(CHROMIUM, os.X_OK):
        raise SystemExit(f"{CHROMIUM} missing")
    from playwright.sync_api import sync_playwright
    load_start = os.getloadavg()
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="scale-bench-"))
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for n in (int(s) for s in args.sizes.split(",")):
                rows.append(run(n, args.runs, tmp, browser))
                print(f"  measured {n:,} events ({time.perf_counter() - started:.0f} s so far)", file=sys.stderr, flush=True)
            browser.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    head = ("events", "store build s", "index s", "filter ms month / span", "light ms span", "map+HTML s (MB)",
            "first load s", "slider→map narrow / widen s", "server RSS MB (peak)", "store MB")
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for r in rows:
        print(" | ".join([
            f"{r['n']:,}", f"{r['build_s']:.2f}", f"{r['index_s']:.2f}",
            f"{r['month_ms']:.2f} / {r['span_ms']:.2f}", f"{r['light_ms']:.0f}",
            f"{r['html_s']:.2f} ({r['html_mb']:.1f}{', aggregated' if r['aggregated'] else ''})",
            f"{r['cold_s']:.2f}", f"{r['narrow_s']:.2f} / {r['widen_s']:.2f}",
            f"{r['rss_mb']:.0f} ({r['peak_mb']:.0f})", f"{r['file_mb']:.1f}"]))
    load_end = os.getloadavg()
    hits = ", ".join(f"{r['n']:,}: {r['month_hits']:,} hits" for r in rows)
    print(f"machine: nproc {os.cpu_count()}, load average {load_start[0]:.2f} {load_start[1]:.2f} {load_start[2]:.2f} "
          f"at start, {load_end[0]:.2f} {load_end[1]:.2f} {load_end[2]:.2f} at end; total {time.perf_counter() - started:.0f} s; "
          f"Chromium headless 1500×1300; month = {MONTH.date_from}..{MONTH.date_to} "
          f"({hits}); slider medians of {args.runs}")


if __name__ == "__main__":
    main()
