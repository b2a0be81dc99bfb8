"""Part of stage 4, resolve: sentences and clauses whose own words put their places abroad.

Why a module of its own: the foreign-place gazetteer (``gazetteer.foreign``) answers for a phrase,
but real reporting often names the country once and the village after it: «وفي العراق، قتل 12 شخصا
في تفجير استهدف قرية X» — X is an Iraqi village whatever Syrian namesake the index holds. These two
readers look at the words *around* the place phrase; ``locate.set_places`` calls them before the
Syrian lookup.
"""
from __future__ import annotations

import re

from events.ingest.normalize import fold_text
from events.ingest.stance import CLAIM
from gazetteer.foreign import foreign_place

#: «وفي العراق، …», «أما في لبنان، فقد …», "In Iraq, …": a sentence that opens on a place frames all it tells.
_FRAME = re.compile(r"^\W*(?:(?:و|ف)?(?:أما\s+)?في\s+|(?:Meanwhile,?\s+|And\s+)?[Ii]n\s+(?:the\s+)?)"
                    r"([^،,:.\n]{2,40}?)\s*[،,]")


_IN_WORDS = {"في", "وفي", "ففي"}
#: A part of a country is in it: «غرب العراق», «في شمال العراق», «بجنوب تركيا», «داخل لبنان» (never «من»: a
#: movement's origin). Compared with a leading و/ب/ف removed.
_PART_WORDS = {"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "داخل", "اقصى", "أقصى"}
_THAT = {"إن", "أن", "ان", "بأن", "بان", "that"}
#: Syria named in the clause, also as «الشام» («الدولة الإسلامية في العراق والشام» is a name, not a place).
_SYRIA_WORDS = re.compile(r"(?<!\w)(?:[وب]?سوري[اةه]|[وب]?(?:ال)?شام|Syria|Levant)(?!\w)")


def locative_abroad(clause: str, phrase: str) -> str | None:
    """The country of a «في <country>» (or «غرب/داخل <country>») before ``phrase`` in its clause, else None.

    «قتل 12 شخصا في العراق في تفجير استهدف قرية X»: X is in Iraq whatever Syrian village bears its
    name. Not when the clause also names Syria («التحالف في العراق وسوريا»), nor when a speech verb
    speaks before the place («قال مسؤول في تركيا إن الطيران قصف X»: the locative is the speaker's), nor
    across «إن/أن» (the locative is the main clause's).
    """
    at = clause.find(phrase)
    if at <= 0 or _SYRIA_WORDS.search(clause):
        return None
    words = clause[:at].split()
    found = None
    for i, w in enumerate(words):
        if w in _IN_WORDS or _without_particle(w) in _PART_WORDS:
            rest = words[i + 1:i + 4]
        elif w.startswith("وبال") and len(w) > 5:
            rest = [w[2:]]          # «وبالعراق» → «العراق»
        elif w.startswith("بال") and len(w) > 4:
            rest = [w[1:]]
        else:
            rest = []
        for n in range(min(3, len(rest)), 0, -1):
            place = foreign_place(" ".join(rest[:n]))
            if place is not None and place.kind == "country":
                found = (i, place.country)
                break
    if found is None:
        return None
    between = words[found[0] + 1:]
    if CLAIM.search(fold_text(" ".join(words))) or any(w in _THAT for w in between):
        return None   # the speaker's place, or a main clause that says where something was *said*
    return found[1]


def _without_particle(word: str) -> str:
    """«وبشمال» → «شمال»: the conjunction and preposition glued before a word, removed."""
    for prefix in ("وب", "وف", "و", "ب", "ف"):
        if word.startswith(prefix) and word[len(prefix):] in _PART_WORDS:
            return word[len(prefix):]
    return word


def frame_abroad(sentence: str) -> str | None:
    """The country of a foreign place the sentence opens on as its frame, else None.

    «وفي العراق، قتل 12 شخصا في تفجير استهدف قرية X»: whatever village X the Syrian gazetteer knows
    by that name, the sentence is about Iraq. Only a place that ``foreign_place`` names on its own
    counts («وفي المقابل،», «وفي ريف حلب،» are no foreign frame).
    """
    m = _FRAME.match(sentence)
    if m is None:
        return None
    place = foreign_place(m.group(1))
    return place.country if place is not None else None


def join_facing(phrases: list, clause: str) -> list:
    """«في المنطقة الحدودية في سوريا المقابلة لمدينة كيليس»: the foreign town is what the Syrian place faces,
    not the event's place. The phrase before it and the town become one phrase, which the gazetteer reads
    as the Syrian side of the border (``gazetteer.facing``); the town is no place of its own."""
    from dataclasses import replace

    from gazetteer.facing import facing_town
    out, skip = [], set()
    for i, phrase in enumerate(phrases):
        if i in skip:
            continue
        nxt = phrases[i + 1] if i + 1 < len(phrases) else None
        if (nxt is not None and phrase.role == nxt.role and not phrase.anaphor
                and clause[phrase.span[0]:phrase.span[1]] == phrase.text and phrase.span[1] <= nxt.span[0]):
            joined = clause[phrase.span[0]:nxt.span[1]]
            between = clause[phrase.span[1]:nxt.span[0]]
            if len(between) <= 40 and facing_town(joined) is not None and facing_town(nxt.text) is None:
                out.append(replace(phrase, text=joined, span=(phrase.span[0], nxt.span[1])))
                skip.add(i + 1)
                continue
        out.append(phrase)
    return out
