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
from mapview.layers.events import AGGREGATE_THRESHOLD, event_layers
from mapview.mapbuild import build_map
from mapview.style import legend_html
from mapview.view import SYRIA_VIEW, MapView

__all__ = ["build_map", "event_layers", "MapView", "legend_html", "SYRIA_VIEW", "AGGREGATE_THRESHOLD"]
