"""Import/export speed of events.io: our CSV and ACLED CSV at 10k / 100k / 1M rows.

    .venv/bin/python bench/io_bench.py [--sizes 10000,100000,1000000] [--formats csv,acled]

Why: the issue asks that a 1M-row CSV import (parse + validation into
Event values) takes well under a minute. Files are synthetic (numpy draws
around Syrian cities, 2011–2024 dates, Arabic and English text) and written
before the clock starts; "read" is ``read_events`` end to end (decode,
csv parse, row → Event, validate_event, duplicate-id check). Peak RSS is the
process maximum (it includes the built Event objects). Export is timed for
our csv and geojson on the events just read.
"""
from __future__ import annotations

import argparse
import csv
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from events.io import read_events, write_events  # noqa: E402
from events.io.flat import CSV_COLUMNS  # noqa: E402

CITIES = [(36.20, 37.16), (33.51, 36.29), (34.73, 36.71), (35.34, 40.14), (35.93, 36.63), (35.95, 39.01),
          (32.62, 36.10), (35.13, 36.75)]
TYPES = ["clash", "air_strike", "shelling", "attack", "explosion", "arrest", "protest", "other"]
STATUSES = ["reported", "claimed", "denied", "confirmed"]


def _draws(n: int, seed: int = 7):
    rng = np.random.default_rng(seed)
    city = rng.integers(0, len(CITIES), n)
    centres = np.array(CITIES)[city]
    lat = np.clip(centres[:, 0] + rng.normal(0, 0.15, n), 32.4, 37.2).round(5)
    lon = np.clip(centres[:, 1] + rng.normal(0, 0.15, n), 35.8, 42.2).round(5)
    day = np.datetime64("2011-03-15") + rng.integers(0, 13 * 365, n).astype("timedelta64[D]")
    return rng, lat, lon, day.astype(str)


def write_our_csv(path: Path, n: int) -> None:
    rng, lat, lon, day = _draws(n)
    kinds, stats = rng.integers(0, len(TYPES), n), rng.integers(0, len(STATUSES), n)
    deaths = rng.integers(0, 40, n)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(CSV_COLUMNS)
        idx = {c: i for i, c in enumerate(CSV_COLUMNS)}
        blank = [""] * len(CSV_COLUMNS)
        for i in range(n):
            row = list(blank)
            row[idx["id"]] = f"bench-{i}"
            row[idx["event_type"]] = TYPES[kinds[i]]
            row[idx["status"]] = STATUSES[stats[i]]
            row[idx["title_en"]] = f"Synthetic event {i} near a town"
            row[idx["title_ar"]] = "حدث تجريبي قرب البلدة"
            row[idx["date_start"]] = row[idx["date_end"]] = day[i]
            row[idx["date_precision"]] = "day"
            row[idx["lat"]], row[idx["lon"]] = repr(float(lat[i])), repr(float(lon[i]))
            row[idx["precision"]] = "point"
            row[idx["actors"]] = "Side A; Side B"
            row[idx["count_min"]] = row[idx["count_max"]] = str(deaths[i])
            row[idx["count_what"]] = "killed"
            row[idx["outlet"]] = "Test Wire"
            w.writerow(row)


ACLED_COLS = ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
              "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
              "fatalities"]


def write_acled_csv(path: Path, n: int) -> None:
    rng, lat, lon, day = _draws(n, seed=11)
    prec = rng.integers(1, 4, n)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(ACLED_COLS)
        for i in range(n):
            w.writerow([f"SYR{i}", day[i], day[i][:4], "1", "Battles", "Armed clash", "Side A", "Side B", "Syria",
                        "Aleppo", "Synthetic place", lat[i], lon[i], prec[i], "Test Wire; Example Monitor",
                        "Invented note for a benchmark row.", int(prec[i]) * 2])


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--formats", default="csv,acled")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall time grows with it; "
          "CPU time does not)")
    print(f"{'format':7} {'rows':>9} {'file MB':>8} {'read s':>7} {'read CPU s':>10} {'rows/s':>9} {'peak RSS MB':>11} "
          f"{'csv out s':>9} {'geojson out s':>13} {'geojson MB':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            for n in sizes:
                src = Path(tmp) / f"{fmt}-{n}.csv"
                (write_our_csv if fmt == "csv" else write_acled_csv)(src, n)
                size_mb = src.stat().st_size / 1024 ** 2
                t0, c0 = time.perf_counter(), time.process_time()
                result = read_events(src, format=fmt, max_bytes=2 * 1024 ** 3)
                read_s, read_cpu = time.perf_counter() - t0, time.process_time() - c0
                assert len(result.events) == n and not result.rejects, result.rejects[:3]
                t0 = time.perf_counter()
                write_events(result.events, Path(tmp) / "out.csv", format="csv")
                csv_s = time.perf_counter() - t0
                t0 = time.perf_counter()
                gj = write_events(result.events, Path(tmp) / "out.geojson", format="geojson")
                gj_s = time.perf_counter() - t0
                print(f"{fmt:7} {n:>9,} {size_mb:>8.1f} {read_s:>7.2f} {read_cpu:>10.2f} {n / read_s:>9,.0f} {_rss_mb():>11,.0f} "
                      f"{csv_s:>9.2f} {gj_s:>13.2f} {gj.stat().st_size / 1024 ** 2:>10.1f}", flush=True)
                del result
                os.unlink(src)


if __name__ == "__main__":
    main()
