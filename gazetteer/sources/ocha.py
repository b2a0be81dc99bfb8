"""OCHA populated places → GazPlace.

Reads two layouts of the same OCHA COD data:

* the project's own ``data/places.csv`` (one row per C-code, built by
  ``scripts/build_data.py``; ``neighbourhoods`` is a size hint), and
* the HDX / OCHA populated-places CSV (``community_pcode``, ``location_type``,
  ``longitude``, ``latitude`` …), whose Neighborhood rows repeat their city's
  C-code: they are folded into the city, which becomes kind CITY with a
  neighbourhood count.

Some Arabic cells hold several spellings separated by new lines; the first
is the name, the rest become alternate names.
"""
from __future__ import annotations

from pathlib import Path

from errors import ValidationError
from gazetteer.model import AdminRef, GazPlace, PlaceKind
from gazetteer.sources._common import csv_rows, parse_coord

PROJECT_COLUMNS = {"pcode", "name_en", "name_ar", "kind", "lat", "lon", "admin1_pcode"}
HDX_COLUMNS = {"community_pcode", "community_en", "community_ar", "longitude", "latitude",
               "location_type", "governorate_pcode"}


def _split_names(cell: str) -> tuple[str, tuple[str, ...]]:
    names = [n.strip() for n in (cell or "").replace("\r", "\n").split("\n") if n.strip()]
    if not names:
        return "", ()
    return names[0], tuple(dict.fromkeys(names[1:]))


def _ref(row: dict, code: str, en: str, ar: str) -> AdminRef | None:
    return AdminRef(row[code], row.get(en, ""), row.get(ar, "")) if row.get(code) else None


def load_places_csv(path: Path) -> list[GazPlace]:
    """Load either OCHA layout (detected from the header)."""
    path = Path(path)
    first = path.read_text(encoding="utf-8-sig").split("\n", 1)[0]
    if "community_pcode" in first:
        return _load_hdx(path)
    return _load_project(path)


def _load_project(path: Path) -> list[GazPlace]:
    places = []
    seen: dict[str, int] = {}
    for line, row in csv_rows(path, PROJECT_COLUMNS):
        where = f"{path}:{line}"
        pcode = (row.get("pcode") or "").strip()
        if not pcode:
            raise ValidationError("empty P-code", field="pcode", where=where)
        if pcode in seen:
            raise ValidationError(f"duplicate P-code (first on line {seen[pcode]})",
                                  field="pcode", value=pcode, where=where)
        seen[pcode] = line
        try:
            kind = PlaceKind(row["kind"])
        except ValueError:
            raise ValidationError("unknown kind", field="kind", value=row["kind"], where=where) from None
        name_ar, extra = _split_names(row["name_ar"])
        if not (name_ar or row["name_en"].strip()):
            raise ValidationError("place has no name", field="name_en", where=where)
        places.append(GazPlace(
            pcode=pcode, name_en=row["name_en"].strip(), name_ar=name_ar, kind=kind,
            lat=parse_coord(row["lat"], field="lat", where=where),
            lon=parse_coord(row["lon"], field="lon", where=where),
            admin1=_ref(row, "admin1_pcode", "admin1_en", "admin1_ar"),
            admin2=_ref(row, "admin2_pcode", "admin2_en", "admin2_ar"),
            admin3=_ref(row, "admin3_pcode", "admin3_en", "admin3_ar"),
            names=extra, size_hint=int(row.get("neighbourhoods") or 0), sources=("ocha",)))
    return places


def _load_hdx(path: Path) -> list[GazPlace]:
    communities: dict[str, GazPlace] = {}
    hoods: dict[str, list[tuple[float, float]]] = {}
    first_rows: dict[str, dict] = {}
    for line, row in csv_rows(path, HDX_COLUMNS):
        where = f"{path}:{line}"
        code = (row.get("community_pcode") or "").strip()
        if not code:
            raise ValidationError("empty community P-code", field="community_pcode", where=where)
        lat = parse_coord(row["latitude"], field="latitude", where=where)
        lon = parse_coord(row["longitude"], field="longitude", where=where)
        kind = (row.get("location_type") or "").strip().lower()
        if kind.startswith("neighbo"):
            hoods.setdefault(code, []).append((lat, lon))
            first_rows.setdefault(code, row)
            continue
        if kind != "community":
            raise ValidationError("location_type must be Community or Neighborhood",
                                  field="location_type", value=row.get("location_type"), where=where)
        if code in communities:
            raise ValidationError("duplicate community P-code", field="community_pcode",
                                  value=code, where=where)
        communities[code] = _hdx_place(row, code, lat, lon, PlaceKind.COMMUNITY, 0)
    for code, points in hoods.items():
        base = communities.get(code)
        if base is None:
            lat = sum(p[0] for p in points) / len(points)
            lon = sum(p[1] for p in points) / len(points)
            base = _hdx_place(first_rows[code], code, lat, lon, PlaceKind.CITY, 0)
        communities[code] = GazPlace(**{**base.__dict__, "kind": PlaceKind.CITY, "size_hint": len(points)})
    return list(communities.values())


def _hdx_place(row: dict, code: str, lat: float, lon: float, kind: PlaceKind, size: int) -> GazPlace:
    name_ar, extra = _split_names(row.get("community_ar", ""))
    return GazPlace(
        pcode=code, name_en=(row.get("community_en") or "").strip(), name_ar=name_ar, kind=kind,
        lat=lat, lon=lon,
        admin1=_ref(row, "governorate_pcode", "governorate_en", "governorate_ar"),
        admin2=_ref(row, "district_pcode", "district_en", "district_ar"),
        admin3=_ref(row, "subdistrict_pcode", "subdistrict_en", "subdistrict_ar"),
        names=extra, size_hint=size, sources=("ocha",))
