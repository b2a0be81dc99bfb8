"""The Arabic news phrase section of ``gazetteer_real.py``: labelled phrases, placed right or not.

Why apart: the UCDP and GeoNames sections score points; this one reads the labelled phrases
(``bench/labels/arabic_place_phrases.csv``), the sentence around each phrase from ``../shared``
at run time (the text never enters the repo), and scores points, units and foreign places.
"""
from __future__ import annotations

import csv
import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Sequence

from bench.gazetteer_real import PHRASES, WITHIN_KM, _answer_point, _coarse_holds, _float, _print_failures
from gazetteer.foreign import foreign_place
from gazetteer.geometry import haversine_km
from gazetteer.model import Precision, Resolution, ResolutionStatus


def load_phrases(path: str | Path = PHRASES) -> list[dict]:
    """The labelled Arabic place phrases (empty list when the file is absent)."""
    path = Path(path)
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if (r.get("phrase") or "").strip()]


ARTICLES = Path("arabic_news_dev") / "articles.jsonl"
#: dev: tuned on; opened: the first held-out set, opened for (ingestion) tuning on 4 Dec 2026; heldout: never read.
PHRASE_SPLITS = ("dev", "opened", "heldout")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


def phrase_sentences(rows: Sequence[dict], articles: str | Path) -> dict[int, str]:
    """Row index -> the sentence of its article that holds the phrase (as ingestion passes context).

    Read from ``../shared`` at bench time only; the text never enters the repo. A phrase
    not found verbatim in one sentence gets its paragraph; not found at all, no context.
    """
    path = Path(articles)
    if not path.exists():
        return {}
    wanted = {r["article_id"] for r in rows}
    content = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                if a.get("id") in wanted:
                    content[a["id"]] = a.get("content") or ""
    out = {}
    for i, r in enumerate(rows):
        text = content.get(r["article_id"], "")
        for para in text.split("\n"):
            if r["phrase"] not in para:
                continue
            hit = next((s for s in _SENTENCE_END.split(para) if r["phrase"] in s), para)
            out[i] = hit
            break
    return out


def _inside_unit(gazetteer, pcode: str, lat: float, lon: float) -> bool:
    refs = gazetteer.reverse(lat, lon)
    return any(r is not None and r.pcode == pcode for r in refs)


