"""Corroboration on the development data: pair precision/recall and seconds (prints tables).

Three sets, all from /work/shared/data (never copied into the repo):

1. **Same agency story, several newspapers** (arabic_news_dev): articles of
   different newspapers sharing most of their text are the same wire story.
   Each is ingested with the project's ingestion; a pair of drafts (one per
   article) is *the same incident* when they were read from the same
   sentence of the story (quotes sharing ≥ 80% of their character 4-grams)
   and name the same place; *different* when their places are > 25 km apart
   or their dates do not overlap (pairs in between are left unlabelled). Expected: one group per incident, counted as
   one independent source when both papers cite the same agency.
2. **UCDP rows sharing a source_article** (ucdp_ged_syria_dev): each row is
   copied as another outlet would print it (new id, outlet "Copy", the row's
   office as agency, point moved ≤ 1 km). Same = (row, its copy); different =
   (row, copy of another row built from the same article: same day, often
   a nearby village) — the hard negatives.
3. **Hand-labelled pairs** (bench/labels/corroboration_pairs.csv): 43 pairs of
   drafts from different articles that the rules made candidates, labelled
   same/different incident by reading both sentences; each draft is named by
   article id, draft index and the SHA-1 of its place phrase (no text).

Then the same linking on a synthetic 100k-event store (UCDP-like rows plus
copies) for seconds. Usage: ``python bench/corroboration.py [--n 100000]``.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from events.corroborate import link  # noqa: E402
from events.model import Event, Source  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
NEWS = SHARED / "arabic_news_dev" / "articles.jsonl"
UCDP = SHARED / "ucdp_ged_syria_dev" / "ged_syria_dev.csv"
LABELS = REPO / "bench" / "labels" / "corroboration_pairs.csv"


def _article_events(a: dict, gaz) -> list[Event]:
    """The article's drafts as events named ``<article id>-<k>``, their first source the newspaper itself."""
    from events.ingest import ingest_article
    published = date.fromisoformat(a["date_extracted"][:10])
    events = []
    for k, d in enumerate(ingest_article(a["content"], published=published, outlet=a["source"], gazetteer=gaz)):
        e = d.event
        src = e.sources[0] if e.sources else Source(outlet=a["source"])
        src = replace(src, outlet=a["source"], url=a["url"][:1900] if a["url"].startswith("http") else "")
        events.append(replace(e, id=f"{a['id']}-{k}", sources=(src,) + tuple(e.sources[1:])))
    return events


def grams(text: str, n: int = 4) -> set[str]:
    t = " ".join(text.split())
    return {t[i:i + n] for i in range(max(len(t) - n + 1, 0))}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def score(groups, same: set[frozenset], different: set[frozenset]) -> tuple[float, float, int, int]:
    where = {m: g.group_id for g in groups for m in g.members}
    def linked(pair):
        a, b = tuple(pair)
        return a in where and where.get(a) == where.get(b)
    tp = sum(1 for p in same if linked(p))
    fp = sum(1 for p in different if linked(p))
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / len(same) if same else float("nan")
    return precision, recall, len(same), len(different)


def news_set():
    from gazetteer import get_gazetteer
    articles = [json.loads(line) for line in NEWS.open(encoding="utf-8")]
    shingles = [grams(a["content"], 5) for a in articles]
    pairs = [(i, j) for i in range(len(articles)) for j in range(i + 1, len(articles))
             if articles[i]["source"] != articles[j]["source"] and jaccard(shingles[i], shingles[j]) >= 0.3]
    used = sorted({i for p in pairs for i in p})
    gaz = get_gazetteer()
    drafts: dict[int, list[Event]] = {}
    for i in used:
        a = articles[i]
        drafts[i] = _article_events(a, gaz)
    same, different = set(), set()
    for i, j in pairs:
        for x in drafts[i]:
            for y in drafts[j]:
                qx = x.sources[0].quote if x.sources else ""
                qy = y.sources[0].quote if y.sources else ""
                px = (x.place.as_written if x.place else "").strip()
                py = (y.place.as_written if y.place else "").strip()
                pair = frozenset((x.id, y.id))
                if jaccard(grams(qx), grams(qy)) >= 0.8 and px == py:
                    same.add(pair)
                elif _clearly_apart(x, y):
                    different.add(pair)   # pairs in between (a paraphrase of the same sentence) are left unlabelled
    events = [e for i in used for e in drafts[i]]
    return events, same, different, len(pairs), len(used)


