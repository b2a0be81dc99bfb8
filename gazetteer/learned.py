"""Learning place names from the datasets a user imports (UCDP GED, ACLED).

Why: a UCDP or ACLED file is thousands of place strings, each with the
coordinates its coders chose — a second romanisation family ("Ad Dana",
"Teir Maaleh village", "Tall Kurdi") and places OCHA does not list (oil
fields, air bases, hills). Once imported, those strings should resolve.

How (``learn``):

1. Every location string with usable coordinates and a point-like
   precision (UCDP ``where_prec`` 1–2, ACLED ``geo_precision`` 1–2) is read
   by ``features.read_place_string``: its names, its kind (a type word such
   as "dam", "airbase", "camp") or the reason it is not one point (a road,
   an admin area — skipped).
2. Rows with the same string at the same coordinates are one alias, with
   provenance: dataset, source file, event count, best precision code and
   the governorate the dataset gave.
3. **Attach**: the alias becomes another spelling of the nearest gazetteer
   place within ``ATTACH_KM`` (3 km) whose name is similar (folded keys,
   rapidfuzz ratio ≥ ``SIMILAR``, or equal up to vowel quality; see
   ``ATTACH_TIERS``: within 1 km a ratio of 65 suffices, up to 7 km only the
   same folded name). OCHA's double names ("Dorra - Qoqaj") are compared
   part by part. A string
   with an explicit feature word ("Khan Tuman dam") never attaches to a
   settlement of the same name (the dam is not the village); it attaches
   only to a place of that kind.
4. Otherwise it stays **a place of its own** (pcode ``L…``, stable hash of
   name and point) with its kind (``LOCALITY`` when no type word says
   more) and an honest radius: the kind's extent (``features.KIND_RADIUS_KM``)
   for precision 1; at least ``PREC2_RADIUS_KM`` for precision 2 ("within
   about 25 km" in the UCDP codebook: the coordinates stand for an area).

Where aliases live: with the event store (``AliasStorage``, implemented by
``events.store``: a table in SQLite and in PostGIS), so a team sharing a
PostGIS database shares what it learned; never in ``data/``. The gazetteer
is rebuilt with them by ``with_learned`` (cached per store and aliases
revision by ``gazetteer_for``); the base build is reused, so the extra cost
is one index build (~0.15 s).

This module never imports ``events``: ``gazetteer.location_rows`` reads the
two CSV layouts (only the location columns), and storage is reached through
the protocol.
"""
from __future__ import annotations

import hashlib
import threading
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Protocol, Sequence, runtime_checkable

from rapidfuzz import fuzz

from gazetteer.features import KIND_RADIUS_KM, PlaceString, read_place_string
from gazetteer.geometry import haversine_km
from gazetteer.location_rows import LocationRow, read_location_text, read_locations  # noqa: F401  (re-exported)
from gazetteer.model import FEATURE_KINDS, GazPlace, PlaceKind
from gazetteer.normalize import name_key, script_of, vowel_skeleton

ATTACH_KM = 3.0
SIMILAR = 75.0
#: Tiers of (distance, similarity needed): a point on top of a place needs less spelling evidence,
#: a place a little further needs the same folded name.
ATTACH_TIERS = ((1.0, 65.0), (ATTACH_KM, SIMILAR), (7.0, 95.0))
PREC2_RADIUS_KM = 10.0
MERGE_KM = 3.0              # the same string at points this close is one place of its own
_CELL = 0.05                # degrees (~5 km) grid for neighbour search
_ATTACHABLE = frozenset({PlaceKind.CITY, PlaceKind.COMMUNITY, *FEATURE_KINDS, PlaceKind.LOCALITY})

@dataclass(frozen=True)
class LearnedAlias:
    """One learned place string: where a dataset puts it, how often, and what it became.

    ``pcode`` is the gazetteer place it attached to ("" = a place of its own,
    then ``kind`` and ``radius_km`` describe it). ``id`` is the storage row
    id (0 before it is stored).
    """
    name: str
    lat: float
    lon: float
    dataset: str
    source: str
    events: int
    precision: int
    admin1: str = ""
    pcode: str = ""
    kind: str = PlaceKind.LOCALITY.value
    radius_km: float = KIND_RADIUS_KM[PlaceKind.LOCALITY]
    id: int = 0

    @property
    def place_code(self) -> str:
        """The gazetteer code this alias resolves to: the attached place, or its own ``L…`` code."""
        return self.pcode or own_code(self.name, self.lat, self.lon)


