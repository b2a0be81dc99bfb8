"""Administrative boundaries: governorates, districts, sub-districts.

Why its own module: boundaries serve three different needs — admin units as
places to resolve ("محافظة الرقة"), reverse lookup (point → P-codes, with a
shapely STRtree so it stays fast for thousands of points), and the country
outline that "north of Syria" is cut from. Loading them once here keeps the
GeoJSON parsing and the spatial index in one place.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from errors import GazetteerError
from gazetteer.model import AdminRef, GazPlace, PlaceKind

LEVEL_KIND = {1: PlaceKind.GOVERNORATE, 2: PlaceKind.DISTRICT, 3: PlaceKind.SUBDISTRICT}
#: Points this far (degrees, ~2 km) outside every simplified polygon still get the nearest unit.
NEAREST_TOLERANCE_DEG = 0.02


@dataclass(frozen=True)
class AdminUnit:
    level: int
    ref: AdminRef
    parent1: str | None
    parent2: str | None
    label_lat: float
    label_lon: float


class AdminBoundaries:
    """All three admin levels with their polygons and a per-level STRtree."""

    def __init__(self, units: dict[int, list[AdminUnit]], geoms: dict[int, list[BaseGeometry]]):
        self._units = units
        self._geoms = geoms
        self._by_pcode: dict[str, tuple[AdminUnit, BaseGeometry]] = {}
        for level in units:
            for unit, geom in zip(units[level], geoms[level]):
                self._by_pcode[unit.ref.pcode] = (unit, geom)
        self._trees = {level: shapely.STRtree(geoms[level]) for level in geoms}
        self._outline: BaseGeometry | None = None

    @classmethod
    def from_dir(cls, admin_dir: Path) -> "AdminBoundaries":
        units: dict[int, list[AdminUnit]] = {}
        geoms: dict[int, list[BaseGeometry]] = {}
        for level in (1, 2, 3):
            path = Path(admin_dir) / f"adm{level}.geojson"
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise GazetteerError(f"cannot read admin boundaries: {exc}", where=str(path)) from exc
            units[level], geoms[level] = [], []
            for i, feature in enumerate(data.get("features", [])):
                props = feature.get("properties") or {}
                try:
                    geom = shape(feature["geometry"])
                    unit = AdminUnit(
                        level=level,
                        ref=AdminRef(props["p"], props["nEn"], props["nAr"]),
                        parent1=props.get("adm1_pcode"), parent2=props.get("adm2_pcode"),
                        label_lat=float(props["lat"]), label_lon=float(props["lon"]))
                except (KeyError, TypeError, ValueError) as exc:
                    raise GazetteerError(f"bad admin feature: {exc}", where=f"{path}:feature {i}") from exc
                if not geom.is_valid:
                    geom = shapely.make_valid(geom)
                units[level].append(unit)
                geoms[level].append(geom)
        return cls(units, geoms)

    # -- lookups -------------------------------------------------------
    def units(self, level: int) -> list[AdminUnit]:
        return list(self._units[level])

    def ref(self, pcode: str) -> AdminRef | None:
        entry = self._by_pcode.get(pcode)
        return entry[0].ref if entry else None

    def geometry(self, pcode: str) -> BaseGeometry:
        try:
            return self._by_pcode[pcode][1]
        except KeyError:
            raise GazetteerError("unknown admin P-code", field="pcode", value=pcode) from None

    def outline(self) -> BaseGeometry:
        """Syria's outline: the union of the governorates, without holes (cached).

        The simplified OCHA polygons leave slivers between neighbouring
        units; their union has dozens of tiny interior rings that are gaps in
        the data, not in the country, so only exterior rings are kept.
        """
        if self._outline is None:
            union = shapely.union_all(self._geoms[1]).buffer(0)
            parts = getattr(union, "geoms", [union])
            self._outline = shapely.union_all([shapely.Polygon(part.exterior) for part in parts])
        return self._outline

    def _containing(self, level: int, point: BaseGeometry) -> AdminUnit | None:
        idx = self._trees[level].query(point, predicate="intersects")
        if len(idx) == 0:
            nearest = self._trees[level].query_nearest(point, max_distance=NEAREST_TOLERANCE_DEG)
            if len(nearest) == 0:
                return None
            idx = nearest
        return self._units[level][int(min(idx))]

    def reverse(self, lat: float, lon: float) -> tuple[AdminRef | None, AdminRef | None, AdminRef | None]:
        """Point → (governorate, district, sub-district); None outside Syria."""
        if not (math.isfinite(lat) and math.isfinite(lon)):
            return (None, None, None)
        point = shapely.Point(lon, lat)
        adm3 = self._containing(3, point)
        if adm3 is not None:
            return (self.ref(adm3.parent1 or ""), self.ref(adm3.parent2 or ""), adm3.ref)
        adm2 = self._containing(2, point)
        if adm2 is not None:
            return (self.ref(adm2.parent1 or ""), adm2.ref, None)
        adm1 = self._containing(1, point)
        return (adm1.ref if adm1 else None, None, None)

    # -- as gazetteer entries -----------------------------------------
    def as_places(self) -> list[GazPlace]:
        """Every admin unit as a GazPlace (kind GOVERNORATE/DISTRICT/SUBDISTRICT)."""
        places = []
        for level in (1, 2, 3):
            for unit in self._units[level]:
                a1 = unit.ref if level == 1 else self.ref(unit.parent1 or "")
                a2 = unit.ref if level == 2 else (self.ref(unit.parent2 or "") if level == 3 else None)
                a3 = unit.ref if level == 3 else None
                places.append(GazPlace(
                    pcode=unit.ref.pcode, name_en=unit.ref.name_en, name_ar=unit.ref.name_ar,
                    kind=LEVEL_KIND[level], lat=unit.label_lat, lon=unit.label_lon,
                    admin1=a1, admin2=a2, admin3=a3, sources=("ocha-cod-ab",)))
        return places
