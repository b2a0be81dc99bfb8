"""How many: numbers of people, commanders, families, strikes — with honest bounds.

Why bounds instead of one number: "أكثر من 22" means at least 23, "حوالي 20"
about 20 (we keep 15–25 and mark it approximate), "عشرات" tens. The analyst
sees both the phrase as written and the bounds the map will use.
Only nouns in the small lexicon below are counted, so unit numbers
("الفرقة 17"), years and durations do not become casualties.
"""
from __future__ import annotations

import re

from events.ingest.datewords import NUMBER_WORD_RE, number_value
from events.ingest.normalize import fold, fold_pattern, fold_text
from events.model import Count

#: Noun stems (folded) → English label. Matched as a prefix of the word after optional ال/لل.
NOUNS = {
    "قيادي": "commanders", "قادة": "commanders", "قائد": "commanders", "مدني": "civilians", "عائل": "families",
    "عوائل": "families", "اسر": "families", "شخص": "people", "اشخاص": "people", "قتيل": "killed", "قتلى": "killed",
    "جريح": "wounded", "جرحى": "wounded", "مصاب": "wounded", "مسلح": "fighters", "عنصر": "fighters",
    "عناصر": "fighters", "مقاتل": "fighters", "طفل": "children", "اطفال": "children", "امراة": "women",
    "نساء": "women", "جندي": "soldiers", "جنود": "soldiers", "غار": "air strikes", "ضرب": "strikes",
    "قذيف": "shells", "قذائف": "shells", "صاروخ": "missiles", "صواريخ": "missiles", "برميل": "barrel bombs",
    "براميل": "barrel bombs", "نازح": "displaced people", "منزل": "houses", "منازل": "houses",
    "معتقل": "detainees", "مروحي": "helicopters", "commander": "commanders", "civilian": "civilians",
    "famil": "families", "people": "people", "person": "people", "fighter": "fighters", "militant": "fighters",
    "soldier": "soldiers", "child": "children", "women": "women", "woman": "women", "strike": "strikes",
    "airstrike": "air strikes", "shell": "shells", "rocket": "rockets", "missile": "missiles",
    "helicopter": "helicopters", "resident": "residents", "detainee": "detainees", "house": "houses",
    "member": "members", "killed": "killed", "dead": "killed", "wounded": "wounded", "injured": "wounded",
    "displaced": "displaced people", "household": "families",
}
MAX_COUNT = 10_000_000  # the bound events.validate accepts


