"""Arabic/Latin text folding that remembers where each character came from.

Why a map of offsets: every rule in this package matches on folded text
(hamza forms, alef maqsura, Arabic-Indic digits, diacritics and tatweel
removed, lower-case Latin, whitespace runs collapsed), but a Draft must point at the *original*
characters (span, as_written). ``Folded.span(i, j)`` turns a match on the
folded text back into offsets of the text the analyst pasted.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pyarabic import araby

_CHAR_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ؤ": "و", "ئ": "ي",
    "“": '"', "”": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "–": "-", "—": "-",
    "\u00a0": " ", "\u200f": " ", "\u200e": " ", "\u200c": " ",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _CHAR_MAP[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _CHAR_MAP[_d] = str(_i)
_DROP = set(araby.TASHKEEL) | {araby.TATWEEL}


@dataclass(frozen=True)
class Folded:
    """Folded text plus, for each folded character, its offset in the original."""
    original: str
    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded slice ``text[start:end]``."""
        if start >= len(self.offsets):
            return (len(self.original), len(self.original))
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return (o_start, o_end)

    def source(self, start: int, end: int) -> str:
        """The original characters behind the folded slice."""
        a, b = self.span(start, end)
        return self.original[a:b]


_TABLE = str.maketrans(_CHAR_MAP)
#: What only the character loop handles: a dropped mark, a run of whitespace, a tab or other space.
_SLOW = re.compile("[" + re.escape("".join(sorted(_DROP))) + r"]|\s\s|[^\S \n]")


@functools.lru_cache(maxsize=4096)  # every stage folds the same clause: fold it once (Folded is frozen)
def fold(text: str) -> Folded:
    """Fold ``text`` for matching: one hamza-less alef, ي for ى, ASCII digits, no diacritics, lower case,
    and each run of whitespace as one character (a newline if the run holds one, else a space).

    The whitespace rule is a time budget as much as a convenience: no rule downstream ever sees a run
    of spaces to backtrack over, whatever was pasted (issue 13).
    """
    mapped = text.translate(_TABLE)
    if not _SLOW.search(mapped):  # the common case: nothing dropped, no run of spaces: one offset per character
        low = mapped.lower()
        if len(low) == len(text):
            return Folded(text, low, tuple(range(len(text))))
    chars: list[str] = []
    offsets: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        ch = _CHAR_MAP.get(ch, ch)
        if ch.isspace():
            if in_space:
                if ch == "\n":
                    chars[-1] = "\n"
                continue
            in_space = True
            ch = "\n" if ch == "\n" else " "
        else:
            in_space = False
            ch = ch.lower()
        chars.append(ch)
        offsets.append(i)
    return Folded(text, "".join(chars), tuple(offsets))


def fold_text(text: str) -> str:
    """Only the folded string (for patterns and vocabulary)."""
    return fold(text).text


def is_arabic(text: str) -> bool:
    """True when most letters are Arabic (language detection good enough to pick rule sets)."""
    arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return arabic > latin


def words(pattern_words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of folded words, longest first so prefixes do not win."""
    folded = sorted({fold_text(w) for w in pattern_words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in folded) + ")"


#: Arabic word boundary: not preceded/followed by an Arabic or Latin letter/digit.
B = r"(?<![\w\u0600-\u06ff])"
E = r"(?![\w\u0600-\u06ff])"


_PATTERN_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ؤ": "و", "ئ": "ي"})


def fold_pattern(pattern: str) -> str:
    """Fold the Arabic letters of a regex (not its escapes or case) so it matches folded text."""
    return pattern.translate(_PATTERN_MAP)
