"""Article ingestion for the dashboard, in a worker process with a time limit.

Why a process: ingestion is pure Python and holds the interpreter lock
while it runs. In the Streamlit server that lock is shared by every user's
page and the health check, so one slow article would freeze them all. In a
worker process the server only waits on a future (no lock held), and when
the limit passes the worker is killed and the analyst reads "article too
complex" instead of a hung page. The rules themselves are linear (issue 13,
tests/events/ingest/test_redos.py); the limit is the guarantee on top.

One warm worker serves every call: it imports the rules and builds the
gazetteer (with the store's learned aliases) once, not per article; the
Review page starts that warm-up when it opens (``prewarm``), and the limit
counts only the article's own reading, never the warm-up. After a timeout the
worker is replaced. ``EVENTS_INGEST_TIMEOUT`` (seconds, default 20) sets
the limit.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from importlib import import_module
from typing import Any

from errors import EventMapError

DEFAULT_TIMEOUT_S = 20.0
TIMEOUT_ENV = "EVENTS_INGEST_TIMEOUT"
#: How long a new worker may take to import the rules and build the gazetteer.
WARMUP_TIMEOUT_S = 300.0


class IngestTimeout(EventMapError):
    """Ingestion of one article took longer than the dashboard's limit; nothing was stored."""


def timeout_s() -> float:
    """The limit from ``EVENTS_INGEST_TIMEOUT`` (seconds), else DEFAULT_TIMEOUT_S."""
    raw = os.environ.get(TIMEOUT_ENV, "").strip()
    try:
        value = float(raw) if raw else DEFAULT_TIMEOUT_S
    except ValueError:
        value = DEFAULT_TIMEOUT_S
    return value if value > 0 else DEFAULT_TIMEOUT_S


_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_warm: dict[str, Future] = {}


def _get_pool() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            # spawn: the Streamlit server is multi-threaded, and forking a threaded process can deadlock
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            _warm.clear()
        return _pool


def prewarm(location: str) -> Future:
    """Start (once per worker and store) the worker's imports and gazetteer build; returns its future."""
    pool = _get_pool()
    with _lock:
        if location not in _warm:
            _warm[location] = pool.submit(_call, "ui.ingest_worker:warm_job", (location,))
        return _warm[location]


def _kill_pool(pool: ProcessPoolExecutor) -> None:
    """Stop ``pool`` now, its running job included (shutdown alone waits for the job to finish)."""
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    for proc in list(getattr(pool, "_processes", {}).values()):
        proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def run_with_timeout(target: str, *args: Any, timeout: float | None = None, warm: str | None = None) -> Any:
    """Call ``module:function`` with ``args`` in the worker; IngestTimeout after ``timeout`` seconds.

    ``warm``: a store location whose warm-up (``prewarm``) is awaited first, outside the limit.
    """
    limit = timeout_s() if timeout is None else timeout
    pool = _get_pool()
    try:
        if warm is not None:
            prewarm(warm).result(timeout=WARMUP_TIMEOUT_S)
        future = pool.submit(_call, target, args)
        return future.result(timeout=limit)
    except FutureTimeout:
        _kill_pool(pool)
        raise IngestTimeout(f"article too complex: reading it took more than {limit:g} s and was stopped; "
                            f"split the article, or raise {TIMEOUT_ENV}", field="text") from None
    except BrokenProcessPool:
        _kill_pool(pool)
        raise IngestTimeout("article too complex: the reading process stopped; split the article",
                            field="text") from None


def _call(target: str, args: tuple) -> Any:
    module, _, name = target.partition(":")
    return getattr(import_module(module), name)(*args)


_gazetteers: dict[tuple[str, int], Any] = {}


def _worker_gazetteer(location: str):
    """In the worker: the gazetteer with the store's learned aliases, rebuilt when they change."""
    from events.store import open_store
    from gazetteer.learned import gazetteer_for
    store = open_store(location or None)
    try:
        key = (location, int(getattr(store, "aliases_revision", 0) or 0))
        if key not in _gazetteers:
            _gazetteers.clear()
            _gazetteers[key] = gazetteer_for(store)
        return _gazetteers[key]
    finally:
        store.close()


def warm_job(location: str) -> None:
    """Runs in the worker: imports, gazetteer and every rule compiled (one tiny article read)."""
    from events.ingest import ingest
    ingest("قصفت الطائرات مدينة حلب يوم 26 آب. Clashes in Aleppo on 26 August.", published=date(2017, 9, 7),
           gazetteer=_worker_gazetteer(location))


def ingest_job(text: str, published: date, outlet: str | None, location: str):
    """Runs in the worker: the article's drafts and notes (plain picklable values)."""
    from events.ingest import ingest
    result = ingest(text, published=published, outlet=outlet, gazetteer=_worker_gazetteer(location))
    return list(result.drafts), tuple(result.notes)


def ingest_article(text: str, published: date, outlet: str | None, location: str, *,
                   timeout: float | None = None):
    """(drafts, notes) of ``text``, read in the worker within the limit (see module doc)."""
    return run_with_timeout("ui.ingest_worker:ingest_job", text, published, outlet, location, timeout=timeout,
                            warm=location)
