"""Issue 13 item 2: the dashboard reads an article in a worker process with a time limit.

A slow article must report "article too complex" and leave the server free (the worker
holds its own interpreter lock, and is killed at the limit); the next article still works.
"""
from __future__ import annotations

import time
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.conftest import REPO, read_on_review_page

APP = str(REPO / "app.py")


def test_a_job_over_the_limit_is_stopped_and_the_worker_recovers():
    from ui.ingest_worker import IngestTimeout, run_with_timeout
    t = time.perf_counter()
    with pytest.raises(IngestTimeout, match="article too complex"):
        run_with_timeout("time:sleep", 120, timeout=1.0)
    assert time.perf_counter() - t < 30                          # the wait ends at the limit, not after 120 s
    assert run_with_timeout("math:sqrt", 16.0, timeout=120) == 4.0


def test_the_server_thread_is_free_while_the_worker_reads():
    """The caller waits on a future: another thread (another user's page) keeps running meanwhile."""
    import threading
    from ui.ingest_worker import IngestTimeout, run_with_timeout
    ticks = []
    stop = threading.Event()

    def other_user():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.01)

    thread = threading.Thread(target=other_user)
    thread.start()
    try:
        with pytest.raises(IngestTimeout):
            # pure-Python busy work in the worker: would hold the GIL for seconds if run in this process
            run_with_timeout("builtins:sum", range(10 ** 10), timeout=2.0)
    finally:
        stop.set()
        thread.join()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(ticks) > 50 and max(gaps) < 1.0


def test_review_page_reports_article_too_complex(fresh_store, monkeypatch):
    monkeypatch.setenv("EVENTS_INGEST_TIMEOUT", "0.001")       # any article takes longer than a millisecond
    at = read_on_review_page(AppTest.from_file(APP, default_timeout=300).run(),
                             "Clashes in Aleppo on 26 August killed 3 fighters.", date(2017, 8, 28))
    assert any("article too complex" in e.value for e in at.error), [e.value for e in at.error]
    assert not [b for b in at.button if b.label == "Accept and save"]
