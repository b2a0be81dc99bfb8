"""What the ingestion stages pass along: Candidate (being built), Draft (proposed event), Note (context).

Why one small module: every stage (segment → classify → extract → resolve → link)
reads and fills the same Candidate, and the review page, the CLI and the
benchmarks read Drafts and Notes; keeping them apart from the stages lets each
stage be imported and tested alone.

Provenance a reviewer sees on every draft:
- ``kind``: what the sentence is (only ``incident`` becomes a draft; the other
  classes — aggregate, control, background, analysis, outside_syria,
  not_incident — stay as Notes on the article);
- ``date_source``: ``stated`` (its clause gives the date), ``thread`` (taken from
  the event before it in the same story thread: the same paragraph), or
  ``default`` (the publication default: the day before publication to publication day);
- ``place_parts``: the parts of the place phrase as the gazetteer read them
  (the phrase as written, the named place, the containing area, "the town named
  before" for «البلدة»).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from events.ingest.sentences import Clause
from events.ingest.sources import Chain
from events.model import ClaimStatus, Count, EventDate, EventType, Place

INCIDENT = "incident"
NOTE_KINDS = ("aggregate", "control", "background", "analysis", "outside_syria", "not_incident")
DATE_SOURCES = ("stated", "thread", "default")


@dataclass(frozen=True)
class Draft:
    """One proposed event and where it was read: the analyst reviews it before it is stored."""
    event: object  # events.model.Event
    sentence: str
    span: tuple[int, int]
    confidence: float
    warnings: tuple[str, ...] = ()
    kind: str = INCIDENT
    date_source: str = "stated"
    place_parts: tuple[str, ...] = ()
    article_id: str = ""


@dataclass(frozen=True)
class Note:
    """A sentence that reads like an event but is context (a total, who holds an area, history, analysis,
    an event outside Syria, a denial of something that is not an event). One click in review turns it into a draft."""
    kind: str
    reason: str
    sentence: str
    span: tuple[int, int]
    clause: str
    event_type: str = ""
    place: str = ""
    article_id: str = ""
    draft: "Draft | None" = None   # the event it would be, for the reviewer's one click


@dataclass
class Candidate:
    """An event being assembled (mutable only inside one ingest call)."""
    event_type: EventType
    status: ClaimStatus
    clause: Clause
    date: EventDate | None = None
    date_stated: bool = False
    date_source: str = "default"
    place: Place | None = None
    origin: Place | None = None
    destination: Place | None = None
    actors: list[str] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    chain: Chain = field(default_factory=Chain)
    tags: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    points_back: bool = False
    denies: list["Candidate"] = field(default_factory=list)
    related: list["Candidate"] = field(default_factory=list)
    unsettled_places: int = 0
    merged: list["Candidate"] = field(default_factory=list)
    kind: str = INCIDENT
    reason: str = ""
    place_parts: list[str] = field(default_factory=list)
    foreign: str = ""                       # the country, when the place phrase is outside Syria
    extra_places: list[tuple[Place, tuple[str, ...], list[str]]] = field(default_factory=list)
    anaphoric: bool = False                 # the place is «البلدة»: the town named before
    window: tuple[int, int] = (0, 0)        # this event's part of the clause
    trigger_span: tuple[int, int] = (0, 0)
    mentions: list = field(default_factory=list)
    pluperfect: bool = False                # «وكانت القوات سيطرت …»: told as earlier; its date starts no thread

    @property
    def sentence(self):
        return self.clause.sentence

    @property
    def paragraph(self) -> int:
        return self.clause.sentence.paragraph

    def confidence(self) -> float:
        score = 0.35 + (0.2 if self.date_stated else 0) + (0.2 if self.place is not None and self.place.located else 0)
        score += 0.1 if self.actors else 0
        score += 0.1 if (self.counts or self.chain.attributed) else 0
        score -= 0.1 * self.unsettled_places
        return round(min(max(score, 0.05), 0.99), 2)
