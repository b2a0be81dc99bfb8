"""Benchmark ingestion on real reporting: hand-labelled Arabic articles and UCDP's English headlines.

Usage: .venv/bin/python bench/ingest_real.py [--limit N] [--workers N] [--only ar|en] [--show N]

The texts stay in ../shared (never in the repo); the labels are facts in bench/labels/.

Arabic (``bench/labels/arabic_incidents.jsonl`` over ``../shared/data/arabic_news_dev/articles.jsonl``):
  every labelled incident is matched to at most one draft of its article (greedy, best first):
  same paragraph (±1), overlapping dates and the place right, or — when no draft is that close —
  same paragraph and type family. Printed per split (dev: the rules may be tuned on it; heldout: never).
  - precision = matched drafts / drafts (a draft of an article's skipped paragraph counts as wrong),
    recall = matched incidents / incidents;
  - date right = the draft's span overlaps the labelled span and is not more precise than the text
    (an unstated date must not come out as a single stated day);
  - place right = within 10 km of the labelled point (towns), or the labelled unit contains the
    draft's point / the draft's unit is the labelled unit (areas);
  - drafts without coordinates, CPU seconds per article in a warm process (CPU, not wall: the
    machine may be shared; the batch run below prints wall time and the load).

English (``../shared/data/ucdp_ged_syria_dev/ged_syria_dev.csv``): each UCDP row's ``source_headline``
(several headlines joined by ";" are one text, one per line) is ingested with the first ``source_date``
as publication day. The row is found when a draft's date overlaps UCDP's date span (±1 day: UCDP dates
the event, headlines print it the next day) and its place is right (10 km of UCDP's point for
where_prec 1–2, else UCDP's governorate). Scored over all rows, and over the subset whose headline names
UCDP's place; Homs and Latakia governorates are held out (never looked at while writing rules):
their figure is the one that counts.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer.geometry import haversine_km  # noqa: E402  (after the path insert)

SHARED = ROOT.parent / "shared" / "data"
UCDP = SHARED / "ucdp_ged_syria_dev" / "ged_syria_dev.csv"
ARTICLES = SHARED / "arabic_news_dev" / "articles.jsonl"
LABELS = ROOT / "bench" / "labels" / "arabic_incidents.jsonl"
HELD_OUT_GOVERNORATES = ("Homs Governorate", "Latakia Governorate")
TOWN_KM = 10.0
FAMILIES = {"air_strike": "strike", "shelling": "strike", "explosion": "strike", "attack": "fight", "clash": "fight",
            "territory": "fight", "siege": "siege", "siege_broken": "siege"}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(haversine_km(float(lat1), float(lon1), float(lat2), float(lon2)))


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


# ---------------------------------------------------------------------------------------------- English
_KIND_WORDS = re.compile(r"\b(?:town|village|city|district|governorate|sub-?district|area|neighbou?rhood|suburb|camp|"
                         r"hill|mountain|plain|dam|airport|airbase|base|field|oil/gas field|province|region|nahiya)\b.*$",
                         re.I)


def _latin_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\b(?:al|el|ad|as|ar|ash|az|at|an|ed|es|ez)[\s\-]", "", text)
    text = re.sub(r"[^a-z]+", "", text)
    return re.sub(r"(.)\1+", r"\1", text).replace("ou", "u").replace("ee", "i").replace("e", "a")


def headline_names_place(headline: str, where: str) -> bool:
    """True when UCDP's place string (without its kind word) is written in the headline (loose Latin fold)."""
    base = _KIND_WORDS.sub("", where.split("(")[0]).strip()
    names = [n for n in re.split(r"[/,]", base) if n.strip()]
    words = [w for w in re.split(r"[\s\-]+", headline) if w]
    folded_words = [_latin_fold(w) for w in words]
    for name in names:
        target = _latin_fold(name)
        if len(target) < 3:
            continue
        n = len(name.split())
        for i in range(len(words)):
            for span in (n, n + 1, max(1, n - 1)):
                if "".join(folded_words[i:i + span]) == target:
                    return True
    return False


