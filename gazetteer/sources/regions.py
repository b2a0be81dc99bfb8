"""Named regions («الغوطة الشرقية», "Qalamoun") as unions of admin units.

Why: reports name regions that are not admin units and not towns; without
them "Eastern Ghouta" would be read as "east of" a village called Ghota in
Raqqa — a confident wrong place. A region is defined by the OCHA units it
covers (``gazetteer/data/regions.csv``, an approximate delineation, not a
boundary of record), so its shape always agrees with the admin polygons.

CSV columns: ``code`` (RG-…), ``name_en``, ``name_ar``, ``alternates``
(``|``-separated spellings), ``pcodes`` (space-separated admin P-codes).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry.base import BaseGeometry

from errors import ValidationError
from gazetteer.admin import AdminBoundaries
from gazetteer.geometry import representative
from gazetteer.model import GazPlace, PlaceKind
from gazetteer.sources._common import csv_rows

REQUIRED = {"code", "name_en", "name_ar", "alternates", "pcodes"}


@dataclass(frozen=True)
class NamedRegion:
    code: str
    name_en: str
    name_ar: str
    names: tuple[str, ...]
    pcodes: tuple[str, ...]
    where: str


def load_regions(path: Path) -> list[NamedRegion]:
    """Parse and validate every row; the first bad row raises with ``where=file:line``."""
    path = Path(path)
    regions, seen = [], {}
    for line, row in csv_rows(path, REQUIRED):
        where = f"{path}:{line}"
        code = (row["code"] or "").strip()
        if not code.startswith("RG-") or len(code) < 4:
            raise ValidationError("region code must look like RG-NAME", field="code", value=code, where=where)
        if code in seen:
            raise ValidationError(f"duplicate region code (first on line {seen[code]})", field="code",
                                  value=code, where=where)
        seen[code] = line
        name_en, name_ar = (row["name_en"] or "").strip(), (row["name_ar"] or "").strip()
        if not name_en or not name_ar:
            raise ValidationError("a region needs an English and an Arabic name", field="name_en", where=where)
        pcodes = tuple((row["pcodes"] or "").split())
        if not pcodes:
            raise ValidationError("a region needs at least one admin P-code", field="pcodes", where=where)
        names = tuple(n.strip() for n in (row["alternates"] or "").split("|") if n.strip())
        regions.append(NamedRegion(code, name_en, name_ar, names, pcodes, where))
    return regions


def region_places(regions: list[NamedRegion], admin: AdminBoundaries
                  ) -> tuple[list[GazPlace], dict[str, BaseGeometry]]:
    """GazPlaces of kind REGION and their shapes (unions of the listed admin units)."""
    places, shapes = [], {}
    for region in regions:
        parts = []
        for pcode in region.pcodes:
            if admin.ref(pcode) is None:
                raise ValidationError("no admin unit has this P-code", field="pcodes", value=pcode,
                                      where=region.where)
            parts.append(admin.geometry(pcode))
        shape = shapely.union_all(parts)
        lat, lon = representative(shape)
        governorates = {p[:4] for p in region.pcodes}
        admin1 = admin.ref(governorates.pop()) if len(governorates) == 1 else None
        # Inside one district too (the Ghab: four sub-districts of as-Suqaylabiyah): its district is known.
        districts = {p[:6] for p in region.pcodes}
        admin2 = admin.ref(districts.pop()) if len(districts) == 1 and all(len(p) >= 6 for p in region.pcodes) else None
        places.append(GazPlace(pcode=region.code, name_en=region.name_en, name_ar=region.name_ar,
                               kind=PlaceKind.REGION, lat=lat, lon=lon, admin1=admin1, admin2=admin2, names=region.names,
                               sources=("regions",)))
        shapes[region.code] = shape
    return places, shapes
