"""Geometry budget (issue 13): 40 events with 1.8 MB polygons, imported and drawn.

Before the budget this made a 76 MB HTML map in 59 s and 1.8 GB on every dashboard render. Now an
area over 20,000 vertices is simplified on import (tolerance in a tag) and each area is drawn with
at most 1,500 vertices rounded to 1 m. Prints one table: the input, the import through the CSV
reader, and the dashboard map, the standalone export and the static snapshot of the stored events.
Synthetic wavy polygons (our own), since no real file carries such areas.
"""
from __future__ import annotations

import csv
import io
import resource
import time

import numpy as np
import shapely

EVENTS = 40
VERTICES = 66_000          # about 1.8 MB of WKT each at 9 decimals


def wavy_polygon(i: int) -> str:
    t = np.linspace(0, 2 * np.pi, VERTICES)
    lon, lat = 36 + (i % 8) * 0.6, 33 + (i // 8) * 0.8
    r = 0.4 * (1 + 0.03 * np.sin(t * 997))
    ring = np.c_[lon + r * np.cos(t), lat + r * np.sin(t)]
    ring[-1] = ring[0]
    return shapely.to_wkt(shapely.Polygon(ring), rounding_precision=9)


def main() -> None:
    from events.frame import events_to_frame
    from events.io import loads_events
    from mapview import build_map, event_layers
    from mapview.standalone import render_html, standalone_html
    from mapview.static import static_png

    areas = [wavy_polygon(i) for i in range(EVENTS)]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "event_type", "status", "lat", "lon", "precision", "area_wkt"])
    for i, a in enumerate(areas):
        w.writerow([f"area-{i}", "siege", "claimed", 35.0, 38.0, "district", a])
    data = buf.getvalue().encode()
    rows = [("input", f"{EVENTS} events, {np.mean([len(a) for a in areas]) / 1e6:.2f} MB WKT each, "
                      f"{VERTICES:,} vertices each; file {len(data) / 1e6:.1f} MB", "")]

    t = time.perf_counter()
    result = loads_events(data, name="areas.csv")
    took = time.perf_counter() - t
    kept = [int(shapely.get_num_coordinates(shapely.from_wkt(e.place.area_wkt))) for e in result.events]
    tags = sorted({tag for e in result.events for tag in e.tags})
    rows.append(("import (validate + simplify)", f"{len(result.events)} events, ≤ {max(kept):,} vertices kept, "
                                                 f"tags {tags[:2]}", f"{took:.1f} s"))
    frame = events_to_frame(list(result.events))
    for label in ("dashboard map (first render)", "dashboard map (cached render)"):
        t = time.perf_counter()
        m = build_map(asset_mode="inline")
        event_layers(frame).add_to(m)
        html = render_html(m)
        rows.append((label, f"HTML {len(html) / 1e6:.2f} MB", f"{time.perf_counter() - t:.2f} s"))
    t = time.perf_counter()
    html = standalone_html(frame)
    rows.append(("standalone export", f"HTML {len(html) / 1e6:.2f} MB", f"{time.perf_counter() - t:.2f} s"))
    t = time.perf_counter()
    png = static_png(frame, width=1200, height=800)
    rows.append(("static snapshot", f"PNG {len(png) / 1e3:.0f} KB", f"{time.perf_counter() - t:.2f} s"))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("peak RSS of this run", f"{rss:,.0f} MB", ""))
    width = max(len(r[0]) for r in rows)
    for name, what, secs in rows:
        print(f"{name:<{width}}  {secs:>7}  {what}")


if __name__ == "__main__":
    main()
