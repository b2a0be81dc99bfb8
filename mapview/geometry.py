"""Vectorised geometry for the map: arrowheads, uncertainty circles, denial links, grid aggregation.

Why numpy/pandas and not per-event objects: the same code serves the
browser map and the static renderer at 100k events, where one Python object
per event is already too slow (STACK_NOTES). Every function takes whole
columns and returns whole arrays.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
import shapely

from events.geometry import parse_area, simplify_to

KM_PER_DEG = 111.32


def arrow_lines(olat: np.ndarray, olon: np.ndarray, dlat: np.ndarray, dlon: np.ndarray, *,
                head_frac: float = 0.18, head_min_km: float = 6.0, head_max_km: float = 35.0,
                angle_deg: float = 25.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shaft and arrowhead barbs for origin → destination moves.

    Returns ``(keep, left, right)``: ``keep`` marks rows with a real move
    (both ends present and > 0.5 km apart); ``left``/``right`` are (n, 2)
    arrays of barb end points as (lat, lon). Computed in a local
    equirectangular plane so the head looks the same at every latitude.
    """
    olat, olon, dlat, dlon = (np.asarray(a, dtype="float64") for a in (olat, olon, dlat, dlon))
    coslat = np.cos(np.radians((olat + dlat) / 2))
    dx = (dlon - olon) * coslat * KM_PER_DEG
    dy = (dlat - olat) * KM_PER_DEG
    length = np.hypot(dx, dy)
    keep = np.isfinite(length) & (length > 0.5)
    with np.errstate(invalid="ignore", divide="ignore"):
        ux, uy = dx / length, dy / length
    head = np.clip(length * head_frac, head_min_km, head_max_km)
    barbs = []
    for sign in (1.0, -1.0):
        a = np.radians(180.0 - sign * angle_deg)         # back along the shaft, turned ±angle
        bx = ux * np.cos(a) - uy * np.sin(a)
        by = ux * np.sin(a) + uy * np.cos(a)
        blat = dlat + by * head / KM_PER_DEG
        blon = dlon + bx * head / (KM_PER_DEG * coslat)
        barbs.append(np.column_stack([blat, blon]))
    return keep, barbs[0], barbs[1]


def circle_rings(lat: np.ndarray, lon: np.ndarray, radius_km: np.ndarray, *, n: int = 48) -> np.ndarray:
    """(rows, n+1, 2) closed rings of (lon, lat) approximating circles of ``radius_km`` (for matplotlib/KML)."""
    lat = np.asarray(lat, dtype="float64")[:, None]
    lon = np.asarray(lon, dtype="float64")[:, None]
    r = np.asarray(radius_km, dtype="float64")[:, None]
    t = np.linspace(0, 2 * np.pi, n + 1)[None, :]
    ring_lat = lat + (r / KM_PER_DEG) * np.sin(t)
    ring_lon = lon + (r / (KM_PER_DEG * np.cos(np.radians(lat)))) * np.cos(t)
    return np.stack([ring_lon, ring_lat], axis=-1)


def split_ids(col: pd.Series) -> pd.Series:
    """"a; b" → exploded Series of ids (index kept), blanks dropped."""
    s = col.fillna("").astype(str)
    s = s[s.str.len() > 0].str.split(";").explode().str.strip()
    return s[s.str.len() > 0]


