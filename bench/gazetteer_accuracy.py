"""Gazetteer accuracy and speed benchmark.

Usage: ``python bench/gazetteer_accuracy.py [--communities 2500] [--seed 7]``

What it measures, and why this way:

* **Generated variants.** For every city and a seeded sample of OCHA
  communities, one Arabic and one Latin *variant* of the stored name is
  generated with the spelling changes real reports make (article forms,
  ta marbuta, alef maqsura, hamza seats, diacritics, tatweel, joined words,
  qualifiers; Latin vowel and ending changes, q/k, doubled letters,
  apostrophes, French ``ch``/``dj``). The stored spelling itself is never a
  test query. Each query is resolved twice: bare, and with the governorate
  named as context (as reports usually do).
* **Scoring.** ``correct`` = resolved and within 10 km of the true point;
  ``wrong`` = resolved (confident) but farther; ``ambiguous`` and
  ``unresolved`` are honest non-answers. "Unique names" are places whose
  folded name no other place more than 10 km away shares — only there can a
  bare name be answered at all; "town names" in the targets means these.
* **Hand cases.** Spellings and phrases as they appear in real reporting,
  with the expected place, area precision or status.
* **Speed.** Cold build (CSV + GeoJSON + index), cached ``get_gazetteer()``,
  and uncached names/second over the whole variant list.
"""
from __future__ import annotations

import argparse
import random
import resource
import subprocess
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer.geometry import haversine_km  # noqa: E402
from gazetteer.model import PlaceKind, Precision, ResolutionStatus  # noqa: E402
from gazetteer.normalize import name_key  # noqa: E402

WITHIN_KM = 10.0

# -- variant generators ----------------------------------------------------
_AR_DIAC = "\u064e\u0650\u064f"