@dataclass
class EnRow:
    gov: str
    names_place: bool
    found: bool
    drafts: int
    unlocated: int
    seconds: float


def _en_rows(limit: int | None) -> list[dict]:
    with UCDP.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return rows[:limit] if limit else rows


def _first_date(value: str) -> date | None:
    for part in (value or "").split(";"):
        try:
            d = date.fromisoformat(part.strip()[:10])
        except ValueError:
            continue
        if d.year > 1900:
            return d
    return None


def _place_right_ucdp(event, row: dict, gz) -> bool:
    place = event.place or event.origin or event.destination
    if place is None or place.lat is None:
        return False
    lat, lon = float(row["latitude"]), float(row["longitude"])
    prec = int(float(row["where_prec"] or 7))
    if prec <= 2:
        reach = TOWN_KM + (place.radius_km or 0.0)
        return km(place.lat, place.lon, lat, lon) <= reach
    adm1, _, _ = gz.reverse(lat, lon)
    return adm1 is not None and place.admin1_pcode == adm1.pcode


def score_en_row(row: dict, gz) -> EnRow:
    from events.ingest import ingest_article
    headline = ".\n".join(h.strip().rstrip(".") for h in (row["source_headline"] or "").split(";") if h.strip())
    published = _first_date(row["source_date"]) or date.fromisoformat(row["date_start"])
    start, end = date.fromisoformat(row["date_start"]), date.fromisoformat(row["date_end"])
    names = headline_names_place(headline, row["where_coordinates"] or "")
    t0 = time.process_time()
    try:
        drafts = ingest_article(headline or "-", published=published, gazetteer=gz, language="en")
    except Exception:  # noqa: BLE001 — a headline the reader refuses is simply not found
        drafts = []
    seconds = time.process_time() - t0
    found = False
    for d in drafts:
        e = d.event
        if e.date is None or e.date.start > end + timedelta(days=1) or e.date.end < start - timedelta(days=1):
            continue
        if _place_right_ucdp(e, row, gz):
            found = True
            break
    unlocated = sum(1 for d in drafts if (d.event.place or d.event.origin) is None or not (d.event.place or d.event.origin).located)
    return EnRow(row["adm_1"], names, found, len(drafts), unlocated, seconds)


_GZ = None


def _worker(chunk: list[dict]) -> list[EnRow]:
    return [score_en_row(r, _GZ) for r in chunk]


def run_english(limit: int | None, workers: int, gz) -> None:
    global _GZ
    _GZ = gz
    rows = _en_rows(limit)
    if workers > 1:
        import multiprocessing as mp
        chunks = [rows[i::workers] for i in range(workers)]
        with mp.get_context("fork").Pool(workers) as pool:
            results = [r for part in pool.map(_worker, chunks) for r in part]
    else:
        results = _worker(rows)
    print(f"\nEnglish: UCDP headlines, {len(results):,} rows (held-out governorates: {', '.join(HELD_OUT_GOVERNORATES)})")
    print(f"{'subset':<44}{'rows':>7}{'found':>8}{'recall':>8}{'drafts':>8}{'no coords':>10}")

    def line(label: str, sel: list[EnRow]) -> None:
        found = sum(r.found for r in sel)
        drafts = sum(r.drafts for r in sel)
        print(f"{label:<44}{len(sel):>7}{found:>8}{_ratio(found, len(sel)):>8}{drafts:>8}"
              f"{_ratio(sum(r.unlocated for r in sel), drafts):>10}")
    dev = [r for r in results if r.gov not in HELD_OUT_GOVERNORATES]
    held = [r for r in results if r.gov in HELD_OUT_GOVERNORATES]
    line("all rows — dev governorates", dev)
    line("all rows — HELD-OUT governorates", held)
    line("names its place — dev governorates", [r for r in dev if r.names_place])
    line("names its place — HELD-OUT (target ≥ 0.75)", [r for r in held if r.names_place])
    line("names its place — all", [r for r in results if r.names_place])
    secs = [r.seconds for r in results]
    print(f"CPU seconds per headline: mean {sum(secs) / max(1, len(secs)):.4f}, max {max(secs, default=0):.4f}")


