"""Session state ⇄ Query ⇄ URL: the one place that knows the widget keys.

Why: filters, time window, map view and selection are read by several
widgets (sidebar, slider, map, table, side panel) and written to the URL
after every run (permalinks). Keeping the key names and the conversions
here means the pages only ask for "the current query".
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import streamlit as st

from events.model import ClaimStatus, EventType
from events.query import Query
from gazetteer.model import Precision
from ui.permalink import ParamProblem, ViewState, from_params, to_params

#: session_state key → Query field, for the multi-value filters.
FILTER_KEYS: dict[str, str] = {
    "f_type": "types", "f_status": "statuses", "f_prec": "precisions",
    "f_actor": "actors", "f_outlet": "outlets", "f_gov": "governorates", "f_flag": "flags",
}
_ENUMS = {"f_type": EventType, "f_status": ClaimStatus, "f_prec": Precision}


def init_session() -> None:
    """On a session's first run, load the view from the URL (bad parameters become warnings)."""
    ss = st.session_state
    if ss.get("_init"):
        return
    params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    view, problems = from_params(params)
    q = view.query
    ss["lang"] = view.lang
    ss["f_type"] = sorted(t.value for t in q.types)
    ss["f_status"] = sorted(s.value for s in q.statuses)
    ss["f_prec"] = sorted(p.value for p in q.precisions)
    ss["f_actor"] = sorted(q.actors)
    ss["f_outlet"] = sorted(q.outlets)
    ss["f_gov"] = sorted(q.governorates)
    ss["f_text"] = q.text
    ss["_url_window"] = (q.date_from, q.date_to)
    ss["view_center"] = view.center
    ss["view_zoom"] = view.zoom
    ss["selected"] = view.selected
    ss["month_style"] = view.months or "auto"
    ss["_url_problems"] = list(problems)
    ss["_init"] = True


def add_problem(problem: ParamProblem) -> None:
    st.session_state.setdefault("_url_problems", []).append(problem)


def lang() -> str:
    return st.session_state.get("lang", "en")


def month_style() -> str:
    """The Arabic month names to show: the sidebar's choice, or ("auto") the events' own text's.

    An English page shows no Arabic month names, so it does not read the events' text for them (that
    read, and the Arabic date words it imports, took ~0.5 s of a cold first map)."""
    chosen = st.session_state.get("month_style", "auto")
    if chosen in ("levantine", "egyptian"):
        return chosen
    if lang() != "ar":
        return "levantine"
    from ui import data
    return data.month_style_default()


def base_query() -> Query:
    """The attribute filters from the sidebar widgets (no time window)."""
    ss = st.session_state
    values: dict[str, frozenset] = {}
    for key, field_name in FILTER_KEYS.items():
        raw = ss.get(key) or []
        cls = _ENUMS.get(key)
        values[field_name] = frozenset(cls(v) for v in raw) if cls else frozenset(raw)
    return Query(text=(ss.get("f_text") or "").strip(), **values)


def default_query() -> Query:
    """What ``base_query`` gives a session with no filter set (a visit without a permalink)."""
    return Query(text="", **{field_name: frozenset() for field_name in FILTER_KEYS.values()})


def windowed(q: Query, window: tuple[date, date] | None) -> Query:
    if window is None:
        return q
    return replace(q, date_from=window[0], date_to=window[1])


def clear_filters() -> None:
    """on_click callback of the "clear filters" button."""
    for key in FILTER_KEYS:
        st.session_state[key] = []
    st.session_state["f_text"] = ""


def select(event_id: str | None) -> None:
    """Select an event (table row, marker, denial link); the map zooms to it on this run."""
    st.session_state["selected"] = event_id
    st.session_state["_zoom_to_selected"] = event_id is not None


def sync_url(q: Query) -> None:
    """Write the current view into the address bar so the link reopens it."""
    ss = st.session_state
    chosen = ss.get("month_style")
    view = ViewState(query=q, lang=lang(), center=ss.get("view_center"), zoom=ss.get("view_zoom"),
                     selected=ss.get("selected"), months=chosen if chosen in ("levantine", "egyptian") else None)
    params = to_params(view)
    current = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    if current != params:
        st.query_params.from_dict(params)
