"""The event table under the map: same events as the map, sortable, row click selects.

Why a display copy: the table shows labels in the chosen language and
hides internal columns, but selection is mapped back through the ``id``
column, never through row positions of another frame.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import state
from ui.i18n import label, t

TABLE_KEY = "table"
#: Rows sent to the browser; beyond this the table shows the first rows and the CSV/GeoJSON downloads have all.
MAX_ROWS = 5_000


def display_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    ar = lang == "ar"

    def pick(a: str, b: str) -> pd.Series:
        first, second = (frame[b], frame[a]) if ar else (frame[a], frame[b])
        return first.where(first.fillna("") != "", second)

    count = frame["count_min"].astype("string").fillna("")
    return pd.DataFrame({
        t("col_date", lang): frame["date_start"].dt.date,
        t("col_date_end", lang): frame["date_end"].dt.date,
        t("col_type", lang): frame["event_type"].map(lambda v: label(v, lang)),
        t("col_status", lang): frame["status"].map(lambda v: label(v, lang)),
        t("col_title", lang): pick("title_en", "title_ar"),
        t("col_place", lang): pick("place_en", "place_ar").where(lambda s: s.fillna("") != "", frame["place_as_written"]),
        t("col_gov", lang): pick("admin1_en", "admin1_ar"),
        t("col_precision", lang): frame["precision"].map(lambda v: label(v, lang) if isinstance(v, str) else ""),
        t("col_actors", lang): frame["actors"],
        t("col_count", lang): count,
        t("col_outlet", lang): frame["outlet"].map(_outlets),
        **({_flags_label(lang): frame["flags"].fillna("")} if "flags" in frame.columns else {}),
        t("col_id", lang): frame["id"],
    })


def _outlets(value: object) -> object:
    """UCDP's ``;``-joined outlets, once each ("SOHR;SOHR;Reuters" → "SOHR, Reuters")."""
    if not isinstance(value, str) or ";" not in value:
        return value
    return ", ".join(dict.fromkeys(p.strip() for p in value.split(";") if p.strip()))


def _flags_label(lang: str) -> str:
    from ui.corroboration import s
    return s("flags", lang)


def render(frame: pd.DataFrame, lang: str, *, total: int | None = None) -> None:
    """``frame``: the events in view, or only their first rows when ``total`` (all of them) is given."""
    st.subheader(t("table", lang))
    st.caption(t("table_help", lang))
    total = len(frame) if total is None else total
    if total > MAX_ROWS:
        st.caption(t("table_truncated", lang, shown=f"{MAX_ROWS:,}", total=f"{total:,}"))
        frame = frame.iloc[:MAX_ROWS]
    shown = display_frame(frame, lang)
    event = st.dataframe(shown, key=TABLE_KEY, on_select="rerun", selection_mode="single-row",
                         hide_index=True, width="stretch", height=min(420, 38 + 35 * max(len(shown), 1)))
    rows = list(event.selection.rows) if event and event.selection else []
    ss = st.session_state
    if rows != ss.get("_table_rows"):
        ss["_table_rows"] = rows
        if rows and rows[0] < len(frame):
            state.select(str(frame["id"].iloc[rows[0]]))
            st.rerun()