# ---------------------------------------------------------------------------------------------- Arabic
@dataclass
class ArScore:
    articles: int = 0
    incidents: int = 0
    drafts: int = 0
    matched: int = 0
    date_ok: int = 0
    place_ok: int = 0
    unlocated: int = 0
    seconds: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    unmatched: dict[str, int] = field(default_factory=dict)   # drafts matching no incident, by what the labels say
    abroad: dict[str, int] = field(default_factory=dict)      # of those in outside_syria paragraphs: why (counts)


def _unmatched_kind(para: int, lab: dict, missed: set[int] = frozenset()) -> str:
    """What the labels say of the paragraph an unmatched draft comes from: a skipped reason (the first one
    listed for that paragraph), "beside a missed incident" (likely that incident told wrong: type, date or
    place), "beside matched incidents" (a second telling, or one split in two), "title", or "unlabelled paragraph". Counts only, so held-out text stays unread."""
    if para < 0:
        return "title"
    near = [j for j, inc in enumerate(lab.get("incidents", [])) if abs(inc["para"] - para) <= 1]
    if near:   # a missed incident there: the draft is likely it, told wrong (type, date or place)
        return "beside a missed incident" if any(j in missed for j in near) else "beside matched incidents"
    reasons = [sk["reason"] for sk in lab.get("skipped", []) if sk["para"] == para]
    return reasons[0] if reasons else "unlabelled paragraph"


def _abroad_signals(draft, text: str, content: str, offset: int, para: int) -> list[str]:
    """Why a draft in a paragraph the labels put outside Syria was still made, as count keys (no text).

    Whether it has coordinates; whether its own clause, or only its paragraph, names a foreign country
    (``names_foreign_country``); whether its place phrase is a town the foreign gazetteer knows; its
    place's precision.
    """
    from gazetteer.foreign import foreign_place
    place = draft.event.place or draft.event.origin
    out = ["located" if place is not None and place.located else "no coordinates"]
    clause = text[draft.span[0]:draft.span[1]]
    paragraph = content.split("\n")[para] if 0 <= para < content.count("\n") + 1 else ""
    out.append("clause names a foreign country" if _names_abroad(clause, countries=True) else
               "only the paragraph names one" if _names_abroad(paragraph, countries=True) else
               "no foreign country named")
    out.append("clause names a foreign place" if _names_abroad(clause, countries=False) else
               "only the paragraph names a foreign place" if _names_abroad(paragraph, countries=False) else
               "no foreign place named")
    if place is not None and place.as_written and foreign_place(place.as_written) is not None:
        out.append("place phrase is a known foreign place")
    from gazetteer.foreign import _adjective_keys, _country_keys
    from gazetteer.normalize import name_tokens
    nouns = {k for keys in _country_keys().values() for k in keys}
    adjectives = set(_adjective_keys()) - nouns
    tokens = name_tokens(clause)
    if any(t in nouns for t in tokens):
        out.append("clause has a country noun")
    if any(t in adjectives for t in tokens):
        out.append("clause has a country adjective")
    from events.ingest.abroad import _SYRIA_WORDS
    from events.ingest.normalize import fold_text
    from events.ingest.stance import CLAIM
    from events.ingest.abroad import frame_abroad, locative_abroad
    if place is not None and place.as_written and locative_abroad(clause, place.as_written):
        out.append("«في <country>» before the place phrase")
    if frame_abroad(clause):
        out.append("the clause opens on a foreign place")
    if _SYRIA_WORDS.search(clause):
        out.append("clause names Syria")
    if CLAIM.search(fold_text(clause)):
        out.append("clause has a speech verb")
    if draft.event.place is not None and draft.event.origin is not None or draft.event.destination is not None:
        out.append("a movement")
    if place is not None and place.as_written:
        country = next((c for c, keys in _country_keys().items() if any(t in keys for t in tokens)), None)
        if country and foreign_place(place.as_written, abroad=country) is not None:
            out.append("place phrase is a strict town of the clause's country")
        at = clause.find(place.as_written)
        if at >= 0:
            before = name_tokens(clause[:at])
            if any(t in nouns or t in adjectives for t in before):
                out.append("a country word before the place phrase")
            if any(t in nouns or t in adjectives for t in name_tokens(clause[at + len(place.as_written):])):
                out.append("a country word after the place phrase")
    if any(part.startswith("outside Syria") for part in draft.place_parts):
        out.append("a phrase of the clause was read as abroad")
    if place is not None and place.precision is not None:
        out.append(f"precision {place.precision.value}")
    return out


