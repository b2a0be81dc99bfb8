"""Map speed and size: event_layers + HTML build, Chromium first load, and the slider's layer swap.

Run: ``python -m bench map`` (or ``python bench/map_bench.py [--sizes 1000,10000]``).
Synthetic frames (mapview.synthetic) at 1k/10k/100k, plus 1M for the
Python build only. Columns:

* build s      – event_layers(frame) (Python: styles, popups, aggregation)
* fg html s    – + rendering the event FeatureGroup the way streamlit-folium's
                 ``feature_group_to_add`` does (what each slider move sends)
* fg bytes     – size of that script
* page build s – Python: build the standalone page (map + events + inlined assets)
* page bytes   – standalone page (inline Leaflet, basemap, events)
* first load s – Chromium: open the standalone page from disk until painted
* swap s       – Chromium: remove the event group and run a new window's
                 group script in the loaded page (the slider → redrawn map path),
                 until painted

A second table: event_layers at the aggregation threshold with a third of
the events located only to a governorate/district/sub-district (drawn as
that unit's polygon, one feature per unit, status and type) versus the
same rows drawn as circles (no P-code).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mapview import build_map, event_layers  # noqa: E402
from mapview.snapshot import CHROMIUM_PATH, _offline, chromium, chromium_available  # noqa: E402
from mapview.standalone import standalone_html  # noqa: E402
from mapview.synthetic import synthetic_frame  # noqa: E402

PAINTED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def fg_script(frame) -> tuple[str, float, float, bool]:
    """The event group's JS as streamlit-folium builds it; (script, build s, build+render s, aggregated)."""
    from streamlit_folium import _get_feature_group_string
    t0 = time.perf_counter()
    fg = event_layers(frame)
    t1 = time.perf_counter()
    m = build_map()
    script = _get_feature_group_string(fg, m)
    return script, t1 - t0, time.perf_counter() - t0, fg.aggregated


def browser_times(browser, frame, other, tmp: Path) -> tuple[float, float, float, int]:
    t0 = time.perf_counter()
    html = standalone_html(frame, width=1200, height=800)
    page_build = time.perf_counter() - t0
    path = tmp / f"map_{len(frame)}.html"
    path.write_text(html, encoding="utf-8")
    ctx = browser.new_context(viewport={"width": 1200, "height": 800})
    page = ctx.new_page()
    page.route("**/*", _offline)
    t0 = time.perf_counter()
    page.goto(path.as_uri(), wait_until="load")
    page.evaluate(PAINTED)
    first = time.perf_counter() - t0
    script = fg_script(other)[0]
    page.evaluate("""() => { for (const k of Object.keys(window)) { const v = window[k];
        if (v && v instanceof L.Map) { window.map_div = v; } } }""")
    t0 = time.perf_counter()
    page.evaluate("""(js) => { const map = window.map_div;
        map.eachLayer(l => { if (l instanceof L.FeatureGroup && !(l instanceof L.GeoJSON) && l !== map) {
            if (l._em_events !== false) map.removeLayer(l); } });
        (0, eval)(js); }""", script)
    page.evaluate(PAINTED)
    swap = time.perf_counter() - t0
    ctx.close()
    return page_build, first, swap, len(html.encode("utf-8"))


def admin_frame(n: int, *, with_pcodes: bool):
    """synthetic_frame(n) with every third event located only to an admin unit (pcode of its own level)."""
    import numpy as np

    from mapview.adminareas import admin_units
    frame = synthetic_frame(n, seed=4)
    units = admin_units()
    rows = frame.index[::3]
    rng = np.random.default_rng(4)
    level = rng.integers(1, 4, len(rows))
    names = {lv: units.index[units["level"] == lv].to_numpy() for lv in (1, 2, 3)}
    pcodes = np.array([names[lv][i % len(names[lv])] for i, lv in enumerate(level)])
    frame.loc[rows, "precision"] = np.array(["governorate", "district", "subdistrict"])[level - 1]
    frame.loc[rows, "radius_km"] = np.array([110.0, 40.0, 15.0])[level - 1]
    frame.loc[rows, "pcode"] = pcodes if with_pcodes else ""
    return frame


def admin_table(n: int) -> None:
    print(f"\nadmin-unit areas, {n:,} events (1/3 governorate/district/sub-district):")
    print(f"{'drawn as':>10} {'build s':>8} {'area features':>13} {'fg bytes':>10}")
    from streamlit_folium import _get_feature_group_string
    for label, with_pcodes in (("polygons", True), ("circles", False)):
        frame = admin_frame(n, with_pcodes=with_pcodes)
        event_layers(frame.iloc[:10])                      # warm the boundary cache (once per process)
        t0 = time.perf_counter()
        fg = event_layers(frame)
        build = time.perf_counter() - t0
        size = len(_get_feature_group_string(fg, build_map()).encode("utf-8"))
        print(f"{label:>10} {build:>8.3f} {fg.data_layer.feature_count('area'):>13,} {size:>10,}")


def main(argv: list[str]) -> None:
    sizes = [1_000, 10_000, 100_000]
    if "--sizes" in argv:
        sizes = [int(s) for s in argv[argv.index("--sizes") + 1].split(",")]
    rows = []
    browser_ok = chromium_available()
    with tempfile.TemporaryDirectory() as tmp, (chromium() if browser_ok else _null()) as browser:
        for n in sizes:
            frame = synthetic_frame(n, seed=1)
            other = synthetic_frame(n, seed=2)          # "next window" for the swap
            script, build, fg_total, aggregated = fg_script(frame)
            agg = "aggregated" if aggregated else "points"
            if browser_ok:
                page_build, first, swap, page_bytes = browser_times(browser, frame, other, Path(tmp))
            else:
                t0 = time.perf_counter()
                page_bytes = len(standalone_html(frame).encode("utf-8"))
                page_build, first, swap = time.perf_counter() - t0, float("nan"), float("nan")
            rows.append((n, agg, build, fg_total, len(script.encode("utf-8")), page_build, page_bytes, first, swap))
        t0 = time.perf_counter()
        big = synthetic_frame(1_000_000, seed=3)
        t1 = time.perf_counter()
        fg = event_layers(big)
        t2 = time.perf_counter()
        m = build_map()
        fg.add_to(m)
        html = m.get_root().render()
        t3 = time.perf_counter()
    print(f"{'events':>9} {'mode':>10} {'build s':>8} {'fg html s':>9} {'fg bytes':>10} {'page build s':>12} "
          f"{'page bytes':>11} {'first load s':>12} {'swap s':>7} {'slider total s':>14}")
    for n, agg, build, fg_total, fgb, pbuild, pb, first, swap in rows:
        print(f"{n:>9,} {agg:>10} {build:>8.3f} {fg_total:>9.3f} {fgb:>10,} {pbuild:>12.3f} {pb:>11,} "
              f"{first:>12.3f} {swap:>7.3f} {fg_total + swap:>14.3f}")
    print(f"1,000,000 events (build only): synthetic frame {t1 - t0:.2f} s, event_layers {t2 - t1:.3f} s, "
          f"map HTML {t3 - t2:.3f} s, {len(html.encode('utf-8')):,} bytes, "
          f"{fg.data_layer.feature_count():,} aggregated circles")
    admin_table(3_000)
    if not browser_ok:
        print(f"(Chromium not found at {CHROMIUM_PATH}: browser columns are nan)")


class _null:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


if __name__ == "__main__":
    main(sys.argv[1:])
