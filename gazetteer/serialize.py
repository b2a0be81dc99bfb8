"""Resolution → plain dict (the CLI's JSON line; handy for logs and APIs).

Why a separate function: the CLI, the benchmark and any caller that wants
JSON must agree on field names; one function keeps them identical.
Admin fields come from the place itself, or — for an area — from reverse
lookup of its representative point, but only when the area is no coarser
than a governorate (a region's point would name an arbitrary governorate).
"""
from __future__ import annotations

from typing import Any

from gazetteer.model import AdminRef, Precision, Resolution


def _ref(ref: AdminRef | None) -> dict[str, str] | None:
    return {"pcode": ref.pcode, "name_en": ref.name_en, "name_ar": ref.name_ar} if ref else None


def resolution_to_dict(res: Resolution, gz=None, *, geometry: bool = False, max_candidates: int = 10) -> dict[str, Any]:
    place = res.place or (res.area.anchor if res.area and res.area.precision is not Precision.NEAR else None)
    admins: tuple = (None, None, None)
    if place is not None:
        admins = (place.admin1, place.admin2, place.admin3)
    elif res.area is not None and gz is not None and res.area.precision.rank <= Precision.GOVERNORATE.rank:
        admins = gz.reverse(res.area.lat, res.area.lon)
    precision = res.precision
    out: dict[str, Any] = {
        "query": res.query,
        "status": res.status.value,
        "name_en": place.name_en if place else (res.area.label_en if res.area else None),
        "name_ar": place.name_ar if place else (res.area.label_ar if res.area else None),
        "pcode": place.pcode if place else None,
        "kind": place.kind.value if place else None,
        "lat": round(res.lat, 6) if res.lat is not None else None,
        "lon": round(res.lon, 6) if res.lon is not None else None,
        "precision": precision.value if precision else None,
        "ucdp_where_prec": precision.ucdp_where_prec if precision else None,
        "acled_geo_precision": precision.acled_geo_precision if precision else None,
        "radius_km": res.radius_km,
        "admin1": _ref(admins[0]), "admin2": _ref(admins[1]), "admin3": _ref(admins[2]),
        "anchor": res.area.anchor.pcode if res.area and res.area.anchor else None,
        "note": res.note,
        "doubt": res.doubt.value if res.doubt else None,
        "candidates": [
            {"pcode": c.place.pcode, "name_en": c.place.name_en, "name_ar": c.place.name_ar,
             "kind": c.place.kind.value, "score": c.score, "lat": c.place.lat, "lon": c.place.lon,
             "admin1": c.place.admin1.name_en if c.place.admin1 else None,
             "matched": c.matched, "reasons": list(c.reasons)}
            for c in res.candidates[:max_candidates]],
    }
    if geometry:
        out["geometry_wkt"] = res.area.geometry_wkt if res.area else None
    return out
