"""Side-panel block, filters and cached membership for data-quality flags and corroboration groups.

Thin: the rules live in events/quality.py and events/corroborate/; this
reads session state, calls them and renders escaped HTML. Its strings are
kept here (English and Arabic) so ui/i18n.py stays the core vocabulary.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from errors import EventMapError
from ui import data, state
from ui.text import esc, md_escape

STRINGS = {
    "en": {"flags": "Data-quality flags", "f_flags": "Data-quality flag", "any_flag": "any flag",
           "corroboration": "Corroboration", "f_corr": "Sources", "all": "all", "single": "single source",
           "corroborated": "corroborated", "contested": "contested", "members": "Reports of this incident",
           "split": "Split this report off its group", "join": "Join with event id", "join_btn": "Join",
           "single_line": "reported by {sources} ({chains})", "denied_n": " · denied by {n}",
           "done": "Saved (audited)."},
    "ar": {"flags": "ملاحظات جودة البيانات", "f_flags": "ملاحظة جودة", "any_flag": "أي ملاحظة",
           "corroboration": "التأكيد من مصادر مستقلة", "f_corr": "المصادر", "all": "الكل", "single": "مصدر واحد",
           "corroborated": "مؤكد من أكثر من مصدر", "contested": "متنازع عليه", "members": "تقارير هذه الحادثة",
           "split": "افصل هذا التقرير عن مجموعته", "join": "ضمّه إلى الحدث رقم", "join_btn": "ضم",
           "single_line": "أورده {sources} ({chains})", "denied_n": " · عدد حالات النفي: {n}",
           "done": "حُفظ (مع سجل التدقيق)."},
}
#: The flag kinds of events/quality.py in Arabic (English: the kind's own words, underscores as spaces).
FLAG_AR = {
    "best_outside_range": "التقدير الأرجح خارج المدى المنشور", "count_range_reversed": "الحد الأدنى أعلى من الأعلى",
    "source_date_implausible": "تاريخ نشر المصدر غير معقول", "admin_name_missing": "لا اسم للمحافظة في البيانات",
    "country_level_location": "الموقع على مستوى البلد فقط", "unknown_code": "رمز غير معرّف في دليل البيانات",
}
MODE_KEY = "f_corr"


def flag_label(kind: str, lang: str) -> str:
    return FLAG_AR.get(kind, kind.replace("_", " ")) if lang == "ar" else kind.replace("_", " ")


def s(key: str, lang: str, **kw: object) -> str:
    text = STRINGS.get(lang, STRINGS["en"])[key]
    return text.format(**kw) if kw else text


@st.cache_resource(max_entries=4, show_spinner=False)
def _membership(location: str, rev: object, stamp: tuple):
    from events.corroborate.view import membership
    return membership(data.get_store(location))


def stamp() -> tuple:
    from events.corroborate.view import stamp as _stamp
    return _stamp(data.store())


def membership():
    return _membership(data.store_location(), data.revision(), stamp())


def mode() -> str:
    return st.session_state.get(MODE_KEY) or "all"


def cache_key() -> tuple:
    """What the map payload's cache must also depend on (filter mode and the groups' state)."""
    return (mode(), stamp())


def apply(frame: pd.DataFrame, *, once: bool = False) -> pd.DataFrame:
    """The session's corroboration filter on a frame with an ``id`` column; ``once``: one row per group."""
    from events.corroborate.view import filtered
    m = membership()
    if m.empty and mode() == "all":
        return frame
    return filtered(frame, m, mode(), once=once)


def filters(lang: str, flag_kinds: tuple[str, ...]) -> None:
    """Sidebar widgets: corroboration mode and data-quality flags."""
    from events.quality import KINDS
    with st.sidebar:
        st.radio(s("f_corr", lang), ("all", "single", "corroborated", "contested"), key=MODE_KEY,
                 format_func=lambda v: s(v, lang), horizontal=True)
        options = ("any", *flag_kinds)
        st.session_state["f_flag"] = [v for v in (st.session_state.get("f_flag") or []) if v in options]
        from ui.i18n import t
        st.multiselect(s("f_flags", lang), options, key="f_flag", placeholder=t("choose", lang),
                       format_func=lambda v: s("any_flag", lang) if v == "any" else flag_label(v, lang),
                       help="; ".join(f"{k}: {v}" for k, v in KINDS.items()))


def panel(event, lang: str) -> None:
    """Flags and the event's corroboration group, with the hand-made split/join (audited)."""
    from events.quality import describe
    if event.flags:
        if lang == "ar":      # the kind in Arabic, the dataset's detail (codes, values) as written
            from events.quality import flag_detail, flag_kind
            items = "".join(f'<li>{esc(flag_label(flag_kind(f), lang))}'
                            f'{(" · <bdi>" + esc(flag_detail(f)) + "</bdi>") if ":" in f else ""}</li>'
                            for f in event.flags)
        else:
            items = "".join(f"<li>{esc(describe(f))}</li>" for f in event.flags)
        st.html(f'<div class="evm-flags" data-testid="evm-flags"><p><b>{esc(s("flags", lang))}</b></p>'
                f"<ul>{items}</ul></div>")
    from events.corroborate.link import single
    from events.corroborate.storage import groups_of
    store = data.store()
    try:
        info = groups_of(store, [event.id]).get(event.id)
    except EventMapError:
        info = None
    if info is None:
        g = single(event)
        from ui.i18n import counted
        line = s("single_line", lang, sources=counted(g.independent_sources, "source", lang), chains="; ".join(g.chains))
        st.html(f'<div class="evm-corr" data-testid="evm-corr"><p><b>{esc(s("corroboration", lang))}:</b> '
                f'<span dir="auto">{esc(line)}</span></p></div>')
    else:
        n = info["independent_sources"]
        from ui.i18n import counted
        line = (s("single_line", lang, sources=counted(n, "source", lang), chains="; ".join(info["chains"]))
                + (s("denied_n", lang, n=len(info["denied_by"])) if info["denied_by"] else ""))
        reasons = "".join(f"<li>{esc(r)}</li>" for r in info["reasons"])
        st.html(f'<div class="evm-corr" data-testid="evm-corr" data-group="{esc(info["group"])}">'
                f'<p><b>{esc(s("corroboration", lang))}</b> · {esc(info["confidence"])}</p>'
                f'<p dir="auto">{esc(line)}</p><ul>{reasons}</ul></div>')
        others = [m for m in info["members"] if m != event.id]
        if others:
            st.markdown(f"**{md_escape(s('members', lang))}**")
            for other in others:
                st.button(f"↪ {md_escape(other)}", key=f"corr-{other}", on_click=state.select, args=(other,))
        if st.button(s("split", lang), key=f"corr-split-{event.id}"):
            from events.corroborate.storage import split
            split(store, event.id, author="dashboard")
            st.success(s("done", lang))
    with st.form(key=f"corr-join-{event.id}", border=False):
        other = st.text_input(s("join", lang), max_chars=128)
        if st.form_submit_button(s("join_btn", lang)) and other.strip():
            from events.corroborate.storage import join
            try:
                join(store, event.id, other.strip(), author="dashboard")
                st.success(s("done", lang))
            except EventMapError as exc:
                st.error(str(exc))