def _names_abroad(text: str, *, countries: bool) -> bool:
    """Does ``text`` name a foreign country (noun or adjective), or else any non-strict foreign place?"""
    from gazetteer.foreign import _adjective_keys, _country_keys, _index, _key
    from gazetteer.normalize import name_tokens
    tokens = name_tokens(text)
    if countries:
        words = {k for keys in _country_keys().values() for k in keys} | set(_adjective_keys())
        return any(t in words for t in tokens)
    index = _index()
    return any(any(not p.strict for p in index.get(_key(tokens[i:i + n]), ()))
               for n in (1, 2, 3) for i in range(len(tokens) - n + 1))


def _paragraph_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def _para_index(content: str) -> list[int]:
    """Paragraph number (0-based, split on "\\n") of each character offset's line start."""
    return [i for i, ch in enumerate(content) if ch == "\n"]


def _date_right(event, inc: dict) -> bool:
    d = event.date
    if d is None:
        return False
    a, b = date.fromisoformat(inc["date_from"]), date.fromisoformat(inc["date_to"])
    if d.start > b or d.end < a:
        return False
    if not inc.get("date_stated", True) and (d.end - d.start).days < (b - a).days and d.start == d.end:
        return False  # more precise than the text
    return True


def _place_right_ar(event, inc: dict, gz) -> bool:
    place = event.place or event.origin or event.destination
    if place is None:
        return False
    pcode = inc.get("pcode") or ""
    if inc.get("kind") == "unit" and pcode:
        if place.pcode == pcode or place.admin1_pcode == pcode and len(pcode) == 4 and place.precision is not None \
                and place.precision.value == "governorate":
            return True
        if place.pcode == pcode or pcode in (place.admin2_pcode, place.admin3_pcode) and len(pcode) > 4:
            return place.precision is not None and place.precision.value != "point" or place.pcode == pcode
        if place.lat is not None and len(pcode) == 4:
            return place.admin1_pcode == pcode and (place.precision is None or place.precision.value != "point")
        return False
    if place.lat is None:
        return False
    if inc.get("lat") is not None:
        return km(place.lat, place.lon, float(inc["lat"]), float(inc["lon"])) <= TOWN_KM
    return bool(pcode) and place.pcode == pcode


def _match_score(draft_para: int, event, inc: dict, gz) -> int:
    """How well a draft fits a labelled incident (0: not at all). Doubled, plus one for the exact type, so that
    of two drafts that fit one incident equally by family ("strike": air strike, shelling…) the one of its own
    type takes it; run_arabic breaks the remaining ties in favour of the earlier draft (the first telling)."""
    if abs(draft_para - inc["para"]) > 1:
        return 0
    fam = FAMILIES.get(event.event_type.value, event.event_type.value)
    same_type = fam == FAMILIES.get(inc["type"], inc["type"])
    exact = event.event_type.value == inc["type"]
    place = _place_right_ar(event, inc, gz)
    when = _date_right(event, inc)
    if place and when:
        return 2 * (4 + same_type) + exact
    if place:
        return 2 * (3 + same_type) + exact
    if same_type and draft_para == inc["para"]:
        return 2 * (1 + when) + exact
    return 0


