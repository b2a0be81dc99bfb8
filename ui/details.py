"""The side panel: one event with its source chain, quotes, links and its denials/claims.

Why the full Event (``store.get``) and not the table row: the row keeps the
first source and count only; analysts auditing a claim need every source in
the chain. All text is escaped (ui.text) before it enters HTML.
"""
from __future__ import annotations

import streamlit as st

from errors import EventMapError
from mapview.popup import count_range
from ui import data, state
from ui.i18n import count_kind, counted, format_span, label, t
from ui.text import dir_block, esc, md_escape, safe_url


def _place_name(place, lang: str) -> str:
    if place is None:
        return ""
    if lang == "ar":
        return place.name_ar or place.as_written or place.name_en
    return place.name_en or place.name_ar or place.as_written


def _title(event, lang: str) -> str:
    return (event.title_ar or event.title_en or event.id) if lang == "ar" else event.title


def _links(label_key: str, ids: list[str], titles: dict[str, str], lang: str, key_prefix: str) -> None:
    if not ids:
        return
    st.markdown(f"**{t(label_key, lang)}**")
    for other in ids:
        name = titles.get(other, other)
        st.button(f"↪ {md_escape(name)}", key=f"{key_prefix}-{other}", on_click=state.select, args=(other,),
                  width="stretch")


def render(lang: str) -> None:
    """Panel for st.session_state["selected"]; denial links are resolved over all events (no filter/window)."""
    selected = st.session_state.get("selected")
    st.subheader(t("details", lang))
    if not selected:
        st.caption(t("no_selection", lang))
        return
    try:
        event = data.get_event(selected)
    except (EventMapError, KeyError):
        st.caption(t("no_selection", lang))
        return
    denied_by = data.denied_by(selected)
    titles = data.titles([*denied_by, *event.denies, *event.related], lang)
    status = event.status.value
    st.html(f'<div class="evm-detail" data-testid="evm-detail" data-event-id="{esc(event.id)}">'
            f'<h4 dir="auto">{esc(_title(event, lang))}</h4>'
            f'<span class="evm-badge {esc(status)}">{esc(label(status, lang))}</span>'
            f'<span class="evm-badge">{esc(label(event.event_type.value, lang))}</span></div>')
    rows: list[tuple[str, str]] = []   # (label, HTML already escaped)

    def with_written(text: str, written: str) -> str:
        shown = esc(text)
        if written:
            shown += f' · {esc(t("as_written", lang))}: «<bdi dir="auto">{esc(written)}</bdi>»'
        return shown

    if event.date:
        span = format_span(event.date.start, event.date.end, lang, months=state.month_style())
        when = f"{span} · {label(event.date.precision.value, lang)}"
        rows.append((t("when", lang), with_written(when, event.date.as_written)))
    if event.place:
        where = _place_name(event.place, lang)
        if event.place.precision:
            where += f" · {label(event.place.precision.value, lang)}"
        rows.append((t("where", lang), with_written(where, event.place.as_written)))
    if event.actors:
        rows.append((t("actors", lang), esc("، ".join(event.actors) if lang == "ar" else ", ".join(event.actors))))
    for c in event.counts:
        rng = count_range({"count_min": c.min, "count_max": c.max})   # the map popup's formatter: 0–1, 5+
        rows.append((t("counts", lang), with_written(f"{count_kind(c.what, lang)}: {rng}", c.as_written)))
    if event.summary:
        rows.append((t("summary", lang), f'<span dir="auto">{esc(event.summary)}</span>'))
    st.html("".join(f'<p><b>{esc(k)}:</b> {v}</p>' for k, v in rows))

    from events.io.ucdp_articles import parse_articles
    from ui.sources import article_list_html
    for i, s in enumerate(event.sources):
        articles = parse_articles(s.source)
        if articles:     # a UCDP chain: one line per article, not the packed string
            head = counted(len(articles), "article", lang)
            parts = [f'<p><b>{esc(t("source_chain", lang))}</b> · {esc(head)}</p>', article_list_html(articles, esc)]
            url = safe_url(s.url)
            if url:
                parts.append(f'<p><a href="{esc(url)}" target="_blank" rel="noopener noreferrer">'
                             f'{esc(t("link", lang))}</a></p>')
            st.html(f'<div class="evm-source" data-source="{i}">' + "".join(parts) + "</div>")
            continue
        chain = [(t("outlet", lang), s.outlet), (t("agency", lang), s.agency), (t("source", lang), s.source)]
        items = "".join(f'<li><b>{esc(k)}:</b> <span dir="auto">{esc(v)}</span></li>' for k, v in chain if v)
        parts = [f'<p><b>{esc(t("source_chain", lang))}</b></p><ol class="evm-chain">{items}</ol>']
        if s.published:
            parts.append(f'<p><b>{esc(t("published", lang))}:</b> {esc(s.published.isoformat())}</p>')
        if s.title:
            parts.append(dir_block(s.title, css_class="evm-title"))
        if s.quote:
            parts.append(f'<p><b>{esc(t("quote", lang))}:</b></p>' + dir_block(s.quote))
        url = safe_url(s.url)
        if url:
            parts.append(f'<p><a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{esc(t("link", lang))}</a></p>')
        st.html(f'<div class="evm-source" data-source="{i}">' + "".join(parts) + "</div>")

    from ui import corroboration
    corroboration.panel(event, lang)
    _links("denied_by", denied_by, titles, lang, "deniedby")
    _links("denies", [d for d in event.denies], titles, lang, "denies")
    _links("related", [r for r in event.related], titles, lang, "related")
    st.button(t("close", lang), key="close_details", on_click=state.select, args=(None,))
