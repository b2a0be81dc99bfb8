"""The map page: timeline, map with side panel, what is not on the map, table, exports."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from ui import data, details, exports, mappanel, state, table, timeline
from ui.i18n import label, t
from ui.text import esc, md_escape


#: Undated/unlocated events listed by name in the expander (all of them are counted, tabled and downloadable).
MAX_LISTED = 50


def _problems(lang: str) -> None:
    problems = st.session_state.get("_url_problems") or []
    for p in problems:
        # URL text is user input: markdown-escaped so a crafted link cannot inject links or images.
        st.warning(t("bad_param", lang, name=md_escape(p.name), value=md_escape(p.value), reason=md_escape(p.reason)),
                   icon="⚠️")


def _not_on_map(undated: pd.DataFrame, unlocated: pd.DataFrame, lang: str) -> None:
    title_col = "title_ar" if lang == "ar" else "title_en"
    with st.expander(t("not_on_map", lang, undated=len(undated), unlocated=len(unlocated))):
        for key, part in (("undated", undated), ("unlocated", unlocated)):
            st.markdown(f"**{t(key, lang)}**")
            if part.empty:
                st.caption(t("none", lang))
                continue
            for row in part.head(MAX_LISTED).itertuples(index=False):
                title = getattr(row, title_col) or row.title_en or row.id
                place = (row.place_ar if lang == "ar" else row.place_en) or row.place_as_written
                st.button(md_escape(f"{title} · {label(row.status, lang)}" + (f" · {place}" if place else "")),
                          key=f"nom-{key}-{row.id}", on_click=state.select, args=(row.id,))
            if len(part) > MAX_LISTED:
                st.caption(t("and_more", lang, n=f"{len(part) - MAX_LISTED:,}"))


def render(lang: str) -> None:
    st.title(t("app_title", lang))
    st.caption(t("app_caption", lang))
    _problems(lang)
    span = data.date_span()
    base_q = state.base_query()
    filtered_all = data.frame(replace(base_q, include_undated=True, include_unlocated=True))
    window = None
    if span is not None:
        window = timeline.prepare_window(span)
        timeline.histogram(filtered_all, window, lang)
        window = timeline.slider(span, lang)
        timeline.playback_controls(span, lang)
    q = state.windowed(base_q, window)
    visible = data.frame(q)
    if window is not None:
        st.markdown(f'<p class="evm-span-words" data-testid="evm-span">{esc(timeline.span_caption(window, len(visible), data.total(), lang))}</p>',
                    unsafe_allow_html=True)
    else:
        st.caption(t("visible_of_total", lang, visible=len(visible), total=data.total()))
    if visible.empty:
        st.info(t("no_events", lang))

    left, right = st.columns([3, 1.3], gap="medium")
    with left:
        aggregated = mappanel.render(visible, lang)
    with right:
        details.render(lang)
        with st.expander(t("legend", lang), expanded=not st.session_state.get("selected")):
            mappanel.legend(lang, aggregated=aggregated)

    undated = filtered_all[filtered_all["date_start"].isna()]
    unlocated = visible[visible["lat"].isna()]
    _not_on_map(undated, unlocated, lang)
    table.render(visible, lang)
    exports.data_buttons(visible, q, window, lang, ("csv", "geojson"))
    play_days = (window[1] - window[0]).days + 1 if window and st.session_state.get("play_mode") == "window" else None
    exports.render(visible, q, window, lang, all_filtered=filtered_all, play_days=play_days)
    state.sync_url(q)
