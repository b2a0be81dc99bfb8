"""Embedded event store at 1k / 10k / 100k / 1M synthetic events: import, filter, frame, memory, size.

    .venv/bin/python bench/store_bench.py [--sizes 1000,10000,100000,1000000] [--keep DIR]

Why synthetic: the issue's target is 1M events, far more than any real
file we ship. Events are spread like a real conflict dataset: clustered
around Syrian cities (normal noise, clipped to Syria's box, 3% with no
coordinates), dates 2011–2024 with most in 2013–2018, mostly day precision
with some week/month/range/year spans, a status and type mix, 1–2 actors
and an outlet. Arrays are drawn with numpy; the Event objects are built
before the clock starts, so "import" measures ``store.add`` only
(validation, one transaction, audit rows).

Filters timed (median of 7 runs, through the public ``count``/``frame``):
narrow = one month + a 0.6°-box around Aleppo + status "claimed";
wide = 2011–2024 over all of Syria. The first query after the import builds
the in-memory index; that build is reported separately.
"""
from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from events.model import ClaimStatus, Count, DatePrecision, Event, EventDate, EventType, Place, Source  # noqa: E402
from events.query import Query  # noqa: E402
from events.store import open_store  # noqa: E402
from gazetteer.model import Precision  # noqa: E402

CITIES = [  # name, lat, lon, admin1 pcode, weight
    ("Aleppo", 36.20, 37.16, "SY02", 0.22), ("Idlib", 35.93, 36.63, "SY07", 0.16),
    ("Damascus", 33.51, 36.29, "SY01", 0.12), ("Rural Damascus", 33.55, 36.55, "SY03", 0.10),
    ("Homs", 34.73, 36.71, "SY04", 0.08), ("Hama", 35.13, 36.75, "SY05", 0.07),
    ("Deir-ez-Zor", 35.34, 40.14, "SY09", 0.08), ("Ar-Raqqa", 35.95, 39.01, "SY11", 0.06),
    ("Dar'a", 32.62, 36.10, "SY12", 0.06), ("Al-Hasakeh", 36.50, 40.75, "SY08", 0.03),
    ("Lattakia", 35.52, 35.79, "SY06", 0.02)]
STATUSES = [(ClaimStatus.REPORTED, 0.5), (ClaimStatus.CLAIMED, 0.3), (ClaimStatus.CONFIRMED, 0.15),
            (ClaimStatus.DENIED, 0.05)]
TYPES = [(EventType.SHELLING, 0.3), (EventType.AIR_STRIKE, 0.25), (EventType.CLASH, 0.2),
         (EventType.EXPLOSION, 0.08), (EventType.ATTACK, 0.07), (EventType.PROTEST, 0.04),
         (EventType.ARREST, 0.03), (EventType.DISPLACEMENT, 0.02), (EventType.EVACUATION, 0.01)]
SPANS = [(DatePrecision.DAY, 0, 0.72), (DatePrecision.NIGHT, 1, 0.05), (DatePrecision.WEEK, 6, 0.08),
         (DatePrecision.MONTH, 29, 0.09), (DatePrecision.RANGE, 10, 0.04), (DatePrecision.YEAR, 364, 0.02)]
ACTORS = ["Syrian army", "Russian air force", "ISIS", "SDF", "HTS", "Free Syrian Army", "US-led coalition",
          "Turkish forces", "Hezbollah", "local militia"]
OUTLETS = ["SANA", "SyriaNews", "Enab Baladi", "SOHR", "Al-Watan", "Step News"]
START, END = date(2011, 3, 15), date(2024, 12, 31)


def synthetic_events(n: int, seed: int = 7) -> list[Event]:
    rng = np.random.default_rng(seed)
    city = rng.choice(len(CITIES), n, p=[c[4] for c in CITIES])
    lat = np.array([c[1] for c in CITIES])[city] + rng.normal(0, 0.25, n)
    lon = np.array([c[2] for c in CITIES])[city] + rng.normal(0, 0.25, n)
    lat, lon = np.clip(lat, 32.4, 37.3).round(5), np.clip(lon, 35.8, 42.3).round(5)
    located = rng.random(n) > 0.03
    days_total = (END - START).days
    peak = rng.normal(0.35, 0.18, n)            # most events in 2013–2018
    offset = np.clip(np.where(rng.random(n) < 0.7, peak, rng.random(n)), 0, 1) * (days_total - 400)
    offset = offset.astype(np.int64)
    span_idx = rng.choice(len(SPANS), n, p=[s[2] for s in SPANS])
    status_idx = rng.choice(len(STATUSES), n, p=[s[1] for s in STATUSES])
    type_idx = rng.choice(len(TYPES), n, p=[t[1] for t in TYPES])
    actor_a, actor_b = rng.integers(0, len(ACTORS), n), rng.integers(0, len(ACTORS), n)
    two_actors = rng.random(n) < 0.4
    outlet_idx = rng.integers(0, len(OUTLETS), n)
    killed = rng.integers(0, 40, n)
    events = []
    start_ord = START.toordinal()
    for i in range(n):
        c = CITIES[city[i]]
        precision, extra, _ = SPANS[span_idx[i]]
        d0 = date.fromordinal(start_ord + int(offset[i]))
        actors = (ACTORS[actor_a[i]], ACTORS[actor_b[i]]) if two_actors[i] and actor_a[i] != actor_b[i] \
            else (ACTORS[actor_a[i]],)
        place = Place(as_written=f"near {c[0]}", lat=float(lat[i]) if located[i] else None,
                      lon=float(lon[i]) if located[i] else None, precision=Precision.NEAR if located[i] else None,
                      name_en=c[0], admin1_pcode=c[3], admin1_en=c[0])
        kind = TYPES[type_idx[i]][0]
        events.append(Event(
            id=f"syn-{i:07d}", event_type=kind, status=STATUSES[status_idx[i]][0],
            title_en=f"{kind.value.replace('_', ' ').title()} near {c[0]}",
            date=EventDate(d0, d0 + timedelta(days=extra), precision), place=place, actors=actors,
            counts=(Count("killed", int(killed[i]), int(killed[i])),),
            sources=(Source(outlet=OUTLETS[outlet_idx[i]], published=d0 + timedelta(days=extra + 1)),)))
    return events


