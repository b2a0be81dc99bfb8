"""A separate process that writes to a store (used by the concurrency and crash tests).

    python -m tests.events.store.worker write URL PREFIX N_TX PER_TX GO_FILE
    python -m tests.events.store.worker bulk URL N

``write`` prints "ready", waits for GO_FILE to exist (so two workers start
together), then commits N_TX small batches, each followed by an update.
``bulk`` adds N events in one call and prints "progress DONE TOTAL" as it
goes, so the test can kill it mid-transaction.
"""
from __future__ import annotations

import dataclasses
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from events.store import open_store
from tests.events.store.factory import make_event


def write(url: str, prefix: str, n_tx: int, per_tx: int, go_file: str) -> None:
    store = open_store(url)
    print("ready", flush=True)
    deadline = time.monotonic() + 60
    while not Path(go_file).exists():
        if time.monotonic() > deadline:
            sys.exit("worker: no go signal")
        time.sleep(0.005)
    for tx in range(n_tx):
        store.add([make_event(f"{prefix}-{tx}-{j}", start=date(2015, 1, 1) + timedelta(days=tx))
                   for j in range(per_tx)], author=prefix)
        first = store.get(f"{prefix}-{tx}-0")
        store.update(dataclasses.replace(first, title_en=f"edited by {prefix}"), author=prefix)
        time.sleep(0.005)
    store.close()


def bulk(url: str, n: int) -> None:
    store = open_store(url)
    events = [make_event(f"bulk-{i}", start=date(2012, 1, 1) + timedelta(days=i % 3000)) for i in range(n)]
    store.add(events, author="bulk", progress=lambda done, total: print(f"progress {done} {total}", flush=True))
    print("done", flush=True)


if __name__ == "__main__":
    mode, url, *rest = sys.argv[1:]
    if mode == "write":
        write(url, rest[0], int(rest[1]), int(rest[2]), rest[3])
    else:
        bulk(url, int(rest[0]))
