"""Standalone HTML of the current view: one file, every asset inlined, opens from disk offline.

Why a check after rendering: a single CDN link left by folium (or a plugin
added later) makes the file blank offline without any error, so the export
refuses to produce a page that references an external script, stylesheet
or image.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import folium
import pandas as pd

from errors import ExportError
from events.model import EventType
from mapview.geometry import event_extent
from mapview.layers.events import event_layers
from mapview.layers.overlay import NORTH_ARROW_SVG, HtmlControl, title_html
from mapview.mapbuild import build_map
from mapview.style import CLUSTER_LEGEND_CSS
from mapview.view import SYRIA_VIEW, MapView, view_for_bounds
from safe_output import write_output

_EXTERNAL = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""",
                       re.IGNORECASE)


def external_refs(html: str) -> list[str]:
    """Tags in ``html`` that would fetch something over the network (empty for a good export)."""
    return [m.group(0)[:120] for m in _EXTERNAL.finditer(html)]


def fit_view(frame: pd.DataFrame, *, width: int = 1000, height: int = 700, max_radius_km: float = 60.0) -> MapView:
    """A view showing every located event, most of its uncertainty area and its move ends; Syria when none."""
    box = event_extent(frame, max_radius_km=max_radius_km)
    if box is None:
        return SYRIA_VIEW
    # 80% of the page: margins for the legend, title and controls over the map's edges
    view = view_for_bounds(*box, width_px=int(width * 0.8), height_px=int(height * 0.8))
    return MapView(center=view.center, zoom=min(view.zoom, 11))


def export_map(frame: pd.DataFrame, *, lang: str = "en", view: MapView | None = None, title: str = "",
               subtitle: str = "", basemap: str = "admin", width: int = 1000, height: int = 700,
               selected_id: str | None = None, cluster: bool | None = None) -> folium.Map:
    """The inline-asset map with events, legend, title/date span, north arrow, scale bar and attribution."""
    if view is None and event_extent(frame) is not None:
        view = fit_view(frame, width=width, height=height)
    # still None (no located event): build_map fits the whole country to the page
    present = set(frame["event_type"].dropna().astype(str)) if len(frame) else set()
    types = tuple(t for t in EventType if t.value in present)
    fg = event_layers(frame, lang=lang, selected_id=selected_id, cluster=cluster)
    m = build_map(lang=lang, view=view, basemap=basemap, asset_mode="inline", legend_types=types,
                  legend_aggregated=fg.aggregated or fg.clustered)
    if fg.clustered:        # cluster icons in the legend's "count per area" colour, not the plugin's traffic lights
        m.get_root().header.add_child(folium.Element(f"<style>{CLUSTER_LEGEND_CSS}</style>"))
    fg.add_to(m)
    if title or subtitle:
        HtmlControl(title_html(title, subtitle, lang=lang), position="topright", cls="em-title").add_to(m)
    HtmlControl(NORTH_ARROW_SVG, position="topleft", cls="em-north").add_to(m)
    return m


def render_html(m: folium.Map) -> str:
    html = m.get_root().render()
    bad = external_refs(html)
    if bad:
        raise ExportError("standalone map would load assets from the network", field="html", value=bad[0])
    return html


def standalone_html(frame: pd.DataFrame, **options) -> str:
    """HTML text of ``export_map(frame, **options)``, verified to have no external asset reference."""
    return render_html(export_map(frame, **options))


def write_atomic(path: str | os.PathLike, data: bytes, *, follow_symlinks: bool = False,
                 parents: bool = False) -> Path | str:
    """Write via a temp file in the same folder and rename (safe_output: regular files or new paths only,
    ``-`` for stdout), so a failed export never leaves half a file."""
    return write_output(path, data, follow_symlinks=follow_symlinks, parents=parents)


def write_html(frame: pd.DataFrame, path: str | os.PathLike, **options) -> Path:
    return write_atomic(path, standalone_html(frame, **options).encode("utf-8"))


def span_text(date_from, date_to) -> str:
    """"2017-08-01 – 2017-08-31" for overlays; empty when both ends are open."""
    a = "" if date_from is None else pd.Timestamp(date_from).strftime("%Y-%m-%d")
    b = "" if date_to is None else pd.Timestamp(date_to).strftime("%Y-%m-%d")
    if not a and not b:
        return ""
    return f"{a or '…'} – {b or '…'}"


