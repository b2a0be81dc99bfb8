"""Page setup and routing; the pages themselves hold the widgets."""
from __future__ import annotations

import streamlit as st

from errors import ENVIRONMENT_FAILURES, EventMapError, describe_failure
from ui import sidebar, state, style
from ui.i18n import t
from ui.text import md_escape


def main() -> None:
    st.set_page_config(page_title="Syria events map", page_icon="🗺️", layout="wide")
    state.init_session()
    lang, page = sidebar.language_and_page()
    style.apply(lang)
    try:
        from ui import data
        opts = data.facets()
    except (EventMapError, *ENVIRONMENT_FAILURES) as exc:   # disk full, locked store...: a box, not a traceback
        st.error(t("store_error", lang, error=md_escape(describe_failure(exc))))
        return
    if page == "review":
        from ui import review
        review.render(lang)
    elif page == "import":
        from ui import importer
        importer.render(lang)
    else:
        sidebar.filters(lang, opts)
        from ui import dashboard
        dashboard.render(lang)
