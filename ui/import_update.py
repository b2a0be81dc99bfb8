"""Import page, "update" mode: a newer release of a dataset — what it adds and changes, then save.

Thin: events/store/update.py plans (match by source id, compare field by
field) and applies (one audited revision); this shows the counts, the flags
by kind and the table of changed fields, and saves on a click.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from errors import EventMapError
from events.quality import count_kinds
from ui import data
from ui.text import md_escape

STRINGS = {
    "en": {"mode": "Rows whose id is already stored", "refuse": "refuse (or replace)", "update":
           "update: a newer release (add new, update changed, keep unchanged)", "flags": "Flags by kind",
           "changes": "Changed fields", "save": "Apply the update", "saved": "Saved: {summary}"},
    "ar": {"mode": "الصفوف ذات المعرّف المخزّن مسبقًا", "refuse": "ارفض (أو استبدل)", "update":
           "حدّث: إصدار أحدث (أضف الجديد، حدّث المتغيّر، أبقِ غير المتغيّر)", "flags": "ملاحظات الجودة حسب النوع",
           "changes": "الحقول المتغيّرة", "save": "طبّق التحديث", "saved": "حُفظ: {summary}"},
}


def s(key: str, lang: str, **kw: object) -> str:
    text = STRINGS.get(lang, STRINGS["en"])[key]
    return text.format(**kw) if kw else text


def flags_table(result, lang: str) -> None:
    kinds = count_kinds(result.events)
    if kinds:
        st.caption(s("flags", lang))
        st.dataframe(pd.DataFrame(sorted(kinds.items(), key=lambda kv: -kv[1]), columns=["flag", "events"]),
                     hide_index=True, key="import_flags_table")


def choose_mode(lang: str) -> bool:
    """True when the analyst chose update mode."""
    choice = st.radio(s("mode", lang), ("refuse", "update"), key="import_mode", format_func=lambda v: s(v, lang))
    return choice == "update"


def render(result, lang: str, author: str) -> bool:
    """Plan and show the update; returns True once it has been saved."""
    from events.store.update import apply_update, plan_update
    store = data.store()
    try:
        plan = plan_update(store, result.events)
    except EventMapError as exc:
        st.error(md_escape(str(exc)))
        return False
    st.info(plan.summary())
    rows = plan.rows(limit=5_000)
    if rows:
        st.caption(s("changes", lang))
        st.dataframe(pd.DataFrame(rows, columns=["id", "field", "before", "after"]), hide_index=True,
                     width="stretch", key="import_changes_table")
    if st.button(s("save", lang), key="import_update_save", type="primary"):
        try:
            apply_update(store, plan, author=author)
        except EventMapError as exc:
            st.error(md_escape(str(exc)))
            return False
        st.success(s("saved", lang, summary=plan.summary()))
        return True
    return False