@runtime_checkable
class AliasStorage(Protocol):
    """What a store offers for learned aliases (``events.store`` implements it on both backends)."""

    @property
    def aliases_revision(self) -> int:
        """Increases on every change to the learned aliases (0 = none ever stored)."""

    def learned_aliases(self) -> list[LearnedAlias]:
        """Every stored alias (with its ``id``), ordered by id."""

    def save_learned_aliases(self, aliases: Sequence[LearnedAlias], *, author: str) -> int:
        """Insert or update (same source, name and point) in one transaction; returns the count."""

    def remove_learned_aliases(self, *, ids: Sequence[int] = (), source: str | None = None,
                               name: str | None = None, everything: bool = False, author: str) -> int:
        """Delete the matching aliases in one transaction; returns how many were removed."""


def own_code(name: str, lat: float, lon: float) -> str:
    """Stable code of a learned place of its own: ``L`` + 8 hex digits of name and point."""
    digest = hashlib.sha1(f"{name}|{lat:.4f}|{lon:.4f}".encode("utf-8")).hexdigest()
    return "L" + digest[:8].upper()


# -- learning -----------------------------------------------------------------
class _Grid:
    """Places bucketed by ~5 km cells, for "which places lie within a few km"."""

    def __init__(self, places: Iterable[GazPlace]):
        self._cells: dict[tuple[int, int], list[GazPlace]] = defaultdict(list)
        for p in places:
            self._cells[(int(p.lat // _CELL), int(p.lon // _CELL))].append(p)

    def near(self, lat: float, lon: float, km: float) -> list[tuple[GazPlace, float]]:
        ci, cj = int(lat // _CELL), int(lon // _CELL)
        found = []
        for i in (ci - 1, ci, ci + 1):
            for j in (cj - 1, cj, cj + 1):
                for p in self._cells.get((i, j), ()):
                    d = float(haversine_km(lat, lon, p.lat, p.lon))
                    if d <= km:
                        found.append((p, d))
        return found


def _parts(names: Iterable[str]) -> list[str]:
    """Names and the parts of double names ("Dorra - Qoqaj", "Tadmur/Palmyra")."""
    out = []
    for n in names:
        if not n:
            continue
        out.append(n)
        for sep in (" - ", "/"):
            if sep in n:
                out += [p.strip() for p in n.split(sep) if p.strip()]
    return out


def _latin_keys(names: Iterable[str]) -> list[str]:
    return [k for k in (name_key(n) for n in _parts(names) if script_of(n) == "lat") if k]


def similarity(a: str, b: str) -> float:
    """0..100: how alike two folded keys are (equal up to vowel quality counts as 95)."""
    if a == b:
        return 100.0
    if len(a) >= 4 and vowel_skeleton(a) == vowel_skeleton(b):
        return 95.0
    return float(fuzz.ratio(a, b))


def _attach_target(ps: PlaceString, lat: float, lon: float, grid: _Grid) -> GazPlace | None:
    """The nearest similar place within ATTACH_KM, or None (module docstring, step 3)."""
    keys = _latin_keys(ps.names)
    ar_keys = [name_key(n) for n in ps.names if script_of(n) == "ar"]
    if not keys and not ar_keys:
        return None
    best: tuple[float, float, GazPlace] | None = None
    for place, dist in grid.near(lat, lon, ATTACH_TIERS[-1][0]):
        if ps.explicit and ps.kind is not None and place.kind is not ps.kind:
            named = read_place_string(place.name_en or place.name_ar)
            if named.kind is not ps.kind:
                continue
        names = (place.name_en, place.name_ar, *place.names)
        sim = max((similarity(k, o) for k in keys for o in _latin_keys(names)), default=0.0)
        if ar_keys:
            others = [name_key(n) for n in _parts(names) if script_of(n) == "ar"]
            sim = max([sim] + [similarity(k, o) for k in ar_keys for o in others])
        if sim < next(need for km, need in ATTACH_TIERS if dist <= km):
            continue
        rank = (sim - 5.0 * dist, -dist)
        if best is None or rank > best[:2]:
            best = (*rank, place)
    return best[2] if best else None


def radius_for(ps: PlaceString, precision: int) -> float:
    radius = ps.radius_km
    return max(radius, PREC2_RADIUS_KM) if precision >= 2 else radius


def learn(rows: Sequence[LocationRow], places: Sequence[GazPlace], *, dataset: str,
          source: str) -> list[LearnedAlias]:
    """Location rows → learned aliases, attached to ``places`` where one is close and similar."""
    groups: dict[tuple[str, float, float], list[LocationRow]] = defaultdict(list)
    for row in rows:
        groups[(row.name, round(row.lat, 5), round(row.lon, 5))].append(row)
    grid = _Grid(p for p in places if p.kind in _ATTACHABLE)
    read_cache: dict[str, PlaceString] = {}
    out = []
    for (name, lat, lon), members in groups.items():
        ps = read_cache.get(name) or read_cache.setdefault(name, read_place_string(name))
        if ps.skip or not ps.names:
            continue
        precision = min(m.precision for m in members)
        admin1 = Counter(m.admin1 for m in members).most_common(1)[0][0]
        target = _attach_target(ps, lat, lon, grid)
        # Unattached: the type word's kind; a string that says "village"/"town" is a community; else a locality.
        kind = target.kind if target is not None else (
            ps.kind or (PlaceKind.COMMUNITY if ps.settlement else PlaceKind.LOCALITY))
        out.append(LearnedAlias(
            name=name, lat=lat, lon=lon, dataset=dataset, source=source, events=len(members), precision=precision,
            admin1=admin1, pcode=target.pcode if target is not None else "", kind=kind.value,
            radius_km=0.0 if target is not None else radius_for(ps, precision)))
    out.sort(key=lambda a: (a.name, a.lat, a.lon))
    return out


def learn_text(text: str, fmt: str, places: Sequence[GazPlace], *, source: str) -> tuple[list[LearnedAlias], int]:
    """``learn_file`` for an upload already in memory."""
    rows, skipped = read_location_text(text, fmt, where=source)
    return learn(rows, places, dataset=fmt.lower(), source=source), skipped


def learn_file(path: str | Path, fmt: str, places: Sequence[GazPlace], *,
               source: str | None = None) -> tuple[list[LearnedAlias], int]:
    """(aliases, rows skipped) learned from a UCDP/ACLED file (``source`` defaults to the file name)."""
    rows, skipped = read_locations(path, fmt)
    return learn(rows, places, dataset=fmt.lower(), source=source or Path(path).name), skipped


def summary(aliases: Sequence[LearnedAlias]) -> dict:
    """Counts for a report: aliases, events, attached, own places and their kinds."""
    own = [a for a in aliases if not a.pcode]
    return {"aliases": len(aliases), "events": sum(a.events for a in aliases), "attached": len(aliases) - len(own),
            "own": len(own), "own_kinds": dict(Counter(a.kind for a in own).most_common())}


# -- building a gazetteer with them ------------------------------------------
def apply_learned(places: Sequence[GazPlace], aliases: Iterable[LearnedAlias], admin) -> list[GazPlace]:
    """``places`` with learned spellings added to attached places, plus the places of their own."""
    by_code = {p.pcode: i for i, p in enumerate(places)}
    out = list(places)
    extra_names: dict[int, dict[str, None]] = defaultdict(dict)
    extra_events: Counter = Counter()
    extra_sources: dict[int, dict[str, None]] = defaultdict(dict)
    own: dict[str, list[LearnedAlias]] = defaultdict(list)
    for alias in aliases:
        i = by_code.get(alias.pcode) if alias.pcode else None
        if i is None:
            own[name_key(alias.name) or alias.name].append(alias)
            continue
        for n in _spellings(alias.name):
            extra_names[i][n] = None
        extra_events[i] += alias.events
        extra_sources[i][alias.dataset] = None
    for i, names in extra_names.items():
        p = out[i]
        known = {p.name_en, p.name_ar, *p.names}
        new = tuple(n for n in names if n not in known)
        out[i] = replace(p, names=p.names + new, mentions=p.mentions + extra_events[i],
                         sources=tuple(dict.fromkeys(p.sources + tuple(extra_sources[i]))))
    for members in own.values():
        for cluster in _clusters(members):
            out.append(_own_place(cluster, admin))
    return out


#: Trailing words the resolver itself strips from a query ("X village" finds "X"), see phrases.py.
_QUERY_QUALIFIERS = frozenset({"village", "town", "city"})


def _spellings(written: str) -> list[str]:
    """The names a string gives, then the string as written when a query of it would not find them.

    "Kufayr Ubaysh village" needs no extra entry (the resolver strips "village"); "Tadmur/Palmyra
    town", "Khuwayn al Kabir village (Tell al-Khuwaiyn)" and "Ein Terma suburb" do. Indexing every
    raw string would give thousands of keys ending in "village", which look alike to fuzzy matching.
    """
    names = list(read_place_string(written).names)
    raw = " ".join(written.split())
    words = raw.lower().split()
    if any(c in raw for c in "/()") or (words and words[-1] not in _QUERY_QUALIFIERS and raw not in names):
        names.append(raw)
    return list(dict.fromkeys(names))


def _clusters(members: list[LearnedAlias]) -> list[list[LearnedAlias]]:
    """The same string learned at points within MERGE_KM of each other is one place."""
    members = sorted(members, key=lambda a: -a.events)
    clusters: list[list[LearnedAlias]] = []
    for a in members:
        for c in clusters:
            if float(haversine_km(c[0].lat, c[0].lon, a.lat, a.lon)) <= MERGE_KM:
                c.append(a)
                break
        else:
            clusters.append([a])
    return clusters


def _own_place(cluster: list[LearnedAlias], admin) -> GazPlace:
    head = cluster[0]                          # the most-named point of the cluster
    ps = read_place_string(head.name)
    names = list(dict.fromkeys(n for a in cluster for n in _spellings(a.name)))
    a1, a2, a3 = admin.reverse(head.lat, head.lon)
    is_ar = script_of(names[0]) == "ar"
    try:
        kind = PlaceKind(head.kind)
    except ValueError:
        kind = ps.kind or PlaceKind.LOCALITY
    return GazPlace(
        pcode=own_code(head.name, head.lat, head.lon), name_en="" if is_ar else names[0],
        name_ar=names[0] if is_ar else "", kind=kind, lat=head.lat, lon=head.lon,
        admin1=a1, admin2=a2, admin3=a3, names=tuple(names[1:]),
        sources=tuple(dict.fromkeys(a.dataset for a in cluster)),
        radius_km=max(a.radius_km for a in cluster), mentions=sum(a.events for a in cluster))


def with_learned(base, aliases: Sequence[LearnedAlias]):
    """A Gazetteer: ``base`` (a built Gazetteer) plus learned aliases (base's index extended, not rebuilt)."""
    from gazetteer.service import Gazetteer
    aliases = list(aliases)
    if not aliases:
        return base
    return Gazetteer(apply_learned(base.places, aliases, base.admin), base.admin, shapes=base.resolver.shapes,
                     base=base)


_CACHE: OrderedDict[tuple, object] = OrderedDict()
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 4


def gazetteer_for(storage: AliasStorage | None, base=None):
    """The gazetteer with ``storage``'s learned aliases, cached per (store, aliases revision).

    ``storage=None`` or a store with no aliases → the base gazetteer
    (``get_gazetteer()`` unless ``base`` is given).
    """
    if base is None:
        from gazetteer.service import get_gazetteer
        base = get_gazetteer()
    if storage is None:
        return base
    revision = storage.aliases_revision
    if not revision:
        return base
    key = (getattr(storage, "url", id(storage)), revision, id(base))
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
            return hit
    built = with_learned(base, storage.learned_aliases())
    with _CACHE_LOCK:
        _CACHE[key] = built
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return built
