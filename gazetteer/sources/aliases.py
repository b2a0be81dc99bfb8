"""User alias CSV: extra names for known places, or new named points.

Why: every analyst team has names the reference sets lack (exonyms such as
"Palmyra", local names, a checkpoint). A small CSV adds them without
editing the reference data:

=========  =====================================================================
column     meaning
=========  =====================================================================
name       the spelling to add (required)
lang       ``ar``, ``en`` or another language tag (required; ``ar`` must be Arabic script)
pcode      an existing place (C-code or admin P-code) the name belongs to, or
lat, lon   a new point (inside Syria) when ``pcode`` is empty
override   optional ``yes``: the name replaces the place's main ar/en name
=========  =====================================================================

A row with ``pcode`` adds (or overrides) a name; a row with lat/lon becomes a
new place — or joins an existing one with the same folded name within 2 km
(see ``merge.py``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from errors import ValidationError
from gazetteer.normalize import is_arabic, name_key
from gazetteer.sources._common import csv_rows, parse_coord

REQUIRED = {"name", "lang"}
_TRUE = {"yes", "true", "1", "y"}
_FALSE = {"", "no", "false", "0", "n"}


@dataclass(frozen=True)
class Alias:
    name: str
    lang: str
    pcode: str | None
    lat: float | None
    lon: float | None
    override: bool
    where: str


def load_aliases(path: Path) -> list[Alias]:
    """Parse and validate every row; the first bad row raises with ``where=file:line``."""
    path = Path(path)
    aliases = []
    for line, row in csv_rows(path, REQUIRED):
        where = f"{path}:{line}"
        name = (row.get("name") or "").strip()
        lang = (row.get("lang") or "").strip().lower()
        pcode = (row.get("pcode") or "").strip() or None
        lat_s, lon_s = (row.get("lat") or "").strip(), (row.get("lon") or "").strip()
        flag = (row.get("override") or "").strip().lower()
        if not name or not name_key(name):
            raise ValidationError("name is empty", field="name", value=row.get("name"), where=where)
        if not lang.isalpha() or len(lang) > 8:
            raise ValidationError("lang must be a language tag such as ar or en", field="lang",
                                  value=row.get("lang"), where=where)
        if lang == "ar" and not is_arabic(name):
            raise ValidationError("lang is ar but the name is not in Arabic script", field="name",
                                  value=name, where=where)
        if flag not in _TRUE | _FALSE:
            raise ValidationError("override must be yes or no", field="override", value=flag, where=where)
        if bool(lat_s) != bool(lon_s):
            raise ValidationError("give both lat and lon, or neither", field="lat" if not lat_s else "lon",
                                  where=where)
        if pcode is None and not lat_s:
            raise ValidationError("each alias needs a pcode or lat/lon", field="pcode", where=where)
        lat = parse_coord(lat_s, field="lat", where=where) if lat_s else None
        lon = parse_coord(lon_s, field="lon", where=where) if lon_s else None
        aliases.append(Alias(name, lang, pcode, lat, lon, flag in _TRUE, where))
    return aliases
