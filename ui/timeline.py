"""Timeline: histogram of events over time, the date range slider, and playback.

Counting rule (also shown under the chart): an event with a date range
("late August", "June and July") is counted once, on its first day, so the
bars add up to the number of events; the slider still matches it on any day
its range overlaps (Query semantics).
"""
from __future__ import annotations

from datetime import date, timedelta

import altair as alt
import pandas as pd
import streamlit as st

from ui import playback
from ui.i18n import t

WEEKLY_AFTER_DAYS = 120


def histogram(frame: pd.DataFrame, window: tuple[date, date], lang: str) -> None:
    """Bars of events per day (per week for spans over ~4 months); bars inside the window are dark."""
    starts = frame["date_start"].dropna()
    if starts.empty:
        return
    span_days = (starts.max() - starts.min()).days
    weekly = span_days > WEEKLY_AFTER_DAYS
    bins = starts.dt.to_period("W-SUN").dt.start_time if weekly else starts.dt.normalize()
    counts = bins.value_counts().sort_index().rename_axis("day").reset_index(name="n")
    lo, hi = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    counts["in_window"] = (counts["day"] >= lo - pd.Timedelta(days=6 if weekly else 0)) & (counts["day"] <= hi)
    title = t("events_per", lang, bin=t("bin_week" if weekly else "bin_day", lang))
    chart = (alt.Chart(counts, height=110)
             .mark_bar(size=4 if not weekly else 8)
             .encode(x=alt.X("day:T", title=None, axis=alt.Axis(format="%d %b %y")),
                     y=alt.Y("n:Q", title=None, axis=alt.Axis(tickMinStep=1)),
                     color=alt.Color("in_window:N", legend=None,
                                     scale=alt.Scale(domain=[True, False], range=["#31688e", "#c7cfd8"])),
                     tooltip=[alt.Tooltip("day:T", format="%Y-%m-%d"), alt.Tooltip("n:Q")]))
    st.caption(title)
    st.altair_chart(chart, width="stretch")
    st.caption(t("timeline_note", lang))


def _bounds(span: tuple[date, date]) -> tuple[date, date]:
    lo, hi = span
    return (lo, hi) if hi > lo else (lo, lo + timedelta(days=1))


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


def _toggle_play(span: tuple[date, date]) -> None:
    ss = st.session_state
    if ss.get("playing"):
        ss["playing"] = False
        return
    ss["window"] = playback.start_window(ss["window"], _bounds(span),
                                         mode=playback.PlayMode(ss.get("play_mode", "window")),
                                         step_days=int(ss.get("play_step", 1)))
    ss["playing"] = True


def playback_controls(span: tuple[date, date], lang: str) -> None:
    ss = st.session_state
    ss.setdefault("play_mode", "window")
    ss.setdefault("play_speed", "normal")
    ss.setdefault("play_step", 1)
    c1, c2, c3, c4 = st.columns([1, 1.2, 1.6, 1])
    c1.button(t("pause" if ss.get("playing") else "play", lang), key="play_button", on_click=_toggle_play,
              args=(span,), width="stretch")
    c2.selectbox(t("speed", lang), tuple(playback.SPEEDS), key="play_speed",
                 format_func=lambda s: t(f"speed_{s}", lang))
    c3.radio(t("mode", lang), ("window", "cumulative"), key="play_mode", horizontal=True,
             format_func=lambda m: t(f"mode_{m}", lang))
    c4.number_input(t("step", lang), min_value=1, max_value=365, key="play_step")
    if ss.get("playing"):
        _ticker(playback.SPEEDS[ss["play_speed"]])


def _ticker(interval: float) -> None:
    """A fragment that fires every ``interval`` s and reruns the whole app one window further.

    The first execution happens inside the full run and only arms it; each
    timed execution after that asks for one step and a full rerun, so the
    slider, map layer and table all move together.
    """
    st.session_state["_tick_armed"] = False

    @st.fragment(run_every=interval)
    def tick() -> None:
        if st.session_state.get("_tick_armed"):
            st.session_state["_advance"] = True
            st.rerun()
        st.session_state["_tick_armed"] = True

    tick()


def span_caption(window: tuple[date, date], visible: int, total: int, lang: str) -> str:
    from ui.i18n import span_in_words, visible_of_total
    return f"{span_in_words(window[0], window[1], visible, lang)} · {visible_of_total(visible, total, lang)}"
