"""Offline basemap: OCHA governorate (ADM1) and district (ADM2) boundaries with ar/en labels, and rivers.

Why no tiles: the runtime makes no network call, so the map must be
readable from bundled data alone; online OSM tiles are an optional layer.
District labels appear from zoom 8 so Syria-wide views stay legible.
"""
from __future__ import annotations

import json
from functools import lru_cache

import folium
from folium.elements import MacroElement
from folium.template import Template

from mapview.basedata import ADMIN_DIR, RIVERS_PATH, admin_geojson, rivers_geojson  # noqa: F401 (re-exported)
from mapview.escape import esc, js_json

LAND = "#f6f3ea"
SEA = "#dbe6ee"
RIVER_BLUE = "#6f9fcf"


@lru_cache(maxsize=None)
def syria_bounds() -> tuple[float, float, float, float]:
    """(south, west, north, east) of the governorate boundaries: the whole country, Daraa to Al-Hasakeh."""
    import shapely
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in admin_geojson(1)["features"]])
    west, south, east, north = (float(v) for v in shapely.total_bounds(geoms))
    return south, west, north, east


def _labels(level: int, lang: str) -> list[list]:
    key = "nAr" if lang == "ar" else "nEn"
    props = (f["properties"] for f in admin_geojson(level)["features"])
    return [[p["lat"], p["lon"], esc(p.get(key) or p.get("nEn"))] for p in props]


class BoundaryLabels(MacroElement):
    """Governorate and district names as non-interactive text; district names hidden below zoom 8."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var sets = {{ this.labels_json }};
            var group = L.layerGroup();
            ['adm1', 'adm2'].forEach(function(cls) {
                sets[cls].forEach(function(r) {
                    L.marker([r[0], r[1]], {interactive: false, keyboard: false, icon: L.divIcon({
                        className: 'em-label em-' + cls, html: r[2], iconSize: [160, 16], iconAnchor: [80, 8]})
                    }).addTo(group);
                });
            });
            group.addTo(map);
            function toggle() {
                var c = map.getContainer();
                if (map.getZoom() < 8) { L.DomUtil.addClass(c, 'em-hide-adm2'); }
                else { L.DomUtil.removeClass(c, 'em-hide-adm2'); }
            }
            map.on('zoomend', toggle); toggle();
        })();
        {% endmacro %}
    """)

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._name = "BoundaryLabels"
        self.labels_json = js_json({"adm1": _labels(1, lang), "adm2": _labels(2, lang)})


def add_admin_basemap(m: folium.Map, *, lang: str, over_tiles: bool) -> None:
    """Land-filled districts, bold governorate outlines, then labels."""
    fill = 0.0 if over_tiles else 1.0
    folium.GeoJson(admin_geojson(2), name="districts", control=False, interactive=False,
                   style_function=lambda f: {"color": "#b9b2a3", "weight": 0.6, "fillColor": LAND,
                                             "fillOpacity": fill}).add_to(m)
    rivers = rivers_geojson()
    if rivers:
        folium.GeoJson(rivers, name="rivers", control=False, interactive=False,
                       style_function=lambda f: {"color": RIVER_BLUE, "weight": 1.3, "opacity": 0.85}).add_to(m)
    folium.GeoJson(admin_geojson(1), name="governorates", control=False, interactive=False,
                   style_function=lambda f: {"color": "#7d7566", "weight": 1.6, "fill": False}).add_to(m)
    BoundaryLabels(lang).add_to(m)
