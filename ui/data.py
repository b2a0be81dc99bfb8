"""Where the pages get their data: one cached store, cached frames per (revision, Query).

Why here: the pages never open files or stores themselves. ``st.cache_resource``
keeps one store connection per process (opening it, and the gazetteer, is the
slow part); frames are cached per store revision and Query, so moving the
slider back to a window already seen costs nothing, and any write to the
store (a new revision) invalidates every cached frame at once.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from errors import EventMapError
from events.query import Query
from events.store import open_store

def store_location() -> str:
    """``EVENTS_STORE`` (tests point it at a temporary file), or "" for the default store."""
    return os.environ.get("EVENTS_STORE", "").strip()


@st.cache_resource(show_spinner=False)
def get_store(location: str):
    # "" → open_store(None): var/events.sqlite, created and seeded from data/events/seed.json on first use.
    return open_store(location or None)


def store():
    return get_store(store_location())


def revision() -> object:
    return getattr(store(), "revision", 0)


def query_key(q: Query) -> tuple:
    """A canonical, order-independent key for a Query (frozenset iteration order is not stable)."""
    return tuple((name, tuple(sorted(map(str, value))) if isinstance(value, frozenset) else value)
                 for name, value in vars(q).items())


@st.cache_data(max_entries=64, show_spinner=False)
def _frame(location: str, rev: object, key: tuple, _query: Query) -> pd.DataFrame:
    return get_store(location).frame(_query)


def frame(q: Query) -> pd.DataFrame:
    """The events matching ``q`` as the flat FRAME_COLUMNS table (cached; treat as read-only)."""
    return _frame(store_location(), revision(), query_key(q), q)


@st.cache_resource(max_entries=16, show_spinner=False)
def _light(location: str, rev: object, key: tuple, _query: Query) -> pd.DataFrame:
    return get_store(location).light_frame(_query)


def light(q: Query) -> pd.DataFrame:
    """The events of ``q`` with only id, dates, coordinates, status, type, precision, governorate
    (``memindex.LIGHT_COLUMNS``), same rows and order as ``frame(q)``.

    Why: the timeline and an aggregated map need just these; the embedded
    store answers from its in-memory index in milliseconds where the full
    frame costs seconds at 100k–1M events. ``cache_resource`` hands out the
    same object (no pickling of 1M rows per rerun): treat it as read-only.
    """
    return _light(store_location(), revision(), query_key(q), q)


@st.cache_data(max_entries=32, show_spinner=False)
def _rows(location: str, rev: object, key: tuple, rows: tuple[int, ...], _query: Query) -> pd.DataFrame:
    return get_store(location).frame_rows(_query, rows)


def rows(q: Query, positions) -> pd.DataFrame:
    """``frame(q).iloc[positions]`` (full columns) without building the rest of the frame (cached)."""
    return _rows(store_location(), revision(), query_key(q), tuple(int(p) for p in positions), q)


@dataclass(frozen=True)
class FacetOptions:
    """Values offered by the filter widgets, taken from the whole store."""
    types: tuple[str, ...]
    statuses: tuple[str, ...]
    precisions: tuple[str, ...]
    actors: tuple[str, ...]
    outlets: tuple[str, ...]
    governorates: tuple[tuple[str, str, str], ...]   # (pcode, name_en, name_ar)
    flags: tuple[str, ...] = ()                      # data-quality flag kinds (events/quality.py)


@st.cache_data(max_entries=8, show_spinner=False)
def _facets(location: str, rev: object) -> FacetOptions:
    f = get_store(location).facets()
    codes, labels = f.get("admin1", []), f.get("admin1_label", [])
    govs = []
    for i, code in enumerate(codes):
        # the store labels governorates "English / Arabic", in the order of their codes
        en, _, ar = (labels[i] if i < len(labels) else "").partition(" / ")
        govs.append((code, en or code, ar or en or code))
    govs.sort(key=lambda g: g[1])
    return FacetOptions(types=tuple(f.get("event_type", [])), statuses=tuple(f.get("status", [])),
                        precisions=tuple(f.get("precision", [])), actors=tuple(f.get("actors", [])),
                        outlets=tuple(f.get("outlets", [])), governorates=tuple(govs),
                        flags=tuple(f.get("flags", [])))


def facets() -> FacetOptions:
    return _facets(store_location(), revision())


@st.cache_data(max_entries=8, show_spinner=False)
def _date_span(location: str, rev: object):
    return get_store(location).date_span()


def date_span():
    """(first, last) day over all dated events, or None for an empty store."""
    return _date_span(store_location(), revision())


def get_event(event_id: str):
    return store().get(event_id)


@st.cache_data(max_entries=4, show_spinner=False)
def _total(location: str, rev: object) -> int:
    return get_store(location).count(Query(include_undated=True, include_unlocated=True))


def total() -> int:
    """Number of events in the store."""
    return _total(store_location(), revision())



@st.cache_data(max_entries=256, show_spinner=False)
def _denied_by(location: str, rev: object, event_id: str) -> list[str]:
    return get_store(location).denied_by(event_id)


def denied_by(event_id: str) -> list[str]:
    """Ids of the events that deny ``event_id`` (cached per store revision)."""
    return _denied_by(store_location(), revision(), event_id)


def titles(event_ids: list[str], lang: str) -> dict[str, str]:
    """Titles of a few linked events (missing ones are left out; the link then shows the id)."""
    out: dict[str, str] = {}
    for event_id in dict.fromkeys(event_ids):
        try:
            event = store().get(event_id)
        except EventMapError:
            continue
        out[event_id] = (event.title_ar if lang == "ar" else "") or event.title_en or event.title_ar or event_id
    return out


#: How many stored events' text is read to pick the default Arabic month names.
MONTH_SAMPLE = 400


@st.cache_data(max_entries=4, show_spinner=False)
def _month_style(location: str, rev: object) -> str:
    from ui.i18n import month_style_of
    q = Query()
    n = min(total(), MONTH_SAMPLE)
    if n == 0:
        return month_style_of(())
    sample = rows(q, range(n))
    texts = [v for col in ("date_as_written", "title_ar", "quote", "summary") if col in sample
             for v in sample[col].tolist()]
    return month_style_of(texts)


def month_style_default() -> str:
    """The Arabic month names the stored events' own text uses (a bounded sample): "levantine"/"egyptian"."""
    return _month_style(store_location(), revision())