def _clearly_apart(x: Event, y: Event) -> bool:
    """Different places (> 25 km) or dates that do not overlap: surely two incidents."""
    from events.corroborate.rules import distance_km
    if x.date and y.date and (x.date.end < y.date.start or y.date.end < x.date.start):
        return True
    if x.place and y.place and x.place.located and y.place.located:
        return distance_km(x.place.lat, x.place.lon, y.place.lat, y.place.lon) > 25
    return False


def copy_of(e: Event, rng: random.Random, *, prefix: str = "copy") -> Event:
    lat = e.place.lat + rng.uniform(-0.006, 0.006)
    lon = e.place.lon + rng.uniform(-0.006, 0.006)
    offices = [o.strip() for s in e.sources for o in (s.outlet or "").split(";") if o.strip()]
    src = Source(outlet="Copy", agency=offices[0] if offices else "", title="copy", published=e.date.start)
    return replace(e, id=f"{prefix}:{e.id.split(':', 1)[1]}", tags=("copy",), place=replace(e.place, lat=lat, lon=lon),
                   sources=(src,))


def ucdp_set():
    from events.io import read_events
    rows = list(csv.DictReader(UCDP.open(encoding="utf-8")))
    article_of = {}
    for r in rows:
        rid = "ucdp:" + r["id"].split(".")[0]
        article_of[rid] = r["source_article"]
    events = list(read_events(UCDP, format="ucdp").events)
    rng = random.Random(7)
    shared: dict[str, list[Event]] = {}
    for e in events:
        if e.place is not None and e.place.located:
            shared.setdefault(article_of.get(e.id, ""), []).append(e)
    chosen = [group for art, group in shared.items() if art and len(group) > 1]
    originals = [e for g in chosen for e in g]
    copies = {e.id: copy_of(e, rng) for e in originals}
    same = {frozenset((e.id, copies[e.id].id)) for e in originals}
    different = set()
    for g in chosen:
        for x in g:
            for y in g:
                if x.id != y.id:
                    different.add(frozenset((x.id, copies[y.id].id)))
    return originals + list(copies.values()), same, different, len(chosen)


def ingest_articles(ids: set[str]) -> dict[str, list[Event]]:
    """Drafts of these articles (all of them), ids ``<article>-<k>``, outlet = the newspaper, url kept."""
    from gazetteer import get_gazetteer
    gaz = get_gazetteer()
    out: dict[str, list[Event]] = {}
    for line in NEWS.open(encoding="utf-8"):
        a = json.loads(line)
        if a["id"] not in ids:
            continue
        out[a["id"]] = _article_events(a, gaz)
    return out


def _phrase_sha(event: Event) -> str:
    import hashlib
    return hashlib.sha1((event.place.as_written if event.place else "").encode("utf-8")).hexdigest()[:10]


def _labelled_draft(drafts: list[Event], index: str, place_sha: str) -> Event | None:
    """The labelled draft: by its index when its place phrase still matches (by SHA-1, so the label file holds
    no article text), else the nearest draft of the article with that phrase."""
    k = int(index)
    if k < len(drafts) and _phrase_sha(drafts[k]) == place_sha:
        return drafts[k]
    same = [i for i, d in enumerate(drafts) if _phrase_sha(d) == place_sha]
    return drafts[min(same, key=lambda i: abs(i - k))] if same else None


