"""Review page: article text → draft events → analyst edits → accept (saved, author "analyst") or reject.

Why drafts stay in session state until decided: nothing is written until
the analyst accepts a draft, and a draft the store refuses (validation
error) stays on screen with the message next to it and every edit kept —
nothing the analyst typed is lost.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import streamlit as st

from errors import EventMapError
from events.model import ClaimStatus, Count, DatePrecision, EventDate, EventType, Place
from gazetteer.model import Precision
from ui import data
from ui.i18n import TABLES, label, t
from ui.text import highlight_span, md_escape

AUTHOR = "analyst"
MAX_ARTICLE_CHARS = 100_000


@st.cache_resource(show_spinner=False)
def _gazetteer_for(location: str, aliases_revision: int):
    # One build per store and aliases revision: places learned from imports (gazetteer/learned.py) resolve.
    from gazetteer.learned import gazetteer_for
    return gazetteer_for(data.get_store(location))


def _gazetteer():
    location = data.store_location()
    return _gazetteer_for(location, data.get_store(location).aliases_revision)


class _Drafts(list):
    """The drafts of one article, with its context notes (``.notes``) for the reviewer."""
    notes: tuple = ()


def _ingest(text: str, published: date, outlet: str) -> list:
    """Drafts of ``text``, read in a worker process with a time limit (ui/ingest_worker.py): a slow
    article reports "article too complex" (IngestTimeout) instead of holding the server."""
    from ui.ingest_worker import ingest_article
    found, notes = ingest_article(text, published, outlet or None, data.store_location())
    drafts = _Drafts(found)
    drafts.notes = notes
    return drafts


def _opt_float(value: str, field: str) -> float | None:
    from errors import ValidationError
    value = (value or "").strip()
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise ValidationError("must be a number", field=field, value=value) from None


def _opt_int(value: str, field: str) -> int | None:
    from errors import ValidationError
    value = (value or "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise ValidationError("must be a whole number", field=field, value=value) from None


def edited_event(event, form: dict):
    """The draft ``event`` with the analyst's edits from ``form`` (widget values) applied."""
    d0 = event.date
    as_written = d0.as_written if d0 else ""
    new_date = EventDate(form["date_start"], form["date_end"], DatePrecision(form["date_precision"]), as_written)
    p0 = event.place or Place(as_written="")
    lat = _opt_float(form["lat"], "place.lat")
    lon = _opt_float(form["lon"], "place.lon")
    place = replace(p0, name_en=form["place_en"].strip(), name_ar=form["place_ar"].strip(), lat=lat, lon=lon,
                    precision=Precision(form["precision"]) if form["precision"] else None)
    counts = list(event.counts)
    cmin, cmax = _opt_int(form["count_min"], "counts.min"), _opt_int(form["count_max"], "counts.max")
    if counts:
        counts[0] = replace(counts[0], min=cmin, max=cmax)
    elif cmin is not None or cmax is not None:
        counts.append(Count(what="people", min=cmin, max=cmax))
    actors = tuple(a.strip() for a in form["actors"].split(";") if a.strip())
    return replace(event, title_en=form["title_en"].strip(), title_ar=form["title_ar"].strip(),
                   event_type=EventType(form["event_type"]), status=ClaimStatus(form["status"]), date=new_date,
                   place=place, counts=tuple(counts), actors=actors)


def _num(v) -> str:
    return "" if v is None else str(v)


