"""The map: base map built once per session view, event layer swapped on every rerun.

Why this split (STACK_NOTES): ``st_folium(..., feature_group_to_add=fg,
key="map")`` keeps the iframe and only replaces the event layer, so moving
the slider or playing the timeline redraws the markers without reloading the
page and the user's pan/zoom is kept. The base map is therefore built from
the *initial* view only (URL or default); later views are reported back by
the component and written to the URL.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from ui import state

from folium import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from mapview import MapView, build_map, event_layers, legend_html
from mapview.assets import CLUSTER_CSS, CLUSTER_JS, links

MAP_KEY = "map"
SELECT_ZOOM = 10


class _ClusterAssets(JSCSSMixin, MacroElement):
    """Declares the MarkerCluster JS/CSS on the base map.

    streamlit-folium loads the scripts of the base map's elements only; an
    event layer swapped in later (feature_group_to_add) that clusters would
    otherwise call an undefined L.markerClusterGroup and leave the map blank.
    """
    default_js = links(CLUSTER_JS, "served")
    default_css = links(CLUSTER_CSS, "served")


class _ReportUserMovesOnly(MacroElement):
    """Keeps the map from reporting a view the server already knows.

    Why: streamlit-folium compares each report with the last value it sent
    and reruns the whole app when they differ; its initial value has no
    "center", so the view the map opens with (fit to Syria, or the
    permalink's view) would trigger one full rerun right after the first
    load. Until the user touches the map (pointer, wheel, touch or key),
    every move is copied into that last value, so only moves the user
    makes are reported (and land in the permalink).
    """
    _template = Template("""
        {% macro script(this, kwargs) %}
        (function(map) {
            var touched = false, box = map.getContainer();
            ['mousedown', 'wheel', 'touchstart', 'keydown', 'pointerdown'].forEach(function(name) {
                box.addEventListener(name, function() { touched = true; }, true);
            });
            function sync() {
                var g = window.__GLOBAL_DATA__;
                if (touched || !g || !g.previous_data) return;
                var c = map.getCenter();
                g.previous_data.zoom = map.getZoom();
                g.previous_data.center = {lat: c.lat, lng: c.lng};
            }
            sync();
            map.on('moveend zoomend resize', sync);
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)


def _base_map(lang: str, view: tuple | None, height: int):
    """Built on every run (not cached: folium elements must not be rendered twice); the same inputs give
    the same HTML, so streamlit-folium keeps the iframe and only swaps the event layer."""
    m = build_map(lang=lang, view=_map_view(view), basemap="admin", asset_mode="served", legend=False,
                  height=height)
    _ClusterAssets().add_to(m)
    _ReportUserMovesOnly().add_to(m)
    return m


def _map_view(view: tuple | None):
    if view is None:
        return None
    (lat, lon), zoom = view
    return MapView(center=(lat, lon), zoom=zoom)


def nearest_event(frame: pd.DataFrame, lat: float, lon: float, *, tolerance_deg: float = 0.2) -> str | None:
    """Id of the located event nearest to a clicked point (within ``tolerance_deg``), else None."""
    located = frame.dropna(subset=["lat", "lon"])
    if located.empty:
        return None
    d2 = (located["lat"].to_numpy() - lat) ** 2 + ((located["lon"].to_numpy() - lon) * np.cos(np.radians(lat))) ** 2
    i = int(np.argmin(d2))
    return str(located["id"].iloc[i]) if d2[i] <= tolerance_deg ** 2 else None


def render(visible: pd.DataFrame, lang: str, *, height: int = 560) -> bool:
    """Draw the map; returns True when the events were aggregated (too many to draw one by one)."""
    ss = st.session_state
    if "_initial_view" not in ss:
        center, zoom = ss.get("view_center"), ss.get("view_zoom")
        ss["_initial_view"] = (tuple(center), int(zoom)) if center and zoom else None
    base = _base_map(lang, ss["_initial_view"], height)
    selected = ss.get("selected")
    layer = event_layers(visible, lang=lang, selected_id=selected, cluster=None)
    center = zoom = None
    if selected:
        row = visible.loc[visible["id"] == selected]
        if not row.empty and pd.notna(row["lat"].iloc[0]):
            center = (float(row["lat"].iloc[0]), float(row["lon"].iloc[0]))
            zoom = max(SELECT_ZOOM, int(ss.get("view_zoom") or 0))
    out = st_folium(base, key=MAP_KEY, height=height, use_container_width=True, feature_group_to_add=layer,
                    center=center, zoom=zoom, returned_objects=["last_object_clicked", "center", "zoom"])
    _read_back(out or {}, visible)
    return bool(getattr(layer, "aggregated", False))


def _read_back(out: dict, visible: pd.DataFrame) -> None:
    """Store the view the user panned to (for the permalink) and turn a marker click into a selection."""
    ss = st.session_state
    c, z = out.get("center"), out.get("zoom")
    if c and z:
        ss["view_center"] = (round(float(c["lat"]), 4), round(float(c["lng"]), 4))
        ss["view_zoom"] = int(z)
    click = out.get("last_object_clicked")
    if click and click != ss.get("_last_click"):
        ss["_last_click"] = click
        event_id = nearest_event(visible, float(click["lat"]), float(click["lng"]))
        if event_id and event_id != ss.get("selected"):
            state.select(event_id)
            st.rerun()


def legend(lang: str, *, aggregated: bool = False) -> None:
    # Fixed HTML from mapview.style (labels are its constants, escaped there).
    from mapview.style import LEGEND_CSS
    st.markdown(f"<style>{LEGEND_CSS}</style>" + legend_html(lang, aggregated=aggregated), unsafe_allow_html=True)
