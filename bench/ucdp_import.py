"""UCDP GED as published: rows saved, data-quality flags by kind, seconds (dev file and a synthetic 100k file).

Prints one table. The dev file is /work/shared/data/ucdp_ged_syria_dev (never
copied into the repo); the synthetic file repeats its rows with new ids and
dates (and source dates) moved back by whole leap cycles, so it carries the real file's quirks at the real
rates. Then ``update`` re-imports the synthetic file with 1% of the death
tolls changed and 1% new rows, and ``corroborate`` links the 100k store.
Usage: ``python bench/ucdp_import.py [--n 100000]``.
"""
from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from events.io import read_events  # noqa: E402
from events.quality import count_kinds, flagged  # noqa: E402
from events.store import open_store  # noqa: E402

DEV = REPO.parent / "shared" / "data" / "ucdp_ged_syria_dev" / "ged_syria_dev.csv"


def synthetic_file(path: Path, n: int, *, changed: float = 0.0, extra: float = 0.0) -> None:
    rows = list(csv.DictReader(DEV.open(encoding="utf-8")))
    header = list(rows[0])
    with path.open("w", newline="", encoding="utf-8") as out:
        w = csv.DictWriter(out, fieldnames=header)
        w.writeheader()
        total = int(n * (1 + extra))
        for k in range(total):
            r = dict(rows[k % len(rows)])
            shift = -4 * (k // len(rows))   # whole leap cycles back in time: every date stays a real day
            r["id"] = f"{9_000_000 + k}.0"
            for col in ("date_start", "date_end", "source_date"):
                r[col] = ";".join(f"{int(part[:4]) + shift:04d}{part[4:]}" if part[:4].isdigit() and
                                  1900 <= int(part[:4]) <= 2100 else part for part in r[col].split(";"))
            if changed and k % int(1 / changed) == 0 and k < n:
                r["best"] = str(int(float(r["best"] or 0)) + 1)
                r["high"] = str(max(int(float(r["high"] or 0)), int(r["best"])))
            w.writerow(r)


def one(path: Path, store_path: Path, label: str, *, update: bool = False) -> None:
    t = time.perf_counter()
    result = read_events(path, format="ucdp")
    read_s = time.perf_counter() - t
    with open_store(store_path) as store:
        t = time.perf_counter()
        if update:
            from events.store.update import apply_update, plan_update
            plan = plan_update(store, result.events)
            apply_update(store, plan, author="bench")
            saved = plan.summary()
        else:
            saved = f"{store.add(result.events, author='bench'):,} saved"
        store_s = time.perf_counter() - t
    kinds = ", ".join(f"{k} {v:,}" for k, v in sorted(count_kinds(result.events).items(), key=lambda kv: -kv[1]))
    print(f"| {label} | {result.rows:,} | {saved} | {len(result.rejects)} | {flagged(result.events):,} ({kinds}) | "
          f"{read_s:.1f} | {store_s:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    if not DEV.is_file():
        print(f"skipped: {DEV} is absent (the development data lives outside the repository)")
        return
    print("| file | rows | saved | rejected | flagged (by kind) | read s | store s |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one(DEV, tmp / "dev.sqlite", "dev UCDP GED Syria")
        big = tmp / "synthetic.csv"
        synthetic_file(big, args.n)
        one(big, tmp / "big.sqlite", f"synthetic {args.n:,} rows")
        newer = tmp / "synthetic_v2.csv"
        synthetic_file(newer, args.n, changed=0.01, extra=0.01)
        one(newer, tmp / "big.sqlite", "newer release, --update", update=True)
        from events.corroborate.storage import corroborate_store
        with open_store(tmp / "big.sqlite") as store:
            t = time.perf_counter()
            groups, seen = corroborate_store(store, author="bench")
            print(f"\ncorroborate on the {seen:,}-event store (one dataset: no cross-source groups expected): "
                  f"{len(groups)} groups in {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