def ar_variant(name: str, rng: random.Random) -> str:
    ops = [
        lambda s: s[2:] if s.startswith("ال") else "ال" + s,
        lambda s: s.replace("ة", "ه") if "ة" in s else (s[:-1] + "ة" if s.endswith("ه") else s),
        lambda s: re.sub("ى$", "ي", s) if s.endswith("ى") else re.sub("ي$", "ى", s),
        lambda s: re.sub("[أإآ]", "ا", s) if re.search("[أإآ]", s) else re.sub("^ا", "أ", s),
        lambda s: "".join(c + (rng.choice(_AR_DIAC) if c.isalpha() and rng.random() < 0.4 else "") for c in s),
        lambda s: s[: len(s) // 2] + "ـ" + s[len(s) // 2:] if len(s) > 3 else s,
        lambda s: s.replace(" ", "", 1),
        lambda s: s.replace("ئ", "ي").replace("ؤ", "و").replace("ء", ""),
        lambda s: _drop_long_vowel(s, rng),
    ]
    out = _apply(name, ops, rng)
    return (rng.choice(["بلدة ", "قرية ", "مدينة "]) + out) if out and rng.random() < 0.15 else out


def _drop_long_vowel(s: str, rng: random.Random) -> str:
    spots = [i for i, c in enumerate(s) if c in "اوي" and 1 < i < len(s) - 1 and s[i - 1] != " "]
    if not spots or len(s) < 5:
        return s
    i = rng.choice(spots)
    return s[:i] + s[i + 1:]


_ARTICLE = re.compile(r"^(al|el|ar|as|ad|az|at|an|ash|ath|ed|er|es|ez|en)[- ]", re.I)


def lat_variant(name: str, rng: random.Random) -> str:
    ops = [
        lambda s: _ARTICLE.sub(rng.choice(["al-", "el-", "Al ", "", "Al-"]), s) if _ARTICLE.match(s)
        else rng.choice(["al-", "Al ", "el-"]) + s,
        lambda s: _swap_one(s, rng, [("e", "i"), ("i", "e"), ("o", "u"), ("u", "o"), ("ee", "i"), ("ou", "u"),
                                      ("a", "e")]),
        lambda s: re.sub(r"(eh|ah|a|e)$", rng.choice(["a", "ah", "eh", "e"]), s),
        lambda s: re.sub(r"iy(eh|a|ah)$", rng.choice(["iya", "iyah", "ieh", "iyeh"]), s),
        lambda s: _swap_one(s, rng, [("q", "k"), ("Q", "K"), ("k", "q"), ("ch", "sh"), ("sh", "ch"), ("j", "dj"),
                                      ("y", "i"), ("i", "y")]),
        lambda s: re.sub(r"([bdfklmnrst])\1", r"\1", s, count=1) if re.search(r"([bdfklmnrst])\1", s)
        else re.sub(r"([aeiou])([bdlmnrst])([aeiou])", r"\1\2\2\3", s, count=1),
        lambda s: s.replace("'", "") if "'" in s else re.sub(r"^(\w)(a)", r"\1a'", s, count=1),
        lambda s: s.replace("-", " ") if "-" in s else s.replace(" ", "-", 1),
        lambda s: s.lower() if rng.random() < 0.5 else s.upper(),
    ]
    return _apply(name, ops, rng)


def _swap_one(s: str, rng: random.Random, pairs) -> str:
    options = [(a, b) for a, b in pairs if a in s]
    if not options:
        return s
    a, b = rng.choice(options)
    spots = [m.start() for m in re.finditer(re.escape(a), s)]
    i = rng.choice(spots)
    return s[:i] + b + s[i + len(a):]


def _apply(name: str, ops, rng: random.Random) -> str:
    for _ in range(12):
        out = name
        for op in rng.sample(ops, rng.choice([1, 1, 2])):
            out = op(out)
        if out != name and out.strip():
            return out
    return ""


# -- hand-written cases ------------------------------------------------------
# (query, context, expectation): a C-/P-code, a Precision (area answer), or a status.
HAND = [
    ("الطريف", None, "C5133"), ("Al Tareef", None, "C5133"), ("At Tarif", None, "C5133"),
    ("بلدة كسرة", "في محافظة دير الزور", "C5096"), ("كسرة", None, ResolutionStatus.AMBIGUOUS),
    ("دير الزور", None, "C5086"), ("Dayr az Zawr", None, "C5086"), ("Deir Ezzor", None, "C5086"),
    ("Dair al-Zour", None, "C5086"), ("الرقة", None, "C5710"), ("Raqqa", None, "C5710"),
    ("al-Mayadeen", None, "C5192"), ("الميادين", None, "C5192"), ("Albukamal", None, "C5167"),
    ("البوكمال", None, "C5167"), ("al-Bab", None, "C1202"), ("Manbij", None, "C1767"), ("منبج", None, "C1767"),
    ("Jarabulus", None, "C2227"), ("A'zaz", None, "C1564"), ("Tal Abyad", None, "C5792"),
    ("Ras al-Ain", "Hasakah", "C4988"), ("al-Qamishli", None, "C4564"), ("Kobani", None, "C1946"),
    ("عين العرب", None, "C1946"), ("Palmyra", None, "C2889"), ("تدمر", None, "C2889"),
    ("Maarat al-Numan", None, "C3985"), ("Saraqib", None, "C3916"), ("Khan Sheikhoun", None, "C3987"),
    ("خان شيخون", None, "C3987"), ("Jisr al-Shughur", None, "C4199"), ("Douma", "Rif Dimashq", "C2338"), ("دوما", "ريف دمشق", "C2338"),
    ("Darayya", None, "C2498"), ("داريا", None, "C2498"), ("Daraa", None, "C5993"), ("al-Sukhnah", None, "C2893"),
    ("Hajin", None, "C5175"), ("al-Baghuz", None, "C6795"), ("الشحيل", None, "C5119"),
    ("Diban", "Deir ez-Zor", "C5202"), ("al-Rastan", None, "C2870"), ("Talbiseh", None, "C2882"),
    ("Salamiyah", None, "C3244"), ("Latakia", None, "C3480"), ("Tartus", None, "C5221"),
    ("Busra al-Sham", None, "C6002"), ("Sweida", None, "C6147"), ("Atarib", None, "C1022"),
    ("Tel Rifaat", None, "C1621"), ("Ain Issa", None, "C5905"), ("Tabqa", None, "C5929"),
    ("حلب", None, "C1007"), ("Aleppo", None, "C1007"), ("دمشق", None, "C1001"), ("Homs", None, "C2528"),
    ("البو ليل", None, "C5126"), ("al-Buleel", None, "C5126"),
    ("محافظة الرقة", None, "SY11"), ("Raqqa governorate", None, "SY11"), ("محافظة دير الزور", None, "SY09"),
    ("ريف مدينة دير الزور الشمالي الغربي", None, Precision.NEAR),
    ("north-western countryside of Deir ez-Zor city", None, Precision.NEAR),
    ("جنوب غربي مدينة دير الزور", None, Precision.NEAR),
    ("منطقة البو ليل جنوب غربي مدينة دير الزور", None, Precision.NEAR),
    ("المنطقة التابعة لبلدة الطريف في ريف مدينة دير الزور الشمالي الغربي", None, Precision.NEAR),
    ("ريف حلب الغربي", None, Precision.NEAR), ("western countryside of Aleppo", None, Precision.NEAR),
    ("ريف ادلب الجنوبي", None, Precision.NEAR), ("northern Hama countryside", None, Precision.NEAR),
    ("بلدة الطريف في ريف مدينة دير الزور الشمالي الغربي", None, "C5133"),
    ("10 km north of Raqqa", None, Precision.NEAR), ("على بعد 20 كم جنوب شرق مدينة دير الزور", None, Precision.NEAR),
    ("near Palmyra", None, Precision.NEAR), ("قرب بلدة الطريف", None, Precision.NEAR),
    ("Kisreh sub-district", None, "SY090101"), ("Idlib province", None, "SY07"),
    ("شمال البلاد", None, Precision.REGION), ("north of the country", None, Precision.REGION),
    ("شمال سوريا", None, Precision.REGION), ("east of Syria", None, Precision.REGION),
    ("شرق سوريا", None, Precision.REGION), ("Xyzzyville", None, ResolutionStatus.UNRESOLVED),
    ("قرية لا وجود لها", None, ResolutionStatus.UNRESOLVED),
]


def hand_ok(res, expect) -> bool:
    if isinstance(expect, ResolutionStatus):
        return res.status is expect
    if res.status is not ResolutionStatus.RESOLVED:
        return False
    if isinstance(expect, Precision):
        return res.precision is expect
    return res.place is not None and res.place.pcode == expect


# -- evaluation ----------------------------------------------------------------
def classify(res, place) -> str:
    if res.status is ResolutionStatus.RESOLVED:
        if res.lat is not None and float(haversine_km(res.lat, res.lon, place.lat, place.lon)) <= WITHIN_KM:
            return "correct"
        return "wrong"
    return res.status.value


def unique_names(places) -> set[str]:
    """P-codes whose Arabic and English folded names no place > 10 km away shares."""
    by_key = defaultdict(list)
    for p in places:
        for n in (p.name_ar, p.name_en):
            if n:
                by_key[name_key(n)].append(p)
    unique = set()
    for p in places:
        if all(float(haversine_km(p.lat, p.lon, q.lat, q.lon)) <= WITHIN_KM
               for n in (p.name_ar, p.name_en) if n for q in by_key[name_key(n)]):
            unique.add(p.pcode)
    return unique


def report(title: str, rows: list[tuple[str, str, bool]]) -> None:
    print(f"\n{title}")
    print(f"  {'set':34} {'n':>5} {'within10km':>10} {'ambiguous':>9} {'unresolved':>10} {'wrong':>6}")
    groups = defaultdict(list)
    for script, outcome, unique in rows:
        groups[f"{script} all"].append(outcome)
        if unique:
            groups[f"{script} unique names (town names)"].append(outcome)
    for key in sorted(groups):
        c, n = Counter(groups[key]), len(groups[key])
        print(f"  {key:34} {n:5d} {c['correct'] / n:10.1%} {c['ambiguous'] / n:9.1%} "
              f"{c['unresolved'] / n:10.1%} {c['wrong'] / n:6.1%}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--communities", type=int, default=2500, help="communities sampled (all cities are added)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    from gazetteer import get_gazetteer
    gz = get_gazetteer()
    cold, cold_cpu = time.perf_counter() - t0, time.process_time() - c0
    rss_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
    t1 = time.perf_counter()
    get_gazetteer()
    cached = time.perf_counter() - t1
    print(f"index: {len(gz.places)} places, {gz.index.key_count} name keys; "
          f"cold build (CSV + GeoJSON + index) {cold:.2f} s wall, {cold_cpu:.2f} s CPU "
          f"(name index alone {gz.build_seconds:.2f} s); cached get_gazetteer() {cached * 1e6:.1f} µs")
    fresh = subprocess.run(
        [sys.executable, "-c", "import time; t = time.perf_counter(); from gazetteer import get_gazetteer; "
         "get_gazetteer().resolve('الطريف'); print(f'{time.perf_counter() - t:.2f}')"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    print(f"fresh interpreter: import gazetteer (shapely, rapidfuzz, numpy) + build + first resolve = {fresh} s")
    sizes = {p.name: p.stat().st_size for p in [ROOT / "data" / "places.csv", *sorted((ROOT / "data" / "admin").glob("*.geojson"))]}
    print("input sizes: " + ", ".join(f"{k} {v / 1024:,.0f} KiB" for k, v in sizes.items())
          + f"; process memory grew {rss_mib:,.0f} MiB (imports + gazetteer)")

    rng = random.Random(args.seed)
    settlements = [p for p in gz.places if p.kind in (PlaceKind.CITY, PlaceKind.COMMUNITY)]
    cities = [p for p in settlements if p.kind is PlaceKind.CITY]
    sample = cities + rng.sample([p for p in settlements if p.kind is PlaceKind.COMMUNITY],
                                 min(args.communities, len(settlements) - len(cities)))
    unique = unique_names(settlements)
    taken = defaultdict(list)
    for p in settlements:
        for n in (p.name_ar, p.name_en, *p.names):
            if n:
                taken[name_key(n)].append(p)
    queries, collisions = [], 0
    for p in sample:
        for script, make, source in (("arabic", ar_variant, p.name_ar), ("latin", lat_variant, p.name_en)):
            q = make(source, rng) if source else ""
            if not q:
                continue
            # A "misspelling" that is exactly another place's name tests nothing: skip it, count it.
            own = {name_key(n) for n in (p.name_ar, p.name_en, *p.names) if n}
            if name_key(q) not in own and any(float(haversine_km(p.lat, p.lon, o.lat, o.lon)) > WITHIN_KM
                                              for o in taken.get(name_key(q), ())):
                collisions += 1
                continue
            queries.append((script, q, p))
    print(f"test set: {len(sample)} places ({len(cities)} cities), {len(queries)} generated variants "
          f"({sum(s == 'arabic' for s, _, _ in queries)} Arabic, {sum(s == 'latin' for s, _, _ in queries)} Latin); "
          f"{sum(p.pcode in unique for p in sample)} places have a unique name; "
          f"{collisions} variants skipped because they spell another place's name exactly")

    for label, with_context in (("no context", False), ("governorate named as context", True)):
        rows = []
        t, c = time.perf_counter(), time.process_time()
        for script, q, p in queries:
            ctx = None
            if with_context and p.admin1:
                ctx = f"محافظة {p.admin1.name_ar}" if script == "arabic" else f"{p.admin1.name_en} governorate"
            res = gz.resolve_uncached(q, context=ctx)
            rows.append((script, classify(res, p), p.pcode in unique))
        dt, dc = time.perf_counter() - t, time.process_time() - c
        report(f"generated variants, {label}: {len(queries) / dt:,.0f} names/s uncached wall clock, "
               f"{len(queries) / dc:,.0f} names/s per CPU second", rows)

    for _, q, _ in queries:
        gz.resolve(q)
    t = time.perf_counter()
    for _, q, _ in queries:
        gz.resolve(q)
    print(f"\ncached resolve() (repeat names): {len(queries) / (time.perf_counter() - t):,.0f} names/s")

    points = [(p.lat, p.lon) for p in settlements]
    t = time.perf_counter()
    agree = sum(1 for p in settlements if p.admin3 and (gz.reverse(p.lat, p.lon)[2] or p.admin1).pcode == p.admin3.pcode)
    dt = time.perf_counter() - t
    print(f"reverse(): {len(points) / dt:,.0f} points/s (STRtree); sub-district agrees with OCHA's own code for "
          f"{agree / len(points):.1%} of {len(points)} settlements (simplified boundaries)")

    failures = []
    for q, ctx, expect in HAND:
        res = gz.resolve(q, context=ctx)
        if not hand_ok(res, expect):
            got = res.place.pcode if res.place else (res.precision.value if res.precision else res.status.value)
            failures.append(f"    {q!r} (context {ctx!r}): expected {getattr(expect, 'value', expect)}, "
                            f"got {res.status.value} {got}")
    print(f"\nhand-written cases from real reporting: {len(HAND) - len(failures)}/{len(HAND)} as expected")
    print("\n".join(failures) if failures else "    (no failures)")


if __name__ == "__main__":
    main()
