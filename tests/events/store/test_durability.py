"""Two writers at once lose nothing; a killed import leaves all or none of its batch."""
from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from errors import ConflictError, ValidationError
from events.query import Query
from events.store import open_store

from .factory import make_event

REPO = Path(__file__).resolve().parents[3]


def worker(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "tests.events.store.worker", *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_processes_writing_at_once_lose_nothing(store_url, tmp_path):
    open_store(store_url).close()   # create the schema once, as a deployed store would have it
    go = tmp_path / "go"
    n_tx, per_tx = 25, 4
    procs = [worker("write", store_url, name, str(n_tx), str(per_tx), str(go)) for name in ("alice", "bob")]
    for p in procs:
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
    go.touch()
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    store = open_store(store_url)
    try:
        stored = {e.id: e for e in store.query(Query())}
        assert len(stored) == 2 * n_tx * per_tx
        for name in ("alice", "bob"):
            for tx in range(n_tx):
                assert stored[f"{name}-{tx}-0"].title_en == f"edited by {name}"
                assert all(f"{name}-{tx}-{j}" in stored for j in range(per_tx))
        history = store.history(limit=10_000)
        revisions = {e.revision: e.author for e in history}
        assert len(revisions) == 2 * 2 * n_tx            # every add and every update is its own revision
        authors = [revisions[r] for r in sorted(revisions)]
        assert sum(a != b for a, b in zip(authors, authors[1:])) >= 1   # the writers really interleaved
    finally:
        store.close()


def test_killed_import_leaves_all_or_none_of_the_batch(store_url):
    store = open_store(store_url)
    originals = [make_event(f"keep-{i}") for i in range(3)]
    store.add(originals, author="ana")
    store.close()
    n = 60_000
    proc = worker("bulk", store_url, str(n))
    line = proc.stdout.readline()
    assert line.startswith("progress"), proc.stderr.read()
    proc.send_signal(signal.SIGKILL)          # mid-transaction: the first chunk has been handed over
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    if not store_url.startswith("postgresql"):
        with sqlite3.connect(store_url) as con:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = open_store(store_url)
    try:
        count = store.count(Query())
        assert count in (3, 3 + n)
        assert [store.get(e.id) for e in originals] == originals
        store.add([make_event("after-crash")], author="ana")   # still writable
        assert store.count(Query()) == count + 1
    finally:
        store.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_rejected_add_leaves_the_sqlite_file_byte_for_byte_unchanged(tmp_path):
    path = tmp_path / "events.sqlite"
    store = open_store(path)
    store.add([make_event("a"), make_event("b")], author="ana")
    store.close()                             # checkpoints the WAL into the file
    before = _digest(path)
    store = open_store(path)
    with pytest.raises(ValidationError):
        store.add([make_event("c"), make_event("bad", lat=35.0, lon=None)], author="ana")
    with pytest.raises(ConflictError):
        store.add([make_event("d"), make_event("a")], author="ana")
    store.close()
    assert _digest(path) == before
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_embedded_store_uses_write_ahead_logging(tmp_path):
    path = tmp_path / "events.sqlite"
    open_store(path).close()
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
