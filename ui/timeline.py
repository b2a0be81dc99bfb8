"""Timeline: the date range slider and the window kept in session state.

The histogram (with a brush), the date inputs and Play now run inside the map
(mapview/evmap/evmap.js), so scrubbing needs no rerun; the slider stays for a
keyboard-precise window and for AppTest.

Counting rule (the map's histogram): an event with a date range ("late
August", "June and July") is counted once, on its first day, so the bars add
up to the number of events; the window still matches it on any day its range
overlaps (Query semantics).
"""
from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from ui import playback
from ui.i18n import t


def _bounds(span: tuple[date, date]) -> tuple[date, date]:
    lo, hi = span
    return (lo, hi) if hi > lo else (lo, lo + timedelta(days=1))


def default_window(span: tuple[date, date]) -> tuple[date, date]:
    """The window a session opens with when its URL names none: the whole span."""
    return _bounds(span)


def prepare_window(span: tuple[date, date]) -> tuple[date, date]:
    """Set session_state["window"] before the slider is drawn: from the URL, the playback tick, or clamping."""
    ss = st.session_state
    lo, hi = _bounds(span)
    if "window" not in ss:
        url_from, url_to = ss.pop("_url_window", (None, None))
        ss["window"] = (url_from or lo, url_to or hi)
    start, end = ss["window"]
    start, end = max(lo, min(start, hi)), max(lo, min(end, hi))
    if start > end:
        start, end = lo, hi
    if ss.pop("_advance", False) and ss.get("playing"):
        step = playback.advance((start, end), (lo, hi), mode=playback.PlayMode(ss.get("play_mode", "window")),
                                step_days=int(ss.get("play_step", 1)))
        start, end = step.window
        if step.finished:
            ss["playing"] = False
    ss["window"] = (start, end)
    return start, end


def slider(span: tuple[date, date], lang: str) -> tuple[date, date]:
    lo, hi = _bounds(span)
    return st.slider(t("window", lang), min_value=lo, max_value=hi, step=timedelta(days=1), key="window",
                     format="YYYY-MM-DD")


def span_caption(window: tuple[date, date], visible: int, total: int, lang: str) -> str:
    from ui import state
    from ui.i18n import span_in_words, visible_of_total
    months = state.month_style()
    return f"{span_in_words(window[0], window[1], visible, lang, months=months)} · {visible_of_total(visible, total, lang)}"
