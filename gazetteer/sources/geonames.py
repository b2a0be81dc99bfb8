"""GeoNames country dump (``SY.txt``) → GazPlace.

Why: GeoNames carries many alternate spellings (Latin transliterations,
Arabic, other languages) that OCHA lacks; merged into OCHA places they make
more report spellings match. Only populated places (feature class ``P``)
are imported; admin areas come from the OCHA boundaries instead.

Format (tab-separated, 19 columns, no header; geonames.org readme):
geonameid, name, asciiname, alternatenames (comma-separated), latitude,
longitude, feature class, feature code, country code, cc2, admin1 code,
admin2 code, admin3 code, admin4 code, population, elevation, dem,
timezone, modification date.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from errors import ParseError, ValidationError
from gazetteer.model import GazPlace, PlaceKind
from gazetteer.normalize import is_arabic
from gazetteer.sources._common import parse_coord, read_text

COLUMNS = 19
CITY_CODES = frozenset({"PPLC", "PPLA", "PPLA2"})
CITY_POPULATION = 50_000
#: Alternate names that are codes, not spellings (IATA codes, "PMS").
_MIN_NAME_CHARS = 3


def _latin_or_arabic(name: str) -> bool:
    """Keep spellings a Syrian report could use; drop Cyrillic, CJK... alternates."""
    return is_arabic(name) or all(ord(c) < 0x250 or c in "ʿʾ‘’" for c in name)


@dataclass(frozen=True)
class GeoNamesImport:
    places: list[GazPlace]
    skipped: int  # rows of other feature classes (not populated places)


def load_geonames(path: Path) -> GeoNamesImport:
    """Parse and validate every line; the first bad line raises with ``where=file:line``."""
    path = Path(path)
    places: list[GazPlace] = []
    seen: dict[str, int] = {}
    skipped = 0
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{path}:{number}"
        cols = line.split("\t")
        if len(cols) != COLUMNS:
            raise ParseError(f"expected {COLUMNS} tab-separated columns, found {len(cols)}", where=where)
        gid, name, ascii_name, alternates = cols[0].strip(), cols[1].strip(), cols[2].strip(), cols[3]
        if not gid.isdigit():
            raise ValidationError("geonameid must be a number", field="geonameid", value=gid, where=where)
        if gid in seen:
            raise ValidationError(f"duplicate geonameid (first on line {seen[gid]})",
                                  field="geonameid", value=gid, where=where)
        seen[gid] = number
        if cols[8].strip() != "SY":
            raise ValidationError("country code is not SY", field="country code", value=cols[8], where=where)
        if not name:
            raise ValidationError("empty name", field="name", where=where)
        lat = parse_coord(cols[4], field="lat", where=where)
        lon = parse_coord(cols[5], field="lon", where=where)
        if cols[6].strip() != "P":
            skipped += 1
            continue
        population = cols[14].strip() or "0"
        if not population.isdigit():
            raise ValidationError("population must be a whole number", field="population",
                                  value=population, where=where)
        names = [n.strip() for n in alternates.split(",")
                 if len(n.strip()) >= _MIN_NAME_CHARS and _latin_or_arabic(n.strip())]
        arabic = [n for n in names if is_arabic(n)]
        kind = (PlaceKind.CITY if cols[7].strip() in CITY_CODES or int(population) >= CITY_POPULATION
                else PlaceKind.COMMUNITY)
        extra = tuple(dict.fromkeys(n for n in [ascii_name, *names] if n not in (name, arabic[:1] and arabic[0])))
        places.append(GazPlace(
            pcode=f"GN{gid}", name_en=name, name_ar=arabic[0] if arabic else "", kind=kind,
            lat=lat, lon=lon, names=extra, size_hint=0, sources=("geonames",)))
    return GeoNamesImport(places=places, skipped=skipped)
