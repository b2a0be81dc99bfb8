"""Benchmark article ingestion: precision/recall of events, dates and places, and seconds per article.

Usage: .venv/bin/python bench/ingest_bench.py [--repeat N]

Scores every tests/events/ingest/fixtures/*.expected.json article (the seed
article too when ../shared is present) with events.ingest.evaluate, and times
ingest_article with a warm gazetteer (its one-off build time is printed apart).
Definitions: events P = matched drafts / drafts, R = matched / expected;
dates P/R = matched drafts with the exact expected start, end and precision
over drafts / expected; places likewise over the events that expect a place.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from events.ingest import ingest_article  # noqa: E402
from events.ingest.evaluate import Score, load_expected, published_of, score_article  # noqa: E402

FIXTURES = ROOT / "tests" / "events" / "ingest" / "fixtures"
SHARED = ROOT / ".." / "shared"


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per article (default 20)")
    args = parser.parse_args()

    started = time.perf_counter()
    from gazetteer import get_gazetteer
    gz = get_gazetteer()
    print(f"gazetteer build: {time.perf_counter() - started:.2f} s ({len(gz.places):,} places)")

    total, held = Score(), Score()
    rows = []
    times: list[float] = []
    colds: list[float] = []
    chars = 0
    for path in sorted(FIXTURES.glob("*.expected.json")):
        expected = load_expected(path)
        if "shared_text" in expected:
            text_path = SHARED / expected["shared_text"]
            if not text_path.exists():
                print(f"skip {path.name}: {text_path} absent")
                continue
        else:
            text_path = path.with_name(path.name.replace(".expected.json", ".txt"))
        text = text_path.read_text(encoding="utf-8")
        published = published_of(expected)
        t0 = time.perf_counter()
        drafts = ingest_article(text, published=published, outlet=expected.get("outlet"), gazetteer=gz)
        colds.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            ingest_article(text, published=published, outlet=expected.get("outlet"), gazetteer=gz)
        per = (time.perf_counter() - t0) / args.repeat
        times.append(per)
        chars += len(text)
        score = score_article(drafts, expected, name=path.name.replace(".expected.json", ""))
        (held if expected.get("holdout") else total).add(score)
        rows.append((path.name.replace(".expected.json", ""), len(text), score, per))

    print(f"\n{'article':40} {'chars':>6} {'exp':>4} {'got':>4} {'match':>5} {'dates':>5} {'places':>7} {'s/article':>10}")
    for name, n, s, per in rows:
        print(f"{name:40} {n:6d} {s.expected:4d} {s.drafts:4d} {s.matched:5d} {s.dates_ok:5d} "
              f"{s.places_ok:3d}/{s.places_expected:<3d} {per:10.4f}")
    for label, sc in (("development fixtures (rules written against them)", total),
                      ("held-out fixtures (written after the rules; untuned scores in events/ingest/README.md)", held)):
        if not sc.expected:
            continue
        print(f"\n{label}: {sc.expected} expected events, {sc.drafts} drafts")
        print(f"  events  precision {_ratio(sc.matched, sc.drafts)}  recall {_ratio(sc.matched, sc.expected)}")
        print(f"  dates   precision {_ratio(sc.dates_ok, sc.drafts)}  recall {_ratio(sc.dates_ok, sc.expected)}")
        print(f"  places  precision {_ratio(sc.places_ok, sc.places_expected)}  recall "
              f"{_ratio(sc.places_ok, sc.places_expected)}  (over {sc.places_expected} events that expect a place)")
    print(f"\narticles: {len(rows)}, {chars:,} characters")
    if times:
        print(f"seconds per article: first run (gazetteer answers not cached) mean {sum(colds) / len(colds):.4f}, "
              f"max {max(colds):.4f}; repeated runs mean {sum(times) / len(times):.4f}, max {max(times):.4f} "
              f"({args.repeat} runs each)")
    # size: one long paste made of every fixture body, each paragraph numbered so none is a verbatim repeat
    bodies = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    paragraphs = [para for body in bodies for para in body.split("\n\n")[1:-1] if para.strip()]
    for copies in (1, 5, 20):
        big = "Title\n\n" + "\n\n".join(f"{para} ({i})" for i in range(copies) for para in paragraphs)
        t0 = time.perf_counter()
        n = len(ingest_article(big, published=published_of(load_expected(next(FIXTURES.glob("*.expected.json")))),
                               outlet="bench", gazetteer=gz))
        print(f"one long article: {len(big):,} characters, {len(big.encode('utf-8')):,} bytes, {n} drafts, "
              f"{time.perf_counter() - t0:.2f} s")
    for failure in total.failures + held.failures:
        print("  mismatch:", failure)


if __name__ == "__main__":
    main()
