"""Relative clauses that describe a noun: their events and dates are not the clause's news.

Why: real reporting describes the places and people it names with a relative clause
(«البلدة التي سقطت في يد المعارضة في أيار», «اللواء الذي كان مكلفاً استعادة السيطرة على …»,
«المدينة التي تؤوي مئات العائلات النازحة»). Such a clause carries an event word and often a
date, but it tells what the noun *is* (its history, who lives there), not what happened now:
its trigger is not an event of its own when the sentence has another one, its date is not the
date of the sentence's event, and a clause whose only event is told as «الذي كان …» is history.

A relative clause about an *event* is that event's own description («الغارات التي شنها الطيران
أمس على البلدة»): when a definite event noun stands just before the pronoun (at most two definite
adjectives between), the clause is left alone.

The clause runs from the pronoun to the next punctuation mark or linking word, and never more
than ``MAX_CHARS`` characters: every scan is bounded, so the whole pass is linear.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from events.ingest.normalize import fold, fold_pattern

__all__ = ["Relative", "descriptive_relatives", "MAX_CHARS"]

MAX_CHARS = 160
_PRONOUN = re.compile(fold_pattern(r"(?<![\w])[وف]?(?:التي|الذي|الذين|اللذين|اللتين|اللذان|اللتان|اللواتي|اللاتي)(?![\w])"))
#: Where a relative clause ends: punctuation (« » fold to "), or a word that opens another clause.
_END = re.compile(fold_pattern(r'[،,؛;.:!?"\[\]\n]|(?<![\w])(?:كما|فيما|بينما|حيث|في\s+حين)(?![\w])'))
#: «الذي كان …», «التي لا تزال …»: the clause tells a state or an earlier time.
_PAST_STATE = re.compile(fold_pattern(r"\s*(?:كان|كانت|كانوا|لا\s+يزال|لا\s+تزال|ما\s+زال|ما\s+زالت)(?![\w])"))
#: At most two definite adjectives between an event word and the pronoun: «الغارات الجوية العنيفة التي»
#: (a preposition between them, «سقوط الطائرة على البلدة التي», makes the pronoun the place's).
_NEAR_WORDS = re.compile(r"\s*(?:ال[^\s،,؛;.:!?\"()]+\s+){0,2}")


@dataclass(frozen=True)
class Relative:
    """A relative clause describing a noun: its span in the clause and whether it tells a past state."""
    span: tuple[int, int]
    past_state: bool


_DEFINITE_NOUN = re.compile(fold_pattern(r"(?:[وفب]?ال|لل)\w"))


def _about_event(folded: str, at: int, triggers: list[tuple[int, int]]) -> bool:
    """A definite event noun («الغارات», «القصف») ends at most two adjectives before the pronoun at ``at``
    (folded offsets). A verb («قصفت الطائرات البلدة التي …») is never a pronoun's antecedent."""
    for start, end in triggers:
        if end <= at and at - end <= 60 and _DEFINITE_NOUN.match(folded, start):
            gap = _NEAR_WORDS.fullmatch(folded, end, at)
            if gap is not None:
                return True
    return False


def descriptive_relatives(text: str, triggers: list[tuple[int, int]]) -> list[Relative]:
    """The relative clauses of ``text`` that describe a noun that is not an event (see module doc).

    ``triggers`` are the spans of the clause's event words (original offsets)."""
    folded = fold(text)
    ft = folded.text
    spans = [(bisect.bisect_left(folded.offsets, s), bisect.bisect_left(folded.offsets, e)) for s, e in triggers]
    out: list[Relative] = []
    for m in _PRONOUN.finditer(ft):
        if _about_event(ft, m.start(), spans):
            continue
        stop = _END.search(ft, m.end(), min(len(ft), m.end() + MAX_CHARS))
        f_end = stop.start() if stop else min(len(ft), m.end() + MAX_CHARS)
        start, end = folded.span(m.start(), f_end)
        out.append(Relative((start, end), bool(_PAST_STATE.match(ft, m.end()))))
    return out
