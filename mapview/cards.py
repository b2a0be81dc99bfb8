"""The text of the map's own event card (title, place, actors, sources), in small shards the browser
fetches on a click.

Why: the side panel is filled by a Streamlit rerun (0.3–1 s at 100k events), so a marker click showed
nothing for that long. The map's payload (mapview/points.py) carries no text at 100k (24 bytes an
event, 2.4 MB); sending every title and source with it would multiply the first map's bytes. Instead
the card's text is cut into shards of ``SHARD`` events by payload row (row ``i`` is in shard
``i // SHARD``), written as static files beside the payload: a click fetches one ~100 KB file from the
same server (milliseconds) and the card appears in the next frame; hovering a marker prefetches it.

Every string is cleaned here (bidi embedding/override controls removed, length capped) and the
browser puts it in the page with ``textContent`` only, never as HTML. This module knows pandas and the
events model, never streamlit.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from events.io.ucdp_articles import parse_articles
from events.textpolicy import BIDI_CONTROLS

#: events per shard: ~60–120 KB of JSON for UCDP rows, one fetch per click
SHARD = 512
#: sources shown on the card (the side panel lists them all)
MAX_SOURCES = 3
#: characters kept per field (a card is a glance; the side panel has the whole text)
MAX_CHARS = 300


def _text(value: object, cap: int = MAX_CHARS) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    text = BIDI_CONTROLS.sub("", str(value)).strip()
    return text if len(text) <= cap else text[:cap - 1] + "…"


def _title(row: dict, lang: str) -> str:
    order = ("title_ar", "title_en") if lang == "ar" else ("title_en", "title_ar")
    for col in order:
        t = _text(row.get(col))
        if t:
            return t
    return _text(row.get("id"))


def _place(row: dict, lang: str) -> str:
    order = ("place_ar", "place_en", "place_as_written") if lang == "ar" else ("place_en", "place_ar", "place_as_written")
    for col in order:
        t = _text(row.get(col))
        if t:
            return t
    return ""


def _sources(row: dict) -> tuple[list[list[str]], int]:
    """([outlet, date, headline] …, how many more): a UCDP packed chain read back into its articles,
    else the frame's first source as outlet / agency and its title or quote."""
    articles = parse_articles(row.get("source") if isinstance(row.get("source"), str) else None)
    if articles:
        shown = [[_text(a.outlet, 80), _text(a.published, 10), _text(a.headline)] for a in articles[:MAX_SOURCES]]
        return shown, max(0, len(articles) - MAX_SOURCES)
    outlet = _text(row.get("outlet"), 80) or _text(row.get("agency"), 80)
    published = row.get("published")
    day = published.date().isoformat() if hasattr(published, "date") and not pd.isna(published) else ""
    head = _text(row.get("quote")) or _text(row.get("source"))
    if not (outlet or head):
        return [], 0
    return [[outlet, day, head]], 0


def card(row: dict, lang: str) -> list:
    """One event's card: [title, place, actors, sources, more sources]."""
    actors = _text(row.get("actors"), 160).replace(";", ",") if row.get("actors") is not None else ""
    sources, more = _sources(row)
    return [_title(row, lang), _place(row, lang), actors, sources, more]


def cards(frame: pd.DataFrame, lang: str) -> list[list]:
    """Cards for every row of a frame with FRAME_COLUMNS, in its order."""
    cols = [c for c in ("id", "title_en", "title_ar", "place_en", "place_ar", "place_as_written", "actors",
                        "outlet", "agency", "source", "published", "quote") if c in frame.columns]
    return [card(dict(zip(cols, values)), lang) for values in frame[cols].itertuples(index=False, name=None)]


def shard_path(folder: Path, stem: str, k: int) -> Path:
    return folder / f"{stem}-{k}.json"


def write_shard(folder: Path, stem: str, k: int, rows: list[list]) -> Path:
    """Write shard ``k`` atomically (a page may fetch it while it is written)."""
    path = shard_path(folder, stem, k)
    tmp = path.with_suffix(".ctmp")
    tmp.write_text(json.dumps(rows, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    tmp.replace(path)
    return path
