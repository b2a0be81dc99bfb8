"""MapView: where the map looks (centre and zoom), a value shared by the dashboard, permalinks and exports."""
from __future__ import annotations

import math
from dataclasses import dataclass

from errors import ValidationError

MIN_ZOOM, MAX_ZOOM = 4, 18
#: Located events in view above which the folium map aggregates points (here, not in layers/events.py,
#: so the dashboard can read it without importing folium).
AGGREGATE_THRESHOLD = 3000


@dataclass(frozen=True)
class MapView:
    """Centre as (lat, lon) in degrees and a Leaflet zoom level."""
    center: tuple[float, float]
    zoom: int

    def __post_init__(self) -> None:
        try:
            lat, lon = (float(v) for v in self.center)
        except (TypeError, ValueError):
            raise ValidationError("center must be (lat, lon)", field="center", value=self.center) from None
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValidationError("center is not a valid (lat, lon)", field="center", value=self.center)
        if not isinstance(self.zoom, int) or isinstance(self.zoom, bool) or not MIN_ZOOM <= self.zoom <= MAX_ZOOM:
            raise ValidationError(f"zoom must be an integer {MIN_ZOOM}..{MAX_ZOOM}", field="zoom", value=self.zoom)
        object.__setattr__(self, "center", (lat, lon))


#: The whole of Syria in a ~1000 px wide map.
SYRIA_VIEW = MapView(center=(34.9, 38.6), zoom=7)


def view_for_bounds(south: float, west: float, north: float, east: float, *, width_px: int = 1000,
                    height_px: int = 700) -> MapView:
    """The largest zoom showing the box in a map of the given size (Web Mercator arithmetic)."""
    lat_c, lon_c = (south + north) / 2, (west + east) / 2

    def merc_y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    dx = max(east - west, 1e-3) / 360.0
    dy = max(merc_y(north) - merc_y(south), 1e-5) / (2 * math.pi)
    zoom = int(min(math.log2(width_px / 256 / dx), math.log2(height_px / 256 / dy)))
    return MapView(center=(lat_c, lon_c), zoom=max(MIN_ZOOM, min(12, zoom)))


def bounds_for_view(view: MapView, *, width_px: int, height_px: int) -> tuple[float, float, float, float]:
    """(south, west, north, east) that a width×height px Leaflet map shows at ``view`` (inverse of view_for_bounds)."""
    lat, lon = view.center
    world = 256 * 2 ** view.zoom
    half_lon = width_px / 2 / world * 360.0
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    dy = height_px / 2 / world * 2 * math.pi

    def lat_of(merc: float) -> float:
        return math.degrees(2 * math.atan(math.exp(merc)) - math.pi / 2)

    return lat_of(y - dy), lon - half_lon, lat_of(y + dy), lon + half_lon
