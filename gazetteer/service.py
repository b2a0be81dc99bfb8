"""The Gazetteer: one object that answers "where is this?" for the whole product.

Why one façade: ingestion, the UI, exports and the CLI all need the same
four questions (resolve a name or phrase, reverse-geocode a point, an admin
unit's shape, the list of places). They get them from one process-wide
cached instance (``get_gazetteer``), built once from ``data/`` in well
under the 2 s budget, so nobody re-parses CSV or GeoJSON per request.
"""
from __future__ import annotations

import functools
import math
import re
import threading
import time
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import Sequence

from shapely.geometry.base import BaseGeometry

from errors import ValidationError
from gazetteer.admin import AdminBoundaries
from gazetteer.names import with_seat_names
from gazetteer.index import NameIndex, gc_paused
from gazetteer.model import AdminRef, Candidate, Doubt, FEATURE_KINDS, GazPlace, PlaceKind, Resolution, ResolutionStatus
from gazetteer.geometry import haversine_km
from gazetteer.facing import resolve_facing
from gazetteer.phrases import (Phrase, names_only_a_direction, parse_relative, split_alternatives, split_qualifiers,
                               without_clitic)
from gazetteer.relative import is_country, region_area, try_relative
from gazetteer.resolve import RESOLVE_MIN, Resolver
from gazetteer.cooccur import near_hint
from gazetteer.feature_towns import feature_by_town, features_of, towns_named
from gazetteer.quarters import quarter_in_sentence
from gazetteer.structured import capital, resolve_structured, shorter_names, unit_of_seat
from gazetteer.structured_ar import describes_nearby, quote_readings

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
BUILTIN_ALIASES = Path(__file__).resolve().parent / "data" / "aliases.csv"
BUILTIN_REGIONS = Path(__file__).resolve().parent / "data" / "regions.csv"
CACHE_SIZE = 20_000
MAX_QUERY_CHARS = 300
MAX_DEPTH = 2            # nested resolves of a phrase's parts (structured.py, alternatives, shorter readings)
_DEPTH = threading.local()
ALTERNATIVES_KM = 10.0   # "X/Y": two resolved spellings farther apart than this disagree


