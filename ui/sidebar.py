"""The sidebar: language, page, and the attribute filters."""
from __future__ import annotations

import streamlit as st

from ui import state
from ui.data import FacetOptions
from ui.i18n import LANG_NAMES, LANGS, label, t
from ui.permalink import ParamProblem

PAGES = ("map", "review", "import")


def language_and_page() -> tuple[str, str]:
    ss = st.session_state
    ss.setdefault("page", "map")
    lang = state.lang()
    with st.sidebar:
        st.radio(t("language", lang), LANGS, key="lang", format_func=LANG_NAMES.__getitem__, horizontal=True)
        lang = state.lang()
        if lang == "ar":
            auto = t(f"month_{_default_months()}_short", lang)
            st.selectbox(t("month_style", lang), ("auto", "levantine", "egyptian"), key="month_style",
                         format_func=lambda v: t("month_auto", lang, style=auto) if v == "auto" else t(f"month_{v}", lang))
        st.radio(t("page", lang), PAGES, key="page", format_func=lambda p: t(f"page_{p}", lang))
    return lang, ss["page"]


def _default_months() -> str:
    from errors import ENVIRONMENT_FAILURES, EventMapError
    try:
        from ui import data
        return data.month_style_default()
    except (EventMapError, *ENVIRONMENT_FAILURES):   # an unreadable store: the page says so; this falls back
        return "levantine"


def _keep_known(key: str, options: tuple[str, ...], param: str) -> None:
    """Drop URL-provided values that the store does not have (a multiselect refuses unknown defaults)."""
    values = st.session_state.get(key) or []
    kept = [v for v in values if v in options]
    for v in values:
        if v not in options:
            state.add_problem(ParamProblem(param, v, "no event has this value"))
    st.session_state[key] = kept


def filters(lang: str, opts: FacetOptions) -> None:
    """Filter widgets; their values live in session_state (ui.state reads them into a Query)."""
    gov_names = {p: (ar if lang == "ar" and ar else en) or p for p, en, ar in opts.governorates}
    for key, options, param in (("f_type", opts.types, "type"), ("f_status", opts.statuses, "status"),
                                ("f_prec", opts.precisions, "prec"), ("f_actor", opts.actors, "actor"),
                                ("f_outlet", opts.outlets, "outlet"), ("f_gov", tuple(gov_names), "gov")):
        _keep_known(key, options, param)
    with st.sidebar:
        st.subheader(t("filters", lang))
        st.text_input(t("f_text", lang), key="f_text", max_chars=200)
        if (st.session_state.get("f_text") or "").strip():
            st.radio(t("f_place_scope", lang), ("place", "district", "governorate"), key="f_place_scope",
                     horizontal=True, format_func=lambda v: t(f"scope_{v}", lang))
        st.multiselect(t("f_type", lang), opts.types, key="f_type", placeholder=t("choose", lang), format_func=lambda v: label(v, lang))
        st.multiselect(t("f_status", lang), opts.statuses, key="f_status", placeholder=t("choose", lang), format_func=lambda v: label(v, lang))
        st.multiselect(t("f_actor", lang), opts.actors, key="f_actor", placeholder=t("choose", lang))
        st.multiselect(t("f_outlet", lang), opts.outlets, key="f_outlet", placeholder=t("choose", lang))
        st.multiselect(t("f_precision", lang), opts.precisions, key="f_prec", placeholder=t("choose", lang), format_func=lambda v: label(v, lang))
        st.multiselect(t("f_gov", lang), tuple(gov_names), key="f_gov", placeholder=t("choose", lang), format_func=gov_names.__getitem__)
    from ui import corroboration
    corroboration.filters(lang, opts.flags)
    with st.sidebar:
        st.button(t("clear_filters", lang), on_click=state.clear_filters)
