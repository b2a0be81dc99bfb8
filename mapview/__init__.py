"""The map and export layer: folium maps, event layers, snapshots (PNG/HTML/GIF) and the snapshot CLI.

Never imports streamlit: the dashboard calls ``build_map`` once and swaps
``event_layers(...)`` into it via streamlit-folium; exports call the same
two functions and render them offline.
"""
from mapview.layers.events import AGGREGATE_THRESHOLD, event_layers
from mapview.mapbuild import build_map
from mapview.style import legend_html
from mapview.view import SYRIA_VIEW, MapView

__all__ = ["build_map", "event_layers", "MapView", "legend_html", "SYRIA_VIEW", "AGGREGATE_THRESHOLD"]