class Gazetteer:
    """Resolve names and phrases, reverse-geocode points, hand out admin shapes."""

    def __init__(self, places: Sequence[GazPlace], admin: AdminBoundaries, *,
                 shapes: dict[str, BaseGeometry] | None = None, base: "Gazetteer | None" = None):
        """``base``: a gazetteer whose places are a prefix of ``places`` (the same places before learned
        aliases, ``learned.with_learned``); its index is extended rather than rebuilt."""
        started = time.perf_counter()
        self._places = tuple(places)
        self.admin = admin
        with gc_paused():
            if base is not None and base.admin is admin:
                self.index = base.index.extend(list(self._places))
                self.resolver = Resolver(self.index, admin, shapes, base=base.resolver)
            else:
                self.index = NameIndex(list(self._places))
                self.resolver = Resolver(self.index, admin, shapes)
        self._by_pcode = {p.pcode: p for p in self._places}
        self._features = features_of(self._places)
        self._cache: OrderedDict[tuple, Resolution] = OrderedDict()
        self._lock = threading.Lock()
        self.build_seconds = time.perf_counter() - started

    @classmethod
    def from_data(cls, data_dir: Path = DATA_DIR, *, geonames: Sequence[Path] = (),
                  ocha: Sequence[Path] = (), aliases: Sequence[Path] = (), regions: Sequence[Path] = (),
                  builtin_aliases: bool = True, features: bool = True, population: bool = True,
                  airports: bool = True) -> "Gazetteer":
        """Build from ``data/places.csv`` + ``data/admin/adm1-3.geojson``, then merge extra sources.

        ``geonames`` (SY.txt dumps) and ``ocha`` (HDX populated-places CSVs) are
        merged without duplicates (see sources/merge.py); ``aliases`` (user
        alias CSVs) are applied last, after the built-in exonym list
        ``gazetteer/data/aliases.csv`` ("Palmyra", "Kobani"...). Named regions
        (``gazetteer/data/regions.csv`` + ``regions``) are unions of admin units.
        ``builtin_aliases=False`` leaves out both built-in lists. ``data/features.csv``
        (named features: oil fields, dams, air bases…, gazetteer/features.py) and
        ``data/population.csv`` (GeoNames populations on OCHA places) are loaded
        unless ``features``/``population`` is False; ``data/airports.csv`` (the air bases of an
        open registry, scripts/build_airports.py) unless ``airports`` is False.
        """
        with gc_paused():   # loading, like building, allocates only what lives on
            return cls._from_data(Path(data_dir), geonames=geonames, ocha=ocha, aliases=aliases, regions=regions,
                                  builtin_aliases=builtin_aliases, features=features, population=population,
                                  airports=airports)

    @classmethod
    def _from_data(cls, data_dir: Path, *, geonames, ocha, aliases, regions, builtin_aliases, features,
                   population, airports) -> "Gazetteer":
        from gazetteer.sources.aliases import load_aliases
        from gazetteer.sources.geonames import load_geonames
        from gazetteer.sources.merge import apply_aliases, merge_places
        from gazetteer.sources.ocha import load_places_csv
        from gazetteer.sources.regions import load_regions, region_places
        admin = AdminBoundaries.from_dir(Path(data_dir) / "admin")
        places = with_seat_names(load_places_csv(Path(data_dir) / "places.csv")) + admin.as_places()
        if population:
            from gazetteer.population import apply_population
            places = apply_population(places, Path(data_dir) / "population.csv")
        if features:
            from gazetteer.features import load_features
            places = places + load_features(Path(data_dir) / "features.csv", admin)
        if airports:
            from gazetteer.features import load_features
            places = places + load_features(Path(data_dir) / "airports.csv", admin)
        for path in ocha:
            places = merge_places(places, load_places_csv(Path(path)), admin=admin)
        for path in geonames:
            places = merge_places(places, load_geonames(Path(path)).places, admin=admin)
        region_files = ([BUILTIN_REGIONS] if builtin_aliases and BUILTIN_REGIONS.exists() else []) + list(regions)
        shapes: dict[str, BaseGeometry] = {}
        for path in region_files:
            region_list, region_shapes = region_places(load_regions(Path(path)), admin)
            places, shapes = places + region_list, {**shapes, **region_shapes}
        alias_files = ([BUILTIN_ALIASES] if builtin_aliases and BUILTIN_ALIASES.exists() else []) + list(aliases)
        for path in alias_files:
            places = apply_aliases(places, load_aliases(Path(path)), admin=admin)
        return cls(places, admin, shapes=shapes)

    # -- public API --------------------------------------------------------
    @property
    def places(self) -> tuple[GazPlace, ...]:
        return self._places

    def place(self, pcode: str) -> GazPlace | None:
        return self._by_pcode.get(pcode)

    def resolve(self, name: str, *, context: str | None = None, kind: PlaceKind | None = None,
                near: tuple[float, float] | None = None) -> Resolution:
        """A place name or a relative/regional phrase → Resolution (cached per arguments)."""
        near = _check_near(near)
        key = (name, context, kind, near)
        with self._lock:  # Streamlit serves sessions from several threads
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        result = self.resolve_uncached(name, context=context, kind=kind, near=near)
        with self._lock:
            self._cache[key] = result
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return result

    def resolve_uncached(self, name: str, *, context: str | None = None, kind: PlaceKind | None = None,
                         near: tuple[float, float] | None = None) -> Resolution:
        # Structured phrases, alternatives and shortened readings resolve their parts through this
        # method; the depth is bounded so that a long phrase costs a few lookups, never a cascade.
        depth = getattr(_DEPTH, "n", 0)
        _DEPTH.n = depth + 1
        try:
            return self._resolve_uncached(name, context=context, kind=kind, near=near, depth=depth)
        finally:
            _DEPTH.n = depth

    def _resolve_uncached(self, name: str, *, context: str | None, kind: PlaceKind | None,
                          near: tuple[float, float] | None, depth: int) -> Resolution:
        if not isinstance(name, str) or not name.strip():
            raise ValidationError("place name is empty", field="name", value=name)
        if len(name) > MAX_QUERY_CHARS:
            raise ValidationError(f"place name longer than {MAX_QUERY_CHARS} characters",
                                  field="name", value=name)
        query = " ".join(name.split())
        if near is None and context and depth == 0:
            near = near_hint(self, context, query)   # the other places of the sentence (cooccur.py)
        if is_country(query):
            area = region_area(self.resolver, None)
            return Resolution(query=query, status=ResolutionStatus.RESOLVED, area=area, note="the whole country")
        if names_only_a_direction(query):   # «الشمالي الشرقي» left over from a longer phrase: no village «الشمالية»
            return Resolution(query=query, status=ResolutionStatus.UNRESOLVED, note="a direction alone names no place")
        if "عاصم" in query or "capital" in query.lower():
            query = capital(query)   # «العاصمة» / "the capital" = Damascus, as Syrian reports use it
        quoted = quote_readings(query) if depth < MAX_DEPTH else []
        if quoted:
            # «مدينة «عين العرب» السورية», «مدينة الرقة "عاصمة داعش"»: the marks removed, then the quoted part
            # dropped, then it alone; else the marks are only punctuation and the rest goes on without them
            for reading in quoted:
                alt = self.resolve_uncached(reading, context=context, kind=kind, near=near)
                if alt.status is ResolutionStatus.RESOLVED:
                    return replace(alt, query=query, note="; ".join(n for n in (f"read as '{reading}'", alt.note) if n))
            query = quoted[0]
        inner = re.fullmatch(r"(.+?)\s*\(([^()]+)\)\s*", query)
        if inner and parse_relative(inner.group(2)) is not None:  # «مدينة القصير (جنوب حمص)»: a container
            query = f"{inner.group(1)} {inner.group(2)}"
        facing = resolve_facing(self, query, context=context) if depth < MAX_DEPTH else None
        if facing is not None:   # «المنطقة الحدودية في سوريا المقابلة لمدينة كيليس»: the Syrian side of the border
            return facing
        alternatives = split_alternatives(query) if depth < MAX_DEPTH else []
        if alternatives:
            return self._resolve_alternatives(query, alternatives, context=context, kind=kind, near=near)
        phrase = split_qualifiers(query)
        hits, within = self.resolver.lookup(phrase.name, context), True
        bare = without_clitic(phrase.name)
        if bare and not (hits and hits[0].score >= 100 and not hits[0].partial):
            # «والرقة», «بسراقب»: a glued conjunction/preposition; its exact name beats a fuzzy whole
            unglued = self.resolver.lookup(bare, context)
            if unglued and unglued[0].score >= 100 and not unglued[0].partial:
                phrase, hits = replace(phrase, name=bare), unglued
        unglued_whole = without_clitic(query) if not (hits and hits[0].score >= 100 and not hits[0].partial) else None
        if unglued_whole and unglued_whole != phrase.name:
            # «لجسر الشغور»: the qualifier reader took «لجسر» for a bridge; the whole name after the clitic is exact
            exact = self.index.lookup(unglued_whole, fuzzy=False)
            if exact and exact[0].score >= 100 and not exact[0].partial:
                phrase, hits = Phrase(name=unglued_whole), self.resolver.lookup(unglued_whole, context)
        if phrase.name != query:
            # The "qualifier" may be part of the name itself ("... Camp", «جسر الشغور»): keep the better
            # reading; the whole text wins a tie.
            whole = self.index.lookup(query, fuzzy=False)
            if whole and not whole[0].partial and whole[0].score >= (hits[0].score if hits else 0.0):
                phrase, hits, within = Phrase(name=query), whole, False
        if kind is None:
            kind = phrase.kind_hint
        # A strong match on the whole text wins over reading it as a phrase:
        # "Western Damina" and "الخيالة الشرقية" are village names, not directions.
        strong = bool(hits) and hits[0].score >= RESOLVE_MIN and not hits[0].partial
        if not strong:
            rel = parse_relative(query)
            if rel is not None and rel.name and not rel.country:
                from gazetteer.foreign import foreign_place
                elsewhere = foreign_place(rel.name, context=context)
                if elsewhere is not None:  # «شمال لبنان», "east of Turkey": the anchor is abroad
                    return Resolution(query=query, status=ResolutionStatus.UNRESOLVED,
                                      note=f"foreign: '{rel.name}' is in {elsewhere.country}")
            relative = try_relative(self.resolver, query, context=context, near=near)
            if relative is not None and relative.status is not ResolutionStatus.RESOLVED and depth < MAX_DEPTH:
                relative = self._around_resolved_anchor(query, rel, context=context, near=near) or relative
            if relative is not None and relative.status is ResolutionStatus.RESOLVED and "not identified" not in relative.note:
                return relative
            # [type] NAME [containing area]: the name looked up with the area as its context (structured.py)
            structured = resolve_structured(self, query, context=context, near=near) if depth < MAX_DEPTH else None
            if structured is not None and (structured.status is ResolutionStatus.RESOLVED or relative is None
                                           or relative.status is not ResolutionStatus.RESOLVED):
                if not (relative is not None and structured.status is not ResolutionStatus.RESOLVED
                        and relative.status is ResolutionStatus.RESOLVED):
                    return structured
            if relative is not None:
                return relative
        res = self.resolver.resolve_name(query, phrase.name, kind=kind, area_of=phrase.area_of, feature=phrase.feature,
                                         context=context, near=near, hits=hits, within=within)
        res = unit_of_seat(self, res, kind) or res      # «مقاطعة كوباني»: the district, not the town
        if phrase.area_of and res.status is not ResolutionStatus.UNRESOLVED:
            res = self._feature_by_town(query, res, context) or res   # «مطار كويرس العسكري»: the air base by Kuweires
        weak = res.status is ResolutionStatus.AMBIGUOUS and res.doubt is Doubt.WEAK_MATCH  # nothing came close
        if (res.status is ResolutionStatus.UNRESOLVED or weak) and depth < MAX_DEPTH:
            # Trailing description («مدينة مارع السورية», «مطار دمشق الدولي») or a list («نبل والزهراء»).
            nearby = describes_nearby(query)
            for shorter in shorter_names(query)[:3]:
                alt = self.resolve_uncached(shorter, context=context, kind=kind, near=near)
                if nearby and not _agrees_with(alt, near):
                    continue      # «قرية المالكية القريبة»: near the report's other places, or not this reading
                if alt.status is ResolutionStatus.RESOLVED:
                    return replace(alt, query=query, note="; ".join(n for n in (f"matched '{shorter}'", alt.note) if n))
        if res.status is not ResolutionStatus.RESOLVED and depth == 0:
            return quarter_in_sentence(self, query, context) or res   # «حي X»: a quarter of the sentence's town
        return res

    def _around_resolved_anchor(self, query: str, rel: Phrase | None, *, context, near) -> Resolution | None:
        """«شرق مطار كويرس», «محيط حقل جزل النفطي»: the relative reader's anchor lookup knows names only; the
        whole service also finds a feature by its town (feature_towns.py). Only for a feature's type word
        (مطار، حقل، سد…) before a plain bearing or outskirts: anything else the relative reader already did."""
        if rel is None or not rel.name or rel.country or rel.before or not split_qualifiers(rel.name).feature:
            return None
        anchor = self.resolve_uncached(rel.name, context=context, near=near)
        if anchor.status is not ResolutionStatus.RESOLVED or anchor.place is None:
            return None
        from gazetteer.relative import around_anchor
        res = around_anchor(self.resolver, query, rel, context=context, near=near, anchor_res=anchor)
        return res if res.status is ResolutionStatus.RESOLVED else None

    def _feature_by_town(self, query: str, res: Resolution, context: str | None) -> Resolution | None:
        """The feature of the kind ``query``'s type word says that lies by the town it names (feature_towns.py)."""
        from gazetteer.features import read_place_string
        if (res.place is not None and res.place.kind in FEATURE_KINDS) or res.doubt in (Doubt.OUTSIDE_UNIT,
                                                                                          Doubt.OUTSIDE_AREA):
            return None   # the feature itself was named; or the town lies outside the unit the context names
        kind = read_place_string(query).kind
        if kind not in self._features:
            return None
        found = feature_by_town(towns_named(res.place, res.candidates), self._features[kind])
        if found is None:
            return None
        feature, town = found
        units = self.resolver.context_units(context, name=query, explicit=True) if context else frozenset()
        if units and not self.resolver._within(feature, units):
            return None   # a unit named in the context constrains the feature as it does the town
        label = feature.name_en or feature.name_ar
        return Resolution(query=query, status=ResolutionStatus.RESOLVED, place=feature,
                          area=self.resolver.area_for(feature, loose=False, feature=True),
                          candidates=(Candidate(feature, 100.0, label, ("by its town",)), *res.candidates[:9]),
                          note=f"the {kind.value.replace('_', ' ')} by {town.name_en or town.name_ar} ({town.pcode}): "
                               f"{label} ({feature.pcode})")

    def _resolve_alternatives(self, query: str, alternatives: list[str], *, context, kind, near) -> Resolution:
        """"Abu Hayj/Khalidiyah village", "Al-Rai town (Choban Bey)": each spelling in turn.

        The answer is the first reading that resolves; two resolved readings more than
        ``ALTERNATIVES_KM`` apart make it ambiguous (the spellings disagree).
        """
        answers = [self.resolve_uncached(a, context=context, kind=kind, near=near) for a in alternatives]
        resolved = [(i, r) for i, r in enumerate(answers) if r.status is ResolutionStatus.RESOLVED
                    and r.lat is not None]
        if resolved:
            i, best = resolved[0]  # the first spelling that resolves
            far = [alternatives[j] for j, r in resolved
                   if float(haversine_km(best.lat, best.lon, r.lat, r.lon)) > ALTERNATIVES_KM]
            if far:
                cands = tuple(c for _, r in resolved for c in r.candidates[:3])
                return Resolution(query=query, status=ResolutionStatus.AMBIGUOUS, candidates=cands,
                                  doubt=Doubt.DISAGREE, note=f"the spellings disagree: '{alternatives[i]}' and '{far[0]}' are "
                                       f"more than {ALTERNATIVES_KM:.0f} km apart")
            return replace(best, query=query, note="; ".join(
                n for n in (f"matched the spelling '{alternatives[i]}'", best.note) if n))
        ranked = sorted(answers, key=lambda r: (r.status is not ResolutionStatus.AMBIGUOUS,
                                                -(r.candidates[0].score if r.candidates else 0.0)))
        return replace(ranked[0], query=query)

    def reverse(self, lat: float, lon: float) -> tuple[AdminRef | None, AdminRef | None, AdminRef | None]:
        """Point → (governorate, district, sub-district) AdminRefs; Nones outside Syria."""
        return self.admin.reverse(float(lat), float(lon))

    def admin_geometry(self, pcode: str) -> BaseGeometry:
        """The polygon of a governorate / district / sub-district, or of a named region (RG-…).

        Raises GazetteerError for an unknown code.
        """
        if pcode in self.resolver.shapes:
            return self.resolver.shapes[pcode]
        return self.admin.geometry(pcode)


