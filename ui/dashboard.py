"""The map page: timeline, map with side panel, what is not on the map, table, exports.

Why the part below the map waits for the map on a session's first run: on a cold server the table (5,000
rows read and sent), the "not on the map" lists and the exports were computed and sent while the map's
frame and payload were still loading from the same server process, and slowed them (issue 12; README,
"Benchmarks"). So the first run ends at the map; the map reports "drawn" once it has painted, and the
rerun that report starts draws the rest. Without that report (AppTest has no browser; a map frame that
failed to load) the rest still comes: at once under AppTest, after ``BELOW_FALLBACK_S`` in a browser.
"""
from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from mapview.view import AGGREGATE_THRESHOLD
from ui import data, details, evmap, exports, search, state, table, timeline
from ui.i18n import label, t, visible_of_total
from ui.permalink import shown
from ui.text import esc, md_escape


#: Up to this many events in the window the page reads their full rows; above it the map and timeline
#: work from ``data.light`` (index columns only) and full rows are read for the table's first rows only.
FULL_FRAME_MAX = table.MAX_ROWS
#: Undated/unlocated events listed by name in the expander (all of them are counted, tabled and downloadable).
MAX_LISTED = 50
#: A session's first run waits this long at most for the map's "drawn" report before drawing the rest.
BELOW_FALLBACK_S = 6.0


def _problems(lang: str) -> None:
    problems = st.session_state.get("_url_problems") or []
    for p in problems:
        # URL text is user input: markdown-escaped so a crafted link cannot inject links or images.
        st.warning(t("bad_param", lang, name=md_escape(shown(p.name)), value=md_escape(shown(p.value)),
                     reason=md_escape(p.reason)), icon="⚠️")


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


@st.fragment
def _map_and_panel(base_q, raw_q, window, span, lang: str, full_width: bool) -> None:
    """The map and the side panel rerun alone when the map reports a click (the panel answers in a
    fraction of the full run); a released window or a view reruns the whole page (slider, table, URL)."""
    value = st.session_state.get(evmap.KEY)
    if (isinstance(value, dict) and value.get("seq") != st.session_state.get("_evm_seq")
            and value.get("event") in ("window", "drawn")):
        st.rerun(scope="app")          # apply_reports() at the top of the page takes it from there
    evmap.apply_reports(base_q, span)
    if full_width:
        map_col, right = st.container(), st.container()
    else:
        map_col, right = st.columns([3.9, 1], gap="small")
    with map_col:
        evmap.render(base_q, window, span, lang, height=545 if not full_width else 620)
    with right:
        details.render(lang)
    state.sync_url(state.windowed(raw_q, window))       # selection and view land in the permalink


def _below_ready() -> bool:
    """Whether this run draws what is below the map: once the session's map has drawn (or was given up
    on), and always under AppTest, which runs no browser that could report it."""
    from streamlit import config
    return bool(st.session_state.get(evmap.DRAWN)) or bool(config.get_option("global.appTest"))


@st.fragment(run_every=1.0)
def _await_map() -> None:
    """Ticks while the first run waits for the map; gives up after BELOW_FALLBACK_S (the map's frame
    never reported), so the table and exports come even without it."""
    ss = st.session_state
    if ss.get(evmap.DRAWN) or time.monotonic() - ss.get("_below_wait_since", 0.0) > BELOW_FALLBACK_S:
        ss[evmap.DRAWN] = True
        st.rerun(scope="app")


def render(lang: str) -> None:
    st.markdown(f'<h1 class="evm-title" dir="auto">{esc(t("app_title", lang))}</h1>', unsafe_allow_html=True)
    _problems(lang)
    span = data.date_span()
    raw_q = state.base_query()
    base_q, hit = search.place_filter(raw_q)   # a place's every spelling, through the gazetteer
    if hit is not None:
        st.caption(t("place_hit", lang, text=hit.text, en=hit.name_en, ar=hit.name_ar,
                     scope=t(f"place_hit_{hit.scope}", lang)))
    evmap.apply_reports(base_q, span)          # what the map reported (window, selection, view) first
    all_q = replace(base_q, include_undated=True, include_unlocated=True)
    window = None
    top = st.container()
    full_width = st.session_state.get("map_full_width", False)
    with top:
        c1, c2 = st.columns([5, 1.2], gap="small", vertical_alignment="bottom")
        with c1:
            if span is not None:
                window = timeline.prepare_window(span)
                window = timeline.slider(span, lang)
        with c2:
            st.toggle(t("full_width", lang), key="map_full_width")
    q = state.windowed(base_q, window)
    light = data.light(q)
    n_visible = len(light)
    with top:
        if window is not None:
            st.markdown(f'<p class="evm-span-words" data-testid="evm-span" dir="auto">'
                        f'{esc(timeline.span_caption(window, n_visible, data.total(), lang))}</p>',
                        unsafe_allow_html=True)
        else:
            st.caption(visible_of_total(n_visible, data.total(), lang))
    if n_visible == 0:
        st.info(t("no_events", lang))
    _map_and_panel(base_q, raw_q, window, span, lang, full_width)
    if not _below_ready():
        st.session_state.setdefault("_below_wait_since", time.monotonic())
        st.caption(t("below_after_map", lang))
        _await_map()
        return

    visible, full = _view_frame(q, light)
    from ui import corroboration   # the sources filter (single / corroborated / contested): table and exports too
    if full:
        visible = corroboration.apply(visible)
        table_rows = None
    else:   # large views: the filter picks row positions from the light frame, rows are read only for those
        kept = corroboration.apply(light)
        table_rows = (range(n_visible) if kept is light
                 else np.flatnonzero(light["id"].isin(kept["id"]).to_numpy()))
    filtered_all = data.light(all_q)
    undated = np.flatnonzero(filtered_all["date_start"].isna().to_numpy())
    unlocated = np.flatnonzero(light["lat"].isna().to_numpy())
    _not_on_map(data.rows(all_q, undated[:MAX_LISTED]), len(undated),
                data.rows(q, unlocated[:MAX_LISTED]), len(unlocated), lang)
    table.render(visible if full else data.rows(q, table_rows[:table.MAX_ROWS]), lang,
                 total=n_visible if table_rows is None else len(table_rows))
    visible_src = visible if full else (lambda: corroboration.apply(data.frame(q)))   # read only when exported
    exports.data_buttons(visible_src, q, window, lang, ("csv", "geojson"))
    exports.render(visible_src, q, window, lang, all_filtered=lambda: data.frame(all_q), play_days=None,
                   visible_count=n_visible)
    state.sync_url(state.windowed(raw_q, window))