def labelled_set():
    """(events of the labelled articles, same pairs, different pairs, labels not found) from the label file."""
    if not LABELS.is_file():
        return None
    rows = list(csv.DictReader(LABELS.open(encoding="utf-8")))
    drafts = ingest_articles({r["article_a"] for r in rows} | {r["article_b"] for r in rows})
    same, different, missing = set(), set(), 0
    for r in rows:
        a = _labelled_draft(drafts.get(r["article_a"], []), r["draft_a"], r["place_a_sha1"])
        b = _labelled_draft(drafts.get(r["article_b"], []), r["draft_b"], r["place_b_sha1"])
        if a is None or b is None:
            missing += 1
            continue
        (same if r["label"] == "same" else different).add(frozenset((a.id, b.id)))
    return [e for events in drafts.values() for e in events], same, different, missing


def synthetic(n: int) -> list[Event]:
    """n events: UCDP dev rows repeated over later years with moved points, half of them with a copy."""
    from events.io import read_events
    base = [e for e in read_events(UCDP, format="ucdp").events if e.place is not None and e.place.located]
    rng = random.Random(3)
    out: list[Event] = []
    k = 0
    while len(out) < n:
        e = base[k % len(base)]
        shift = 400 * (k // len(base))
        moved = replace(e, id=f"ucdp:s{k}", date=replace(e.date, start=date.fromordinal(e.date.start.toordinal() + shift),
                                                           end=date.fromordinal(e.date.end.toordinal() + shift)),
                        place=replace(e.place, lat=e.place.lat + rng.uniform(-0.02, 0.02),
                                      lon=e.place.lon + rng.uniform(-0.02, 0.02)))
        out.append(moved)
        if k % 2 == 0 and len(out) < n:
            out.append(copy_of(moved, rng))
        k += 1
    return out[:n]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000, help="events in the timed synthetic run")
    args = parser.parse_args()
    if not UCDP.is_file() or not NEWS.is_file():
        print(f"skipped: {SHARED} is absent (the development data lives outside the repository)")
        return
    print("| set | events | pairs same / different | precision | recall | groups | seconds |")
    print("|---|---|---|---|---|---|---|")
    t = time.perf_counter()
    events, same, different, n_pairs, n_articles = news_set()
    ingest_s = time.perf_counter() - t
    t = time.perf_counter()
    groups = link(events)
    s = time.perf_counter() - t
    p, r, ns, nd = score(groups, same, different)
    print(f"| news: same story in {n_pairs} article pairs ({n_articles} articles, ingest {ingest_s:.0f} s) | "
          f"{len(events)} | {ns} / {nd} | {p:.2f} | {r:.2f} | {len(groups)} | {s:.2f} |")
    one_source = sum(1 for g in groups if g.independent_sources == 1)
    t = time.perf_counter()
    u_events, u_same, u_diff, n_articles = ucdp_set()
    u_groups = link(u_events)
    s = time.perf_counter() - t
    p, r, ns, nd = score(u_groups, u_same, u_diff)
    counted_once = sum(1 for g in u_groups if g.independent_sources == 1) / len(u_groups) if u_groups else 0
    print(f"| UCDP rows sharing a source_article ({n_articles} articles) + copies | {len(u_events)} | {ns} / {nd} | "
          f"{p:.3f} | {r:.3f} | {len(u_groups)} | {s:.2f} |")
    labelled = labelled_set()
    if labelled is not None:
        l_events, l_same, l_diff, missing = labelled
        l_groups = link(l_events)
        p, r, ns, nd = score(l_groups, l_same, l_diff)
        print(f"| hand-labelled pairs ({LABELS.name}; all drafts of their articles linked{', ' + str(missing) + ' labels not found' if missing else ''}) | "
              f"{len(l_events)} | {ns} / {nd} | {p:.2f} | {r:.2f} | {len(l_groups)} | |")
    print()
    print(f"news groups counted as one independent source (same wire story): {one_source} of {len(groups)}")
    print(f"UCDP copy groups counted as one independent source (copy cites the row's office): {counted_once:.1%}")
    events = synthetic(args.n)
    t = time.perf_counter()
    groups = link(events)
    s = time.perf_counter() - t
    print(f"synthetic {len(events):,} events (UCDP rows over later years, half with a copy): {len(groups):,} groups "
          f"in {s:.1f} s")


if __name__ == "__main__":
    main()
