"""Quoted speech: where a speaker's own words are, and when a trigger in them names no event.

Why: officials and commanders quoted at length speak of the war in general — «لم يكن أمامنا إلا
الانسحاب», «دور الجيش محصور بالقصف الجوي», «لا يجد النظام وسيلة سوى القصف» — and each of those
words is an event trigger. A reported incident inside a quote is told as news: it has its own
day («خطف … مساء أمس»), a number, or an event noun bound to who did it or to what was hit
(«سيطرة مقاتلي الفصائل على البلدة», «غارة على القرية»). A bare definite verbal noun («القصف»,
«الانسحاب») in a quote with none of those is the concept, not an incident: a context note
(kind ``analysis``) that the reviewer can still turn into a draft.
"""
from __future__ import annotations

import re

from events.ingest.normalize import fold, fold_pattern

#: Opening → closing quotation marks as the press uses them. Curly double quotes are often typed the same at
#: both ends (” داعش ”), so either one closes either; straight quotes pair with themselves.
_PAIRS = {"«": "»", "“": "“”", "”": "“”", '"': '"'}


#: A verbal noun with the article (and a glued و/ف/ب/ل): «القصف», «والانسحاب», «بالقصف», «للقصف».
_DEFINITE_NOUN = re.compile(r"^(?:[وف]?(?:ب|ل)?ال|[وف]?لل)\w{3,}$")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks. A quote left open runs to the end of the text, and a «»» with no «««
    before it (the clause was cut inside a quote) closes a quote that began at the start."""
    spans: list[tuple[int, int]] = []
    start, closers = None, ""
    for i, ch in enumerate(text):
        if start is None:
            if ch in _PAIRS:
                start, closers = i + 1, _PAIRS[ch]
            elif ch == "»" and not spans:
                spans.append((0, i))
        elif ch in closers:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


#: «وقال المسلط: …», «وأضاف المصدر لـ«عكاظ»: …»: a speech verb, its speaker, a colon — the words after it are
#: the speaker's, quoted without marks.
_SAYS_COLON = re.compile(fold_pattern(r"(?<![\w])[وف]?(?:قال|قالت|اضاف|اضافت|تابع|تابعت|اوضح|اوضحت|اكد|اكدت|"
                                      r"اعلن|اعلنت|قائلا|قائلة|مضيفا|مضيفة)(?![\w])[^:.؟!\n]{0,60}:"))


def speech_spans(text: str) -> list[tuple[int, int]]:
    """Quotations, and what follows «قال X:» to the end of the text (a clause or sentence)."""
    spans = quoted_spans(text)
    folded = fold(text)
    m = _SAYS_COLON.search(folded.text)
    if m:
        spans.append((folded.span(m.start(), m.end())[1], len(text)))
    return spans


def in_quote(text: str, span: tuple[int, int]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in speech_spans(text))


def generic_in_quote(text: str, trigger: tuple[int, int]) -> bool:
    """The trigger is a bare definite verbal noun inside a quotation («… إلا الانسحاب»): the speaker's concept.

    The noun must not be bound to a following noun (a construct «القصف» never takes the article, so the
    article already says it is not «قصف قوات النظام»); «القصف الذي استهدف البلدة» is still caught by the
    caller's date and count checks, not here."""
    if not in_quote(text, trigger):
        return False
    words = fold(text[trigger[0]:trigger[1]]).text.split()
    return bool(words) and bool(_DEFINITE_NOUN.match(words[0]))  # «القصف الجوي»: the noun and its adjective
