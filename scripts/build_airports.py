"""Rebuild ``data/airports.csv``: Syria's airports and air bases as named features.

Why a file of its own and not more UCDP-derived features: ``data/features.csv`` comes from the very UCDP
rows the gazetteer is benchmarked on, so the bench leaves it out; these records come from an independent
open registry, the PyPI package ``airportsdata`` (MIT), so every build and every bench may use them.
Reports name air bases constantly («مطار كويرس العسكري», "Shayrat airbase"), and an air base lies
kilometres from the village it is named after: without its own point the answer is only "the area of"
that village (``gazetteer/feature_towns.py`` finds the air base by its town).

Each row: the registry's ICAO code as id (``AP-OS66``), its English name, the shorter names the general
keyword rule of ``gazetteer/features.py`` reads from it ("Damascus International Airport" → "Damascus
Airport"), kind ``airport``, the registry's point and the kind's honest radius. Facts only.

Usage: ``python scripts/build_airports.py``
"""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer.features import features_csv, read_place_string  # noqa: E402
from gazetteer.model import PlaceKind  # noqa: E402
from scripts.build_data import _atomic_write  # noqa: E402

SOURCE_TAG = "airportsdata"
COUNTRY = "SY"


def airport_rows(registry_csv: str) -> list[dict]:
    """The registry's CSV text → feature rows (``features.FEATURE_COLUMNS``) of the airports in Syria."""
    out = []
    for rec in csv.DictReader(io.StringIO(registry_csv)):
        if rec.get("country") != COUNTRY or not rec.get("icao"):
            continue
        name = " ".join(rec["name"].split())
        read = read_place_string(name)
        kind = read.kind if read.kind is PlaceKind.AIRPORT else PlaceKind.AIRPORT
        names = list(dict.fromkeys(n for n in read.names if n != name))
        city = (rec.get("city") or "").strip()
        if city and city.lower() not in name.lower():
            names.append(f"{city} Airport")          # "Kamishly Airport" stays; a base named for no city gains none
        out.append({"fid": f"AP-{rec['icao']}", "name": name, "names": "|".join(names), "kind": kind.value,
                    "lat": f"{float(rec['lat']):.6f}", "lon": f"{float(rec['lon']):.6f}",
                    "radius_km": f"{read_place_string(name + ' airport').radius_km:g}",
                    "events": "0", "where_prec": "", "source": SOURCE_TAG})
    return out


def main(argv: list[str] | None = None) -> int:
    try:
        import airportsdata
    except ImportError:
        print("build_airports: the airportsdata package is not installed (pip install -r requirements.txt)",
              file=sys.stderr)
        return 1
    registry = Path(airportsdata.__file__).with_name("airports.csv").read_text(encoding="utf-8")
    rows = airport_rows(registry)
    _atomic_write(ROOT / "data" / "airports.csv", features_csv(rows))
    print(f"data/airports.csv: {len(rows)} airports and air bases (airportsdata {_version()})")
    return 0


def _version() -> str:
    from importlib.metadata import version
    return version("airportsdata")


if __name__ == "__main__":
    sys.exit(main())
