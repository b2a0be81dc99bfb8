"""The map page: timeline, map with side panel, what is not on the map, table, exports."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from mapview.layers.events import AGGREGATE_THRESHOLD
from ui import data, details, exports, mappanel, state, table, timeline
from ui.i18n import label, t
from ui.text import esc, md_escape


#: Up to this many events in the window the page reads their full rows; above it the map and timeline
#: work from ``data.light`` (index columns only) and full rows are read for the table's first rows only.
FULL_FRAME_MAX = table.MAX_ROWS
#: Undated/unlocated events listed by name in the expander (all of them are counted, tabled and downloadable).
MAX_LISTED = 50


def _problems(lang: str) -> None:
    problems = st.session_state.get("_url_problems") or []
    for p in problems:
        # URL text is user input: markdown-escaped so a crafted link cannot inject links or images.
        st.warning(t("bad_param", lang, name=md_escape(p.name), value=md_escape(p.value), reason=md_escape(p.reason)),
                   icon="⚠️")


def _not_on_map(undated: pd.DataFrame, n_undated: int, unlocated: pd.DataFrame, n_unlocated: int,
                lang: str) -> None:
    """``undated``/``unlocated``: the first MAX_LISTED such events (full rows); ``n_*``: how many there are."""
    title_col = "title_ar" if lang == "ar" else "title_en"
    with st.expander(t("not_on_map", lang, undated=n_undated, unlocated=n_unlocated)):
        for key, part, n in (("undated", undated, n_undated), ("unlocated", unlocated, n_unlocated)):
            st.markdown(f"**{t(key, lang)}**")
            if part.empty:
                st.caption(t("none", lang))
                continue
            for row in part.head(MAX_LISTED).itertuples(index=False):
                title = getattr(row, title_col) or row.title_en or row.id
                place = (row.place_ar if lang == "ar" else row.place_en) or row.place_as_written
                st.button(md_escape(f"{title} · {label(row.status, lang)}" + (f" · {place}" if place else "")),
                          key=f"nom-{key}-{row.id}", on_click=state.select, args=(row.id,))
            if n > MAX_LISTED:
                st.caption(t("and_more", lang, n=f"{n - MAX_LISTED:,}"))


def _view_frame(q, light: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """The frame the map draws and the table shows: full rows when the events will be drawn one by one
    (popups need every column), else the light frame (the map aggregates; the table reads its first rows)."""
    located = int((light["lat"].notna() & light["lon"].notna()).sum())
    if len(light) <= FULL_FRAME_MAX or located <= AGGREGATE_THRESHOLD:
        return data.rows(q, range(len(light))), True
    return light, False


def render(lang: str) -> None:
    st.title(t("app_title", lang))
    st.caption(t("app_caption", lang))
    _problems(lang)
    span = data.date_span()
    base_q = state.base_query()
    all_q = replace(base_q, include_undated=True, include_unlocated=True)
    filtered_all = data.light(all_q)        # dates for the histogram and the undated list
    window = None
    if span is not None:
        window = timeline.prepare_window(span)
        timeline.histogram(filtered_all, window, lang)
        window = timeline.slider(span, lang)
        timeline.playback_controls(span, lang)
    q = state.windowed(base_q, window)
    light = data.light(q)
    n_visible = len(light)
    visible, full = _view_frame(q, light)
    if window is not None:
        st.markdown(f'<p class="evm-span-words" data-testid="evm-span">{esc(timeline.span_caption(window, n_visible, data.total(), lang))}</p>',
                    unsafe_allow_html=True)
    else:
        st.caption(t("visible_of_total", lang, visible=n_visible, total=data.total()))
    if n_visible == 0:
        st.info(t("no_events", lang))

    left, right = st.columns([3, 1.3], gap="medium")
    with left:
        aggregated = mappanel.render(visible, lang)
    with right:
        details.render(lang)
        with st.expander(t("legend", lang), expanded=not st.session_state.get("selected")):
            mappanel.legend(lang, aggregated=aggregated)

    undated = np.flatnonzero(filtered_all["date_start"].isna().to_numpy())
    unlocated = np.flatnonzero(light["lat"].isna().to_numpy())
    _not_on_map(data.rows(all_q, undated[:MAX_LISTED]), len(undated),
                data.rows(q, unlocated[:MAX_LISTED]), len(unlocated), lang)
    table.render(visible if full else data.rows(q, range(min(n_visible, table.MAX_ROWS))), lang, total=n_visible)
    visible_src = visible if full else (lambda: data.frame(q))     # full frame read only when an export is made
    exports.data_buttons(visible_src, q, window, lang, ("csv", "geojson"))
    play_days = (window[1] - window[0]).days + 1 if window and st.session_state.get("play_mode") == "window" else None
    exports.render(visible_src, q, window, lang, all_filtered=lambda: data.frame(all_q), play_days=play_days,
                   visible_count=n_visible)
    state.sync_url(q)
