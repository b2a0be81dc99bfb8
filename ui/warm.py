"""Fills the caches a fresh server's first page run reads, before a browser asks (issue 12, the cold first map).

Why: Streamlit runs app.py only when a browser connects, so the first visitor of a freshly started server
waited for the store's facets, the window's light frame and the map's payload — about 1.1 s of the first
run's 1.35 s at 97k events on 2 cores, measured in a live server. ``python -m ui.serve`` calls
``warm_resources()`` in a thread as soon as Streamlit is imported and ``warm_data()`` once its runtime
exists; they compute those values for the view a visitor without a permalink opens (no filters, the whole
span, English) through the same ``st.cache_*`` functions the page calls, so the page finds them cached. Streamlit computes one cache key once: a page that arrives while
this runs waits for the same value instead of computing it a second time. Another view (a permalink's
filters, Arabic) is computed by its own first run, as before. A failure here is left for the page to
report, where the user can see it.
"""
from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)


class _NotThisThread(logging.Filter):
    """Drops the records of one thread: the cached functions warn "missing ScriptRunContext" from the warm-up
    thread, which is expected (it is no page run). A filter, not a level: Streamlit resets its loggers'
    levels when its config loads, which may happen while this runs."""

    def __init__(self) -> None:
        super().__init__()
        self.ident = threading.get_ident()

    def filter(self, record: logging.LogRecord) -> bool:
        return record.thread != self.ident


def _run(step) -> bool:
    quiet = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    drop = _NotThisThread()
    quiet.addFilter(drop)
    try:
        step()
    except Exception:     # noqa: BLE001 — the page's own run raises it again, in a box the user sees
        log.info("warm-up stopped; the first page run computes the rest", exc_info=True)
        return False
    finally:
        quiet.removeFilter(drop)
    return True


def _imports():
    # the page's own import order (app.py → ui.main → ui.data → ui.dashboard): two threads importing the same
    # modules in one order never wait on each other's import locks in a cycle
    import ui.main  # noqa: F401
    from ui import data
    from ui import dashboard  # noqa: F401
    from ui import evmap, state, timeline
    return data, evmap, state, timeline


def warm_resources() -> bool:
    """The ``st.cache_resource`` values of the default view — the whole span's light frame, the map's
    payload, the base map — which need no Streamlit runtime. The span is read from the store directly
    (the page's own span is ``st.cache_data``, filled by ``warm_data``)."""
    def step() -> None:
        data, evmap, state, timeline = _imports()
        base_q = state.default_query()
        span = data.store().date_span()
        if span is not None:
            data.light(state.windowed(base_q, timeline.default_window(span)))
        evmap.basemap_url()
        evmap.payload(base_q, "en")
    return _run(step)


def warm_data() -> bool:
    """The ``st.cache_data`` values of the first run (facets, span, total); call once the runtime exists."""
    def step() -> None:
        data, _, _, _ = _imports()
        data.facets()
        data.date_span()
        data.total()
    return _run(step)


def warm() -> bool:
    """Both parts, in one thread (tests; a caller that has a runtime already)."""
    return warm_resources() and warm_data()
