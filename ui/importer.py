"""Import page: upload ACLED / UCDP GED / our CSV, GeoJSON, KML or JSON; see rejects; save to the store.

Why two steps (read, then save): the analyst sees how many rows were
refused, and why, before anything is written; saving is one store
transaction (all or none), so a conflict leaves the store unchanged.
"""
from __future__ import annotations


import pandas as pd
import streamlit as st

from errors import ENVIRONMENT_FAILURES, EventMapError, describe_failure
from events.io import READ_FORMATS, loads_events
from events.io.rejects import rejects_csv
from ui import data
from ui.i18n import t
from ui.text import md_escape

AUTHOR = "analyst"


def _rejects_frame(result) -> pd.DataFrame:
    return pd.DataFrame([{"row": r.row, "field": r.field, "value": r.value, "message": r.message}
                         for r in result.rejects], columns=["row", "field", "value", "message"])


def rejects_download(result) -> bytes:
    """"Download rejected rows": the CLI's ``--rejects`` report (formula cells neutralised), with a BOM for Excel."""
    return rejects_csv(result.rejects, bom=True)


def render(lang: str) -> None:
    ss = st.session_state
    st.title(t("import_title", lang))
    fmt = st.selectbox(t("import_format", lang), ("auto",) + tuple(READ_FORMATS), key="import_fmt",
                       format_func=lambda f: t("import_auto", lang) if f == "auto" else f)
    upload = st.file_uploader(t("import_file", lang), type=["csv", "geojson", "json", "jsonl", "kml", "txt"],
                              key="import_upload")
    read = upload is not None and st.button(t("import_read", lang), key="import_read")
    slot = st.empty()   # the progress bar: live while reading, then the final count
    if read:
        bar = slot.progress(0.0, text=t("import_progress", lang, done=0))

        def progress(done: int, total: int | None) -> None:
            fraction = min(done / total, 1.0) if total else 0.5
            bar.progress(fraction, text=t("import_progress", lang, done=f"{done:,}"))

        try:
            result = loads_events(upload.getvalue(), format=None if fmt == "auto" else fmt, name=upload.name,
                                  progress=progress)
        except (EventMapError, *ENVIRONMENT_FAILURES) as exc:
            slot.empty()
            st.error(md_escape(describe_failure(exc)))
            ss.pop("import_result", None)
        else:
            bar.progress(1.0, text=t("import_progress", lang, done=f"{result.rows:,}"))
            ss["import_result"] = result
            ss["import_name"] = upload.name

    result = ss.get("import_result")
    if result is None:
        return
    slot.progress(1.0, text=t("import_done", lang, done=f"{result.rows:,}"))
    st.success(t("import_result", lang, ok=len(result.events), bad=len(result.rejects)))
    for note in result.notes:
        st.info(md_escape(note))
    if result.rejects:
        st.subheader(t("import_rejects", lang))
        rejects = _rejects_frame(result)
        st.dataframe(rejects, hide_index=True, width="stretch", key="import_rejects_table")
        st.download_button(t("download_rejects", lang), rejects_download(result),
                           file_name="rejected_rows.csv",
                           mime="text/csv", key="dl-rejects")
    from ui import import_update
    import_update.flags_table(result, lang)
    if result.events and import_update.choose_mode(lang):
        if import_update.render(result, lang, AUTHOR):
            ss.pop("import_result", None)
        return
    if result.events:
        replace = st.checkbox(t("import_replace", lang), key="import_replace")
        learnable = result.format in ("ucdp", "acled") and upload is not None
        learn = learnable and st.checkbox(t("import_learn", lang), value=True, key="import_learn")
        if st.button(t("import_save", lang, n=len(result.events)), key="import_save", type="primary"):
            try:
                n = data.store().add(result.events, author=AUTHOR, replace=replace)
                learned = _learn_places(upload, result.format) if learn else None
            except (EventMapError, *ENVIRONMENT_FAILURES) as exc:   # ConflictError names the first duplicate id
                st.error(md_escape(describe_failure(exc)))
            else:
                st.success(t("import_saved", lang, n=n))
                if learned is not None:
                    st.success(t("import_learned", lang, n=learned["aliases"], attached=learned["attached"],
                                 own=learned["own"]))
                ss.pop("import_result", None)


def _learn_places(upload, fmt: str) -> dict:
    """The upload's place strings become learned aliases of the store (gazetteer/learned.py); the review
    page's gazetteer is rebuilt for the new aliases revision."""
    from gazetteer import get_gazetteer
    from gazetteer.learned import learn_text, summary
    text = upload.getvalue().decode("utf-8-sig", errors="replace")
    aliases, _ = learn_text(text, fmt, get_gazetteer().places, source=upload.name)
    data.store().save_learned_aliases(aliases, author=AUTHOR)
    return summary(aliases)
