"""The event domain: what was reported to have happened, where, when, and who says so.

Why this shape: analysts must be able to trust and audit every dot on the
map. So an Event keeps *what was written* (``as_written`` fields, the quote)
next to *what we made of it* (dates, coordinates, precision), and the chain
of who says so (outlet → agency → unnamed source). A denial is an event of
its own, pointing at the claims it denies, so the map can show both sides.

All types are frozen: events are values; edits produce new values and go
through the store, which keeps the audit trail.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from gazetteer.model import Precision


class ClaimStatus(str, Enum):
    """Who stands behind the event.

    REPORTED  – stated as fact by the outlet, no attribution dispute.
    CLAIMED   – attributed to a party/source and not independently confirmed.
    DENIED    – a statement that a claimed event did not happen (links to it).
    CONFIRMED – confirmed by an independent or the accused party.
    """
    REPORTED = "reported"
    CLAIMED = "claimed"
    DENIED = "denied"
    CONFIRMED = "confirmed"


class DatePrecision(str, Enum):
    """How well the date is known; ``EventDate.start``/``end`` always bound it."""
    DAY = "day"          # a calendar day
    NIGHT = "night"      # the night of a day (start = that day, end = next day)
    WEEK = "week"        # some day within a week
    MONTH = "month"      # some day within a month
    RANGE = "range"      # between two dates ("June and July", "late August")
    YEAR = "year"        # some day within a year


class EventType(str, Enum):
    """A small taxonomy, mapped in docs to ACLED sub-event types.

    EVACUATION  – airlift / extraction of people (ACLED: "Non-violent transfer of territory"/strategic dev.)
    SIEGE_BROKEN – a siege lifted or broken (ACLED: "Non-state actor overtakes territory"/"Government regains territory")
    SIEGE       – a siege started or ongoing
    AIR_STRIKE  – air or drone strike (ACLED: "Air/drone strike")
    SHELLING    – artillery / missile attack (ACLED: "Shelling/artillery/missile attack")
    CLASH       – armed clash (ACLED: "Armed clash")
    ATTACK      – attack on people or a site (ACLED: "Attack")
    EXPLOSION   – IED, car bomb, mine (ACLED: "Remote explosive/landmine/IED")
    TERRITORY   – territory taken or lost
    ARREST      – arrests, detentions
    PROTEST     – protests, demonstrations
    DISPLACEMENT – people displaced or returning
    OTHER       – anything else worth mapping
    """
    EVACUATION = "evacuation"
    SIEGE_BROKEN = "siege_broken"
    SIEGE = "siege"
    AIR_STRIKE = "air_strike"
    SHELLING = "shelling"
    CLASH = "clash"
    ATTACK = "attack"
    EXPLOSION = "explosion"
    TERRITORY = "territory"
    ARREST = "arrest"
    PROTEST = "protest"
    DISPLACEMENT = "displacement"
    OTHER = "other"


@dataclass(frozen=True)
class EventDate:
    """A date or date span with its precision; ``as_written`` keeps the phrase ("ليلة 26 آب")."""
    start: date
    end: date
    precision: DatePrecision
    as_written: str = ""

    @classmethod
    def day(cls, d: date, as_written: str = "") -> "EventDate":
        return cls(d, d, DatePrecision.DAY, as_written)


@dataclass(frozen=True)
class Place:
    """Where, as written and as resolved.

    ``lat``/``lon`` are a representative point; with ``precision`` coarser
    than POINT, ``radius_km`` and/or ``area_wkt`` say how far the real
    location may be, and the map draws the area, not a pin.
    """
    as_written: str
    lat: float | None = None
    lon: float | None = None
    precision: Precision | None = None
    name_en: str = ""
    name_ar: str = ""
    pcode: str = ""
    radius_km: float | None = None
    area_wkt: str | None = None
    admin1_pcode: str = ""
    admin1_en: str = ""
    admin1_ar: str = ""
    admin2_pcode: str = ""
    admin3_pcode: str = ""

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class Count:
    """How many; ``min``/``max`` bound it ("more than 22" → 23..None, "about 20" → 15..25 with approx)."""
    what: str
    min: int | None = None
    max: int | None = None
    approximate: bool = False
    as_written: str = ""


@dataclass(frozen=True)
class Source:
    """One chain of attribution: outlet → agency → source.

    ``outlet`` published it (SyriaNews); ``agency`` is whom the outlet cites
    (RIA Novosti); ``source`` whom the agency cites ("a military-diplomatic
    source"). ``quote`` is the sentence the event was read from, verbatim.
    """
    outlet: str
    agency: str = ""
    source: str = ""
    published: date | None = None
    title: str = ""
    url: str = ""
    quote: str = ""
    language: str = ""


@dataclass(frozen=True)
class Event:
    id: str
    event_type: EventType
    status: ClaimStatus
    title_en: str = ""
    title_ar: str = ""
    summary: str = ""
    date: EventDate | None = None
    place: Place | None = None
    origin: Place | None = None
    destination: Place | None = None
    actors: tuple[str, ...] = ()
    counts: tuple[Count, ...] = ()
    sources: tuple[Source, ...] = ()
    denies: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    #: Data-quality flags (``kind`` or ``kind:detail``, see events/quality.py): a published value that breaks
    #: one of our rules but is kept as published (UCDP ``best`` outside low–high, a sentinel source_date...).
    flags: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.title_en or self.title_ar or self.id
