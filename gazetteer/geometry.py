"""Small geodesy helpers for areas: sectors, discs, bearings, covering radius.

Why local flat-earth maths: every shape built here is under ~50 km across
(or a coarse region whose radius is only a rendering hint), where an
equirectangular approximation is off by well under 1%, and it keeps the
gazetteer free of a projection dependency at query time.
"""
from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

KM_PER_DEG_LAT = 110.574
EARTH_RADIUS_KM = 6371.0088


def km_per_deg_lon(lat: float) -> float:
    return 111.320 * math.cos(math.radians(lat))


def offset(lat: float, lon: float, bearing_deg: float, dist_km: float) -> tuple[float, float]:
    """The point ``dist_km`` from (lat, lon) along a compass bearing (0 = north, 90 = east)."""
    b = math.radians(bearing_deg)
    return (lat + dist_km * math.cos(b) / KM_PER_DEG_LAT,
            lon + dist_km * math.sin(b) / km_per_deg_lon(lat))


def haversine_km(lat1: float, lon1: float, lat2, lon2):
    """Great-circle distance in km; ``lat2``/``lon2`` may be numpy arrays (plain numbers take a fast path).

    The one haversine of the project: ingestion's restatement merging, the
    corroboration rules and the benches all measure distance with it, so a
    "within 10 km" means the same everywhere.
    """
    if isinstance(lat2, (int, float)) and isinstance(lon2, (int, float)):
        p1, p2 = math.radians(lat1), math.radians(lat2)
        a = (math.sin((p2 - p1) / 2) ** 2
             + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
        return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(np.asarray(lon2) - lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Compass bearing from point 1 to point 2 (local flat approximation)."""
    dx = (lon2 - lon1) * km_per_deg_lon(lat1)
    dy = (lat2 - lat1) * KM_PER_DEG_LAT
    return math.degrees(math.atan2(dx, dy)) % 360.0


def angle_diff(a: float, b: float) -> float:
    """Smallest absolute difference between two bearings (0..180)."""
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


def sector(lat: float, lon: float, bearing: float, *, inner_km: float, outer_km: float,
           half_width_deg: float = 45.0, steps: int = 24) -> Polygon:
    """A wedge of a ring around (lat, lon): the "north-western countryside of X" shape."""
    angles = np.linspace(bearing - half_width_deg, bearing + half_width_deg, steps)
    outer = [offset(lat, lon, a, outer_km) for a in angles]
    if inner_km > 0:
        inner = [offset(lat, lon, a, inner_km) for a in angles[::-1]]
    else:
        inner = [(lat, lon)]
    return Polygon([(x, y) for y, x in outer + inner])


def disc(lat: float, lon: float, radius_km: float, steps: int = 36) -> Polygon:
    b = np.radians(np.linspace(0, 360, steps, endpoint=False))
    lats = lat + radius_km * np.cos(b) / KM_PER_DEG_LAT
    lons = lon + radius_km * np.sin(b) / km_per_deg_lon(lat)
    return Polygon(np.column_stack([lons, lats]))


def representative(geom: BaseGeometry, prefer: tuple[float, float] | None = None) -> tuple[float, float]:
    """(lat, lon) of a point inside ``geom``: ``prefer`` when it lies inside, else shapely's."""
    if prefer is not None and geom.contains(Point(prefer[1], prefer[0])):
        return prefer
    p = geom.representative_point()
    return (p.y, p.x)


def covering_radius_km(geom: BaseGeometry, lat: float, lon: float) -> float:
    """Distance from (lat, lon) to the farthest vertex of ``geom``: a circle that covers it."""
    coords = shapely.get_coordinates(geom)
    if len(coords) == 0:
        return 0.0
    return float(np.max(haversine_km(lat, lon, coords[:, 1], coords[:, 0])))
