"""Writes the map card shards (mapview/cards.py) for one payload, in a background thread.

Why a thread: the shards need each event's full row (titles, sources), and at 100k events reading
those costs ~2 s (``frame``), which the first map must not wait for: the payload and the page come
first, the shards follow (newest events first, a few hundred rows a read, so the store's lock is
never held long). Until a shard exists the card shows what the payload has (date, type, status,
place, deaths) and the side panel's rerun brings the rest. Shards already on disk (a restarted
server, another session with the same filters) are not written again.
"""
from __future__ import annotations

import hashlib
import logging
import threading
import time
from pathlib import Path

import numpy as np

from events.query import Query
from mapview import cards

log = logging.getLogger(__name__)
_started: set[str] = set()
_lock = threading.Lock()
#: the writer waits this long before its first read (the first map's script run and payload fetch come
#: first: writing from the start made the 100k first map 1–2 s slower), then works at most half the time
#: (after a shard taking t it rests t), so page reruns keep the CPU first (2 shared cores)
START_DELAY_S = 4.0
DUTY = 0.5


def stem_for(digest: str, lang: str, ids: np.ndarray) -> str:
    """Shard files' name: the payload's digest, the language and the ids (two filters can give equal
    points and dates but different events)."""
    h = hashlib.sha1(digest.encode("ascii") + lang.encode("ascii"))
    for chunk in np.array_split(ids.astype(str), max(1, len(ids) // 50_000)):
        h.update("\n".join(chunk.tolist()).encode("utf-8"))
    return f"evc-{digest}-{lang}-{h.hexdigest()[:10]}"


def write_all(store, q: Query, positions: np.ndarray, folder: Path, stem: str, lang: str) -> int:
    """Every missing shard of ``stem``; ``positions[i]`` is payload row i's position in ``q``'s result.
    Returns how many shards were written."""
    n = len(positions)
    written = 0
    for k in reversed(range((n + cards.SHARD - 1) // cards.SHARD)):
        if cards.shard_path(folder, stem, k).exists():
            continue
        t = time.perf_counter()
        rows = positions[k * cards.SHARD:(k + 1) * cards.SHARD]
        frame = store.frame_rows(q, rows)
        cards.write_shard(folder, stem, k, cards.cards(frame, lang))
        written += 1
        time.sleep((time.perf_counter() - t) * (1 - DUTY) / DUTY)
    return written


def start(store, q: Query, positions: np.ndarray, folder: Path, stem: str, lang: str) -> None:
    """Write the shards in a daemon thread, once per stem and process."""
    with _lock:
        if stem in _started:
            return
        _started.add(stem)

    def run() -> None:
        time.sleep(START_DELAY_S)
        t = time.perf_counter()
        try:
            k = write_all(store, q, positions, folder, stem, lang)
            log.info("map cards %s: %d shards in %.2f s", stem, k, time.perf_counter() - t)
        except Exception:         # the card then shows the payload's fields; the side panel still follows
            log.exception("map cards %s not written", stem)
            with _lock:
                _started.discard(stem)

    folder.mkdir(parents=True, exist_ok=True)
    threading.Thread(target=run, name=f"evm-cards-{stem}", daemon=True).start()