#: A place the report calls "nearby" lies this close to the report's other places.
NEARBY_KM = 40.0


def _agrees_with(res: Resolution, near: tuple[float, float] | None) -> bool:
    """A resolved point within ``NEARBY_KM`` of the report's other places (``near``).

    Without them, only a name no other place shares: «الزبداني القريبة» is Zabadani wherever the report
    is, but «المالكية القريبة» may be the village by Azaz as well as the al-Hasakah town.
    """
    if res.lat is None or res.lon is None:
        return False
    if near is not None:
        return float(haversine_km(near[0], near[1], res.lat, res.lon)) <= NEARBY_KM
    return not any("exact" in c.reasons and c.place.pcode != (res.place.pcode if res.place else "")
                   and float(haversine_km(res.lat, res.lon, c.place.lat, c.place.lon)) > NEARBY_KM
                   for c in res.candidates)


def _check_near(near) -> tuple[float, float] | None:
    """``near`` as a hashable (lat, lon) of finite floats, or a ValidationError naming it."""
    if near is None:
        return None
    try:
        lat, lon = (float(v) for v in near)
    except (TypeError, ValueError):
        raise ValidationError("near must be a (lat, lon) pair", field="near", value=near) from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValidationError("near is not a valid (lat, lon)", field="near", value=near)
    return (lat, lon)


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer built from ``data/`` (built once, then cached)."""
    return Gazetteer.from_data(DATA_DIR)
