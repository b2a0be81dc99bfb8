"""A named feature found by the town it is named after: «مطار كويرس العسكري», «سد تشرين», "Shayrat airbase".

Why: reports name an air base, a dam or an oil field by the nearest town, while the registry that
gives the feature its point names it another way ("Rasin El Aboud Airport" is the Kuweires air base)
or in another script. Looking the phrase up as a name then finds only the town, and the answer is
"the area of" that town, kilometres from the runway. The town is evidence of where to look: a feature
of the kind the phrase's type word says (``features.read_place_string``) that lies by one of the towns
the name could be is the answer, at its own point and honest radius.

The rule, general over kinds and over the feature files (``data/airports.csv`` from an open
registry, ``data/features.csv``, features learned from imports):

* the towns: the resolved place, or, when the name is ambiguous, every settlement candidate that
  scores within ``CLOSE_SCORE`` of the best (namesakes: the feature tells them apart);
* by a town: within ``TOWN_KM`` of a village or town, ``CITY_KM`` of a city (an international
  airport lies 20-25 km from its city);
* one such feature answers (two entries within ``SAME_SITE_KM`` are one site: the registry and a
  dataset may both list it); of several, the one whose name holds the town's name ("Damascus
  International Airport" for «مطار دمشق الدولي», not Mezze's); otherwise nothing is decided here.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from gazetteer.geometry import haversine_km
from gazetteer.model import FEATURE_KINDS, GazPlace, PlaceKind
from gazetteer.normalize import name_tokens

TOWN_KM = 12.0    # Tabqa air base is 9 km from al-Thawrah, Dumayr's 8 km from al-Dumayr
CITY_KM = 30.0
CLOSE_SCORE = 8.0
SAME_SITE_KM = 2.0
_TOWN_KINDS = (PlaceKind.CITY, PlaceKind.COMMUNITY)


def towns_named(place: GazPlace | None, candidates: Sequence) -> list[GazPlace]:
    """The settlements a resolution's name may be: its place, else its close settlement candidates."""
    if place is not None:
        return [place] if place.kind in _TOWN_KINDS else []
    if not candidates:
        return []
    best = candidates[0].score
    return [c.place for c in candidates if c.place.kind in _TOWN_KINDS and best - c.score <= CLOSE_SCORE]


def _holds_name(feature: GazPlace, town: GazPlace) -> bool:
    mine = {t for n in (feature.name_en, feature.name_ar, *feature.names) if n for t in name_tokens(n)}
    return any(set(name_tokens(n)) <= mine for n in (town.name_en, town.name_ar) if n and name_tokens(n))


def feature_by_town(towns: Iterable[GazPlace], features: Iterable[GazPlace]) -> tuple[GazPlace, GazPlace] | None:
    """The one feature (and its town) that lies by one of ``towns``, else None (module docstring)."""
    towns, features = list(towns), list(features)
    near: dict[str, tuple[float, GazPlace, GazPlace]] = {}
    for town in towns:
        reach = CITY_KM if town.kind is PlaceKind.CITY else TOWN_KM
        for f in features:
            km = float(haversine_km(town.lat, town.lon, f.lat, f.lon))
            if km <= reach and (f.pcode not in near or km < near[f.pcode][0]):
                near[f.pcode] = (km, f, town)
    found = _one_per_site(list(near.values()))
    if len(found) > 1:
        found = [v for v in found if _holds_name(v[1], v[2])]
    if len(found) != 1:
        return None
    _, feature, town = found[0]
    return feature, town


def _one_per_site(near: list[tuple[float, GazPlace, GazPlace]]) -> list[tuple[float, GazPlace, GazPlace]]:
    """Entries of two feature files for one site (within ``SAME_SITE_KM``: the registry's "Rasin El Aboud
    Airport" and a dataset's "Qwaris Military Air Base") count once: the one named after the town, else
    the one imported datasets name most, else the first."""
    ranked = sorted(near, key=lambda v: (not _holds_name(v[1], v[2]), -v[1].mentions, v[0]))
    kept: list[tuple[float, GazPlace, GazPlace]] = []
    for v in ranked:
        if all(haversine_km(v[1].lat, v[1].lon, k[1].lat, k[1].lon) > SAME_SITE_KM for k in kept):
            kept.append(v)
    return kept


def features_of(places: Iterable[GazPlace]) -> dict[PlaceKind, list[GazPlace]]:
    """The named features among ``places``, by kind (built once per gazetteer)."""
    out: dict[PlaceKind, list[GazPlace]] = {}
    for p in places:
        if p.kind in FEATURE_KINDS:
            out.setdefault(p.kind, []).append(p)
    return out
