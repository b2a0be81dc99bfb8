"""The server's warm-up (ui/warm.py, started by ``python -m ui.serve``) fills the caches the first page run
reads, so a fresh server's first visitor does not wait for the store (issue 12, the cold first map)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.ui.conftest import REPO

#: Counts the store's light-frame reads (the window's and the map payload's) of an AppTest run of the page,
#: with or without the warm-up before it, in one fresh interpreter.
_PROBE = """
import json, sys
from events.store.sqlite import SQLiteStore
calls = []
original = SQLiteStore.light_frame
def counted(self, q):
    calls.append(q)
    return original(self, q)
SQLiteStore.light_frame = counted
warmed = None
if sys.argv[2] == "warm":
    from ui import warm
    warmed = warm.warm()
before = len(calls)
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=60)
at.run()
assert not at.exception, at.exception
print(json.dumps({"warmed": warmed, "warm_reads": before, "page_reads": len(calls) - before}))
"""


def _probe(mode: str, store) -> dict:
    env = dict(os.environ, EVENTS_STORE=str(store), PYTHONPATH=str(REPO))
    run = subprocess.run([sys.executable, "-c", _PROBE, str(REPO / "app.py"), mode], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_the_warm_up_reads_what_the_first_map_needs_so_the_page_does_not(seeded_store_path):
    cold = _probe("cold", seeded_store_path)
    warm = _probe("warm", seeded_store_path)
    assert warm["warmed"] is True
    assert warm["warm_reads"] == 2                      # the whole span's window and the map's payload
    assert warm["page_reads"] == cold["page_reads"] - 2   # the page found both in the cache


def test_the_default_query_is_what_an_empty_session_filters_on():
    from events.query import Query
    from ui.state import FILTER_KEYS, default_query
    q = default_query()
    assert q == Query(text="", **{name: frozenset() for name in FILTER_KEYS.values()})
    assert not q.text and all(getattr(q, name) == frozenset() for name in FILTER_KEYS.values())


def test_the_map_component_is_declared_by_a_page_run_not_at_import():
    # a module imported by the warm-up thread (no script run) must not register the component there:
    # the page then got a 404 for the component's source
    run = subprocess.run([sys.executable, "-c", "import ui.evmap as e; print(e._component.cache_info().currsize)"],
                         cwd=REPO, env=dict(os.environ, PYTHONPATH=str(REPO)), capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip().splitlines()[-1] == "0"


def test_the_warm_up_can_be_turned_off(monkeypatch):
    import threading

    import ui.serve as serve
    import ui.warm as warm
    monkeypatch.setenv("EVM_NO_WARM", "1")
    called = []
    monkeypatch.setattr(warm, "warm_resources", lambda: called.append("resources") or True)
    serve._warm_page(threading.Thread(target=lambda: None))   # returns before joining or warming anything
    assert called == []