def _draft_form(i: int, draft, lang: str) -> None:
    ss = st.session_state
    e = draft.event
    decided = ss["review_state"].get(i)
    conf = getattr(draft, "confidence", None)
    head = t("review_draft", lang, i=i + 1, title=md_escape(e.title_ar if lang == "ar" and e.title_ar else e.title))
    if conf is not None:
        head += " · " + t("review_confidence", lang, c=float(conf))
    if decided:
        head += f" · {t('review_status_' + decided[0], lang)}"
    with st.expander(head, expanded=decided is None):
        if decided:
            st.caption(decided[1])
            return
        sentence = getattr(draft, "sentence", "") or ""
        if sentence:
            st.markdown(f"**{t('review_sentence', lang)}**")
            st.html(highlight_span(sentence, getattr(draft, "span", None)))
        st.caption(provenance(draft, lang))
        warnings = list(getattr(draft, "warnings", ()) or ())
        if warnings:
            st.warning(t("review_warnings", lang) + ": " + "; ".join(md_escape(w) for w in warnings))
        error = ss["review_errors"].get(i)
        if error:
            st.error(t("review_error", lang, error=md_escape(error)))
        p = e.place or Place(as_written="")
        c = e.counts[0] if e.counts else None
        d = e.date
        today = date.today()
        with st.form(key=f"draft-{i}", border=False):
            a, b = st.columns(2)
            form = {
                "title_en": a.text_input(t("title_en", lang), e.title_en, key=f"d{i}-ten"),
                "title_ar": b.text_input(t("title_ar", lang), e.title_ar, key=f"d{i}-tar"),
                "event_type": a.selectbox(t("col_type", lang), [x.value for x in EventType],
                                          index=list(EventType).index(e.event_type), key=f"d{i}-type",
                                          format_func=lambda v: label(v, lang)),
                "status": b.selectbox(t("col_status", lang), [x.value for x in ClaimStatus],
                                      index=list(ClaimStatus).index(e.status), key=f"d{i}-status",
                                      format_func=lambda v: label(v, lang)),
                "date_start": a.date_input(t("date_start", lang), d.start if d else today, key=f"d{i}-ds"),
                "date_end": b.date_input(t("date_end", lang), d.end if d else today, key=f"d{i}-de"),
                "date_precision": a.selectbox(t("date_precision", lang), [x.value for x in DatePrecision],
                                              index=list(DatePrecision).index(d.precision) if d else 0,
                                              key=f"d{i}-dp", format_func=lambda v: label(v, lang)),
                "precision": b.selectbox(t("col_precision", lang), [""] + [x.value for x in Precision],
                                         index=(list(Precision).index(p.precision) + 1) if p.precision else 0,
                                         key=f"d{i}-pp", format_func=lambda v: label(v, lang) if v else "—"),
                "place_en": a.text_input(t("review_place_en", lang), p.name_en, key=f"d{i}-pen"),
                "place_ar": b.text_input(t("review_place_ar", lang), p.name_ar or p.as_written, key=f"d{i}-par"),
                "lat": a.text_input(t("lat", lang), _num(p.lat), key=f"d{i}-lat"),
                "lon": b.text_input(t("lon", lang), _num(p.lon), key=f"d{i}-lon"),
                "count_min": a.text_input(t("count_min", lang), _num(c.min if c else None), key=f"d{i}-cmin"),
                "count_max": b.text_input(t("count_max", lang), _num(c.max if c else None), key=f"d{i}-cmax"),
                "actors": st.text_input(t("actors", lang), "; ".join(e.actors), help=t("actors_help", lang),
                                        key=f"d{i}-act"),
            }
            x, y = st.columns(2)
            accept = x.form_submit_button(t("accept", lang), type="primary", width="stretch")
            reject = y.form_submit_button(t("reject", lang), width="stretch")
        if accept:
            try:
                from events.admincodes import fill_admin_codes   # governorate/district codes from the point
                event = fill_admin_codes([edited_event(e, form)])[0]
                data.store().add([event], author=AUTHOR)
            except EventMapError as exc:
                ss["review_errors"][i] = str(exc)
            else:
                ss["review_errors"].pop(i, None)
                ss["review_state"][i] = ("accepted", t("accepted", lang, id=event.id))
            st.rerun()
        if reject:
            ss["review_state"][i] = ("rejected", t("rejected", lang))
            st.rerun()


