"""build_map: the empty, offline-capable folium map every view starts from.

Why separate from the event layers: the dashboard builds the map once
(basemap, legend, controls) and swaps only the event FeatureGroup on each
slider move; exports build both and render them together.
"""
from __future__ import annotations

import folium

from errors import ValidationError
from events.model import EventType
from mapview.assets import CLUSTER_CSS, CLUSTER_JS, MAP_CSS, MAP_JS, check_mode, links
from mapview.layers.basemap import SEA, add_admin_basemap, syria_bounds
from mapview.layers.overlay import Attribution, HtmlControl
from mapview.style import check_lang, legend_html, word
from mapview.view import MAX_ZOOM, MIN_ZOOM, SYRIA_VIEW, MapView

BASEMAPS = ("admin", "tiles")
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'


def build_map(*, lang: str = "en", view: MapView | None = None, basemap: str = "admin",
              asset_mode: str = "served", legend: bool = True, width: str | int = "100%",
              height: str | int = "100%", legend_types: tuple[EventType, ...] | None = None,
              legend_aggregated: bool = True) -> folium.Map:
    """A folium Map with local assets, the admin basemap, a scale bar and the legend.

    ``asset_mode="served"`` points Leaflet/jQuery (and every plugin this
    package adds) at ``/app/static/vendor/...``; ``"inline"`` embeds them
    as data URLs so the saved HTML works from disk with no network.
    ``basemap="tiles"`` adds OSM tiles (online only) under the boundaries.
    ``legend_types`` limits the legend's type list (exports: the types in view);
    ``legend_aggregated=False`` drops the "count per area" entry.
    ``view=None`` fits the whole country (the governorates' extent) to
    whatever size the map gets, so a short dashboard map still shows the
    south (Daraa, As-Sweida); an explicit ``view`` (a permalink) is kept as is.
    """
    check_lang(lang)
    check_mode(asset_mode)
    if basemap not in BASEMAPS:
        raise ValidationError(f"basemap must be one of {BASEMAPS}", field="basemap", value=basemap)
    fit_country = view is None
    view = view or SYRIA_VIEW
    m = folium.Map(location=list(view.center), zoom_start=view.zoom, tiles=None, max_zoom=MAX_ZOOM,
                   min_zoom=MIN_ZOOM, prefer_canvas=True, control_scale=True, width=width, height=height)
    # with tiles=None folium gives the zoom limits to no one; MarkerCluster needs them on the map
    m.options["maxZoom"] = MAX_ZOOM
    m.options["minZoom"] = MIN_ZOOM
    # served: declare MarkerCluster on the base map too, because streamlit-folium loads scripts once, with
    # the first map, and a clustering event group swapped in later would find no L.markerClusterGroup
    served = asset_mode == "served"
    m.default_js = links(MAP_JS + (CLUSTER_JS if served else ()), asset_mode)
    m.default_css = links(MAP_CSS + (CLUSTER_CSS if served else ()), asset_mode)
    m.get_root()._eventmap_asset_mode = asset_mode
    m.get_root().header.add_child(folium.Element(
        f"<style>.leaflet-container{{background:{SEA} !important;}}</style>"), name="em_background")
    if basemap == "tiles":
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", attr=OSM_ATTRIBUTION,
                         max_zoom=MAX_ZOOM).add_to(m)
    add_admin_basemap(m, lang=lang, over_tiles=basemap == "tiles")
    Attribution(word("attribution", lang) + " · Leaflet").add_to(m)
    if legend:
        HtmlControl(legend_html(lang, types=legend_types, aggregated=legend_aggregated), position="bottomright",
                    cls="em-legend-box").add_to(m)
    if fit_country:
        south, west, north, east = syria_bounds()
        m.fit_bounds([[south, west], [north, east]])
    m.lang = lang
    m.asset_mode = asset_mode
    return m
