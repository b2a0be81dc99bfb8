"""Claim, denial or confirmation: who stands behind what a sentence says.

Why separate from sources: the source chain says *who* speaks; the stance
says *what* they do with the event. A denial ("نفى", "كاذبة", "denied")
becomes its own event linked to the claims it denies, so the map can show
both sides. Denial cues win over the speech verb that carries them
("مؤكدا أن هذه التقارير كاذبة" is a denial, not a confirmation).

Rules, in order:
  DENIED    – a denial verb or "false/baseless" wording
  CONFIRMED – "confirmed", "أكد صحة", "اعترف" (an admission)
  CLAIMED   – attributed speech or an accusation (قال، نقلا عن، اتهامات, said, according to)
  REPORTED  – the outlet states it as fact
"""
from __future__ import annotations

import re

from events.ingest.normalize import fold, fold_pattern
from events.model import ClaimStatus


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile(fold_pattern(r"(?<![\w])(?:" + "|".join(patterns) + r")(?![\w])"))


DENIAL = _rx(r"[وف]?(?:نفى|نفت|ينفي|تنفي|نفي|نفيه|نفيها|نافيا|نافية|نافين)", r"كاذب(?:ة)?", r"عار(?:ية)?\s+عن\s+الصحة",
             r"لا\s+اساس\s+لها\s+من\s+الصحة", r"مفبرك(?:ة)?", r"den(?:y|ied|ies|ying|ial)", r"dismissed", r"rejected",
             r"false", r"fabricated", r"baseless", r"untrue")
CONFIRM = _rx(r"[وف]?اكد(?:ت)?\s+(?:\S+\s+){0,4}?(?:صحة|وقوع)", r"[وف]?اعترف(?:ت)?", r"confirm(?:ed|s|ing)",
              r"acknowledg(?:ed|es)", r"admitted")
CLAIM = _rx(r"[وف]?(?:قال|قالت|يقول|تقول)", r"نقلا\s+عن", r"[وف]?(?:ذكر|ذكرت|افاد|افادت|اعلن|اعلنت|اوضح|اوضحت|نوه|"
            r"اشار|اشارت|شدد|زعم|زعمت|ادعى|ادعت|اتهم|اتهمت|اضاف|اضافت|تابع|تابعت)", r"اتهامات", r"مزاعم", r"حسب", r"بحسب", r"وفق(?:ا)?",
            r"said", r"says", r"saying", r"told", r"added", r"claimed", r"claims", r"alleged(?:ly)?", r"reportedly", r"according\s+to",
            r"accused", r"reported(?!\s+(?:across|in|near|at|from|throughout|around|on\s+the))")
#: "these reports", "the claims": a denial that points back at claims already read.
ANAPHORIC = _rx(r"(?:نفى|نفت|ينفي|تنفي)\s+(?:\S+\s+){0,3}ذلك", r"(?:هذه|تلك)\s+(?:ال)?(?:انباء|تقارير|مزاعم|اتهامات|معلومات)", r"(?:ال)?انباء", r"(?:ال)?تقارير",
                r"(?:these|the|such)\s+(?:reports|claims|allegations|accusations)")


def stance(text: str) -> ClaimStatus:
    """The claim status a clause gives its event."""
    folded = fold(text).text
    if DENIAL.search(folded):
        return ClaimStatus.DENIED
    if CONFIRM.search(folded):
        return ClaimStatus.CONFIRMED
    if CLAIM.search(folded):
        return ClaimStatus.CLAIMED
    return ClaimStatus.REPORTED


def denial_span(text: str) -> tuple[int, int] | None:
    """Where the denial word is (to find who denies: the actor nearest to it)."""
    folded = fold(text)
    m = DENIAL.search(folded.text)
    return folded.span(m.start(), m.end()) if m else None


def points_back(text: str) -> bool:
    """True when the clause refers to reports already made ("هذه الأنباء", "the reports")."""
    return bool(ANAPHORIC.search(fold(text).text))


def attribution_span(text: str, *, triggers: list[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """The "said on Thursday that" part (speech verb … complementiser); its dates are reporting dates.

    From a speech, denial or confirmation verb to the complementiser (إن/أن/أنه/that) after it, when
    no event trigger lies in between (then the verb reports the event itself: "reported an air strike").
    """
    folded = fold(text)
    comp = re.compile(fold_pattern(r"(?<![\w])(?:ان|انه|انها|بان|بانه|that)(?![\w])"))
    for verbs, reach in ((CLAIM, 90), (DENIAL, 40), (CONFIRM, 40)):
        for m in verbs.finditer(folded.text):
            c = comp.search(folded.text, m.end(), m.end() + reach)
            if not c:
                continue
            span = folded.span(m.start(), c.end())
            if any(span[0] <= t0 < span[1] for t0, _ in triggers):
                continue
            return span
    return None
