"""Admin P-codes for located events: governorate, district and sub-district from the point.

Why on import: UCDP and ACLED give coordinates and (sometimes) an admin
*name* in their own spelling, never OCHA P-codes, so without this the
governorate filter, the facets and the exports find almost nothing of an
imported dataset (1 of 153 Deir ez-Zor events for September 2017). The
lookup is the gazetteer's admin boundaries (gazetteer/admin.py) queried in
bulk: one STRtree query for all points per level (about a second per 100k
events), nearest unit within ~2 km for points on a simplified border.

An event's own codes win: only places without an ``admin1_pcode`` are
filled, and nothing else of the place changes (its precision is kept; an
area's representative point stands for the area's centroid). Points outside
every unit keep empty codes.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from events.model import Event, Place

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=1)
def _boundaries():
    from gazetteer.admin import AdminBoundaries
    return AdminBoundaries.from_dir(DATA_DIR / "admin")


def _level_lookup(boundaries, level: int, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
    """Index of the unit (at ``level``) holding each point, or -1."""
    import shapely
    from gazetteer.admin import NEAREST_TOLERANCE_DEG
    out = np.full(len(lons), -1, dtype=np.int64)
    if not len(lons):
        return out
    points = shapely.points(lons, lats)
    tree = boundaries._trees[level]
    pairs = tree.query(points, predicate="intersects")
    if pairs.shape[1]:
        # the lowest unit index per point (as AdminBoundaries.reverse picks it)
        order = np.lexsort((pairs[1], pairs[0]))
        first = pairs[:, order]
        keep = np.ones(first.shape[1], dtype=bool)
        keep[1:] = first[0, 1:] != first[0, :-1]
        out[first[0, keep]] = first[1, keep]
    missing = np.flatnonzero(out < 0)
    if len(missing):
        near = tree.query_nearest(points[missing], max_distance=NEAREST_TOLERANCE_DEG)
        if near.shape[1]:
            order = np.lexsort((near[1], near[0]))
            near = near[:, order]
            keep = np.ones(near.shape[1], dtype=bool)
            keep[1:] = near[0, 1:] != near[0, :-1]
            out[missing[near[0, keep]]] = near[1, keep]
    return out


def admin_codes(points: Sequence[tuple[float, float]]) -> list[tuple[str, str, str, str, str]]:
    """(lat, lon) → (admin1_pcode, admin1_en, admin1_ar, admin2_pcode, admin3_pcode); '' when outside."""
    b = _boundaries()
    lats = np.asarray([p[0] for p in points], dtype=np.float64)
    lons = np.asarray([p[1] for p in points], dtype=np.float64)
    adm3 = _level_lookup(b, 3, lons, lats)
    adm2 = _level_lookup(b, 2, lons, lats)
    adm1 = _level_lookup(b, 1, lons, lats)
    u1, u2, u3 = b._units[1], b._units[2], b._units[3]
    out = []
    for i in range(len(points)):
        a1 = a2 = a3 = ""
        if adm3[i] >= 0:
            unit = u3[adm3[i]]
            a3, a2, a1 = unit.ref.pcode, unit.parent2 or "", unit.parent1 or ""
        elif adm2[i] >= 0:
            unit = u2[adm2[i]]
            a2, a1 = unit.ref.pcode, unit.parent1 or ""
        elif adm1[i] >= 0:
            a1 = u1[adm1[i]].ref.pcode
        ref = b.ref(a1) if a1 else None
        out.append((a1, ref.name_en if ref else "", ref.name_ar if ref else "", a2, a3))
    return out


#: How many admin levels a place of this precision can honestly claim: a country- or region-level event
#: placed at Syria's centroid is not "in" the governorate under that point.
_DEPTH = {"point": 3, "near": 3, "subdistrict": 3, "district": 2, "governorate": 1, "region": 0, "country": 0}


def _filled(place: Place, codes: tuple[str, str, str, str, str]) -> Place:
    a1, en, ar, a2, a3 = codes
    depth = _DEPTH.get(place.precision.value if place.precision else "point", 3)
    if not a1 or depth == 0:
        return place
    a2 = a2 if depth >= 2 else ""
    a3 = a3 if depth >= 3 else ""
    # the dataset's own admin name (UCDP "Homs Governorate") is replaced by the unit's names for the code
    return replace(place, admin1_pcode=a1, admin1_en=en or place.admin1_en, admin1_ar=ar or place.admin1_ar,
                   admin2_pcode=place.admin2_pcode or a2, admin3_pcode=place.admin3_pcode or a3)


def _point(place: Place | None) -> tuple[float, float] | None:
    """The place's point, or its area's centroid when it has an area and no point."""
    if place is None or place.admin1_pcode:
        return None
    if place.located:
        return float(place.lat), float(place.lon)
    if place.area_wkt:
        try:
            import shapely
            c = shapely.from_wkt(place.area_wkt).centroid
            return (c.y, c.x) if not c.is_empty else None
        except Exception:   # an area validate_event accepted always parses; be safe on old records
            return None
    return None


def fill_admin_codes(events: Sequence[Event]) -> list[Event]:
    """Events whose place (its point, or its area's centroid) has no admin1 P-code get governorate/district/
    sub-district codes, as deep as the place's precision allows."""
    events = list(events)
    points = {i: _point(e.place) for i, e in enumerate(events)}
    todo = [i for i, p in points.items() if p is not None]
    if not todo:
        return events
    try:
        codes = admin_codes([points[i] for i in todo])
    except Exception:   # pragma: no cover - boundaries missing from a partial checkout: leave codes empty
        return events
    for i, c in zip(todo, codes):
        events[i] = replace(events[i], place=_filled(events[i].place, c))
    return events


def with_admin_codes(result):
    """An ImportResult whose events carry admin codes (see fill_admin_codes)."""
    return replace(result, events=tuple(fill_admin_codes(result.events)))
