"""Export buttons for the current view: PNG, offline HTML, KML, JSON, animated GIF; CSV/GeoJSON of the table.

Why "prepare, then download": a PNG or GIF takes a browser or a renderer
~1 s; building them on every rerun (every slider move) would make the page
sluggish, and a failure must be shown next to the button. Data files are
written only when their button is clicked (deferred download data), and
cached per (store revision, Query). A prepared image is offered only
while the view it was made from is still the current one.
"""
from __future__ import annotations

from datetime import date
from typing import Callable, Union

import pandas as pd
import streamlit as st

from errors import EventMapError
from events.io import dumps_events
from events.query import Query
from mapview import MapView
from ui import data
from ui.i18n import span_in_words, t
from ui.text import md_escape

PNG_SIZES: dict[str, tuple[int, int]] = {"1200×800": (1200, 800), "1600×1000": (1600, 1000),
                                         "1920×1080": (1920, 1080), "800×600": (800, 600)}
PNG_SCALES: dict[str, float] = {"96": 1.0, "144": 1.5, "192": 2.0}
MIME = {"csv": "text/csv", "geojson": "application/geo+json", "kml": "application/vnd.google-earth.kml+xml",
        "json": "application/json"}


@st.cache_data(max_entries=16, show_spinner=False)
def _dump(location: str, rev: object, key: tuple, fmt: str, _frame: pd.DataFrame) -> bytes:
    return dumps_events(_frame, format=fmt, bom=(fmt == "csv"))


FrameSource = Union[pd.DataFrame, Callable[[], pd.DataFrame]]


def _resolve(frame: FrameSource) -> pd.DataFrame:
    """A frame, or a zero-argument function giving it (read only when an export is asked for:
    at 1M events the full frame costs seconds, which no slider move should pay)."""
    return frame() if callable(frame) else frame


def data_file(frame: FrameSource, q: Query, fmt: str) -> bytes:
    """CSV/GeoJSON/KML/JSON bytes of ``frame`` (the events of ``q``), cached per store revision and Query."""
    return _dump(data.store_location(), data.revision(), data.query_key(q), fmt, _resolve(frame))


def _filename(window: tuple[date, date] | None, ext: str) -> str:
    span = f"_{window[0]:%Y%m%d}-{window[1]:%Y%m%d}" if window else ""
    return f"syria-events{span}.{ext}"


def data_buttons(frame: FrameSource, q: Query, window, lang: str, formats: tuple[str, ...]) -> None:
    cols = st.columns(len(formats))
    for col, fmt in zip(cols, formats):
        # Deferred: the file is written when the button is clicked, not on every slider move
        # (100k events in four formats would otherwise cost seconds per rerun).
        col.download_button(t(f"download_{fmt}", lang) if fmt != "json" else "JSON",
                            lambda fmt=fmt: data_file(frame, q, fmt), file_name=_filename(window, fmt),
                            mime=MIME[fmt], key=f"dl-{fmt}", width="stretch", on_click="ignore")


def _current_view() -> MapView | None:
    ss = st.session_state
    center, zoom = ss.get("view_center"), ss.get("view_zoom")
    if not center or not zoom:
        return None
    try:
        return MapView(center=tuple(center), zoom=int(zoom))
    except EventMapError:
        return None


def _png(frame, *, lang, width, height, scale, title, subtitle, q: Query | None = None, window=None) -> bytes:
    from mapview.snapshot import browser_png, chromium_available, screenshot_html
    if q is not None and chromium_available():
        # the dashboard's own map (groups, hatched units, legend colours), without its controls
        from ui import evmap
        html = evmap.standalone_html(q, window, data.date_span(), lang, title=title, picture=True)
        return screenshot_html(html, width=width, height=height, scale=scale, title=title, subtitle=subtitle,
                               rtl=lang == "ar")
    frame = _resolve(frame)          # the full frame is read only for the fallback renderers
    if chromium_available():
        return browser_png(frame, width=width, height=height, scale=scale, lang=lang, view=_current_view(),
                           title=title, subtitle=subtitle)
    from mapview.static import static_png
    return static_png(frame, lang=lang, width=width, height=height, scale=scale, title=title, subtitle=subtitle)


def _html(frame, *, lang, title, subtitle) -> bytes:
    from mapview.standalone import standalone_html   # imported on use: keeps the page's first load light
    return standalone_html(frame, lang=lang, view=_current_view(), title=title, subtitle=subtitle).encode("utf-8")


