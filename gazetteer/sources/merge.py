"""Merge places from several sources so that one place stays one place.

Rules, tried in order for each incoming place (GeoNames point, alias point,
another OCHA file):

1. same P-code → the same place;
2. a known settlement with the same folded name (any spelling) within
   ``SAME_PLACE_KM`` (2 km);
3. a known settlement with the same folded name in the same sub-district
   (the incoming point is reverse-geocoded with the OCHA boundaries);
4. a known settlement within 2 km whose name is a close fuzzy match
   (rapidfuzz ratio >= ``FUZZY_SAME``).

A match keeps the first source's P-code, coordinates and main names and
gains every new spelling in ``names`` plus the source tag; otherwise the
place is added, with its admin units from reverse lookup.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from errors import ValidationError
from gazetteer.admin import AdminBoundaries
from gazetteer.geometry import haversine_km
from gazetteer.model import GazPlace, PlaceKind
from gazetteer.normalize import is_arabic, name_key
from gazetteer.sources.aliases import Alias

SAME_PLACE_KM = 2.0
FUZZY_SAME = 90.0
_CELL = 0.05  # degrees (~5 km): grid for neighbour search
SETTLEMENTS = (PlaceKind.CITY, PlaceKind.COMMUNITY)


def all_names(place: GazPlace) -> list[str]:
    return [n for n in dict.fromkeys((place.name_ar, place.name_en, *place.names)) if n]


def _keys(place: GazPlace) -> set[str]:
    return {k for k in (name_key(n) for n in all_names(place)) if k}


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return (int(lat // _CELL), int(lon // _CELL))


def combine(base: GazPlace, other: GazPlace) -> GazPlace:
    """``base`` with ``other``'s spellings and source added (base's code and point win)."""
    known = set(all_names(base))
    extra = [n for n in all_names(other) if n not in known]
    name_ar = base.name_ar or (other.name_ar if other.name_ar and is_arabic(other.name_ar) else "")
    if name_ar and name_ar in extra:
        extra.remove(name_ar)
    sources = tuple(dict.fromkeys(base.sources + other.sources))
    return replace(base, name_ar=name_ar, names=base.names + tuple(extra), sources=sources)


class _Merger:
    def __init__(self, places: Sequence[GazPlace], admin: AdminBoundaries):
        self.places = list(places)
        self.admin = admin
        self.by_pcode = {p.pcode: i for i, p in enumerate(self.places)}
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, p in enumerate(self.places):
            if p.kind in SETTLEMENTS:
                self._register(i, new=True)

    def _register(self, i: int, *, new: bool) -> None:
        p = self.places[i]
        for k in _keys(p):
            self.by_key[k].add(i)
        if new:
            self.grid[_cell(p.lat, p.lon)].append(i)

    def _nearby(self, lat: float, lon: float) -> Iterable[int]:
        cy, cx = _cell(lat, lon)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                yield from self.grid.get((cy + dy, cx + dx), ())

    def _dist(self, i: int, p: GazPlace) -> float:
        q = self.places[i]
        return float(haversine_km(q.lat, q.lon, p.lat, p.lon))

    def find(self, p: GazPlace) -> int | None:
        if p.pcode in self.by_pcode:
            return self.by_pcode[p.pcode]
        keys = _keys(p)
        same_name = {i for k in keys for i in self.by_key.get(k, ())}
        close = sorted((self._dist(i, p), i) for i in same_name)
        if close and close[0][0] <= SAME_PLACE_KM:
            return close[0][1]
        if same_name:
            adm3 = self.admin.reverse(p.lat, p.lon)[2]
            if adm3 is not None:
                inside = [(d, i) for d, i in close
                          if self.places[i].admin3 and self.places[i].admin3.pcode == adm3.pcode]
                if inside:
                    return inside[0][1]
        best: tuple[float, int] | None = None
        for i in self._nearby(p.lat, p.lon):
            if self._dist(i, p) > SAME_PLACE_KM:
                continue
            score = max((fuzz.ratio(a, b) for a in keys for b in _keys(self.places[i])), default=0.0)
            if score >= FUZZY_SAME and (best is None or score > best[0]):
                best = (score, i)
        return best[1] if best else None

    def add(self, p: GazPlace) -> int:
        target = self.find(p)
        if target is not None:
            self.places[target] = combine(self.places[target], p)
            self._register(target, new=False)
            return target
        a1, a2, a3 = self.admin.reverse(p.lat, p.lon)
        self.places.append(replace(p, admin1=p.admin1 or a1, admin2=p.admin2 or a2, admin3=p.admin3 or a3))
        i = len(self.places) - 1
        self.by_pcode[p.pcode] = i
        self._register(i, new=True)
        return i


def merge_places(base: Sequence[GazPlace], incoming: Iterable[GazPlace], *,
                 admin: AdminBoundaries) -> list[GazPlace]:
    """``base`` plus ``incoming``, one record per real place (see module docstring)."""
    merger = _Merger(base, admin)
    for place in incoming:
        merger.add(place)
    return merger.places


def apply_aliases(places: Sequence[GazPlace], aliases: Iterable[Alias], *,
                  admin: AdminBoundaries) -> list[GazPlace]:
    """Add / override names from a user alias file (see aliases.py)."""
    out = list(places)
    by_pcode = {p.pcode: i for i, p in enumerate(out)}
    points: list[tuple[int, Alias]] = []
    for n, alias in enumerate(aliases, start=1):
        if alias.pcode is None:
            points.append((n, alias))
            continue
        i = by_pcode.get(alias.pcode)
        if i is None:
            raise ValidationError("no place has this P-code", field="pcode", value=alias.pcode,
                                  where=alias.where)
        out[i] = _with_alias(out[i], alias)
    if not points:
        return out
    merger = _Merger(out, admin)  # name/grid index only when new points must be merged
    first = 1 + sum(p.pcode.startswith("ALIAS") for p in out)  # codes stay unique across alias files
    for n, (_, alias) in enumerate(points, start=first):
        is_ar = alias.lang == "ar"
        merger.add(GazPlace(pcode=f"ALIAS{n}", name_en="" if is_ar else alias.name,
                            name_ar=alias.name if is_ar else "", kind=PlaceKind.COMMUNITY,
                            lat=alias.lat, lon=alias.lon, sources=("alias",)))
    return merger.places


def _with_alias(place: GazPlace, alias: Alias) -> GazPlace:
    sources = tuple(dict.fromkeys(place.sources + ("alias",)))
    if alias.override:
        field = "name_ar" if alias.lang == "ar" else "name_en"
        old = getattr(place, field)
        names = tuple(n for n in dict.fromkeys(place.names + ((old,) if old else ())) if n != alias.name)
        changes = {field: alias.name, "names": names, "sources": sources}
        if alias.lat is not None:
            changes.update(lat=alias.lat, lon=alias.lon)
        return replace(place, **changes)
    if alias.name in all_names(place):
        return place
    return replace(place, names=place.names + (alias.name,), sources=sources)
