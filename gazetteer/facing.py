"""The Syrian side facing a foreign border town: «المنطقة الحدودية في سوريا المقابلة لمدينة كيليس».

Why a module of its own: reports place strikes and crossings on the border by the foreign town across
it («قبالة بلدة أقجة قلعة التركية», "opposite the Turkish town of Kilis"). Read as names, these phrases
are either abroad (the town is Turkish) or only "Syria" (the country noun before it); neither is where
the event was. The honest answer is an area on the Syrian side of the border nearest that town.

Data: ``gazetteer/data/border_towns.csv`` (``scripts/build_border_towns.py``: GeoNames towns of the
neighbours within 25 km of Syria, with their Arabic names). The area: a ``FACING_RADIUS_KM`` disc whose
centre lies ``INSIDE_KM`` inside Syria from the border point nearest the town, NEAR precision, anchored on
the nearest Syrian settlement when one lies within ``ANCHOR_KM``.
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from gazetteer.geometry import bearing_deg, disc, haversine_km, offset
from gazetteer.model import Area, PlaceKind, Precision, Resolution, ResolutionStatus
from gazetteer.normalize import is_arabic, name_tokens

DATA = Path(__file__).resolve().parent / "data" / "border_towns.csv"
FACING_RADIUS_KM = 10.0
INSIDE_KM = 5.0
ANCHOR_KM = 15.0
MAX_WORDS = 3
NAME_KM = 25.0
#: The ranking score (spelling match plus type, context and nearness bonuses, ``Candidate.score``) a namesake
#: needs to be picked by the border town; a near-spelling far from it falls below.
NAMESAKE_MIN_SCORE = 100.0

#: «المقابلة لمدينة X», «مقابل بلدة X», «قبالة X» (folded).
_FACING_AR = frozenset(name_tokens("مقابل مقابلة المقابل المقابلة قبالة"))
_HEAD_ENDS = frozenset(name_tokens("في على قرب عند"))
_SKIP_AR = frozenset(name_tokens("مدينة بلدة قرية منطقة ولاية معبر"))
_FACING_EN = re.compile(
    r"\b(?i:opposite|facing|across\s+(?:the\s+border\s+)?from)\s+(?i:the\s+)?"
    r"(?i:(?:turkish|iraqi|lebanese|jordanian|israeli)\s+)?(?i:(?:border\s+)?(?:town|city|village|crossing)\s+(?:of\s+)?)?"
    r"([A-Z][^\s,.;()]*(?:\s+[A-Z][^\s,.;()]*)?)")


@dataclass(frozen=True)
class BorderTown:
    name_en: str
    name_ar: str
    country: str
    lat: float
    lon: float


def latin_key(name: str) -> str:
    """"Akçakale", "Akcakale", "AKCAKALE" → "akcakale": one key for a Latin name however it is accented
    (``scripts/build_border_towns.py`` matches the foreign-place lists by it too)."""
    plain = unicodedata.normalize("NFKD", name.replace("ı", "i"))
    return "".join(ch for ch in plain if ch.isalnum()).lower()


@functools.lru_cache(maxsize=1)
def _towns() -> tuple[dict[str, BorderTown], dict[str, BorderTown]]:
    """(folded Arabic name → town, Latin key → town); the bigger town keeps a shared name (rows are by size)."""
    arabic: dict[str, BorderTown] = {}
    latin: dict[str, BorderTown] = {}
    if not DATA.exists():
        return arabic, latin
    with DATA.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            town = BorderTown(row["name_en"], row["name_ar"], row["country"], float(row["lat"]), float(row["lon"]))
            for name in [row["name_ar"], *(row.get("alt_ar") or "").split(";")]:
                if name.strip():
                    arabic.setdefault(" ".join(name_tokens(name)), town)
            latin.setdefault(latin_key(row["name_en"]), town)
    return arabic, latin


def facing_town(text: str) -> BorderTown | None:
    """The foreign border town a phrase says the place faces, or None."""
    arabic, latin = _towns()
    tokens = name_tokens(text) if is_arabic(text) else []
    for i, token in enumerate(tokens):
        if token not in _FACING_AR:
            continue
        rest = tokens[i + 1:i + 2 + MAX_WORDS]
        if rest and rest[0].startswith("ل") and len(rest[0]) > 3:
            rest = [rest[0][2:] if rest[0].startswith("لل") else rest[0][1:]] + rest[1:]   # «لمدينة», «لكيليس»
        while rest and rest[0] in _SKIP_AR:
            rest = rest[1:]
        for n in range(min(MAX_WORDS, len(rest)), 0, -1):
            town = arabic.get(" ".join(rest[:n]))
            if town is not None:
                return town
    m = _FACING_EN.search(text)
    if m:
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            town = latin.get(latin_key(" ".join(words[:n])))
            if town is not None:
                return town
    return None


def resolve_facing(gazetteer, query: str, *, context=None) -> Resolution | None:
    """A RESOLVED NEAR area on the Syrian side facing the town the phrase names, or None.

    A name before the facing words («بلدة حوار في سورية المقابلة لكيليس») is looked up near that area
    and wins when it lies within ``NAME_KM`` of it; a generic head («المنطقة الحدودية») gives the area."""
    town = facing_town(query)
    if town is None:
        return None
    area, anchor = facing_area(gazetteer, town)
    by = f", by {anchor.name_en} ({anchor.pcode})" if anchor is not None else ""
    note = f"the Syrian side of the border facing {town.name_en} ({town.country}){by}"
    head = _head(query).strip(" ،,")
    if head:
        named = gazetteer.resolve_uncached(head, context=context, near=(area.lat, area.lon))
        if (named.status is ResolutionStatus.RESOLVED and named.place is not None
                and float(haversine_km(named.lat, named.lon, area.lat, area.lon)) <= NAME_KM):
            return replace(named, query=query, note=f"name '{head}' near {note}")
        if named.status is ResolutionStatus.AMBIGUOUS:
            # «بلدة حوار» is two villages of Aleppo; the one by the border town is meant
            close = {c.place.pcode: c for c in named.candidates if c.score >= NAMESAKE_MIN_SCORE
                     and float(haversine_km(c.place.lat, c.place.lon, area.lat, area.lon)) <= NAME_KM}
            if len(close) == 1:
                (pick,) = close.values()
                return Resolution(query=query, status=ResolutionStatus.RESOLVED, place=pick.place,
                                  candidates=named.candidates,
                                  note=f"name '{head}': of its namesakes, the one near {note}")
    return Resolution(query=query, status=ResolutionStatus.RESOLVED, area=area, note=note)


def _head(query: str) -> str:
    """The words before «في سوريا»/«المقابلة»/"opposite": a name the phrase gives besides the facing town."""
    words = query.split()
    for i, word in enumerate(words):
        folded = name_tokens(word)
        if (folded and (folded[0] in _FACING_AR or folded[0] in _HEAD_ENDS)) or _FACING_EN.match(" ".join(words[i:])):
            return " ".join(words[:i])
    return ""


def facing_area(gazetteer, town: BorderTown):
    """(the NEAR area on the Syrian side nearest ``town``, the Syrian settlement nearest its centre or None)."""
    from shapely.geometry import Point
    outline = gazetteer.resolver.admin.outline()
    lat, lon = nearest_border_point(outline, town.lat, town.lon)
    if float(haversine_km(town.lat, town.lon, lat, lon)) > 0.1:
        inside = offset(lat, lon, bearing_deg(town.lat, town.lon, lat, lon), INSIDE_KM)
        if outline.contains(Point(inside[1], inside[0])):
            lat, lon = inside
    anchor = _nearest_settlement(gazetteer, lat, lon)
    area = Area(lat=lat, lon=lon, radius_km=FACING_RADIUS_KM, precision=Precision.NEAR,
                geometry_wkt=disc(lat, lon, FACING_RADIUS_KM).wkt,
                label_en=f"Syrian side facing {town.name_en}", label_ar=f"الجانب السوري المقابل لـ{town.name_ar or town.name_en}",
                anchor=anchor)
    return area, anchor


def nearest_border_point(outline, lat: float, lon: float) -> tuple[float, float]:
    """The point of Syria's border (``outline``, a shapely polygon) nearest (lat, lon), as (lat, lon)."""
    from shapely.geometry import Point
    from shapely.ops import nearest_points
    edge = nearest_points(outline.boundary, Point(lon, lat))[0]
    return edge.y, edge.x


def _nearest_settlement(gazetteer, lat: float, lon: float):
    best, best_km = None, ANCHOR_KM
    for place in gazetteer.places:
        if place.kind in (PlaceKind.CITY, PlaceKind.COMMUNITY) and abs(place.lat - lat) < 0.2 and abs(place.lon - lon) < 0.25:
            km = float(haversine_km(lat, lon, place.lat, place.lon))
            if km < best_km:
                best, best_km = place, km
    return best
