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
  with a lead of ``FUZZY_MARGIN`` — ``FUZZY_RESOLVE_MIN_BARE`` when no unit is
  named; such answers are NEAR, not POINT).
  Candidates nested in it (the governorate of the same name around a
  city) or duplicates (same key within 2 km) do not compete.
* ``ambiguous``  — some candidate passed the fuzzy threshold but the rule
  above fails, or the context names an admin unit and the best spelling
  lies outside it while another candidate lies inside; the ranked
  candidates are returned, and ``Resolution.doubt`` says which (``Doubt``).
* ``unresolved`` — nothing passed the threshold.

A partial (one-word) match or a weak fuzzy match is never returned as a
POINT: it becomes a NEAR area around the place, with a note. Same-named
villages within ``CLUSTER_KM`` of each other (e.g. an upper and a lower
hamlet) resolve to one NEAR area covering them all.
"""
from __future__ import annotations

import math
import threading
from dataclasses import replace
from typing import NamedTuple

from shapely.geometry.base import BaseGeometry

from gazetteer.admin import AdminBoundaries
from gazetteer.context import ContextReader, region_context_names
from gazetteer.geometry import haversine_km
from gazetteer.index import VOWEL_SCORE, Hit, NameIndex
from gazetteer.place_areas import ADMIN_KINDS, cluster_area, place_area
from gazetteer.model import Area, Candidate, Doubt, GazPlace, PlaceKind, Resolution, ResolutionStatus
from gazetteer.normalize import name_key, skeleton_key

RESOLVE_MIN = 88.0          # minimum match score for a confident answer
#: A candidate inside a unit named only in passing makes the answer ambiguous only when this close.
SOFT_CONTEXT_GAP = 16.0
MARGIN = 6.0                # lead over the best competitor inside a unit the context names...
MARGIN_BARE = 8.0           # ...and with no unit named, over a rival whose spelling matches at STRONG_RIVAL
STRONG_RIVAL = 86.0         # (a namesake anywhere in Syria, spelled another way, may be meant)
FUZZY_RESOLVE_MIN = 84.0    # a weaker spelling match may still answer (as NEAR, see POINT_MIN)...
FUZZY_MARGIN = 16.0         # ...when nothing else comes close
#: ...but with no unit named, only from this score: over all of Syria's ~7,600 places a loose spelling is far
#: more often a chance likeness than inside one unit (UCDP tune strings, bare: 5 of the 7 answers at 84-85 were wrong).
FUZZY_RESOLVE_MIN_BARE = 86.0
POINT_MIN = 90.0            # below this match score a place is only NEAR
DUPLICATE_KM = 2.0
MAX_CANDIDATES = 15         # candidates an answer lists (the JSON shows 10; ingestion notes name 3)
CLUSTER_KM = 8.0            # same-named villages this close answer as one NEAR area

#: Context constrains: a place inside the unit the context names gets enough to beat an exact match
#: outside it (a fuzzy 82 inside + 20 > an exact 100 outside), and an answer outside it is never resolved.
BONUS_CONTEXT_ADMIN1 = 20.0
BONUS_CONTEXT_ADMIN23 = 6.0
#: A unit named only in passing (a town in the same sentence that is also a district's name) ranks, no more.
BONUS_CONTEXT_SOFT = 10.0
#: Namesakes: bigger places (population, GeoNames) and places imported datasets name often.
BONUS_POPULATION_MAX = 6.0   # log10(population) - 3, capped: 10k → 1, 100k → 2 ... (x2)
#: A place an imported dataset names (its events, learned.py) over a namesake no dataset names:
#: it leans (+6, up to +8 with many events), short of deciding alone: a namesake another governorate
#: taught the gazetteer must not beat the unnamed place a new report means (bench: "never taught").
BONUS_MENTIONED, BONUS_MENTIONS_MAX = 6.0, 8.0
BONUS_NEAR_30KM, BONUS_NEAR_100KM = 12.0, 6.0
BONUS_KIND_MATCH, PENALTY_KIND_MISMATCH = 8.0, 15.0
BONUS_CITY = 6.0            # + up to 3 more for many neighbourhoods (exact or vowel-level
                            # matches only: prominence breaks ties, it never lifts a fuzzy match)
#: A town that gives its name to its district (a district centre: Afrin, Manbij, Douma) is what a bare
#: name usually means, enough to decide; a sub-district centre only leans (a bare كسرة stays ambiguous).
BONUS_SEAT = {"district": 8.0, "sub-district": 3.0}  # district: MARGIN_BARE, enough alone
#: Inside a unit the context names, a sub-district centre decides among its namesakes there (with
#: BONUS_SEAT, MARGIN): "Suran" in Aleppo is the seat of Suran, not the village of al-Bab district.
BONUS_SEAT_IN_UNIT = 3.0
BONUS_NAMED_REGION = 8.0    # a curated region («القلمون») over a village of the same name
PENALTY_ADMIN_BARE = 2.0    # a bare name prefers the town over the admin unit named after it

#: Namesakes among settlements are what dataset mentions separate (a named feature has its own name).
MENTIONED_KINDS = (PlaceKind.CITY, PlaceKind.COMMUNITY, PlaceKind.LOCALITY)
SETTLEMENT_KINDS = (PlaceKind.CITY, PlaceKind.COMMUNITY)


class Ranked(NamedTuple):
    """A candidate with its ranking score (an immutable tuple: dozens are made per query)."""
    place: GazPlace
    match: float
    score: float
    matched: str
    partial: bool
    reasons: tuple[str, ...]


class Resolver(ContextReader):
    """Name → ranked candidates → Resolution (plain names; phrases go through relative.py)."""

    def __init__(self, index: NameIndex, admin: AdminBoundaries,
                 shapes: dict[str, BaseGeometry] | None = None, *, base: "Resolver | None" = None):
        """``base``: a resolver over a prefix of ``index.places`` with the same admin boundaries (the
        gazetteer before learned aliases): its tables are reused, only changed and new places are read."""
        self.index = index
        self.admin = admin
        self.shapes = dict(shapes or {})  # named regions (sources/regions.py): code -> polygon
        self._context_cache: dict = {}
        self._lock = threading.Lock()
        self._members_cache: dict[frozenset[str], frozenset[int]] = {}
        self._matches_cache: dict[str, list[tuple[str, frozenset[str], bool]]] = {}
        self._prominent: dict[str, tuple[GazPlace, tuple[float, tuple[str, ...]]]] = {}
        places = index.places
        if base is not None and (base.admin is not admin or len(base.index.places) > len(places)
                                 or any(a.pcode != b.pcode for a, b in zip(base.index.places, places))):
            base = None
        if base is None:
            self._seats: dict[str, str] = {}
            self._admin_keys: dict[str, set[str]] = {}
            self._unit_members: dict[str, list[int]] = {}
            self._own: dict[str, frozenset[str]] = {}
            named = [(u.ref.pcode, (u.ref.name_ar, u.ref.name_en)) for level in (1, 2, 3) for u in admin.units(level)]
            named += region_context_names(places, self.shapes, admin)
            changed = list(range(len(places)))
        else:
            self._seats = dict(base._seats)
            self._admin_keys = {k: set(v) for k, v in base._admin_keys.items()}
            self._unit_members = {k: list(v) for k, v in base._unit_members.items()}
            self._own = dict(base._own)
            named = []
            old = base.index.places
            changed = [i for i, p in enumerate(places) if i >= len(old) or p is not old[i]]
        n_old = len(base.index.places) if base is not None else 0
        for i in changed:
            p = places[i]
            if p.kind in SETTLEMENT_KINDS and (seat := self._seat_level(p)) is not None:
                self._seats[p.pcode] = seat
            if p.kind in ADMIN_KINDS:
                named.append((p.pcode, p.names))   # aliases given to admin places name their unit too
            own = _own_codes(p)
            self._own[p.pcode] = own                 # each place's own and surrounding codes, once
            if i >= n_old:
                for code in own:
                    self._unit_members.setdefault(code, []).append(i)
        # Admin names for context scanning: every boundary unit, plus aliases given to admin places.
        for pcode, names in named:
            for name in names:
                for variant in (name, name.removeprefix("مركز ")):
                    key = name_key(variant)
                    if key:
                        self._admin_keys.setdefault(key, set()).add(pcode)
        if base is not None and not named:
            self._admin_skeletons = base._admin_skeletons
        else:
            # Skeletons of governorate and district names (context_matches), when unambiguous.
            skel: dict[str, set[str]] = {}
            for level in (1, 2):
                for u in admin.units(level):
                    for name in (u.ref.name_en, u.ref.name_ar):
                        sk = skeleton_key(name)
                        if len(sk) >= 3:
                            skel.setdefault(sk, set()).add(u.ref.pcode)
            self._admin_skeletons = {k: v for k, v in skel.items()
                                     if len({c[:4] for c in v}) == 1 and k not in self._admin_keys}

    # -- ranking ----------------------------------------------------------
    def rank(self, hits: list[Hit], *, kind: PlaceKind | None, context: frozenset[str],
             near: tuple[float, float] | None, soft: frozenset[str] = frozenset()) -> list[Ranked]:
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
            if hit.score >= VOWEL_SCORE or hit.skeleton:
                # prominence breaks ties between spellings (an equal cross-romanisation key is one, if lossy);
                # it never lifts a fuzzy match
                bonus, why = self._prominence(place)
                score += bonus
                reasons.extend(why)
            own = self._own_of(place)
            if context:
                if own & context:
                    score += BONUS_CONTEXT_ADMIN1
                    reasons.append("context governorate" if place.admin1 and place.admin1.pcode in context
                                   else "inside the unit named in the context")
                    if self._seats.get(place.pcode) == "sub-district" and (hit.score >= VOWEL_SCORE or hit.skeleton):
                        score += BONUS_SEAT_IN_UNIT
                extra = len(own & context - {place.admin1.pcode if place.admin1 else ""})
                if extra:
                    score += BONUS_CONTEXT_ADMIN23
                    reasons.append("context district")
            if soft and not context:
                if own & soft:
                    score += BONUS_CONTEXT_SOFT
                    reasons.append("context names its unit")
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
        if context:
            # Context constrains: any candidate inside the named unit ranks above every one outside it,
            # whatever the prominence bonuses (a big city of the same name elsewhere).
            ranked.sort(key=lambda r: context.isdisjoint(self._own_of(r.place)))
        return ranked

    def _prominence(self, place: GazPlace) -> tuple[float, tuple[str, ...]]:
        """City, population, dataset mentions and admin-seat bonuses of a place, with their reasons (memoised)."""
        found = self._prominent.get(place.pcode)
        if found is not None and found[0] is place:
            return found[1]
        score, reasons = 0.0, []
        if place.kind == PlaceKind.CITY:
            score += BONUS_CITY + min(3.0, place.size_hint / 5.0)
            reasons.append("city")
        if place.population > 1000:
            score += min(BONUS_POPULATION_MAX, 2.0 * (math.log10(place.population) - 3.0))
            reasons.append(f"population {place.population:,}")
        if place.mentions > 0 and place.kind in MENTIONED_KINDS:
            score += min(BONUS_MENTIONS_MAX, BONUS_MENTIONED + math.log10(place.mentions))
            reasons.append(f"named by {place.mentions} imported events")
        seat = self._seats.get(place.pcode)
        if seat is not None:
            score += BONUS_SEAT[seat]
            reasons.append(f"{seat} seat")
        result = (score, tuple(reasons))
        self._prominent[place.pcode] = (place, result)
        return result

    def _own_of(self, place: GazPlace) -> frozenset[str]:
        own = self._own.get(place.pcode)
        return own if own is not None else _own_codes(place)

    def _within(self, place: GazPlace, pcodes: frozenset[str]) -> bool:
        return not pcodes.isdisjoint(self._own_of(place))

    @staticmethod
    def _seat_level(place: GazPlace) -> str | None:
        """"district" / "sub-district" when the town gives its name to that unit (its centre), else None."""
        own = {name_key(place.name_ar), name_key(place.name_en)}
        for level, ref in (("district", place.admin2), ("sub-district", place.admin3)):
            if ref and ({name_key(ref.name_ar.removeprefix("مركز ")), name_key(ref.name_en)} & own):
                return level
        return None

    def _competes(self, top: GazPlace, other: GazPlace) -> bool:
        """False when ``other`` is nested in/around ``top`` or a near-duplicate of it."""
        if other.pcode != top.pcode and (other.pcode in self._own_of(top) or top.pcode in self._own_of(other)):
            return False      # one is an admin unit the other lies in (its own codes, memoised)
        same_kind = (top.kind in SETTLEMENT_KINDS) == (other.kind in SETTLEMENT_KINDS)
        return not (same_kind and self._km(top, other) < DUPLICATE_KM)

    # -- answer -----------------------------------------------------------
    def lookup(self, name: str, context: str | None = None) -> list[Hit]:
        """The index's hits for ``name``; inside a unit the context names, its places' looser matches too.

        Inside a named unit only the unit's places can answer, and ``index.lookup_within`` already
        searches them at a looser cutoff, so the country-wide fuzzy scan runs only when nothing
        inside matches (its hits then make the "only match is in …" note).
        """
        ctx = self.context_units(context, name=name, explicit=True) if context else frozenset()
        inside = self.members(ctx) if ctx else frozenset()
        if not inside:
            return self.index.lookup(name)
        return self._with_within(name, self.index.lookup(name, fuzzy=False), inside) or self.index.lookup(name)

    def _with_within(self, name: str, hits: list[Hit], inside: frozenset[int]) -> list[Hit]:
        merged = {h.place: h for h in hits}
        for h in self.index.lookup_within(name, inside):
            if h.place not in merged or h.score > merged[h.place].score:
                merged[h.place] = h
        return sorted(merged.values(), key=lambda h: -h.score)

    def resolve_name(self, query: str, name: str, *, kind: PlaceKind | None = None,
                     area_of: bool = False, feature: bool = False, context: str | None = None,
                     near: tuple[float, float] | None = None, hits: list[Hit] | None = None,
                     within: bool = False) -> Resolution:
        """``hits``: the index's hits for ``name`` when the caller has them; ``within``: they come from
        ``lookup`` with this context (the named unit's looser matches are in them already)."""
        if hits is None:
            hits, within = self.lookup(name, context), True
        ctx = self.context_units(context, name=name, explicit=True)       # constrains
        soft = self.context_units(context, name=name, explicit=False) - ctx  # only ranks
        inside = self.members(ctx) if ctx else frozenset()
        if inside and not within:
            # Context constrains: look again among the places of the named unit, with a looser spelling.
            hits = self._with_within(name, hits, inside)
        if not hits:
            return Resolution(query=query, status=ResolutionStatus.UNRESOLVED,
                              note="no gazetteer name is close enough")
        ranked = self.rank(hits, kind=kind, context=ctx, near=near, soft=soft)
        # What the answer reports (ranking and the margin rules still see every hit): the best MAX_CANDIDATES.
        candidates = tuple(Candidate(r.place, round(r.score, 1), r.matched, r.reasons) for r in ranked[:MAX_CANDIDATES])
        top = ranked[0]
        city_named = top.match >= 100 and top.place.kind == PlaceKind.CITY and not top.partial
        if not ctx and soft and not city_named and not self._within(top.place, soft) and any(
                self._within(r.place, soft) and top.score - r.score < SOFT_CONTEXT_GAP for r in ranked[1:]):
            # A unit named in passing; the best spelling lies outside it, another candidate inside
            # (one that comes close: a fuzzy village in Hama does not unseat «مدينة إدلب» named exactly; a city
            # named exactly is that city whatever other governorates the sentence lists: «قرب مدن الحسكة وحلب»).
            return Resolution(query=query, status=ResolutionStatus.AMBIGUOUS, candidates=candidates,
                              note="the best spelling match lies outside the area named in the context",
                              doubt=Doubt.OUTSIDE_AREA)
        if ctx and not self._within(top.place, ctx):
            # A candidate outside the named unit is never resolved.
            named = ", ".join(sorted({self._unit_name(c) for c in ctx}))
            where = top.place.admin1.name_en if top.place.admin1 else top.place.name_en
            return Resolution(query=query, status=ResolutionStatus.AMBIGUOUS, candidates=candidates,
                              note=f"named unit says {named}; only match is in {where}", doubt=Doubt.OUTSIDE_UNIT)
        # Outside a named unit nothing is an answer, so nothing there competes either.
        rivals = [r for r in ranked[1:] if (not ctx or self._within(r.place, ctx)) and self._competes(top.place, r.place)]
        lead = top.score - rivals[0].score if rivals else math.inf
        if not ctx:  # no unit named: a rival that matches as well as a spelling can (skeleton and up) needs more
            strong = [r for r in rivals if r.match >= STRONG_RIVAL]
            lead = min(lead, (top.score - strong[0].score) - (MARGIN_BARE - MARGIN) if strong else math.inf)
        margin = MARGIN
        confident = ((top.match >= RESOLVE_MIN and lead >= margin)
                     or (top.match >= (FUZZY_RESOLVE_MIN if ctx else FUZZY_RESOLVE_MIN_BARE) and lead >= FUZZY_MARGIN))
        if not confident and top.match >= RESOLVE_MIN and top.place.kind in SETTLEMENT_KINDS:
            close = [r for r in rivals if top.score - r.score < (
                MARGIN_BARE if not ctx and r.match >= STRONG_RIVAL else margin)]
            if close and all(r.place.kind in SETTLEMENT_KINDS and self._km(top.place, r.place) <= CLUSTER_KM for r in close):
                return self._cluster(query, top, close, candidates)
        if not confident:
            if top.match < RESOLVE_MIN:   # nothing came close enough (the service then tries shorter readings)
                return Resolution(query=query, status=ResolutionStatus.AMBIGUOUS, candidates=candidates,
                                  note=f"best match {top.match:.0f} is below {RESOLVE_MIN:.0f}", doubt=Doubt.WEAK_MATCH)
            return Resolution(query=query, status=ResolutionStatus.AMBIGUOUS, candidates=candidates,
                              note=f"{len(rivals) + 1} places fit; context does not decide", doubt=Doubt.NAMESAKES)
        return Resolution(query=query, status=ResolutionStatus.RESOLVED, place=top.place,
                          area=self.area_for(top.place, loose=top.partial or top.match < POINT_MIN or area_of,
                                            feature=feature),
                          candidates=candidates, note=self._note(top, area_of))

    def _unit_name(self, pcode: str) -> str:
        ref = self.admin.ref(pcode)
        if ref is not None:
            return ref.name_en
        place = next((self.index.places[i] for i in self._unit_members.get(pcode, ())
                      if self.index.places[i].pcode == pcode), None)
        return place.name_en if place else pcode

    @staticmethod
    def _km(a: GazPlace, b: GazPlace) -> float:
        return float(haversine_km(a.lat, a.lon, b.lat, b.lon))

    def _cluster(self, query: str, top: Ranked, close: list[Ranked], candidates) -> Resolution:
        """Several same-named villages a few km apart: answer the area that holds them all (NEAR)."""
        members = [top.place] + [r.place for r in close]
        area, radius = cluster_area(members)
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

    def area_for(self, place: GazPlace, *, loose: bool, feature: bool = False) -> Area | None:
        """Admin units → their polygon; loose town matches → a NEAR disc; exact towns → None (a point)."""
        return place_area(place, loose=loose, admin=self.admin, shapes=self.shapes, feature=feature)


def _own_codes(place: GazPlace) -> frozenset[str]:
    """The place's own code and the codes of the admin units it lies in."""
    return frozenset({place.pcode, *(r.pcode for r in (place.admin1, place.admin2, place.admin3) if r)})


def with_note(res: Resolution, note: str) -> Resolution:
    return replace(res, note="; ".join(n for n in (res.note, note) if n))
