"""Bulk work on many events at once (imports of 10^5–10^6 rows).

Why a module of its own: both the readers (events.io) and the stores
(events.store) build millions of short-lived, acyclic values during a
bulk import, and both pause Python's cyclic garbage collector for it.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic values.

    With a million live events each automatic full collection walks them
    all (about 20–25% of import time); events hold no reference cycles, so
    reference counting still frees everything.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
