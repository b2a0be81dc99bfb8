"""Article → draft events: the pipeline that ties the readers together.

Why clause by clause, in article order: dates are relative to what was
read before ("يوم 28 من الشهر ذاته"), attribution carries over ("وأوضح
المصدر"), and a denial points back at the claims before it. Each clause
with an event trigger and a date or a place becomes a candidate; links.py
then merges restatements, links denials and assigns stable ids.

Confidence (0..1) is a transparent sum, not a model score: 0.35 for a
trigger, +0.2 for a date stated in the clause, +0.2 for a located place,
+0.1 for actors, +0.1 for a count or a named source, −0.1 for each place
the gazetteer could not settle.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from errors import FileTooLargeError, InputError, ValidationError
from events.ingest.actors import all_triggers, find_actors
from events.ingest.counts import find_counts
from events.ingest.dates import DateMention, DateReader
from events.ingest.normalize import fold, fold_pattern, is_arabic
from events.ingest.places import Gazetteer, PlacePhrase, find_place_phrases, resolve_place
from events.ingest.sentences import Clause, split_article, split_clauses
from events.ingest.sources import Chain, SourceTracker, agency_in, canonical_outlet, outlet_from_article, published_from_signoff
from events.ingest.stance import attribution_span, points_back, stance
from events.model import ClaimStatus, Count, DatePrecision, Event, EventDate, EventType, Place

MAX_ARTICLE_CHARS = 200_000
MOVEMENTS = (EventType.EVACUATION, EventType.DISPLACEMENT)
#: Types whose trigger verb takes the place as its object ("حاصر دير الزور", "قصفت درعا").
TRANSITIVE = (EventType.SIEGE, EventType.SHELLING, EventType.AIR_STRIKE, EventType.ATTACK, EventType.TERRITORY)


@dataclass(frozen=True)
class Draft:
    """One proposed event and where it was read: the analyst reviews it before it is stored."""
    event: Event
    sentence: str
    span: tuple[int, int]
    confidence: float
    warnings: tuple[str, ...] = ()


@dataclass
class Candidate:
    """An event being assembled (mutable only inside one ingest call)."""
    event_type: EventType
    status: ClaimStatus
    clause: Clause
    date: EventDate | None = None
    date_stated: bool = False
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

    @property
    def sentence(self):
        return self.clause.sentence

    def confidence(self) -> float:
        score = 0.35 + (0.2 if self.date_stated else 0) + (0.2 if self.place is not None and self.place.located else 0)
        score += 0.1 if self.actors else 0
        score += 0.1 if (self.counts or self.chain.attributed) else 0
        score -= 0.1 * self.unsettled_places
        return round(min(max(score, 0.05), 0.99), 2)


#: Where one event's words end and the next event's begin inside a clause ("، حيث شنت…", "، ما أدى إلى نزوح…",
#: "بعد اشتباكات…", ", a day after rebels retook…").
_BOUNDARY = re.compile(fold_pattern(
    r"[،,]\s*(?:و\w+|حيث|ما\s+ادى|مما|فيما|اضافة|بالاضافة|الذي|التي)(?!\w)|\s(?:بعد\s+يوم\s+من|بعد|اثر|عقب)\s"
    r"|,\s+(?:a\s+day\s+after|and|which|while|killing|after|following)\b|\s(?:a\s+day\s+after|after|following)\s"))
_DAY_AFTER = re.compile(fold_pattern(r"a\s+day\s+after|بعد\s+يوم\s+من"))


def _segments(text: str, triggers) -> list[tuple[tuple[EventType, tuple[int, int]], tuple[int, int], str]]:
    """Cut a clause into one span per event: (trigger, span, linking words before it).

    A trigger of another type after the current one starts a new event at the last boundary
    between them (or at the trigger itself); triggers of the same type stay in one event.
    """
    folded = fold(text)
    segments = []
    current, start, link = triggers[0], 0, ""
    for trigger in triggers[1:]:
        if trigger[0] is current[0] or trigger[1][0] < current[1][1]:
            continue
        f_from = next((i for i, o in enumerate(folded.offsets) if o >= current[1][1]), len(folded.text))
        f_to = next((i for i, o in enumerate(folded.offsets) if o >= trigger[1][0]), len(folded.text))
        cuts = list(_BOUNDARY.finditer(folded.text, f_from, f_to))
        cut = folded.span(cuts[-1].start(), cuts[-1].end())[0] if cuts else trigger[1][0]
        segments.append((current, (start, cut), link))
        current, start, link = trigger, cut, (cuts[-1].group(0) if cuts else "")
    segments.append((current, (start, len(text)), link))
    return segments


def _inside(span: tuple[int, int], window: tuple[int, int]) -> bool:
    return window[0] <= span[0] and span[1] <= window[1]


class ArticleReader:
    """Reads one article clause by clause into Candidates."""

    def __init__(self, *, published: date, gazetteer: Gazetteer, language: str | None, organisation_means: str | None):
        self.published = published
        self.gazetteer = gazetteer
        self.language = language
        self.dates = DateReader(published)
        self.sources = SourceTracker()
        self.organisation_means = organisation_means
        self.candidates: list[Candidate] = []

    def read_sentence(self, clauses: list[Clause]) -> None:
        previous: Candidate | None = None
        for clause in clauses:
            for cand in self._read_clause(clause, previous):
                self.candidates.append(cand)
                previous = cand

    def _read_clause(self, clause: Clause, previous: Candidate | None) -> list[Candidate]:
        text = clause.text
        mentions = self.dates.find(text)  # always: later clauses may say "the same month"
        status = stance(text)
        triggers = all_triggers(text)
        if status is ClaimStatus.DENIED and (points_back(text) or not triggers):
            # "…هذه الأنباء", "denied it had fallen": a denial of the claim just read
            target = previous or self._last_claim()
            if target is not None and (previous is not None or not triggers):
                return [self._inherited_denial(clause, target)]
        if not triggers:
            return []
        if status is ClaimStatus.REPORTED and previous is not None and previous.status is ClaimStatus.CLAIMED:
            status = ClaimStatus.CLAIMED  # "…, بينما تم رصد …": the same speaker goes on
        attribution = attribution_span(text, triggers=[span for _, span in triggers])
        out: list[Candidate] = []
        main: Candidate | None = None
        for trigger, window, link in _segments(text, triggers):
            cand = self._build(clause, trigger, window, status, mentions, triggers, attribution, previous, main, link)
            if cand is not None:
                out.append(cand)
                self.candidates.append(cand)  # so a later event of this clause can take its date
            if main is None:
                main = cand
                if cand is None:
                    break  # nothing to map for the main event: the rest of the clause is background
        del self.candidates[len(self.candidates) - len(out):]
        return out

    def _build(self, clause: Clause, trigger, window, status, mentions, triggers, attribution, previous,
               main: Candidate | None, link: str) -> Candidate | None:
        """One event from one span of the clause; ``main`` is set for a second event of the same clause."""
        text = clause.text
        cand = Candidate(trigger[0], status, clause)
        self._set_date(cand, mentions, window, attribution, trigger[1])
        if main is not None and not cand.date_stated and _DAY_AFTER.search(fold(link).text) and main.date:
            day = main.date.start - timedelta(days=1)  # "a day after rebels retook…": the day before
            cand.date, cand.date_stated = EventDate(day, day, DatePrecision.DAY, link.strip(" ,،")), True
            cand.warnings.append("date inferred: the day before the other event of this sentence")
        actor_hits = [(a, s) for a, s in find_actors(text, organisation_means=self.organisation_means) if _inside(s, window)]
        self._set_actors(cand, actor_hits, text, previous if main is None else None)
        date_spans = [m.span for m in mentions]
        counts = [(c, s) for c, s in find_counts(text, skip=date_spans) if _inside(s, window)]
        cand.counts = [c for c, _ in counts]
        blocked = date_spans + [s for _, s in actor_hits] + [s for _, s in counts] + [s for _, s in triggers]
        if attribution:
            blocked.append(attribution)
        blocked += [(0, window[0]), (window[1], len(text))]
        objects = [e for t, (_, e) in triggers if t in TRANSITIVE and window[0] <= e <= window[1]]
        self._set_places(cand, find_place_phrases(text, blocked=blocked, arabic=self._arabic(text), objects=objects))
        self._set_chain(cand, text, previous if main is None else main)
        own = cand.date_stated or any(p is not None for p in (cand.place, cand.origin, cand.destination))
        if main is not None:
            if not own:
                return None  # "، حيث شنت طائرات … ضربات على مواقعه": background of the main event
            if cand.place is None and main.place is not None:
                cand.place = main.place
                if cand.event_type in MOVEMENTS and cand.origin is None:
                    cand.origin = main.place
                cand.warnings.append("place not stated: took the place of the other event of this sentence")
        elif not own and status not in (ClaimStatus.DENIED, ClaimStatus.CONFIRMED):
            return None  # a trigger word with nothing to map ("ليست الأولى من نوعها")
        if cand.date is None:
            self._default_date(cand)
        return cand

    def _last_claim(self) -> Candidate | None:
        return next((c for c in reversed(self.candidates) if c.status is not ClaimStatus.DENIED), None)

    def _default_date(self, cand: Candidate) -> None:
        """No date in the clause: the date of the event read just before (news goes on about the same day),
        else the week before publication."""
        before = self.candidates[-1] if self.candidates else None
        if before is not None and before.date is not None and cand.status is not ClaimStatus.DENIED:
            cand.date = before.date
            cand.warnings.append("date not stated: took the date of the previous event in the article")
        else:
            cand.date = EventDate(self.published - timedelta(days=7), self.published, DatePrecision.WEEK, "")
            cand.warnings.append("date not stated: assumed within the week before publication")
        # a denial without a date takes the date of the claim it denies (links.link)

    def _arabic(self, text: str) -> bool:
        if self.language in ("ar", "en"):
            return self.language == "ar"
        return is_arabic(text)

    def _set_date(self, cand: Candidate, mentions: list[DateMention], window, attribution, trigger) -> None:
        inside = [m for m in mentions if _inside(m.span, window)]
        content = [m for m in inside if not (attribution and attribution[0] <= m.span[0] and m.span[1] <= attribution[1])]
        events = [m for m in content if m.kind == "event"]
        since = [m for m in content if m.kind == "since"]
        chosen = min(events, key=lambda m: abs(m.span[0] - trigger[0])) if events else (since[0] if since else None)
        if chosen is not None:
            cand.date, cand.date_stated = chosen.date, True
            cand.warnings.extend(chosen.warnings)
            if chosen.kind == "since":
                cand.tags.append(f"since {chosen.date.start.year}")
        for m in content:
            if m.kind == "duration" and m.duration_days:
                years = round(m.duration_days / 365)
                cand.tags.append(f"lasted {m.date.as_written}" + (f" (about {years} years)" if years >= 1 else ""))

    def _set_actors(self, cand: Candidate, hits, text: str, previous: Candidate | None) -> None:
        names = list(dict.fromkeys(a for a, _ in hits))
        if cand.status is ClaimStatus.DENIED:
            if hits:  # who denies: the clause's first actor ("نفى التحالف…", "The ministry denied…")
                names = [hits[0][0]]
        elif previous is not None and set(names) <= set(previous.actors) and previous.event_type is cand.event_type:
            names = list(previous.actors)  # "عمليات مشابهة": the same actors as the clause before
        cand.actors = names

    def _resolve(self, phrase: PlacePhrase, context: str) -> tuple[Place, tuple[str, ...]] | None:
        return resolve_place(phrase, self.gazetteer, context=context)

    def _set_places(self, cand: Candidate, phrases: list[PlacePhrase]) -> None:
        """Resolve the phrases this event type uses: origin/destination for movements, else the location."""
        context = cand.sentence.text
        if cand.event_type in MOVEMENTS:
            wanted = (("origin",), ("destination",), ("at",))
        else:
            wanted = (("at", "origin", "destination"),)
        found: dict[tuple[str, ...], tuple[Place, tuple[str, ...]]] = {}
        for roles in wanted:
            # a phrase headed by a place word ("بلدة كفرنبل …") beats an unheaded one that may only
            # contain it ("حربية بلدة كفرنبل …", the object of a trigger), whatever their order
            for phrase in sorted((p for p in phrases if p.role in roles), key=lambda p: not p.headed):
                resolved = self._resolve(phrase, context)
                if resolved is not None:
                    found[roles] = resolved
                    break
        for place, warnings in found.values():
            cand.warnings.extend(warnings)
            cand.unsettled_places += 0 if place.located else 1
        pick = {roles: place for roles, (place, _) in found.items()}
        if cand.event_type in MOVEMENTS:
            cand.origin = pick.get(("origin",))
            cand.destination = pick.get(("destination",))
            if cand.origin is None and ("at",) in pick:
                cand.origin = pick[("at",)]
            elif ("at",) in found:  # an unused location: its warnings do not concern this event
                for w in found[("at",)][1]:
                    cand.warnings.remove(w)
                cand.unsettled_places -= 0 if pick[("at",)].located else 1
            cand.place = cand.origin
        else:
            cand.place = pick.get(("at", "origin", "destination"))

    def _set_chain(self, cand: Candidate, text: str, previous: Candidate | None) -> None:
        if cand.status is ClaimStatus.DENIED:
            denier = agency_in(text) or (cand.actors[0] if cand.actors else "")
            cand.chain = Chain(agency=denier)
            return
        chain = self.sources.chain_for(text, speech=cand.status is not ClaimStatus.REPORTED)
        if not chain.attributed and previous is not None and previous.status is cand.status:
            chain = previous.chain
        cand.chain = chain  # may stay empty: an accusation by the outlet itself ("اتهامات") is claimed, outlet only

    def _inherited_denial(self, clause: Clause, previous: Candidate) -> Candidate:
        """"في حين نفى التحالف هذه الأنباء": a denial of the claim just read, with its type, date and places."""
        hits = find_actors(clause.text, organisation_means=self.organisation_means)
        cand = Candidate(previous.event_type, ClaimStatus.DENIED, clause, date=previous.date, place=previous.place,
                         origin=previous.origin, destination=previous.destination,
                         actors=[hits[0][0]] if hits else [], points_back=True)
        cand.chain = Chain(agency=agency_in(clause.text) or (hits[0][0] if hits else ""))
        cand.denies.append(previous)
        cand.warnings.append("denial pointing back at a claim: date and place taken from that claim")
        return cand


def _check_inputs(text: object, published: object, language: object) -> None:
    if not isinstance(text, str):
        raise InputError("article text must be a string", field="text", value=type(text).__name__)
    if not text.strip():
        raise InputError("article text is empty", field="text")
    if len(text) > MAX_ARTICLE_CHARS:
        raise FileTooLargeError(f"article is {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}", field="text")
    if not isinstance(published, date):
        raise ValidationError("publication date must be a date (YYYY-MM-DD)", field="published", value=published)
    if language not in (None, "ar", "en"):
        raise ValidationError("language must be 'ar', 'en' or None (detect)", field="language", value=language)


def read_article(text: str, *, published: date, outlet: str | None, gazetteer: Gazetteer,
                 language: str | None) -> tuple[list[Candidate], dict]:
    """Candidates in article order plus article facts (outlet, title, language, warnings)."""
    _check_inputs(text, published, language)
    layout = split_article(text)
    body = [s for s in layout.sentences if not s.repeated]
    first = body[0].text if body else ""
    outlet_name = canonical_outlet(outlet) if outlet else outlet_from_article(layout.signoff, first, layout.dateline)
    facts = {"outlet": outlet_name, "title": layout.title, "language": language or ("ar" if is_arabic(text) else "en"),
             "warnings": []}
    if not outlet_name:
        facts["warnings"].append("outlet unknown: no sign-off or dateline found; pass --outlet")
    printed = published_from_signoff(layout.signoff)
    if printed is not None and printed != published:
        facts["warnings"].append(f"the article is dated {printed.isoformat()} but --published is {published.isoformat()}")
    whole = [a for a, _ in find_actors(text)]
    reader = ArticleReader(published=published, gazetteer=gazetteer, language=language,
                           organisation_means="ISIS" if "ISIS" in whole else None)
    for sentence in body:
        reader.read_sentence(split_clauses(sentence))
    return reader.candidates, facts
