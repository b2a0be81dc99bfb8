"""Article → draft events, offline and rule-based (issue 5).

Public API::

    from events.ingest import ingest_article, Draft
    drafts = ingest_article(text, published=date(2017, 9, 7), outlet=None, gazetteer=None, language=None)

Each Draft holds a draft ``Event`` (status claimed/denied/reported/confirmed,
dated and placed, with its source chain and the sentence as quote), the
sentence and its character span in ``text``, a confidence (0..1) and the
warnings an analyst should read before accepting it. Modules: sentences,
dates (+datewords), counts, actors (+event types), stance, sources, places,
pipeline (clause reader), links (merge, denials, ids).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from events.ingest.candidate import Draft, Note
from events.ingest.links import link, merge, to_drafts
from events.ingest.summaries import summaries
from events.ingest.pipeline import read_article
from events.ingest.places import Gazetteer

__all__ = ["Draft", "Gazetteer", "Ingested", "Note", "ingest", "ingest_article"]


@dataclass(frozen=True)
class Ingested:
    """Everything one article gives the reviewer: draft events and context notes."""
    drafts: tuple[Draft, ...]
    notes: tuple[Note, ...]
    facts: dict


def ingest(text: str, *, published: date, outlet: str | None = None, gazetteer: Gazetteer | None = None,
           language: str | None = None, article_id: str = "") -> Ingested:
    """Like ``ingest_article`` but also returns the context notes (totals, control, background, analysis,
    events outside Syria): sentences that read like events and are not, for the reviewer to see."""
    if gazetteer is None:
        from gazetteer import get_gazetteer
        gazetteer = get_gazetteer()
    candidates, facts = read_article(text, published=published, outlet=outlet, gazetteer=gazetteer, language=language)
    notes = list(facts.pop("notes", ()))
    pending = facts.pop("note_candidates", {})
    for i, cand in pending.items():  # each note carries the draft it would be (one click in review)
        made = to_drafts([cand], facts, published=published)
        if made:
            notes[i] = replace(notes[i], draft=replace(made[0], kind=notes[i].kind, article_id=article_id,
                                                       event=replace(made[0].event, id=made[0].event.id + "-note")))
    candidates = merge(candidates)
    for summary in summaries(candidates):  # «قصف على محافظة حلب» told town by town below: context
        candidates.remove(summary)
        notes.append(_context_note(summary, "sums up, for a whole governorate, events the article tells town by town",
                                   facts, published, article_id))
    for denial in link(candidates):  # it denies no event of this article (type, and place or actor): context
        candidates.remove(denial)
        notes.append(_context_note(denial, "a denial that matches no event of this article (same type, and place or actor)",
                                   facts, published, article_id))
    notes = tuple(replace(n, article_id=article_id) for n in notes)
    drafts = to_drafts(candidates, facts, published=published)
    if article_id:
        drafts = [replace(d, article_id=article_id) for d in drafts]
    return Ingested(tuple(drafts), notes, facts)


def _context_note(cand, reason: str, facts: dict, published: date, article_id: str) -> Note:
    """A candidate kept as a context note (a summary, an unmatched denial), with the draft one click makes."""
    place = cand.place or cand.origin
    made = to_drafts([cand], facts, published=published)
    draft = replace(made[0], kind="not_incident", article_id=article_id,
                    event=replace(made[0].event, id=made[0].event.id + "-note")) if made else None
    return Note("not_incident", reason, cand.sentence.text, cand.sentence.span, cand.clause.text,
                cand.event_type.value, place.as_written if place is not None else "", draft=draft)


def ingest_article(text: str, *, published: date, outlet: str | None = None, gazetteer: Gazetteer | None = None,
                   language: str | None = None) -> list[Draft]:
    """Propose the events reported in ``text`` (Arabic or English), each traced to its sentence.

    ``published`` anchors every relative date; ``outlet`` overrides the sign-off;
    ``gazetteer`` defaults to the project's cached one; ``language`` ('ar'/'en')
    forces the rule set (default: detected per clause). Raises InputError /
    ValidationError for empty text, a wrong date type or an unknown language.
    """
    return list(ingest(text, published=published, outlet=outlet, gazetteer=gazetteer, language=language).drafts)
