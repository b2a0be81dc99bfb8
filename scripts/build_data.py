"""Rebuild the project's own ``data/`` from the reference sets in ``../shared/data``.

Why a script: the product must run from the repository alone, yet every fact
we ship (names, P-codes, coordinates, boundaries) has to be traceable to its
source. Running this script reproduces ``data/places.csv`` and
``data/admin/*.geojson`` byte for byte from the upstream files, so a reviewer
can check that nothing was edited by hand. Attribution lives in
``data/SOURCES.md``.

Usage: ``python scripts/build_data.py [--shared ../shared/data]``
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared" / "data"

PLACE_COLUMNS = [
    "pcode", "name_en", "name_ar", "kind", "lat", "lon",
    "admin1_pcode", "admin1_en", "admin1_ar",
    "admin2_pcode", "admin2_en", "admin2_ar",
    "admin3_pcode", "admin3_en", "admin3_ar",
    "neighbourhoods",
]

ADMIN_FILES = {
    "adm1.geojson": "syr_adm1_governorates.geojson",
    "adm2.geojson": "syr_adm2_districts.geojson",
    "adm3.geojson": "syr_adm3_subdistricts.geojson",
}


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def build_places(csv_path: Path) -> list[dict[str, str]]:
    """OCHA communities, one row per C-code.

    Neighbourhood rows carry their parent city's name and C-code (see the
    source's SOURCE.md), so they are folded into that city: the city keeps its
    Community coordinates and gains a ``neighbourhoods`` count, which the
    gazetteer uses as a size hint (a city outranks a hamlet of the same name).
    """
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    hoods: dict[str, list[dict[str, str]]] = defaultdict(list)
    places: dict[str, dict[str, str]] = {}
    for row in rows:
        if row["location_type"] == "Neighborhood":
            hoods[row["community_pcode"]].append(row)
            continue
        places[row["community_pcode"]] = _place_row(row, kind="community")
    for code, members in hoods.items():
        if code not in places:  # a city known only through its neighbourhoods
            first = members[0]
            lat = sum(float(m["latitude"]) for m in members) / len(members)
            lon = sum(float(m["longitude"]) for m in members) / len(members)
            places[code] = _place_row({**first, "latitude": f"{lat:.6f}", "longitude": f"{lon:.6f}"}, kind="city")
        places[code]["kind"] = "city"
        places[code]["neighbourhoods"] = str(len(members))
    return [places[k] for k in sorted(places, key=lambda c: int(c[1:]))]


def _place_row(row: dict[str, str], *, kind: str) -> dict[str, str]:
    return {
        "pcode": row["community_pcode"],
        "name_en": row["community_en"].strip(),
        "name_ar": row["community_ar"].strip(),
        "kind": kind,
        "lat": row["latitude"],
        "lon": row["longitude"],
        "admin1_pcode": row["governorate_pcode"],
        "admin1_en": row["governorate_en"],
        "admin1_ar": row["governorate_ar"],
        "admin2_pcode": row["district_pcode"],
        "admin2_en": row["district_en"],
        "admin2_ar": row["district_ar"],
        "admin3_pcode": row["subdistrict_pcode"],
        "admin3_en": row["subdistrict_en"],
        "admin3_ar": row["subdistrict_ar"],
        "neighbourhoods": "0",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="folder holding the reference sets")
    parser.add_argument("--out", type=Path, default=ROOT / "data")
    args = parser.parse_args(argv)
    places_csv = args.shared / "syria_populated_places_ocha" / "syr_populated_places_ocha.csv"
    if not places_csv.exists():
        print(f"build_data: reference file not found: {places_csv}", file=sys.stderr)
        return 2
    places = build_places(places_csv)
    out = tempfile.SpooledTemporaryFile(mode="w+", newline="", encoding="utf-8")
    writer = csv.DictWriter(out, fieldnames=PLACE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(places)
    out.seek(0)
    _atomic_write(args.out / "places.csv", out.read())
    for target, source in ADMIN_FILES.items():
        src = args.shared / "syria_admin_boundaries_ocha" / source
        data = json.loads(src.read_text(encoding="utf-8"))
        _atomic_write(args.out / "admin" / target, json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"build_data: {len(places)} places, {len(ADMIN_FILES)} boundary layers written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
