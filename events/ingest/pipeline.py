"""Article → draft events: the pipeline that ties the stages together.

Stages, each a module testable alone, over one normalised text (events.ingest.normalize):

    segment  (segment.py)   article → sentences → clauses → one span per event trigger
    classify (classify.py)  incident, or context: aggregate / control / background / analysis / outside Syria
    extract  (dating.py, actors.py, counts.py, sources.py, stance.py, places.py)
                            date with provenance, actors, counts, source chain, stance, place phrases
    resolve  (locate.py)    place phrases → Places through the gazetteer (foreign places blocked,
                            «البلدة» → the town named before, the named town over its area)
    link     (links.py)     merge restatements, link denials, stable ids → Drafts (+ Notes)

Why clause by clause, in article order: dates are relative to what was read before
("يوم 28 من الشهر ذاته"), attribution carries over ("وأوضح المصدر"), «البلدة» means the
town named before, and a denial points back at the claims before it.

Confidence (0..1) is a transparent sum, not a model score: 0.35 for a trigger, +0.2 for
a date stated in the clause, +0.2 for a located place, +0.1 for actors, +0.1 for a count
or a named source, −0.1 for each place the gazetteer could not settle.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from errors import FileTooLargeError, InputError, ValidationError
from events.ingest.actors import all_triggers, find_actors
from events.ingest.candidate import INCIDENT, Candidate, Draft, Note
from events.ingest.classify import classify, is_control_trigger
from events.ingest.counts import find_counts
from events.ingest.cues import (AFTER_EVENT, CAME, CASUALTIES, CAUSE_LINK, DEFINITE, DENIES_PRONOUN, GOES_ON, JUDGED, OPINION,
                               PLUPERFECT, POINTED, REACTION, SETTING, SYRIA)
from events.ingest.dates import DateReader
from events.ingest.dating import set_default_date, set_stated_date
from events.ingest.headline import english_phrases
from events.ingest.locate import StoryPlaces, set_places
from events.ingest.normalize import fold, fold_pattern, is_arabic
from events.ingest.phrases import find_place_phrases
from events.ingest.places import Gazetteer
from events.ingest.relative import descriptive_relatives
from events.ingest.segment import (DAY_AFTER, Clause, body_clauses, inside, motive_span, purpose_span, segments,
                                   split_article)
from events.ingest.speech import generic_in_quote
from events.ingest.sources import Chain, SourceTracker, agency_in, canonical_outlet, outlet_from_article, published_from_signoff
from events.ingest.stance import attribution_span, denial_span, points_back, stance
from events.model import ClaimStatus, DatePrecision, EventDate, EventType

__all__ = ["Candidate", "Draft", "Note", "ArticleReader", "read_article", "MAX_ARTICLE_CHARS"]

MAX_ARTICLE_CHARS = 200_000
MOVEMENTS = (EventType.EVACUATION, EventType.DISPLACEMENT)
_FIGHTS = (EventType.CLASH, EventType.ATTACK, EventType.SHELLING, EventType.AIR_STRIKE)
#: Types whose trigger verb takes the place as its object ("حاصر دير الزور", "قصفت درعا").
TRANSITIVE = (EventType.SIEGE, EventType.SHELLING, EventType.AIR_STRIKE, EventType.ATTACK, EventType.TERRITORY)


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
        self.notes: list[Note] = []
        self.note_candidates: dict[int, Candidate] = {}  # note index → the candidate it came from
        self.story = StoryPlaces()
        self.thread_broken = False  # a context note since the last incident: its date is not inherited
        self.both_countries: Candidate | None = None  # a dated statement on Syria as a whole (see _thread_date)

    def read_sentence(self, clauses: list[Clause]) -> None:
        previous: Candidate | None = None
        for clause in clauses:
            for cand in self._read_clause(clause, previous):
                if cand.kind != INCIDENT:  # context: visible to the reviewer, never a draft nor a date to inherit
                    self.notes.append(_note(cand))
                    self.note_candidates[len(self.notes) - 1] = cand
                    self.thread_broken = True
                    if cand.date_stated and (_country_wide(cand) or (cand.kind == "outside_syria" and _names_syria(cand))):
                        self.both_countries = cand
                    continue
                self.candidates.append(cand)
                self.thread_broken = False
                previous = cand
                for place, warnings, parts in cand.extra_places:  # "clashes in X and Y": one event per place
                    twin = replace(cand, place=place, warnings=[w for w in cand.warnings if not w.startswith("place")]
                                   + list(warnings), place_parts=list(parts), extra_places=[], tags=list(cand.tags),
                                   denies=[], related=[], merged=[], counts=list(cand.counts), actors=list(cand.actors))
                    twin.warnings.append("one of several places of this sentence's event")
                    self.candidates.append(twin)

    def _read_clause(self, clause: Clause, previous: Candidate | None) -> list[Candidate]:
        text = clause.text
        mentions = self.dates.find(text)  # always: later clauses may say "the same month"
        status = stance(text)
        triggers = all_triggers(text)
        if triggers and len(triggers) > 1:  # «غارة على بلدة X التي يسيطر عليها التنظيم»: the strike, not control
            kept = [t for t in triggers if not (t[0] is EventType.TERRITORY and is_control_trigger(text, t[1]))]
            triggers = kept or triggers
        relatives = descriptive_relatives(text, [s for _, s in triggers]) if triggers else []
        if len(triggers) > 1 and relatives:  # «قصف البلدة التي سقطت في يد …»: the relative clause describes the town
            outer = [t for t in triggers if not any(inside(t[1], r.span) for r in relatives)]
            triggers = outer or triggers
        denied_at = denial_span(text) if status is ClaimStatus.DENIED else None
        # "pulled back after heavy bombardment but denied it had fallen": only a trigger after the denial word is denied
        denied = triggers
        if denied_at is not None and DENIES_PRONOUN.match(text, denied_at[1]):
            denied = [t for t in triggers if t[1][0] >= denied_at[0]]
        if status is ClaimStatus.DENIED and (points_back(text) or not denied):
            # "…هذه الأنباء", "denied it had fallen": a denial of the claim just read
            target = previous or self._last_claim()
            if target is not None and not triggers and not points_back(text):
                # denies something that is not an event ("نفى التنسيق مع …"): a context note, linked to nothing
                self.notes.append(Note("not_incident", "a denial of something that is not an event",
                                       clause.sentence.text, clause.sentence.span, text))
                return []
            if target is not None and (previous is not None or not denied):
                return [self._inherited_denial(clause, target)]
        motive = motive_span(text)
        if motive is not None:  # «… ردا على تعرض الزبداني لهجوم»: the attack is the motive, not an event told here
            triggers = [t for t in triggers if not inside(t[1], motive)]
        aim = purpose_span(text)
        if aim is not None and (any(t[1][1] <= aim[0] for t in triggers) or len(text[:aim[0]].split()) >= 3):
            # «كثف الجيش غاراته لوقف تقدم المعارضة»: the advance is what the strikes aim to stop, no event told;
            # so too when what is done for it is no trigger («كثف غاراته», «أرسل تعزيزات … بهدف السيطرة على»)
            triggers = [t for t in triggers if not inside(t[1], aim)]
        if not triggers:
            return []
        if status is ClaimStatus.REPORTED and previous is not None and previous.status is ClaimStatus.CLAIMED:
            status = ClaimStatus.CLAIMED  # "…, بينما تم رصد …": the same speaker goes on
        attribution = attribution_span(text, triggers=[span for _, span in triggers])
        out: list[Candidate] = []
        main: Candidate | None = None
        for trigger, window, link in segments(text, triggers):
            cand = self._build(clause, trigger, window, status, mentions, triggers, attribution, previous, main, link,
                               relatives)
            if cand is not None:
                out.append(cand)
                self.candidates.append(cand)  # so a later event of this clause can take its date
            if main is None:
                main = cand  # nothing to map for this event: the next one is read as the clause's first
        del self.candidates[len(self.candidates) - len(out):]
        return out

    def _build(self, clause: Clause, trigger, window, status, mentions, triggers, attribution, previous,
               main: Candidate | None, link: str, relatives=()) -> Candidate | None:
        """One event from one span of the clause; ``main`` is set for a second event of the same clause."""
        text = clause.text
        cand = Candidate(trigger[0], status, clause, window=window, trigger_span=trigger[1],
                         pluperfect=bool(PLUPERFECT.match(fold(text).text)))
        # a date inside a relative clause about another noun dates that noun's story («التي سقطت في أيار»)
        own_mentions = [m for m in mentions if not any(inside(m.span, r.span) and not inside(trigger[1], r.span)
                                                       for r in relatives)]
        date_kind = set_stated_date(cand, own_mentions, window, attribution, trigger[1])
        if (main is not None and not cand.date_stated and DAY_AFTER.search(fold(link).text) and main.date
                and main.date.precision in (DatePrecision.DAY, DatePrecision.NIGHT)):
            day = main.date.start - timedelta(days=1)  # "a day after rebels retook…": the day before
            cand.date, cand.date_stated = EventDate(day, day, DatePrecision.DAY, link.strip(" ,،")), True
            cand.date_source = "stated"
            cand.warnings.append("date inferred: the day before the other event of this sentence")
        actor_hits = [(a, s) for a, s in find_actors(text, organisation_means=self.organisation_means) if inside(s, window)]
        self._set_actors(cand, actor_hits, text, previous if main is None else None)
        date_spans = [m.span for m in mentions]
        counts = [(c, s) for c, s in find_counts(text, skip=date_spans) if inside(s, window)]
        cand.counts = [c for c, _ in counts]
        blocked = date_spans + [s for _, s in actor_hits] + [s for _, s in counts] + [s for _, s in triggers]
        if attribution:
            blocked.append(attribution)
        blocked += [(0, window[0]), (window[1], len(text))]
        motive = motive_span(text)
        if motive is not None:
            blocked.append(motive)
        objects = [e for t, (_, e) in triggers if t in TRANSITIVE and window[0] <= e <= window[1]]
        phrases = find_place_phrases(text, blocked=blocked, arabic=self._arabic(text), objects=objects)
        if not self._arabic(text):  # headline shapes: "south of Aleppo", "Manbij battles", "… and raids on Y"
            phrases = english_phrases(text, phrases, blocked, window)
        set_places(cand, phrases, self.gazetteer, self.story, cand.event_type in MOVEMENTS)
        self._set_chain(cand, text, previous if main is None else main)
        if main is not None and cand.event_type is EventType.ATTACK and CAUSE_LINK.search(fold(link).text) \
                and main.event_type is not EventType.ATTACK:
            return None  # «تعرضت القرى لقصف … بعد هجوم شنته المعارضة»: the cause, told as background
        # «البلدة» in a clause's second event of the same type is the first one's place retold; of another type
        # («سيطرة الفصائل على بلدة X … خلال اشتباكات في البلدة») it is that event's own place — unless «حيث»
        # opens it («حاصر المدينة، حيث شنت الطائرات ضربات على مواقعه في المدينة»: the setting of the first)
        retold = main is not None and cand.anaphoric and (main.event_type is cand.event_type or SETTING.search(fold(link).text))
        own = cand.date_stated or (any(p is not None for p in (cand.place, cand.origin, cand.destination)) and not retold)
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
        located = any(p is not None and p.located for p in (cand.place, cand.origin, cand.destination))
        cand.kind, cand.reason = classify(text=text, event_type=cand.event_type, trigger=trigger[1], date_=cand.date,
                                          date_kind=date_kind, stated=cand.date_stated, counts=bool(cand.counts),
                                          published=self.published, foreign=cand.foreign, syrian_place=located,
                                          window=window, claimed=status is ClaimStatus.CLAIMED)
        long_fight = next((m.duration_days for m in mentions if m.kind == "duration" and inside(m.span, window)
                           and (m.duration_days or 0) > 7), None)
        if cand.kind == INCIDENT and long_fight and cand.event_type in _FIGHTS:
            # «عقب اشتباكات استمرت لأكثر من عشرين يوما»: weeks of fighting told in one clause are history
            cand.kind, cand.reason = "background", f"fighting that lasted about {long_fight} days: history, not news"
        if cand.kind == INCIDENT and any(r.past_state and inside(trigger[1], r.span) for r in relatives):
            # «جثمان اللواء الذي كان مكلفاً استعادة السيطرة على …»: what the person or place was, not news
            cand.kind, cand.reason = "background", "told in a relative clause as an earlier state («الذي كان …»)"
        if cand.kind == INCIDENT and not cand.date_stated and OPINION.match(fold(text).text):
            # «ورأى X أن … مع اقتراب المواجهات من دمشق»: every event of an opinion is the speaker's view
            cand.kind, cand.reason = "analysis", "an opinion: what the speaker thinks, not an event"
        if cand.kind == INCIDENT and not cand.date_stated and not cand.counts and generic_in_quote(text, trigger[1]):
            # «وأضاف البيان: «لم يكن أمامنا إلا الانسحاب»»: the speaker's concept, not an incident told
            cand.kind, cand.reason = "analysis", "a speaker's words about the war in general, not an event told"
        if (cand.kind == INCIDENT and cand.anaphoric and not cand.date_stated and not cand.counts and main is None
                and DEFINITE.match(fold(text[trigger[1][0]:trigger[1][1]]).text)):
            cand.kind, cand.reason = "not_incident", "names an event told before («الهجوم» on «المدينة»): a restatement"
        if (cand.kind == INCIDENT and not cand.date_stated and not cand.counts and main is None
                and DEFINITE.match(fold(text[trigger[1][0]:trigger[1][1]]).text)
                and not GOES_ON.search(fold(text[window[0]:trigger[1][0]]).text)
                and any(c.kind == INCIDENT and c.event_type is cand.event_type and c.paragraph < cand.paragraph
                        and _same_governorate(c, cand) for c in self.candidates)):
            # «وذكر المرصد أن الغارات استهدفت مناطق بين …»: «الغارات» are the strikes told above, placed again
            cand.kind, cand.reason = "not_incident", "names an event of this type told before («الغارات»): a restatement"
        if (cand.kind == INCIDENT and not cand.date_stated and not cand.counts and main is None
                and POINTED.search(fold(text[max(0, trigger[1][0] - 12):trigger[1][0]]).text)
                and DEFINITE.match(fold(text[trigger[1][0]:trigger[1][1]]).text)):
            # «أفاد «داعش» في ذلك الهجوم», «هذه الغارات»: a demonstrative points at an event already told
            cand.kind, cand.reason = "not_incident", "names an event told before («ذلك الهجوم»): a restatement"
        if (cand.kind == INCIDENT and not cand.date_stated and not cand.counts
                and status is not ClaimStatus.CONFIRMED and REACTION.search(fold(text[:trigger[1][0]]).text)):
            cand.kind, cand.reason = "not_incident", "a reaction to, or the announcement of, an event (no day of its own)"
        if cand.kind == INCIDENT and not cand.date_stated and JUDGED.match(fold(text[trigger[1][1]:window[1]]).text):
            cand.kind, cand.reason = "not_incident", "the event is the subject of a judgement («… هو رد مشروع»), not told"
        if cand.kind == INCIDENT and CAME.match(fold(text[:trigger[1][0]]).text):
            cand.kind, cand.reason = "not_incident", "tells when or why an event told before came («وجاء التفجير …»)"
        if (cand.kind == INCIDENT and main is None and not cand.date_stated
                and AFTER_EVENT.search(fold(text[max(0, trigger[1][0] - 24):trigger[1][0]]).text)
                and not CASUALTIES.search(fold(text[:trigger[1][0]]).text)):  # «قتل 28 … إثر اشتباكات»: its toll
            cand.kind, cand.reason = "background", "named as what came before («بعد سيطرة التنظيم على …»), with no day of its own"
        if cand.foreign and not located and cand.kind == INCIDENT:
            cand.kind, cand.reason = "outside_syria", f"the place is in {cand.foreign}"
        if (cand.kind == INCIDENT and cand.place is None and cand.origin is None and cand.destination is None
                and status not in (ClaimStatus.DENIED, ClaimStatus.CONFIRMED) and main is None):
            cand.kind, cand.reason = "not_incident", "no place named: nothing to map"
        where = cand.origin if cand.event_type in MOVEMENTS else cand.place
        if (cand.kind == INCIDENT and where is not None and where.precision is not None
                and where.precision.value in ("region", "country")
                and (main is None or main.place is None or not main.place.located or main.place is where)
                and status not in (ClaimStatus.DENIED, ClaimStatus.CONFIRMED)):
            cand.kind, cand.reason = "not_incident", f"only a part of the country named («{where.as_written}»)"
        if cand.date is None:
            before = next((c for c in reversed(self.candidates) if c.kind == INCIDENT), None)
            if before is not None and before.paragraph != cand.paragraph and (
                    self.thread_broken or cand.paragraph - before.paragraph > 2 or not _same_governorate(before, cand)
                    or before.pluperfect):
                before = None  # another story thread
            set_default_date(cand, before or self._thread_date(cand), self.published)
        return cand

    def _thread_date(self, cand: Candidate) -> Candidate | None:
        """«نفذت يوم السبت 18 غارة في العراق وست غارات في سورية» then «بينها أربع قرب مدينة كوباني»: a dated
        statement on strikes in Iraq and in Syria (or in "Syria" only) is a note (its place is Iraq, or the whole
        country), but the Syrian details that follow it (same type, same or next paragraph, no incident
        between) are its Syrian part: its day."""
        told = self.both_countries
        if (told is None or told.event_type is not cand.event_type or not 0 <= cand.paragraph - told.paragraph <= 1
                or any(c.paragraph >= told.paragraph and c.kind == INCIDENT for c in self.candidates)):
            return None
        return told

    def _last_claim(self) -> Candidate | None:
        return next((c for c in reversed(self.candidates) if c.status is not ClaimStatus.DENIED), None)

    def _arabic(self, text: str) -> bool:
        if self.language in ("ar", "en"):
            return self.language == "ar"
        return is_arabic(text)

    def _set_actors(self, cand: Candidate, hits, text: str, previous: Candidate | None) -> None:
        names = list(dict.fromkeys(a for a, _ in hits))
        if cand.status is ClaimStatus.DENIED:
            if hits:  # who denies: the clause's first actor ("نفى التحالف…", "The ministry denied…")
                names = [hits[0][0]]
        elif previous is not None and set(names) <= set(previous.actors) and previous.event_type is cand.event_type:
            names = list(previous.actors)  # "عمليات مشابهة": the same actors as the clause before
        cand.actors = names

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
        cand.date_source = previous.date_source
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


def _country_wide(cand: Candidate) -> bool:
    """A note placed only at the country («ست غارات في سورية», "four air strikes in Syria"; in Arabic the
    country is no gazetteer place, so a placeless note whose sentence names it)."""
    if cand.kind != "not_incident":
        return False
    if cand.place is None:
        return cand.origin is None and _names_syria(cand)
    return cand.place.precision is not None and cand.place.precision.value == "country"


def _names_syria(cand: Candidate) -> bool:
    """The candidate's sentence names the country («في سورية», "in Syria")."""
    return bool(SYRIA.search(fold(cand.sentence.text).text))


def _same_governorate(a: Candidate, b: Candidate) -> bool:
    x, y = a.place or a.origin, b.place or b.origin
    return x is None or y is None or not x.admin1_pcode or not y.admin1_pcode or x.admin1_pcode == y.admin1_pcode


def _note(cand: Candidate) -> Note:
    place = cand.place or cand.origin
    where = place.as_written if place is not None else (f"outside Syria ({cand.foreign})" if cand.foreign else "")
    return Note(cand.kind, cand.reason, cand.sentence.text, cand.sentence.span, cand.clause.text,
                cand.event_type.value, where)


def read_article(text: str, *, published: date, outlet: str | None, gazetteer: Gazetteer,
                 language: str | None) -> tuple[list[Candidate], dict]:
    """Candidates in article order plus article facts (outlet, title, language, warnings, notes)."""
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
    for clauses in body_clauses(layout):
        reader.read_sentence(clauses)
    facts["notes"] = reader.notes
    facts["note_candidates"] = reader.note_candidates
    return reader.candidates, facts