def score_phrases(gazetteer, rows: Sequence[dict], *, with_context: bool = False) -> dict:
    """Placed right: point within 10 km / the right unit (or an area inside it) / foreign not placed."""
    counts = Counter()
    failures = []
    started = time.perf_counter()
    by_kind = defaultdict(Counter)
    for r in rows:
        kind = (r.get("kind") or "").strip()
        pcode = (r.get("pcode") or "").strip()
        lat, lon = _float(r.get("lat")), _float(r.get("lon"))
        if kind == "point" and (lat is None or lon is None) and pcode:
            place = gazetteer.place(pcode)
            if place is not None:
                lat, lon = place.lat, place.lon
        context = (r.get("context") or None) if with_context else None
        res = gazetteer.resolve_uncached(r["phrase"], context=context)
        elsewhere = foreign_place(r["phrase"], context=context)   # as ingestion does: never put in Syria
        if elsewhere is not None:
            res = Resolution(query=r["phrase"], status=ResolutionStatus.UNRESOLVED,
                             note=f"foreign: {elsewhere.country}")
        point = _answer_point(res)
        answer_codes = {c for c in ((res.place.pcode if res.place else None),
                                    (res.area.anchor.pcode if res.area and res.area.anchor else None)) if c}
        if kind == "foreign":
            right = res.status is not ResolutionStatus.RESOLVED or "foreign" in (res.note or "").lower()
        elif res.status is not ResolutionStatus.RESOLVED or point is None:
            right = False
        elif kind == "unit":
            coarse = res.precision is not None and res.precision is not Precision.POINT
            right = pcode in answer_codes or (coarse and bool(pcode) and _inside_unit(gazetteer, pcode, *point))
            if not right and lat is not None and lon is not None and not coarse:
                right = False
        else:
            right = lat is not None and float(haversine_km(lat, lon, point[0], point[1])) <= WITHIN_KM
        # An honest area holding the labelled point (or the labelled unit's centroid), not "right".
        # So is an area placed relative to the labelled place itself («شرق بلدة الراعي» labelled al-Rai: the
        # east-of-al-Rai sector does not hold al-Rai's point, yet it is the reading the phrase asks for).
        coarse = (not right and kind in ("point", "unit") and lat is not None
                  and res.status is ResolutionStatus.RESOLVED
                  and (_coarse_holds(res, lat, lon) or (bool(pcode) and res.area is not None and res.area.anchor
                                                        is not None and res.area.anchor.pcode == pcode)))
        outcome = "right" if right else "coarse" if coarse else (
            "wrong" if res.status is ResolutionStatus.RESOLVED else res.status.value)  # a foreign place put in Syria too
        counts[outcome] += 1
        by_kind[kind][outcome] += 1
        if not right:
            best = res.place or (res.area.anchor if res.area else None) or (
                res.candidates[0].place if res.candidates else None)
            failures.append({"name": r["phrase"], "kind": kind, "pcode": pcode, "status": res.status.value,
                             "outcome": outcome, "answer": f"{best.name_ar} {best.pcode}" if best else "",
                             "note": res.note})
    seconds = time.perf_counter() - started
    n = len(rows)
    return {"n": n, "right": counts["right"], "wrong": counts["wrong"], "coarse": counts["coarse"],
            "ambiguous": counts["ambiguous"], "unresolved": counts["unresolved"],
            "right_pct": 100.0 * counts["right"] / n if n else 0.0,
            "wrong_pct": 100.0 * counts["wrong"] / n if n else 0.0,
            "by_kind": {k: dict(v) for k, v in by_kind.items()},
            "names_per_s": n / seconds if seconds > 0 else float("inf"), "failures": failures}


def print_phrase_section(gz, args) -> None:
    """Arabic news phrases: tuning (dev) and held-out articles, bare and with the article's sentence."""
    phrases = load_phrases(args.phrases)
    if not phrases:
        print(f"\nSKIP Arabic news phrases: {args.phrases} is absent or empty")
        return
    sentences = phrase_sentences(phrases, args.shared / ARTICLES)
    rows = [{**r, "context": sentences.get(i, "")} for i, r in enumerate(phrases)]
    print(f"\nArabic news phrases ({args.phrases.name}): {len(rows)} phrases; split by article "
          f"(tune on 'dev', and on 'opened' since 4 Dec 2026; report 'heldout'; bench/labels/README.md)"
          + ("" if sentences else f"; SKIP sentence context: {args.shared / ARTICLES} is absent"))
    print(f"  {'set':<34} {'n':>4}  {'right':>6}  {'wrong':>6}  {'coarse':>6}  {'ambig.':>6}  {'unres.':>6}  {'names/s':>8}")
    shown = []
    for with_context in (False, True) if sentences else (False,):
        for split in PHRASE_SPLITS + ("all",):
            subset = [r for r in rows if split == "all" or r.get("split") == split]
            if not subset:
                continue
            s = score_phrases(gz, subset, with_context=with_context)
            label = f"{ {'heldout': 'HOLD-OUT', 'dev': 'tune', 'opened': 'opened (was hold-out)'}.get(split, 'all')}, " \
                    f"{'sentence context' if with_context else 'bare'}"
            print(f"  {label:<34} {s['n']:>4}  {s['right_pct']:5.1f}%  {s['wrong_pct']:5.1f}%  {s['coarse']:>6}  "
                  f"{s['ambiguous']:>6}  {s['unresolved']:>6}  {s['names_per_s']:>8.0f}")
            if split in ("dev", "opened"):
                shown.append((label, s))
    for label, s in shown:   # failures of the tuning parts only: the held-out ones are not for tuning
        _print_failures(f"Arabic phrases, {label}", s["failures"], args.failures)
