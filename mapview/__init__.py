"""The map and export layer: folium maps, event layers, snapshots (PNG/HTML/GIF) and the snapshot CLI.

Never imports streamlit: the dashboard calls ``build_map`` once and swaps
``event_layers(...)`` into it via streamlit-folium; exports call the same
two functions and render them offline.

    build_map(*, lang="en", view=None, basemap="admin"|"tiles", asset_mode="served"|"inline",
              legend=True, legend_types=None, legend_aggregated=True) -> folium.Map
    event_layers(frame, *, lang="en", selected_id=None, cluster=None,
                 aggregate_threshold=AGGREGATE_THRESHOLD) -> folium.FeatureGroup
        # fg.aggregated / fg.clustered / fg.event_count tell what was drawn
        # areas: own area_wkt > admin unit polygon (governorate/district/subdistrict + known pcode) > circle
    build_map(view=None) fits the whole country (fit_bounds on the adm1 extent); an explicit view is kept
    MapView(center=(lat, lon), zoom)            legend_html(lang, *, aggregated=True, types=None) -> str
    mapview.export.export_view(frame, *, fmt="png"|"html"|"gif"|"geojson"|"csv"|"kml", ...) -> bytes
    mapview.standalone.standalone_html(frame, ...) -> str     (inline assets, verified offline)
    mapview.snapshot.browser_png(frame, ...) / mapview.static.static_png(frame, ...) -> PNG bytes
    mapview.gif.timeline_gif(frame, ...) -> GIF bytes
    python -m mapview snapshot --help
"""
from importlib import import_module

#: Public names → the module that defines them, imported on first use (PEP 562): the dashboard's browser
#: map imports ``mapview.points``/``cards``/``view`` and must not pay for folium and its Jinja templates
#: (~0.5 s of a cold first map), which only the exports below need.
_LAZY = {"build_map": "mapview.mapbuild", "event_layers": "mapview.layers.events", "legend_html": "mapview.style",
         "MapView": "mapview.view", "SYRIA_VIEW": "mapview.view", "AGGREGATE_THRESHOLD": "mapview.view"}

__all__ = ["build_map", "event_layers", "MapView", "legend_html", "SYRIA_VIEW", "AGGREGATE_THRESHOLD"]


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'mapview' has no attribute {name!r}")
    value = getattr(import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