def denial_pairs(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (denial, denied claim) both present in ``frame``: columns denial_id, claim_id, lat/lon of each."""
    cols = ["denial_id", "claim_id", "d_lat", "d_lon", "c_lat", "c_lon"]
    if frame.empty or "denies" not in frame:
        return pd.DataFrame(columns=cols)
    ids = split_ids(frame["denies"])
    if ids.empty:
        return pd.DataFrame(columns=cols)
    src = frame.loc[ids.index]
    left = pd.DataFrame({"denial_id": src["id"].to_numpy(), "claim_id": ids.to_numpy(),
                         "d_lat": src["lat"].to_numpy(), "d_lon": src["lon"].to_numpy()})
    right = frame[["id", "lat", "lon"]].rename(columns={"id": "claim_id", "lat": "c_lat", "lon": "c_lon"})
    pairs = left.merge(right.drop_duplicates("claim_id"), on="claim_id", how="left")
    return pairs[cols]


def grid_cell_deg(lat: np.ndarray, lon: np.ndarray, *, cells_across: int = 14, minimum: float = 0.02) -> float:
    """Cell size so the events' extent is about ``cells_across`` cells wide (a few hundred cells in all)."""
    if len(lat) == 0:
        return 0.25
    span = max(float(np.nanmax(lat) - np.nanmin(lat)), float(np.nanmax(lon) - np.nanmin(lon)))
    return max(span / cells_across, minimum)


def aggregate_grid(frame: pd.DataFrame, *, cell_deg: float | None = None) -> pd.DataFrame:
    """Counts per (status, grid cell), vectorised.

    Columns: status, lat, lon (mean of the events in the cell, so circles sit
    where events are), count, event_type (most frequent), date_start (min),
    date_end (max), cell_deg. Rows without coordinates are not counted.
    """
    located = frame[frame["lat"].notna() & frame["lon"].notna()]
    out_cols = ["status", "lat", "lon", "count", "event_type", "date_start", "date_end", "cell_deg"]
    if located.empty:
        return pd.DataFrame(columns=out_cols)
    lat = located["lat"].to_numpy("float64")
    lon = located["lon"].to_numpy("float64")
    cell = cell_deg or grid_cell_deg(lat, lon)
    keys = pd.DataFrame({
        "status": located["status"].to_numpy(), "ix": np.floor(lon / cell).astype("int64"),
        "iy": np.floor(lat / cell).astype("int64"), "lat": lat, "lon": lon,
        "event_type": located["event_type"].to_numpy(),
        "date_start": located["date_start"].to_numpy(), "date_end": located["date_end"].to_numpy(),
    })
    g = keys.groupby(["status", "ix", "iy"], sort=False)
    agg = g.agg(lat=("lat", "mean"), lon=("lon", "mean"), count=("lat", "size"),
                date_start=("date_start", "min"), date_end=("date_end", "max"))
    top = (keys.groupby(["status", "ix", "iy", "event_type"], sort=False).size()
           .reset_index(name="n").sort_values("n", ascending=False)
           .drop_duplicates(["status", "ix", "iy"]).set_index(["status", "ix", "iy"])["event_type"])
    agg = agg.join(top).reset_index()
    agg["cell_deg"] = cell
    return agg[out_cols]


def event_extent(frame: pd.DataFrame, *, max_radius_km: float = 60.0,
                 min_pad_km: float = 5.0) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) covering located events, their areas (radius capped) and move ends; None if empty."""
    if frame.empty:
        return None
    lats, lons = [], []
    loc = frame[frame["lat"].notna() & frame["lon"].notna()]
    if not loc.empty:
        lat, lon = loc["lat"].to_numpy("float64"), loc["lon"].to_numpy("float64")
        r = np.nan_to_num(loc["radius_km"].to_numpy("float64"), nan=0.0).clip(0, max_radius_km) + min_pad_km
        dlat, dlon = r / KM_PER_DEG, r / (KM_PER_DEG * np.cos(np.radians(lat)))
        lats += [lat - dlat, lat + dlat]
        lons += [lon - dlon, lon + dlon]
    for a, b in (("origin_lat", "origin_lon"), ("dest_lat", "dest_lon")):
        if a in frame and b in frame:
            ends = frame[frame[a].notna() & frame[b].notna()]
            lats.append(ends[a].to_numpy("float64"))
            lons.append(ends[b].to_numpy("float64"))
    lat_all, lon_all = np.concatenate(lats) if lats else np.array([]), np.concatenate(lons) if lons else np.array([])
    if lat_all.size == 0:
        return None
    return float(lat_all.min()), float(lon_all.min()), float(lat_all.max()), float(lon_all.max())




def display_areas(values, *, max_vertices: int = 1_500, decimals: int = 5) -> list[shapely.Geometry | None]:
    """Stored areas (``area_wkt`` values) ready to draw, None where there is nothing to draw.

    Parsed with events.geometry.parse_area (never a crash on a stored
    hostile shape), each simplified to at most ``max_vertices`` vertices and
    rounded to ``decimals`` places (1 m), so a map's size grows with the
    number of areas, not with how detailed each one was. Cached per text:
    every dashboard rerun draws the same areas.
    """
    return [_display_area(v, max_vertices, decimals) if isinstance(v, str) and v else None for v in values]


@lru_cache(maxsize=512)
def _display_area(text: str, max_vertices: int, decimals: int) -> shapely.Geometry | None:
    geom = parse_area(text)
    if geom is None:
        return None
    if shapely.get_num_coordinates(geom) > max_vertices:
        fitted = simplify_to(geom, max_vertices, start=1e-4, preserve_topology=False)
        geom = fitted[0] if fitted is not None else shapely.envelope(geom)
    geom = shapely.transform(geom, lambda c: np.round(c, decimals))
    return None if geom.is_empty else geom
