"""Stage 1, segment: article → body sentences → clauses → one span per event trigger.

Why spans and not sub-strings: every later stage (dates, actors, counts, places)
searches the whole clause once and keeps only what falls inside an event's span,
so offsets stay those of the pasted article and a draft can point at its words.

A clause is cut into one event per trigger of a new type, at the last linking
word between two triggers: و، كما، فيما، في حين، تزامناً مع، بالتزامن مع، عقب،
إضافة إلى، حيث، ما أدى إلى…; and, while, meanwhile, as, after, following.
Triggers of the same type stay one event (one event per *place* is the resolve
stage's job: "clashes in X and Y" → two drafts).
"""
from __future__ import annotations

import bisect
import re

from events.ingest.normalize import fold, fold_pattern
from events.ingest.sentences import Clause, Layout, Sentence, split_article, split_clauses

__all__ = ["Clause", "Layout", "Sentence", "split_article", "split_clauses", "segments", "inside", "body_clauses",
           "DAY_AFTER", "motive_span", "purpose_span"]

#: Where one event's words end and the next event's begin inside a clause.
_BOUNDARY = re.compile(fold_pattern(
    r"[،,]\s*(?:و\w+|حيث|ما\s+ادى|مما|فيما|اضافة|بالاضافة|الذي|التي|كما|تزامنا|بالتزامن|عقب)(?!\w)"
    r"|\s(?:بعد\s+يوم\s+من|بعد|اثر|عقب|كما|تزامنا\s+مع|تزامناً\s+مع|بالتزامن\s+مع|اضافة\s+الى|بالاضافة\s+الى)\s"
    r"|,\s+(?:a\s+day\s+after|and|which|while|killing|after|following|meanwhile|as)\b"
    r"|\s(?:a\s+day\s+after|after|following|meanwhile|amid)\s|(?<!\s)\s++and\s+(?=[a-z\-]+\s)"))
#: Links strong enough that the words before them are another event's («…، كما تدور اشتباكات …»).
_FRONT = re.compile(fold_pattern(r"[،,]\s*(?:كما|فيما|بينما|في\s+حين|اضافة\s+الى|بالاضافة\s+الى|تزامنا\s+مع|بالتزامن\s+مع)\s"
                                 r"|,\s+(?:meanwhile|while|as)\s"))
#: «…، كما نفذت …», «…، فيما شن …»: after these, a trigger of the kind already told is a second event of that kind.
_AGAIN = re.compile(fold_pattern(r"[،,]\s*(?:كما|فيما|بينما|في\s+حين)\s"))
DAY_AFTER = re.compile(fold_pattern(r"a\s+day\s+after|بعد\s+يوم\s+من"))
#: «ردا على تعرض بلدة X لهجوم», «نصرة لمدينة X», "in response to the attack on X": the motive, another
#: (older) event — its words are neither this event's trigger nor its place. Runs to the end of the clause.
_MOTIVE = re.compile(fold_pattern(r"(?<![\w])(?:ردا|رداً|انتقاما|نصرة|تضامنا)(?:\s*[،,\-]\s*[^،,\-\n]{0,40}[،,\-])?"
                                  r"\s*(?:على\s|ل(?=\w)|مع\s)"
                                  r"|\bin\s+(?:response|retaliation|revenge)\s+(?:to|for)\s"), re.I)


#: «… لوقف تقدم المعارضة», «في محاولة جديدة لانتزاع السيطرة», «بهدف اقتحام», "in a bid to": the aim of the event
#: told before it, not a second event. Runs to the end of the clause.
_PURPOSE = re.compile(fold_pattern(r"(?<![\w])(?:لوقف|لمنع|لصد|بهدف|بغية|سعيا\s+(?:الى|ل)|من\s+اجل|"
                                   r"في\s+محاولة(?:\s+\w+)?\s+(?:ل|الى)(?=\w|\s))"
                                   r"|\bin\s+(?:a|an)\s+(?:bid|attempt|effort)\s+to\b|\bso\s+as\s+to\b"), re.I)


def purpose_span(text: str) -> tuple[int, int] | None:
    """The span of a purpose phrase («لوقف …», «في محاولة لـ …») to the end of the clause, in the clause's offsets."""
    folded = fold(text)
    m = _PURPOSE.search(folded.text)
    return (folded.span(m.start(), m.end())[0], len(text)) if m else None


def motive_span(text: str) -> tuple[int, int] | None:
    """The span of a motive phrase («ردا على …») to the end of the clause, in the clause's offsets."""
    folded = fold(text)
    m = _MOTIVE.search(folded.text)
    return (folded.span(m.start(), m.end())[0], len(text)) if m else None


def segments(text: str, triggers) -> list[tuple[tuple, tuple[int, int], str]]:
    """Cut a clause into one span per event: (trigger, span, linking words before it).

    A trigger of another type after the current one starts a new event at the last boundary
    between them (or at the trigger itself); triggers of the same type stay in one event.
    """
    folded = fold(text)
    out = []
    first_at = bisect.bisect_left(folded.offsets, triggers[0][1][0])
    before = list(_FRONT.finditer(folded.text, 0, first_at))
    # «…في مدينة X، كما تدور اشتباكات في Y»: the words before the last link belong to another, untold event
    start0 = folded.span(before[-1].start(), before[-1].end())[0] if before else 0
    current, start, link = triggers[0], start0, (before[-1].group(0) if before else "")
    for trigger in triggers[1:]:
        if trigger[1][0] < current[1][1]:
            continue
        f_from = bisect.bisect_left(folded.offsets, current[1][1])
        f_to = bisect.bisect_left(folded.offsets, trigger[1][0])
        if trigger[0] is current[0]:
            # «17 ضربة قرب A، كما نفذت سبع ضربات قرب B»: the same kind told again after a strong link is another event
            cuts = list(_AGAIN.finditer(folded.text, f_from, f_to))
            if not cuts:
                continue
        else:
            cuts = list(_BOUNDARY.finditer(folded.text, f_from, f_to))
        cut = folded.span(cuts[-1].start(), cuts[-1].end())[0] if cuts else trigger[1][0]
        out.append((current, (start, cut), link))
        current, start, link = trigger, cut, (cuts[-1].group(0) if cuts else "")
    out.append((current, (start, len(text)), link))
    return out


def inside(span: tuple[int, int], window: tuple[int, int]) -> bool:
    return window[0] <= span[0] and span[1] <= window[1]


def body_clauses(layout: Layout) -> list[list[Clause]]:
    """The clauses of each body sentence (a sentence pasted twice is read once)."""
    return [split_clauses(s) for s in layout.sentences if not s.repeated]