NARROW = Query(date_from=date(2015, 6, 1), date_to=date(2015, 6, 30), bbox=(36.86, 35.90, 37.46, 36.50),
               statuses=frozenset({ClaimStatus.CLAIMED}))
WIDE = Query(date_from=START, date_to=END, bbox=(35.2, 31.8, 42.9, 37.8))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def median_ms(fn, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _edit_then_query_ms(store) -> float:
    """One analyst edit (update + the next filtered count, which patches the index)."""
    import dataclasses
    event = store.get("syn-0000000")
    times = []
    for i in range(3):
        edited = dataclasses.replace(event, title_en=f"edited {i}")
        t = time.perf_counter()
        store.update(edited, author="bench")
        store.count(NARROW)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def run(n: int, folder: Path) -> dict[str, object]:
    events = synthetic_events(n)
    path = folder / f"bench-{n}.sqlite"
    store = open_store(path)
    gc.collect()
    rss_before = rss_mb()
    bar_ticks = []
    t, cpu = time.perf_counter(), time.process_time()
    store.add(events, author="bench", progress=lambda done, total: bar_ticks.append(done))
    import_s, import_cpu = time.perf_counter() - t, time.process_time() - cpu
    del events
    gc.collect()
    t = time.perf_counter()
    store.index()
    index_s = time.perf_counter() - t
    out = {
        "events": n, "import_s": import_s, "import_cpu_s": import_cpu, "rows_per_s": n / import_s, "index_build_s": index_s,
        "narrow_hits": store.count(NARROW), "narrow_count_ms": median_ms(lambda: store.count(NARROW)),
        "narrow_frame_ms": median_ms(lambda: store.frame(NARROW)),
        "wide_hits": store.count(WIDE), "wide_count_ms": median_ms(lambda: store.count(WIDE)),
        "wide_frame_first_ms": median_ms(lambda: store.frame(WIDE), runs=1),
        "wide_frame_ms": median_ms(lambda: store.frame(WIDE), runs=3),
        "text_ms": median_ms(lambda: store.count(Query(text="aleppo")), runs=3),
        "edit_ms": _edit_then_query_ms(store),
        "index_mb": store.index().nbytes / 2**20, "rss_mb": rss_mb(), "rss_before_mb": rss_before,
        "file_mb": sum(p.stat().st_size for p in folder.glob(f"bench-{n}.sqlite*")) / 2**20,
        "progress_calls": len(bar_ticks),
    }
    store.close()
    out["file_mb"] = path.stat().st_size / 2**20   # after close: WAL checkpointed into the file
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--keep", type=Path, help="write the stores here and keep them")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="store-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"embedded store benchmark (SQLite WAL + in-memory index), {os.cpu_count()} cores, python {sys.version.split()[0]}")
    print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores shared with other jobs; CPU s = this process's time)")
    print(f"narrow = {NARROW.date_from}..{NARROW.date_to}, bbox {NARROW.bbox}, status claimed; "
          f"wide = {WIDE.date_from}..{WIDE.date_to}, all Syria")
    header = ("events", "import s", "import CPU s", "rows/s", "index s", "narrow hits", "narrow ms", "narrow frame ms",
              "wide hits", "wide ms", "wide frame 1st ms", "wide frame ms", "text ms", "edit+query ms", "index MB", "RSS MB", "file MB")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            r = run(n, folder)
            print(" | ".join([f"{r['events']:,}", f"{r['import_s']:.2f}", f"{r['import_cpu_s']:.2f}", f"{r['rows_per_s']:,.0f}",
                              f"{r['index_build_s']:.2f}", f"{r['narrow_hits']:,}", f"{r['narrow_count_ms']:.2f}",
                              f"{r['narrow_frame_ms']:.1f}", f"{r['wide_hits']:,}", f"{r['wide_count_ms']:.2f}",
                              f"{r['wide_frame_first_ms']:.0f}", f"{r['wide_frame_ms']:.0f}", f"{r['text_ms']:.0f}", f"{r['edit_ms']:.0f}", f"{r['index_mb']:.1f}",
                              f"{r['rss_mb']:.0f}", f"{r['file_mb']:.1f}"]), flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    print("narrow/wide ms: store.count (index + revision check); frame ms: store.frame (narrow: rows read from SQLite; wide: 1st call builds the whole-store frame cached per revision, then slices it); "
          "text ms: free-text count over all events; edit+query: update one event, then the narrow count (index patched, not rebuilt); RSS: process after import and index build")


if __name__ == "__main__":
    main()
