"""Learning scored honestly: aliases learned from some governorates, scored on the others.

Part of ``bench/gazetteer_real.py`` (its "learning" section; also runnable
alone: ``python bench/_gazetteer_learning.py [--shared ../shared/data]``; the underscore keeps ``python -m bench`` from running it twice).

Why rotate: learning UCDP's strings and then scoring the same strings
measures memory, not the gazetteer. A user imports a dataset and then reads
reports about *other* places too; what matters is how the gazetteer does on
places nobody taught it. So, leave one governorate out: for each
governorate G of the development file, aliases are learned
(``gazetteer.learned.learn``) from the rows of every *other* governorate,
and G's strings are scored; the sums over all G are the "never taught"
figure. It is printed next to the all-in figure (learn everything, score
everything: what a user sees on the strings of the very file they
imported) and the figure with no learning at all.

The base gazetteer leaves out ``data/features.csv`` (built from these same
rows): the features of the training governorates come back through
learning, those of the held-out one must not.
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer.learned import learn, read_locations, with_learned  # noqa: E402

COUNT_KEYS = ("n", "within", "wrong", "ambiguous", "unresolved")


def _governorate(adm_1: str) -> str:
    return adm_1.replace("Governorate", "").strip()


def _combine(parts: Sequence[dict]) -> dict:
    """Sum of several score_ucdp results (counts, rates recomputed, names/s over the total time)."""
    total = Counter()
    seconds = 0.0
    for p in parts:
        for k in COUNT_KEYS:
            total[k] += p.get(k, 0)
        if p.get("names_per_s"):
            seconds += p["n"] / p["names_per_s"]
    out = {k: total[k] for k in COUNT_KEYS}
    n = max(out["n"], 1)
    for k in COUNT_KEYS[1:]:
        out[f"{k}_pct"] = 100.0 * out[k] / n
    out["names_per_s"] = out["n"] / seconds if seconds else float("inf")
    out["failures"] = [f for p in parts for f in p.get("failures", [])]
    return out


def learning_scores(gz, ucdp_path: Path, rows: Sequence[dict], score_ucdp: Callable, *,
                    governorates: Sequence[str] | None = None) -> dict:
    """{"none"|"all-in"|"never taught": {"context"|"bare": score}, "build_s": [...], "per_governorate": {...}}."""
    locations, _ = read_locations(ucdp_path, "ucdp")
    govs = list(governorates or sorted({r["governorate"] for r in rows}))
    result: dict = {"per_governorate": {}, "build_s": []}
    aliases = learn(locations, gz.places, dataset="ucdp", source="dev")
    started = time.perf_counter()
    learned_all = with_learned(gz, aliases)
    result["build_s"].append(time.perf_counter() - started)
    for label, g in (("none", gz), ("all-in", learned_all)):
        result[label] = {m: score_ucdp(g, rows, with_context=(m == "context"), keep_failures=False)
                         for m in ("context", "bare")}
    held: dict[str, list[dict]] = {"context": [], "bare": []}
    for gov in govs:
        test = [r for r in rows if r["governorate"] == gov]
        if not test:
            continue
        train = [loc for loc in locations if _governorate(loc.admin1) != gov]
        aliases = learn(train, gz.places, dataset="ucdp", source=f"dev-without-{gov}")
        t0 = time.perf_counter()
        learned = with_learned(gz, aliases)
        result["build_s"].append(time.perf_counter() - t0)
        per = {}
        for mode in ("context", "bare"):
            s = score_ucdp(learned, test, with_context=(mode == "context"))
            held[mode].append(s)
            per[mode] = s
        result["per_governorate"][gov] = per
    result["never taught"] = {mode: _combine(parts) for mode, parts in held.items()}
    return result


def print_learning(result: dict, line: Callable[[str, dict], str], header: str, *,
                   failures: int = 0, print_failures: Callable | None = None,
                   base_build_s: float | None = None) -> None:
    print("\nLearning scored honestly (UCDP strings; aliases learned with gazetteer/learned.py)")
    print("  never taught = leave one governorate out: learn from the other six, score the seventh, summed")
    print(header)
    for label in ("none", "never taught", "all-in"):
        for mode in ("context", "bare"):
            print(line(f"learned: {label}, {'adm_1 context' if mode == 'context' else 'bare'}", result[label][mode]))
    print("  per held-out governorate (context / bare within 10 km, wrong):")
    for gov, per in result["per_governorate"].items():
        c, b = per["context"], per["bare"]
        print(f"    {gov or '(no adm_1)':<14} n={c['n']:>4}  {c['within_pct']:5.1f}% / {b['within_pct']:5.1f}%  "
              f"wrong {c['wrong_pct']:4.1f}% / {b['wrong_pct']:4.1f}%")
    builds = result["build_s"]
    print(f"  index rebuild with learned aliases: {min(builds):.2f}-{max(builds):.2f} s "
          f"(on top of the base build; what a store's first resolve costs)")
    if base_build_s is not None:
        print(f"  build including learned aliases (all-in): {base_build_s + builds[0]:.2f} s "
              f"(base {base_build_s:.2f} s + aliases {builds[0]:.2f} s; target 1 s)")
    if failures and print_failures is not None:
        print_failures("never taught, context", result["never taught"]["context"]["failures"], failures)


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from bench.gazetteer_real import (DEFAULT_SHARED, HEADER, UCDP_DEV, _line, _print_failures, build_gazetteer,
                                      load_ucdp_place_rows, score_ucdp)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--failures", type=int, default=0)
    args = ap.parse_args(argv)
    ucdp = args.shared / UCDP_DEV
    if not ucdp.exists():
        print(f"SKIP learning: {ucdp} is absent")
        return 0
    gz, build_s = build_gazetteer(features=False)
    rows = load_ucdp_place_rows(ucdp)
    print_learning(learning_scores(gz, ucdp, rows, score_ucdp), _line, HEADER, failures=args.failures,
                   print_failures=_print_failures, base_build_s=build_s)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