def _gif(frame, *, lang, title, window_days, fmt: str = "gif") -> bytes:
    from mapview.gif import timeline_gif             # matplotlib is loaded only when a GIF is asked for
    return timeline_gif(frame, lang=lang, title=title, window_days=window_days, frames=12, fmt=fmt)


def _prepared(kind: str, key: tuple, lang: str, make) -> bytes | None:
    """Run ``make`` on click; keep the bytes while ``key`` (the view) is unchanged."""
    ss = st.session_state
    store = ss.setdefault("_exports", {})
    if st.button(t(f"make_{kind}", lang), key=f"make-{kind}", width="stretch"):
        try:
            with st.spinner("…"):
                store[kind] = (key, make())
        except EventMapError as exc:
            st.error(t("export_failed", lang, error=md_escape(str(exc))))
            store.pop(kind, None)
    held = store.get(kind)
    return held[1] if held and held[0] == key else None


def render(visible: FrameSource, q: Query, window, lang: str, *, all_filtered: FrameSource | None = None,
           play_days: int | None = None, visible_count: int | None = None) -> None:
    """``visible``/``all_filtered``: frames or functions giving them (called only when an export is made);
    ``visible_count`` is needed when ``visible`` is a function."""
    title = t("app_title", lang)
    count = len(visible) if visible_count is None else visible_count
    from ui import state
    subtitle = span_in_words(window[0], window[1], count, lang, months=state.month_style()) if window else ""
    key = (data.revision(), data.query_key(q), lang, st.session_state.get("view_center"),
           st.session_state.get("view_zoom"))
    with st.expander(t("exports", lang), expanded=False):
        c1, c2 = st.columns(2)
        size = c1.selectbox(t("png_size", lang), tuple(PNG_SIZES), key="png_size")
        dpi = c2.selectbox(t("png_dpi", lang), tuple(PNG_SCALES), key="png_dpi")
        width, height = PNG_SIZES[size]
        scale = PNG_SCALES[dpi]
        b1, b2, b3 = st.columns(3)
        with b1:
            png = _prepared("png", key + (size, dpi), lang, lambda: _png(
                visible, lang=lang, width=width, height=height, scale=scale, title=title, subtitle=subtitle,
                q=q, window=window))
            if png:
                st.download_button(t("download_png", lang), png, file_name=_filename(window, "png"),
                                   mime="image/png", key="dl-png", width="stretch")
        with b2:
            html = _prepared("html", key, lang, lambda: _html(_resolve(visible), lang=lang, title=title, subtitle=subtitle))
            if html:
                st.download_button(t("download_html", lang), html, file_name=_filename(window, "html"),
                                   mime="text/html", key="dl-html", width="stretch")
        with b3:
            source = all_filtered if all_filtered is not None else visible
            gif = _prepared("gif", key + (play_days,), lang, lambda: _gif(_resolve(source), lang=lang, title=title,
                                                                            window_days=play_days))
            if gif:
                st.download_button(t("download_gif", lang), gif, file_name=_filename(window, "gif"),
                                   mime="image/gif", key="dl-gif", width="stretch")
        b4, b5 = st.columns(2)
        with b4:        # the browser map itself, offline, with its timeline brush and Play (ui/evmap.py)
            from ui import evmap
            slider_html = _prepared("htmlslider", key, lang, lambda: evmap.standalone_html(
                q, window, data.date_span(), lang, title=title).encode("utf-8"))
            if slider_html:
                st.download_button(t("download_htmlslider", lang), slider_html,
                                   file_name=_filename(window, "timeline.html"), mime="text/html",
                                   key="dl-htmlslider", width="stretch")
        with b5:
            from mapview.gif import mp4_available
            if mp4_available():
                source = all_filtered if all_filtered is not None else visible
                mp4 = _prepared("mp4", key + (play_days,), lang, lambda: _gif(_resolve(source), lang=lang,
                                                                               title=title, window_days=play_days,
                                                                               fmt="mp4"))
                if mp4:
                    st.download_button(t("download_mp4", lang), mp4, file_name=_filename(window, "mp4"),
                                       mime="video/mp4", key="dl-mp4", width="stretch")
            else:
                st.caption(t("mp4_missing", lang))
        data_buttons(visible, q, window, lang, ("kml", "json"))