def render(lang: str) -> None:
    ss = st.session_state
    st.title(t("review_title", lang))
    from ui.ingest_worker import prewarm
    prewarm(data.store_location())  # the reading worker imports and builds its gazetteer while the analyst pastes
    text = st.text_area(t("review_text", lang), height=220, key="review_text_area", max_chars=MAX_ARTICLE_CHARS)
    upload = st.file_uploader(t("review_upload", lang), type=["txt"], key="review_upload")
    a, b = st.columns(2)
    published = a.date_input(t("review_published", lang), key="review_published", value=date.today())
    outlet = b.text_input(t("review_outlet", lang), key="review_outlet", max_chars=200)
    if st.button(t("review_run", lang), type="primary", key="review_run"):
        article = upload.getvalue().decode("utf-8", errors="replace") if upload is not None else text
        try:
            drafts = _ingest(article[:MAX_ARTICLE_CHARS], published, outlet.strip())
        except ImportError as exc:
            st.error(t("review_missing", lang, error=md_escape(str(exc))))
            drafts = None
        except EventMapError as exc:
            st.error(md_escape(str(exc)))
            drafts = None
        if drafts is not None:
            ss["review_notes"] = list(getattr(drafts, "notes", ()))
            ss["review_drafts"] = drafts
            ss["review_state"] = {}
            ss["review_errors"] = {}
    drafts = ss.get("review_drafts")
    if drafts is None:
        return
    if not drafts:
        st.info(t("review_none", lang))
    for i, draft in enumerate(drafts):
        _draft_form(i, draft, lang)
    _notes(lang)


def provenance(draft, lang: str) -> str:
    """One line (Markdown, escaped) on where a draft comes from: its class, where its date was read
    (stated / taken from the event before / the publication default) and the parts of its place phrase."""
    kind = getattr(draft, "kind", "incident") or "incident"
    source = getattr(draft, "date_source", "") or ""
    out = [t("review_class", lang, kind=_kind_label(kind, lang))]
    if source:
        key = f"review_date_{source}"
        out.append(t("review_date_from", lang, source=t(key, lang) if key in TABLES["en"] else md_escape(source)))
    parts = [_part(x, lang) for x in (getattr(draft, "place_parts", ()) or ())]
    if parts:
        out.append(t("review_place_parts", lang, parts=" · ".join(parts)))
    return " · ".join(out)


def _part(part: str, lang: str) -> str:
    """One part of the place phrase ("governorate: Idleb"), its label in the page's language, escaped."""
    label, sep, rest = part.partition(": ")
    key = f"part_{label}"
    if sep and key in TABLES["en"]:
        return f"{md_escape(t(key, lang))}: {md_escape(rest)}"
    return md_escape(part)


def _kind_label(kind: str, lang: str) -> str:
    key = f"review_kind_{kind}"
    return t(key, lang) if key in TABLES["en"] else md_escape(kind)


def _notes(lang: str) -> None:
    """Context notes (totals, control, background, analysis, outside Syria, denials of nothing here):
    each with its class, reason and clause; one click makes one a draft, reviewed like the others."""
    ss = st.session_state
    notes = ss.get("review_notes") or []
    if not notes:
        return
    st.subheader(t("review_notes", lang, n=len(notes)))
    for k, note in enumerate(list(notes)):
        a, b = st.columns([5, 1])
        where = f" · {t('review_note_place', lang, place=md_escape(note.place))}" if note.place else ""
        a.markdown(f"**{_kind_label(note.kind, lang)}** — {md_escape(note.reason)}{where}: "
                   f"«{md_escape(note.clause.strip()[:300])}»")
        if note.draft is not None and b.button(t("review_note_to_draft", lang), key=f"note-{k}",
                                               help=t("review_note_to_draft_help", lang)):
            ss["review_drafts"] = list(ss.get("review_drafts") or []) + [note.draft]
            ss["review_notes"] = [n for j, n in enumerate(notes) if j != k]
            st.rerun()