def best_pairs(scores: list[list[int]]) -> list[tuple[int, int]]:
    """(draft, incident) pairs with a positive score, one incident per draft and one draft per incident, that
    match the most incidents and, among those, have the highest total score (Hungarian algorithm on the
    square matrix; a greedy pass depended on the order of ties). Ties: the earlier draft."""
    n_d = len(scores)
    n_i = len(scores[0]) if scores else 0
    n = max(n_d, n_i)
    if not n or not n_i:
        return []
    big = 1 + max((v for row in scores for v in row), default=0)
    # cost to minimise: a match is worth big·(n+1) (more matches first), then its score, then an earlier draft
    cost = [[-(scores[i][j] * (n + 1) + big * (n + 1) ** 2 - i) if i < n_d and j < n_i and scores[i][j] > 0 else 0
             for j in range(n)] for i in range(n)]
    u, v, p, way = [0] * (n + 1), [0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [float("inf")] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], float("inf"), 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = [(p[j] - 1, j - 1) for j in range(1, n + 1) if p[j]]
    return sorted((i, j) for i, j in pairs if i < n_d and j < n_i and scores[i][j] > 0)


def run_arabic(gz, show: int) -> None:
    from events.ingest import ingest_article
    if not LABELS.exists() or not ARTICLES.exists():
        print(f"\nArabic: {LABELS if not LABELS.exists() else ARTICLES} absent — skipped")
        return
    articles = {}
    with ARTICLES.open(encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            articles[a["id"]] = a
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    scores: dict[str, ArScore] = {}
    for lab in labels:
        art = articles.get(lab["article_id"])
        if art is None:
            continue
        split = lab.get("split", "dev")
        s = scores.setdefault(split, ArScore())
        s.articles += 1
        published = date.fromisoformat(lab["published"])
        content = art["content"]
        text = (art.get("title") or "").strip() + "\n" + content
        offset = len(text) - len(content)
        t0 = time.process_time()  # CPU time: the machine may be shared; wall time is printed by the batch run
        drafts = ingest_article(text, published=published, outlet=art.get("source"), gazetteer=gz, language="ar")
        s.seconds.append(time.process_time() - t0)
        incs = lab.get("incidents", [])
        s.incidents += len(incs)
        s.drafts += len(drafts)
        paras = [(_paragraph_of(content, max(0, d.span[0] - offset)) if d.span[0] >= offset else -1) for d in drafts]
        scores_ij = [[_match_score(p, d.event, inc, gz) for inc in incs] for p, d in zip(paras, drafts)]
        used_d, used_i = set(), set()
        for i, j in best_pairs(scores_ij):
            used_d.add(i)
            used_i.add(j)
            s.matched += 1
            s.date_ok += _date_right(drafts[i].event, incs[j])
            s.place_ok += _place_right_ar(drafts[i].event, incs[j], gz)
            if show and (not _date_right(drafts[i].event, incs[j]) or not _place_right_ar(drafts[i].event, incs[j], gz)):
                e = drafts[i].event
                p = e.place or e.origin
                s.misses.append(f"  wrong {lab['article_id']} p{incs[j]['para']} #{incs[j]['n']} {incs[j]['type']} "
                                f"{incs[j]['date_from']}..{incs[j]['date_to']} {incs[j]['place_phrase']} {incs[j]['pcode']}"
                                f" | got {e.event_type.value} {e.date.start}..{e.date.end} "
                                f"{p.as_written if p else None} {p.pcode if p else ''} {p.precision.value if p and p.precision else ''}")
        for i, d in enumerate(drafts):
            p = d.event.place or d.event.origin
            if p is None or not p.located:
                s.unlocated += 1
            kind = ""
            if i not in used_d:
                kind = _unmatched_kind(paras[i], lab, set(range(len(incs))) - used_i)
                s.unmatched[kind] = s.unmatched.get(kind, 0) + 1
            if kind == "outside_syria":
                for why in _abroad_signals(d, text, content, offset, paras[i]):
                    s.abroad[why] = s.abroad.get(why, 0) + 1
            if show and i not in used_d:
                s.extras.append(f"  extra ({kind}) {lab['article_id']} p{paras[i]} {d.event.event_type.value} "
                                f"{d.event.date.start}..{d.event.date.end} {p.as_written if p else None} "
                                f"{p.pcode if p else ''}")
        if show:
            for j, inc in enumerate(incs):
                if j not in used_i:
                    s.misses.append(f"  missed {lab['article_id']} p{inc['para']} #{inc['n']} {inc['type']} "
                                    f"{inc['date_from']} {inc['place_phrase']} {inc['pcode']}")
    print("\nArabic: hand-labelled articles (targets: precision ≥ 0.85, recall ≥ 0.80, place ≥ 0.80, date ≥ 0.90)")
    print(f"{'split':<10}{'articles':>9}{'incidents':>10}{'drafts':>8}{'precision':>10}{'recall':>8}{'date ok':>9}"
          f"{'place ok':>9}{'no coords':>10}{'CPU s/art':>10}")
    for split in sorted(scores, key=lambda k: k != "dev"):
        s = scores[split]
        print(f"{split:<10}{s.articles:>9}{s.incidents:>10}{s.drafts:>8}{_ratio(s.matched, s.drafts):>10}"
              f"{_ratio(s.matched, s.incidents):>8}{_ratio(s.date_ok, s.matched):>9}{_ratio(s.place_ok, s.matched):>9}"
              f"{_ratio(s.unlocated, s.drafts):>10}{sum(s.seconds) / max(1, len(s.seconds)):>10.4f}")
    kinds = sorted({k for s in scores.values() for k in s.unmatched}, key=lambda k: -sum(s.unmatched.get(k, 0) for s in scores.values()))
    print("drafts matching no incident, by what the labels say of their paragraph (counts only):")
    for split in sorted(scores, key=lambda k: k != "dev"):
        print(f"  {split:<8} " + ", ".join(f"{k} {scores[split].unmatched.get(k, 0)}" for k in kinds))
    print("drafts in paragraphs labelled outside_syria, by what the text shows (counts only; one draft may show several):")
    for split in sorted(scores, key=lambda k: k != "dev"):
        if scores[split].unmatched.get("outside_syria"):
            print(f"  {split:<8} " + ", ".join(f"{k} {v}" for k, v in sorted(scores[split].abroad.items())))
    for split in ("dev", "opened"):   # never print held-out details: nobody tunes on them
        if show and split in scores:
            for line in (scores[split].misses + scores[split].extras)[:show]:
                print(f"[{split}]{line}")


def run_batch(n: int = 100) -> None:
    """Wall time of ``python -m events ingest`` on a JSONL of ``n`` real articles, start-up included (target ≤ 15 s)."""
    import subprocess
    import tempfile
    if not ARTICLES.exists():
        return
    rows = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()[:n]]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("\n".join(json.dumps({"id": r["id"], "title": r["title"], "content": r["content"],
                                              "published": r["date_extracted"][:10], "outlet": r["source"]},
                                             ensure_ascii=False) for r in rows), encoding="utf-8")
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "events", "ingest", str(path), "--json"], cwd=ROOT,
                              capture_output=True, text=True)
        wall = time.perf_counter() - t0
    drafts = len(json.loads(done.stdout)) if done.returncode == 0 else 0
    print(f"\nbatch: {len(rows)} articles through `python -m events ingest FILE.jsonl --json`: {wall:.1f} s wall "
          f"including start-up (target ≤ 15 s), {drafts} drafts, exit {done.returncode}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N UCDP rows")
    parser.add_argument("--workers", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    parser.add_argument("--only", choices=["ar", "en"], default=None)
    parser.add_argument("--show", type=int, default=0, help="print up to N mismatches of each tunable split (Arabic: dev, opened)")
    parser.add_argument("--no-batch", action="store_true", help="skip the 100-article CLI batch timing")
    args = parser.parse_args()
    started = time.perf_counter()
    from gazetteer import get_gazetteer
    gz = get_gazetteer()
    print(f"gazetteer build: {time.perf_counter() - started:.2f} s")
    if args.only != "en":
        run_arabic(gz, args.show)
    if args.only != "ar":
        if UCDP.exists():
            run_english(args.limit, args.workers, gz)
        else:
            print(f"\nEnglish: {UCDP} absent — skipped")
    if not args.no_batch and args.only is None:
        run_batch()


if __name__ == "__main__":
    main()