def _rc(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(fold_pattern(pattern), flags)


def _word_before(text: str, end: int) -> re.Match | None:
    """The word just before ``end`` (``_WORD_BEFORE`` on the last ``_BEFORE_CHARS`` characters, by position)."""
    return _WORD_BEFORE.search(text, max(0, end - _BEFORE_CHARS), end)


NOUNS = {fold_text(k): v for k, v in NOUNS.items()}
_NOUN_KEYS = sorted(NOUNS, key=len, reverse=True)
_ADJECTIVES = {"ميداني": "field", "اخرين": "", "اخر": "", "field": "field", "senior": "senior", "local": "local"}
_GROUP_AFTER = _rc(r"^\s*(?:\S+\s+){0,2}?(?:لـ?\s*\"?|من\s+|في\s+|of\s+(?:the\s+)?)?\"?(داعش|التنظيم|تنظيم الدولة|isis|isil|islamic state)")

_MORE = r"اكثر\s+من|تجاوز|يتجاوز|exceeded|ما\s+يزيد\s+(?:عن|على)|ازيد\s+من|more\s+than|over"
_LESS = r"اقل\s+من|less\s+than|fewer\s+than|under"
_ABOUT = r"نحو|حوالي|قرابة|زهاء|ما\s+يقارب|ما\s+يقرب\s+من|about|around|nearly|approximately|roughly|some|almost"
_LEAST = r"at\s+least|ما\s+لا\s+يقل\s+عن|لا\s+يقل\s+عن"
_UPTO = r"up\s+to|حتى"
_NUM = rf"(?P<n>\d[\d,]*|{NUMBER_WORD_RE})"
_COUNT = _rc(
    rf"(?<![\w])(?:(?P<q>{_MORE}|{_LESS}|{_ABOUT}|{_LEAST}|{_UPTO})\s+)?{_NUM}(?:\s+(?P<mult>الف|الاف|مئة|مائة|thousand|hundred))?"
    rf"\s+(?:من\s+(?:ال)?|of\s+(?:the\s+)?)?"
    rf"(?P<noun>[\w\-]+)(?:\s+(?!على\s+الاقل)(?P<adj>[\w]+))?(?P<least>\s+على\s+الاقل)?")
_TWO = _rc(r"(?<![\w])(?:اثنين|اثنان|اثنتين|اثنتان)(?![\w])")
_WORD_BEFORE = _rc(r"(?<!\w)(\w++)\s++$")
#: How far back the word before a number is looked for: one word and its spaces, never the whole clause.
_BEFORE_CHARS = 64
_WORD_AFTER = _rc(r"^\s+([\w]+)")
_VAGUE = _rc(r"(?<![\w])(?P<q>عشرات|مئات|الاف|dozens|hundreds|thousands)\s+(?:من\s+(?:ال)?|of\s+(?:the\s+)?)?(?P<noun>[\w\-]+)")
_VAGUE_BOUNDS = {fold_text(k): v for k, v in {  # keyed as the folded text reads them ("مئات" → "ميات")
    "عشرات": (20, 99), "dozens": (24, 99), "مئات": (200, 999), "hundreds": (200, 999),
    "الاف": (2000, 9999), "thousands": (2000, 9999)}.items()}


def noun_label(word: str) -> str | None:
    """English label for a counted noun ('قياديا' → 'commanders'), None when not in the lexicon."""
    w = fold_text(word)
    for prefix in ("وال", "بال", "لل", "ال", "و"):
        if w.startswith(prefix) and len(w) - len(prefix) >= 3:
            stripped = w[len(prefix):]
            if any(stripped.startswith(k) for k in _NOUN_KEYS):
                w = stripped
                break
    for key in _NOUN_KEYS:
        if w.startswith(key):
            return NOUNS[key]
    return None


def _label(noun: str, adj: str | None, after: str) -> str | None:
    label = noun_label(noun)
    if label is None:
        return None
    parts = []
    if _GROUP_AFTER.match(after):
        parts.append("ISIS")
    extra = next((v for k, v in _ADJECTIVES.items() if adj and fold_text(adj).startswith(k)), "")
    if extra:
        parts.append(extra)
    parts.append(label)
    return " ".join(parts)


def _number(text: str) -> int | None:
    return number_value(text.replace(",", ""))


def find_counts(text: str, *, skip: list[tuple[int, int]] = ()) -> list[tuple[Count, tuple[int, int]]]:
    """Counts in ``text`` with their spans, ignoring numbers inside ``skip`` spans (dates)."""
    folded = fold(text)
    work = list(folded.text)
    for a, b in skip:  # blank out dates in the folded text
        for i, off in enumerate(folded.offsets):
            if a <= off < b:
                work[i] = " "
    work_text = "".join(work)
    out: list[tuple[Count, tuple[int, int], int]] = []
    taken: list[tuple[int, int]] = []

    def add(count: Count, s: int, e: int) -> None:
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        out.append((count, folded.span(s, e), s))

    for m in _TWO.finditer(work_text):  # "قياديين اثنين (ميدانيين)", "قياديين ميدانيين اثنين"
        w1 = _word_before(work_text, m.start())
        if not w1:
            continue
        nxt = _WORD_AFTER.match(work_text[m.end():])
        start, label = w1.start(), _label(w1.group(1), nxt.group(1) if nxt else None, work_text[m.end():m.end() + 40])
        if label is None:
            w2 = _word_before(work_text, w1.start())
            if w2:
                start, label = w2.start(), _label(w2.group(1), w1.group(1), work_text[m.end():m.end() + 40])
        if label:
            add(Count(label, 2, 2, False, folded.source(start, m.end())), start, m.end())
    for m in _COUNT.finditer(work_text):
        n = _number(m.group("n"))
        if n is None:
            continue
        if m.group("mult"):  # "20 ألف شخص", "3 thousand people"
            n *= 100 if m.group("mult") in ("مئة", "مائة", "hundred") else 1000
        if n > MAX_COUNT:
            continue  # not a believable count of people or strikes: a typo or an id
        label = _label(m.group("noun"), m.group("adj"), work_text[m.end("noun"):m.end("noun") + 40])
        if label is None:
            continue
        q = re.sub(r"\s+", " ", m.group("q") or "")
        end = m.end("noun")
        as_written = folded.source(m.start(), end).strip()
        if q and re.fullmatch(fold_pattern(_MORE), q):
            count = Count(label, n + 1, None, False, as_written)
        elif q and re.fullmatch(fold_pattern(_LESS), q):
            count = Count(label, 0, max(n - 1, 0), False, as_written)
        elif q and re.fullmatch(fold_pattern(_ABOUT), q):
            count = Count(label, int(round(n * 0.75)), int(round(n * 1.25)), True, as_written)
        elif (q and re.fullmatch(fold_pattern(_LEAST), q)) or m.group("least"):
            count = Count(label, n, None, False, as_written)
        elif q and re.fullmatch(fold_pattern(_UPTO), q):
            count = Count(label, 0, n, False, as_written)
        else:
            count = Count(label, n, n, False, as_written)
        add(count, m.start(), end)
    for m in _VAGUE.finditer(work_text):
        label = _label(m.group("noun"), None, work_text[m.end():m.end() + 40])
        if label:
            lo, hi = _VAGUE_BOUNDS[m.group("q")]
            add(Count(label, lo, hi, True, folded.source(m.start(), m.end())), m.start(), m.end())
    out.sort(key=lambda t: t[2])
    return [(c, span) for c, span, _ in out]
