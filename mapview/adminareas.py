"""Admin-unit shapes for events located only to a governorate, district or sub-district.

Why: a circle of 110–150 km around a governorate's centre covers its
neighbours, so "somewhere in Raqqa governorate" looked like "somewhere in
Raqqa, Aleppo or Hama". When a row has no ``area_wkt`` of its own but its
precision is an admin level and its ``pcode`` (or, for governorate
precision, its ``admin1_pcode``) names an OCHA unit, both renderers draw
that unit's polygon instead. Shapes come from the basemap's cached
boundaries (``admin_geojson``), are indexed once per process, and are
looked up once per distinct P-code, never once per event.
"""
from __future__ import annotations

import json
from functools import lru_cache

import numpy as np
import pandas as pd
import shapely

from mapview.basedata import admin_geojson

ADMIN_PRECISIONS = ("governorate", "district", "subdistrict")


@lru_cache(maxsize=None)
def admin_units() -> pd.DataFrame:
    """One row per OCHA unit (adm1–adm3), indexed by P-code: level, nEn, nAr, geojson (geometry dict)."""
    rows = [(f["properties"]["p"], level, f["properties"].get("nEn") or "", f["properties"].get("nAr") or "",
             f["geometry"]) for level in (1, 2, 3) for f in admin_geojson(level)["features"]]
    return pd.DataFrame(rows, columns=["p", "level", "nEn", "nAr", "geojson"]).set_index("p")


@lru_cache(maxsize=None)
def _shapes() -> pd.Series:
    units = admin_units()
    return pd.Series(shapely.from_geojson([json.dumps(g) for g in units["geojson"]]), index=units.index)


def admin_shapes(pcodes) -> np.ndarray:
    """Shapely geometries for known ``pcodes`` (array, same order); built once per process."""
    return _shapes().reindex(pd.Index(pcodes)).to_numpy()


def _text(frame: pd.DataFrame, col: str) -> pd.Series:
    if col not in frame:
        return pd.Series("", index=frame.index, dtype=object)
    return frame[col].fillna("").astype(str).str.strip()


def admin_area_pcodes(frame: pd.DataFrame) -> pd.Series:
    """Per row, the P-code of the admin unit to draw as the event's area, or None (vectorised).

    A row qualifies when its precision is governorate/district/subdistrict
    and it has no ``area_wkt``; its ``pcode`` is used when that names a
    unit, else ``admin1_pcode`` for governorate precision. Near/region rows
    and rows with their own shape keep their circle or polygon.
    """
    if frame.empty or "precision" not in frame:
        return pd.Series(None, index=frame.index, dtype=object)
    known = admin_units().index
    wkt = _text(frame, "area_wkt")
    precision = frame["precision"].astype(object)
    eligible = precision.isin(ADMIN_PRECISIONS) & (wkt.str.len() == 0)
    pcode = _text(frame, "pcode")
    admin1 = _text(frame, "admin1_pcode")
    use_pcode = eligible & pcode.isin(known)
    use_admin1 = eligible & ~use_pcode & (precision == "governorate") & admin1.isin(known)
    out = np.full(len(frame), None, dtype=object)
    out[use_pcode.to_numpy()] = pcode[use_pcode].to_numpy()
    out[use_admin1.to_numpy()] = admin1[use_admin1].to_numpy()
    return pd.Series(out, index=frame.index, dtype=object)


MIXED_TYPES = ""          # type key of a unit whose events have several types: drawn in the neutral colour


def unit_groups(pcodes, statuses, types) -> pd.DataFrame:
    """One row per (unit P-code, status): columns p, s, t (the events' type, or MIXED_TYPES when several).

    Why per unit and status only: each row carries the unit's whole boundary
    (kilobytes), so one per type as well would multiply the payload by the
    number of types; the points keep each event's type colour.
    """
    df = pd.DataFrame({"p": np.asarray(pcodes, dtype=object), "s": np.asarray(statuses, dtype=object),
                       "t": np.asarray(types, dtype=object)})
    g = df.groupby(["p", "s"], sort=True)["t"]
    out = pd.DataFrame({"t": g.first(), "kinds": g.nunique()}).reset_index()
    out.loc[out["kinds"] > 1, "t"] = MIXED_TYPES
    return out[["p", "s", "t"]]


def polygon_rings(geoms) -> tuple[list[np.ndarray], np.ndarray]:
    """Exterior rings (each an (n, 2) lon/lat array) of the polygons in ``geoms`` and, per ring, its geometry's index.

    Vectorised with shapely (no Python loop over geometries); holes are left
    out (matplotlib's PolyCollection fills simple rings) and non-polygon
    parts are skipped.
    """
    geoms = np.asarray(geoms, dtype=object)
    if geoms.size == 0:
        return [], np.array([], dtype="int64")
    parts, owner = shapely.get_parts(geoms, return_index=True)
    polys = shapely.get_type_id(parts) == 3
    rings = shapely.get_exterior_ring(parts[polys])
    owner = owner[polys]
    coords, ring_idx = shapely.get_coordinates(rings, return_index=True)
    if coords.size == 0:
        return [], np.array([], dtype="int64")
    cuts = np.flatnonzero(np.diff(ring_idx)) + 1
    return np.split(coords, cuts), owner[np.unique(ring_idx)]
