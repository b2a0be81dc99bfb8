"""The area an answer stands for: an admin unit's polygon, a NEAR disc around a town, or a cluster's disc.

Why apart from ranking (resolve.py): what a place's honest extent is depends only on the place
(its kind, its own radius, the boundary files), not on how it was chosen; the structured-phrase
and relative readers ask for the same areas.
"""
from __future__ import annotations

import functools
from dataclasses import replace

from shapely.geometry.base import BaseGeometry

from gazetteer.admin import AdminBoundaries
from gazetteer.geometry import covering_radius_km, disc, haversine_km, representative
from gazetteer.model import POINT_RADIUS_KM, Area, Doubt, GazPlace, PlaceKind, Precision, Resolution, ResolutionStatus

NEAR_RADIUS_KM = 5.0        # radius of "the area of X" around a town
CITY_AREA_KM = 30.0         # ...and around one of the big cities (place_area)
NEAR_MAX_KM = 15.0          # a wider disc is DISTRICT-sized, not NEAR (here and for «بين X وY», structured.py)
ADMIN_KINDS = (PlaceKind.GOVERNORATE, PlaceKind.DISTRICT, PlaceKind.SUBDISTRICT)


def unit_shape(place: GazPlace, *, admin: AdminBoundaries,
               shapes: dict[str, BaseGeometry]) -> tuple[BaseGeometry, Precision] | None:
    """The polygon and precision of an admin unit or a named region, None for any other place."""
    if place.kind not in ADMIN_KINDS and place.pcode not in shapes:
        return None
    precision = place.precision
    if place.kind is PlaceKind.REGION and place.admin1 is not None:
        precision = Precision.DISTRICT  # a named region inside one governorate: a few sub-districts
    return shapes.get(place.pcode) or admin.geometry(place.pcode), precision


def place_area(place: GazPlace, *, loose: bool, admin: AdminBoundaries,
               shapes: dict[str, BaseGeometry], feature: bool = False) -> Area | None:
    """Admin units and named regions → their polygon; loose town matches → a NEAR disc; exact towns → None.

    ``feature``: the query names a feature named after the place («مطار دمشق الدولي», "Aleppo Thermal
    Power Plant"). For one of the big cities that lies anywhere in its hinterland: Damascus airport
    lies 20-25 km from the city's point, Aleppo's power plant 26 km, so the disc is CITY_AREA_KM.
    """
    shape = unit_shape(place, admin=admin, shapes=shapes)
    if shape is not None:
        geom, precision = shape
        lat, lon = representative(geom, prefer=(place.lat, place.lon))
        return Area(lat=lat, lon=lon, radius_km=round(covering_radius_km(geom, lat, lon), 1),
                    precision=precision, geometry_wkt=geom.wkt,
                    label_en=place.name_en, label_ar=place.name_ar, anchor=place)
    if not loose and place.radius_km <= POINT_RADIUS_KM:
        return None
    # A named feature or learned place has its own honest extent (an oil field: 5 km; model.radius_km).
    radius = max(place.radius_km, NEAR_RADIUS_KM + min(5.0, place.size_hint / 4.0) if loose else 0.0)
    if feature and place.kind is PlaceKind.CITY:
        radius = max(radius, CITY_AREA_KM)
    # a disc as wide as a district is not "near" a point
    precision = Precision.NEAR if radius <= NEAR_MAX_KM else Precision.DISTRICT
    return Area(lat=place.lat, lon=place.lon, radius_km=radius, precision=precision,
                geometry_wkt=_disc_wkt(place.lat, place.lon, radius),
                label_en=f"area of {place.name_en}", label_ar=f"منطقة {place.name_ar}", anchor=place)


def cluster_area(members: list[GazPlace]) -> tuple[Area, float]:
    """One NEAR disc over same-named villages a few km apart, anchored on the first (the best ranked),
    and its radius unrounded (the area keeps it to 0.1 km)."""
    lat = sum(p.lat for p in members) / len(members)
    lon = sum(p.lon for p in members) / len(members)
    radius = max(float(haversine_km(lat, lon, p.lat, p.lon)) for p in members) + NEAR_RADIUS_KM
    top = members[0]
    return Area(lat=lat, lon=lon, radius_km=round(radius, 1), precision=Precision.NEAR,
                geometry_wkt=_disc_wkt(lat, lon, radius), label_en=f"area of {top.name_en}",
                label_ar=f"منطقة {top.name_ar}", anchor=top), radius


@functools.lru_cache(maxsize=4096)
def _disc_wkt(lat: float, lon: float, radius_km: float) -> str:
    """The WKT of a NEAR disc (memoised: one village answers many spellings, and a polygon's WKT is not cheap)."""
    return disc(lat, lon, radius_km).wkt


def countryside_unit(res: Resolution) -> Resolution:
    """«ريف عفرين» / «قرى عفرين» when «عفرين» alone has namesakes: the admin unit named exactly so.

    A countryside is an area, and the one that carries the name is the unit (Afrin district, around
    the town of Afrin), not a village elsewhere that happens to be called Afrin too. Only for
    namesakes: a name the context places outside the unit, or a weak spelling, stays ambiguous.
    """
    if res.doubt is not Doubt.NAMESAKES:
        return res
    units = [c.place for c in res.candidates if c.place.kind in ADMIN_KINDS and "exact" in c.reasons]
    if not units:
        return res
    unit = min(units, key=lambda p: len(p.pcode))
    if any(not p.pcode.startswith(unit.pcode) for p in units):
        return res          # units of that name in two places: the name still does not decide
    return replace(res, status=ResolutionStatus.RESOLVED, place=unit, doubt=None,
                   note=f"the countryside of the unit named '{unit.name_en}' ({unit.pcode}); namesakes elsewhere")


def in_capital_countryside(area: Area | None, place: GazPlace, *, max_km: float | None = None) -> bool:
    """Is ``place`` in the countryside of a governorate's capital that ``area`` stands for («ريف حمص»)?

    The countryside of Homs, Aleppo or Deir ez-Zor is drawn as a disc around the city, but reports mean
    the governorate's rural land by it («القريتين بريف حمص», 85 km; «البوكمال بريف دير الزور الشرقي», 120 km),
    so a place of the capital's governorate is inside it wherever it lies (``max_km``: only this close).
    """
    anchor = area.anchor if area is not None else None
    if anchor is None or anchor.kind is not PlaceKind.CITY or area.precision is not Precision.NEAR:
        return False
    if anchor.admin1 is None or place.admin1 is None or anchor.admin1.pcode != place.admin1.pcode:
        return False
    return max_km is None or float(haversine_km(anchor.lat, anchor.lon, place.lat, place.lon)) <= max_km
