"""Rank the places a name could mean and decide how sure we are.

Why ranking in its own module: a match score alone cannot pick between the
three Syrian places spelled كسرة; what decides is context (a governorate
named nearby, another resolved place, the type word in front of the name,
how big the place is). Each of those adds or subtracts a documented number
of points below, and ``reasons`` on every candidate says which ones applied,
so an analyst can see why the gazetteer chose.

Status rules ("never a confident wrong point"):

* ``resolved``   — the best candidate's *match* score is at least
  ``RESOLVE_MIN`` and it leads every competing candidate by ``MARGIN``
  points (or, for a weaker spelling match, at least ``FUZZY_RESOLVE_MIN``
  with a lead of ``FUZZY_MARGIN``; such answers are NEAR, not POINT).
  Candidates nested in it (the governorate of the same name around a
  city) or duplicates (same key within 2 km) do not compete.
* ``ambiguous``  — some candidate passed the fuzzy threshold but the rule
  above fails, or the context names an admin unit and the best spelling
  lies outside it while another candidate lies inside; the ranked
  candidates are returned.
* ``unresolved`` — nothing passed the threshold.

A partial (one-word) match or a weak fuzzy match is never returned as a
POINT: it becomes a NEAR area around the place, with a note. Same-named
villages within ``CLUSTER_KM`` of each other (e.g. an upper and a lower
hamlet) resolve to one NEAR area covering them all.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass, replace

from shapely.geometry.base import BaseGeometry

from gazetteer.admin import AdminBoundaries
from gazetteer.geometry import covering_radius_km, disc, haversine_km, representative
from gazetteer.index import VOWEL_SCORE, Hit, NameIndex
from gazetteer.model import (POINT_RADIUS_KM, Area, Candidate, GazPlace, PlaceKind, Precision, Resolution,
                             ResolutionStatus)
from gazetteer.normalize import fold_arabic_words, fold_latin_words, is_arabic, name_key

RESOLVE_MIN = 88.0          # minimum match score for a confident answer
MARGIN = 6.0                # lead over the best competitor
FUZZY_RESOLVE_MIN = 80.0    # a weaker spelling match may still answer (as NEAR, see POINT_MIN)...
FUZZY_MARGIN = 12.0         # ...when nothing else comes close
POINT_MIN = 90.0            # below this match score a place is only NEAR
NEAR_RADIUS_KM = 5.0        # radius of "the area of X" around a town
DUPLICATE_KM = 2.0
CLUSTER_KM = 8.0            # same-named villages this close answer as one NEAR area

BONUS_CONTEXT_ADMIN1 = 10.0
BONUS_CONTEXT_ADMIN23 = 4.0
BONUS_NEAR_30KM, BONUS_NEAR_100KM = 12.0, 6.0
BONUS_KIND_MATCH, PENALTY_KIND_MISMATCH = 8.0, 15.0
BONUS_CITY = 4.0            # + up to 3 more for many neighbourhoods (exact or vowel-level
                            # matches only: prominence breaks ties, it never lifts a fuzzy match)
#: A town that gives its name to its district (a district centre: Afrin, Manbij, Douma) is what a bare
#: name usually means, enough to decide; a sub-district centre only leans (كسرة stays ambiguous).
BONUS_SEAT = {"district": 6.0, "sub-district": 3.0}
BONUS_NAMED_REGION = 6.0    # a curated region («القلمون») over a village of the same name
PENALTY_ADMIN_BARE = 2.0    # a bare name prefers the town over the admin unit named after it

ADMIN_KINDS = (PlaceKind.GOVERNORATE, PlaceKind.DISTRICT, PlaceKind.SUBDISTRICT)
SETTLEMENT_KINDS = (PlaceKind.CITY, PlaceKind.COMMUNITY)


@dataclass(frozen=True)
class Ranked:
    place: GazPlace
    match: float
    score: float
    matched: str
    partial: bool
    reasons: tuple[str, ...]


class Resolver:
    """Name → ranked candidates → Resolution (plain names; phrases go through relative.py)."""

    def __init__(self, index: NameIndex, admin: AdminBoundaries,
                 shapes: dict[str, BaseGeometry] | None = None):
        self.index = index
        self.admin = admin
        self.shapes = dict(shapes or {})  # named regions (sources/regions.py): code -> polygon
        self._seats = {p.pcode: seat for p in index.places
                       if p.kind in SETTLEMENT_KINDS and (seat := self._seat_level(p)) is not None}
        self._context_cache: dict[str, frozenset[str]] = {}
        self._lock = threading.Lock()
        # Admin names for context scanning: every boundary unit, plus aliases given to admin places.
        named = [(u.ref.pcode, (u.ref.name_ar, u.ref.name_en)) for level in (1, 2, 3) for u in admin.units(level)]
        named += [(p.pcode, p.names) for p in index.places if p.kind in ADMIN_KINDS]
        self._admin_keys: dict[str, set[str]] = {}
        for pcode, names in named:
            for name in names:
                for variant in (name, name.removeprefix("مركز ")):
                    key = name_key(variant)
                    if key:
                        self._admin_keys.setdefault(key, set()).add(pcode)

    # -- context -----------------------------------------------------------
    def context_pcodes(self, context: str | None) -> frozenset[str]:
        """Admin units (P-codes) named in free text, by folded 1-3 word n-grams (memoised)."""
        if not context:
            return frozenset()
        found = self._context_cache.get(context)
        if found is None:
            found = frozenset(self._scan_context(context))
            with self._lock:
                self._context_cache[context] = found
                if len(self._context_cache) > 4096:
                    self._context_cache.pop(next(iter(self._context_cache)))
        return found

    def _scan_context(self, context: str) -> set[str]:
        ar_words = fold_arabic_words(" ".join(w for w in context.split() if is_arabic(w)))
        lat_words = fold_latin_words(" ".join(w for w in context.split() if not is_arabic(w)))
        found: set[str] = set()
        for seq in (ar_words, lat_words):
            for n in (1, 2, 3):
                for i in range(len(seq) - n + 1):
                    found |= self._admin_keys.get("".join(seq[i:i + n]), set())
        return found

    # -- ranking ----------------------------------------------------------
    def rank(self, hits: list[Hit], *, kind: PlaceKind | None, context: frozenset[str],
             near: tuple[float, float] | None) -> list[Ranked]:
        ranked = []
        for hit in hits:
            place = self.index.places[hit.place]
            score, reasons = hit.score, ["partial" if hit.partial else ("exact" if hit.score >= 100 else "fuzzy")]
            if kind is not None:
                if place.kind == kind or (kind in SETTLEMENT_KINDS and place.kind in SETTLEMENT_KINDS):
                    score += BONUS_KIND_MATCH
                    reasons.append(f"type {kind.value}")
                else:
                    score -= PENALTY_KIND_MISMATCH
            elif place.kind in ADMIN_KINDS:
                score -= PENALTY_ADMIN_BARE
            if place.kind == PlaceKind.REGION and hit.score >= 100 and kind is None:
                score += BONUS_NAMED_REGION
                reasons.append("named region")
            if place.kind == PlaceKind.CITY and hit.score >= VOWEL_SCORE:
                score += BONUS_CITY + min(3.0, place.size_hint / 5.0)
                reasons.append("city")
            seat = self._seats.get(place.pcode) if hit.score >= 100 else None
            if seat is not None:
                score += BONUS_SEAT[seat]
                reasons.append(f"{seat} seat")
            if context:
                own = {place.pcode} | {r.pcode for r in (place.admin1, place.admin2, place.admin3) if r}
                if place.admin1 and place.admin1.pcode in context or place.pcode in context:
                    score += BONUS_CONTEXT_ADMIN1
                    reasons.append("context governorate")
                extra = len(own & context - {place.admin1.pcode if place.admin1 else ""})
                if extra:
                    score += BONUS_CONTEXT_ADMIN23
                    reasons.append("context district")
            if near is not None:
                dist = float(haversine_km(near[0], near[1], place.lat, place.lon))
                if dist < 30:
                    score += BONUS_NEAR_30KM
                    reasons.append(f"{dist:.0f} km from context place")
                elif dist < 100:
                    score += BONUS_NEAR_100KM
                    reasons.append(f"{dist:.0f} km from context place")
            ranked.append(Ranked(place, hit.score, score, hit.matched, hit.partial, tuple(reasons)))
        ranked.sort(key=lambda r: (-r.score, -r.match, r.place.pcode))
        return ranked

    @staticmethod
    def _seat_level(place: GazPlace) -> str | None:
        """"district" / "sub-district" when the town gives its name to that unit (its centre), else None."""
        own = {name_key(place.name_ar), name_key(place.name_en)}
        for level, ref in (("district", place.admin2), ("sub-district", place.admin3)):
            if ref and ({name_key(ref.name_ar.removeprefix("مركز ")), name_key(ref.name_en)} & own):
                return level
        return None

    @staticmethod
    def _competes(top: GazPlace, other: GazPlace) -> bool:
        """False when ``other`` is nested in/around ``top`` or a near-duplicate of it."""
        if other.pcode in {r.pcode for r in (top.admin1, top.admin2, top.admin3) if r}:
            return False
        if top.pcode in {r.pcode for r in (other.admin1, other.admin2, other.admin3) if r}:
            return False
        same_kind = (top.kind in SETTLEMENT_KINDS) == (other.kind in SETTLEMENT_KINDS)
        close = float(haversine_km(top.lat, top.lon, other.lat, other.lon)) < DUPLICATE_KM
        return not (same_kind and close)

    # -- answer -----------------------------------------------------------
    def resolve_name(self, query: str, name: str, *, kind: PlaceKind | None = None,
                     area_of: bool = False, context: str | None = None,
                     near: tuple[float, float] | None = None, hits: list[Hit] | None = None) -> Resolution:
        if hits is None:
            hits = self.index.lookup(name)
        if not hits:
            return Resolution(query=query, status=ResolutionStatus.UNRESOLVED,
                              note="no gazetteer name is close enough")
        ctx = self.context_pcodes(context)
        ranked = self.rank(hits, kind=kind, context=ctx, near=near)
        candidates = tuple(Candidate(r.place, round(r.score, 1), r.matched, r.reasons) for r in ranked)
        top = ranked[0]
        if ctx and not _within(top.place, ctx) and any(_within(r.place, ctx) for r in ranked[1:]):
            # The text names an admin unit; the best spelling lies outside it, another candidate inside.
            return Resolution(query=query, status=ResolutionStatus.AMBIGUOUS, candidates=candidates,
                              note="the best spelling match lies outside the area named in the context")
        rivals = [r for r in ranked[1:] if self._competes(top.place, r.place)]
        lead = top.score - rivals[0].score if rivals else math.inf
        confident = ((top.match >= RESOLVE_MIN and lead >= MARGIN)
                     or (top.match >= FUZZY_RESOLVE_MIN and lead >= FUZZY_MARGIN))
        if not confident and top.match >= RESOLVE_MIN and top.place.kind in SETTLEMENT_KINDS:
            close = [r for r in rivals if top.score - r.score < MARGIN]
            if all(r.place.kind in SETTLEMENT_KINDS and self._km(top.place, r.place) <= CLUSTER_KM for r in close):
                return self._cluster(query, top, close, candidates)
        if not confident:
            why = (f"best match {top.match:.0f} is below {RESOLVE_MIN:.0f}" if top.match < RESOLVE_MIN
                   else f"{len(rivals) + 1} places fit; context does not decide")
            return Resolution(query=query, status=ResolutionStatus.AMBIGUOUS, candidates=candidates, note=why)
        return Resolution(query=query, status=ResolutionStatus.RESOLVED, place=top.place,
                          area=self.area_for(top.place, loose=top.partial or top.match < POINT_MIN or area_of),
                          candidates=candidates, note=self._note(top, area_of))

    @staticmethod
    def _km(a: GazPlace, b: GazPlace) -> float:
        return float(haversine_km(a.lat, a.lon, b.lat, b.lon))

    def _cluster(self, query: str, top: Ranked, close: list[Ranked], candidates) -> Resolution:
        """Several same-named villages a few km apart: answer the area that holds them all (NEAR)."""
        members = [top.place] + [r.place for r in close]
        lat = sum(p.lat for p in members) / len(members)
        lon = sum(p.lon for p in members) / len(members)
        radius = max(float(haversine_km(lat, lon, p.lat, p.lon)) for p in members) + NEAR_RADIUS_KM
        area = Area(lat=lat, lon=lon, radius_km=round(radius, 1), precision=Precision.NEAR,
                    geometry_wkt=disc(lat, lon, radius).wkt, label_en=f"area of {top.place.name_en}",
                    label_ar=f"منطقة {top.place.name_ar}", anchor=top.place)
        codes = ", ".join(p.pcode for p in members)
        return Resolution(query=query, status=ResolutionStatus.RESOLVED, place=top.place, area=area,
                          candidates=candidates,
                          note=f"{len(members)} places of this name lie within {radius:.0f} km ({codes}); "
                               "area covers them all")

    @staticmethod
    def _note(top: Ranked, area_of: bool) -> str:
        if top.partial:
            return f"partial name match: the query names part of '{top.matched}'; area around it, not its exact point"
        if top.match < POINT_MIN:
            return f"approximate spelling match with '{top.matched}' (score {top.match:.0f}); area around it"
        if area_of:
            return "'the area of' a place: area around it"
        return ""

    def area_for(self, place: GazPlace, *, loose: bool) -> Area | None:
        """Admin units → their polygon; loose town matches → a NEAR disc; exact towns → None (a point)."""
        if place.kind in ADMIN_KINDS or place.pcode in self.shapes:
            geom = self.shapes.get(place.pcode) or self.admin.geometry(place.pcode)
            lat, lon = representative(geom, prefer=(place.lat, place.lon))
            precision = place.precision
            if place.kind is PlaceKind.REGION and place.admin1 is not None:
                precision = Precision.DISTRICT  # a named region inside one governorate: a few sub-districts
            return Area(lat=lat, lon=lon, radius_km=round(covering_radius_km(geom, lat, lon), 1),
                        precision=precision, geometry_wkt=geom.wkt,
                        label_en=place.name_en, label_ar=place.name_ar, anchor=place)
        if not loose and place.radius_km <= POINT_RADIUS_KM:
            return None
        # A named feature or learned place has its own honest extent (an oil field: 5 km; model.radius_km).
        radius = max(place.radius_km, NEAR_RADIUS_KM + min(5.0, place.size_hint / 4.0) if loose else 0.0)
        return Area(lat=place.lat, lon=place.lon, radius_km=radius, precision=Precision.NEAR,
                    geometry_wkt=disc(place.lat, place.lon, radius).wkt,
                    label_en=f"area of {place.name_en}", label_ar=f"منطقة {place.name_ar}", anchor=place)


def _within(place: GazPlace, pcodes: frozenset[str]) -> bool:
    return bool(pcodes & {place.pcode, *(r.pcode for r in (place.admin1, place.admin2, place.admin3) if r)})


def with_note(res: Resolution, note: str) -> Resolution:
    return replace(res, note="; ".join(n for n in (res.note, note) if n))
