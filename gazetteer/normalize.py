"""Fold Syrian place names to comparison keys, in Arabic and in Latin script.

Why folding and not a hand list of spellings per place: reports spell the
same place a dozen ways, and no list keeps up. Instead every name, stored or
queried, goes through the same deterministic folding, so two spellings that
differ only in ways the scripts routinely differ end up as the same key; the
remaining differences (a dropped vowel, a real typo) are left to fuzzy
matching with a score threshold (see ``index.py``).

Arabic folding (``fold_arabic_words``), in order:

1. drop diacritics (harakat, tanwin, shadda, sukun, dagger alef) and tatweel;
2. alef forms أ إ آ ٱ → ا; ta marbuta ة → ه; alef maqsura ى → ي;
   hamza seats ؤ → و, ئ → ي; a bare hamza ء is dropped; Persian ک ی → ك ي;
3. punctuation, ``-`` and ``_`` become spaces;
4. a leading definite article ال is removed from every word longer than 3
   letters ("البو ليل" → "بو ليل", "الرقة" → "رقه");
5. ``unglue_article`` (a retry key) drops an inner ال of two words written
   as one ("دويراللين" → "دويرلين").

Latin folding (``fold_latin_words``), in order:

1. accents and the ayn/hamza signs (ʿ ʾ ' ’ `) are dropped, text lower-cased,
   ``-`` and ``_`` become spaces;
2. article words (al, el, ad, ar, as, az, ash, at, an, ed, er, es, ez …) are
   dropped; an article glued to the word is removed when it is assimilated
   ("Ezzor" → "zor", "Arraqqa" → "raqqa") or when "al"/"el" precedes a
   consonant in a long word ("Elbuleil" → "buleil");
3. a final ta marbuta -ah/-eh/-ih becomes a, a final e becomes a, a final
   y becomes i ("Kisreh" → "kisra", "Raqqah" → "raqqa", "Dalawy" = "Dalawi");
4. digraphs and letter families collapse: x → ks, sch/ch/sh → one letter
   "$" (ش stays apart from س), kh → k, ph → f, dh → d,
   th → t, gh/g/q/c → k, dj → j; diphthongs ou/oo/aw/ow → u,
   ee/ei/ey/ai/ay/ie/iy → i; then o → u, e → i, y → i, w before a consonant → u;
5. doubled letters collapse ("Raqqa" and "Raqa" meet);
6. ``vowel_skeleton`` (a second, weaker key, for keys of 4+ letters)
   replaces each vowel with "a", so spellings that differ only in vowel
   quality meet.

``name_key`` joins the folded words without spaces, so split and joined
forms ("البو ليل" / "البوليل", "Deir ez-Zor" / "Deirezzor") share a key;
``name_tokens`` keeps the words for partial (one-word) matching.
"""
from __future__ import annotations

import functools
import re
import unicodedata

_AR_DIACRITICS = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_AR_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و",
    "ئ": "ي", "ء": "", "ک": "ك", "ی": "ي", "ھ": "ه",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
    "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
})
_AR_RANGE = re.compile("[\u0600-\u06FF]")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)

_LAT_APOSTROPHES = str.maketrans({c: "" for c in "ʿʾ'’‘`´ʻʼ"})
_ARTICLES = frozenset({
    "al", "el", "il", "ul", "ad", "ar", "as", "az", "ash", "at", "an", "ed",
    "er", "es", "ez", "et", "en", "esh", "adh", "ath", "ed", "edh",
})
_ASSIMILATED = re.compile(r"^[ae]([bdhlnrstz])\1")
_GLUED_ARTICLE = re.compile(r"^[ae]l(?=[bcdfghjklmnpqrstvwxz])")
_QU_VOWEL = re.compile(r"qu(?=[aeio])")
_DIGRAPHS = (
    ("x", "ks"), ("sch", "$"), ("ch", "$"), ("sh", "$"), ("ph", "f"), ("dh", "d"), ("th", "t"),
    ("kh", "k"), ("gh", "k"), ("dj", "j"), ("q", "k"), ("g", "k"), ("c", "k"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "i"), ("ey", "i"), ("ai", "i"),
    ("ay", "i"), ("ie", "i"), ("iy", "i"),
)
_W_BEFORE_CONSONANT = re.compile(r"([aeiou])w(?=[^aeiou]|$)")
_DOUBLE = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=1 << 16)
def is_arabic(text: str) -> bool:
    """True when the text contains Arabic letters (then Arabic folding applies; memoised)."""
    return bool(_AR_RANGE.search(text))


def fold_arabic_words(text: str) -> list[str]:
    """Arabic text → folded words (see module docstring, steps 1-4)."""
    return list(_fold_arabic_words(text))


@functools.lru_cache(maxsize=1 << 16)   # a phrase's words are folded again by each reading of it (memoised)
def _fold_arabic_words(text: str) -> tuple[str, ...]:
    text = _AR_DIACRITICS.sub("", text).translate(_AR_MAP)
    words = []
    for word in _NON_WORD.sub(" ", text.replace("_", " ")).split():
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        words.append(word)
    return tuple(words)


@functools.lru_cache(maxsize=1 << 16)   # real text repeats its words; a pure function of one word
def _fold_latin_word(word: str) -> str:
    match = _ASSIMILATED.match(word)
    if match and len(word) > 4:
        word = word[2:]
    elif _GLUED_ARTICLE.match(word) and len(word) >= 6:
        word = word[2:]
    if len(word) > 3 and word.endswith("h") and word[-2] in "aei" and word[-3] not in "aeiou":
        word = word[:-2] + "a"          # ta marbuta: -ah / -eh / -ih
    elif len(word) > 3 and word.endswith("h") and word[-2] in "aeiy":
        word = word[:-1]
    elif len(word) > 3 and word.endswith("e"):
        word = word[:-1] + "a"
    if len(word) > 2 and word.endswith("y"):
        word = word[:-1] + "i"          # final -y is the vowel i ("Dalawy" = "Dalawi")
    word = _W_BEFORE_CONSONANT.sub(r"\1u", _QU_VOWEL.sub("q", word))
    for old, new in _DIGRAPHS:
        word = word.replace(old, new)
    word = word.replace("o", "u").replace("e", "i").replace("y", "i").replace("au", "u")
    return _DOUBLE.sub(r"\1", word)


def fold_latin_words(text: str) -> list[str]:
    """Latin text → folded words (see module docstring, steps 1-5)."""
    text = unicodedata.normalize("NFKD", text.translate(_LAT_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = _NON_WORD.sub(" ", text.replace("_", " ")).split()
    kept = [w for w in words if w not in _ARTICLES] or words
    return [f for f in (_fold_latin_word(w) for w in kept) if f]


_TO_A = str.maketrans("iu", "aa")   # vowel_skeleton: a translate table, not a regex (built 15,000 times)
_GLUED_AL = re.compile(r"(?<=\w\w)ال(?=\w\w)")


def unglue_article(key: str) -> str:
    """An Arabic key with a glued inner article removed ("دويراللين" → "دويرلين").

    Reports often write a two-word name as one word; the stored name's second
    word lost its ال in folding, so the query is retried without it.
    """
    return _GLUED_AL.sub("", key)


def vowel_skeleton(key: str) -> str:
    """A folded Latin key with every vowel letter replaced by "a".

    Transliterations disagree most on vowel *quality* (Manbij / Menbij,
    Tal / Tell) but rarely on the number of syllables, so keys that agree
    here differ only in vowels ("Bleel" and "Buleel" do not: one syllable
    less; "Darayya" and "Dar'a" do not: one vowel more).
    """
    return key.translate(_TO_A)


@functools.lru_cache(maxsize=1 << 17)
def _folded(text: str) -> tuple[str, ...]:
    # Memoised: the same admin and place names are folded many times while building.
    return tuple(fold_arabic_words(text) if is_arabic(text) else fold_latin_words(text))


def name_tokens(text: str) -> list[str]:
    """Folded words of a name, in whichever script it is written."""
    return list(_folded(text))


def name_key(text: str) -> str:
    """The exact-match key: folded words joined without spaces."""
    return "".join(_folded(text))


def script_of(text: str) -> str:
    """'ar' or 'lat': which script's folding and index a text belongs to."""
    return "ar" if is_arabic(text) else "lat"


# -- the cross-romanisation key ------------------------------------------------------
#: Arabic letter → its consonant class (see ``skeleton_key``). Letters that are
#: vowels or that romanisations drop or render as vowels (ا و ي ى ع ء) map to "".
_SK_AR = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
    "ز": "d", "س": "s", "ش": "$", "ص": "s", "ض": "d", "ط": "t", "ظ": "d", "ع": "", "غ": "k",
    "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "", "ي": "",
    "ا": "", "ى": "", "ء": "", "پ": "b", "ڤ": "f", "گ": "k", "چ": "j",
}
#: Latin folded letter → consonant class (after ``fold_latin_words``: q/g/kh/gh/c → k, th → t, dh → d, sh → $).
_SK_LAT = str.maketrans({"a": "", "e": "", "i": "", "o": "", "u": "", "w": "", "y": "", "z": "d", "p": "b",
                         "v": "f"})


def _skeleton_ar_word(word: str, final: bool, construct: bool = True) -> str:
    word = word.replace("ة", "ت" if construct and not final else "")   # ta marbuta: "t" in a construct
    out = "".join(_SK_AR.get(c, c if c.isdigit() else "") for c in word)
    if out.endswith("h") and final and len(out) > 1 and word.endswith("ه"):
        out = out[:-1]                                # ه written for ta marbuta
    return out


def _skeleton_lat_word(word: str, final: bool, construct: bool = True) -> str:
    out = word.translate(_SK_LAT)
    if not construct and not final and len(out) > 2 and out.endswith("t") and word[-2:-1] in "aiu":
        out = out[:-1]                                # "Khirbet" read as a plain ta marbuta
    if word.endswith("h") and len(out) > 1:
        out = out[:-1]                                # a final h the folding left (-ah after a vowel)
    return out


@functools.lru_cache(maxsize=1 << 17)
def skeleton_keys(text: str) -> tuple[str, ...]:
    """``skeleton_key`` and the readings with every inner ta marbuta silent and (Arabic) without a final h.

    A ta marbuta before another word is pronounced "t" in a construct (خربة الروس, Khirbat ar
    Rus) but not before an adjective (أربعة كبيرة, "Arbah Kabir"); the spelling does not say
    which, so both keys are indexed and both are looked up.
    """
    first = skeleton_key(text)
    keys = [first, _skeleton(text, construct=False)]
    if is_arabic(text) and first.endswith("h") and len(first) > 3:
        keys.append(first[:-1])   # a final ح/ه that romanisations write as the -ah ending ("Tuffah" تفاح)
    return tuple(dict.fromkeys(keys))


def _skeleton(text: str, *, construct: bool = True) -> str:
    if is_arabic(text):
        text = _AR_DIACRITICS.sub("", text)
        for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ؤ", "و"), ("ئ", "ي")):
            text = text.replace(a, b)
        raw = [w for w in _NON_WORD.sub(" ", text.replace("_", " ")).split()]
        raw = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in raw]
        parts = [_skeleton_ar_word(w, i == len(raw) - 1, construct) for i, w in enumerate(raw)]
    else:
        folded = _folded(text)
        parts = [_skeleton_lat_word(w, i == len(folded) - 1, construct) for i, w in enumerate(folded)]
    return _join_classes(parts)


def _join_classes(parts: list[str]) -> str:
    """Words' class strings joined; a class that ends one word and starts the next counts once.

    Inside a word nothing collapses: Arabic writes a doubled consonant once (shadda) and the Latin
    folding has already undone doubled letters, so two equal classes left side by side were two
    consonants with a vowel between them (بابكة / Babikah: b-b-k, not b-k).
    Across words they merge: "Kafr Ruma" and كفرومة both read k-f-r-m.
    """
    out = ""
    for part in parts:
        out += part[1:] if out and part and out[-1] == part[0] else part
    return out


def skeleton_classes(key: str) -> int:
    """How many class runs a skeleton has ("bll" → 2): its evidence when matched over the whole country."""
    return len(_DOUBLE.sub(r"\1", key))


@functools.lru_cache(maxsize=1 << 17)
def skeleton_key(text: str) -> str:
    """The cross-romanisation key: the consonant classes of a name, in any script.

    Romanisations of one Arabic name (OCHA's, UCDP's, GeoNames', ACLED's, a
    newspaper's) disagree mostly about what Arabic does not write — the short
    vowels — and about how to render a few letters. The key keeps only what
    the Arabic spelling fixes, as letter classes, so that every spelling of a
    name and the Arabic original itself fold to one string:

    * **Arabic side** (from the raw name): each consonant → its class
      (ب b, ت ط ث t, ج j, ح ه h, خ ق ك غ k, د ذ ز ض ظ d, س ص s, ش $, ف f,
      ل l, م m, ن ن, ر r); ا و ي ى ع ء (long vowels, ayn, hamza) are dropped;
      ta marbuta ة is silent at the end of the name and "t" before another
      word (خربة الروس → krbt rs, Khirbat ar Rus); the article ال of each
      word is dropped (``fold_arabic_words``).
    * **Latin side** (from ``fold_latin_words``, so articles al-/el-/ad-/as-…,
      -ah/-eh endings, doubled letters, q/k/g, kh/gh, sh/ch, th, dh and the
      vowel digraphs are already folded): every vowel and w/y is dropped,
      z joins d (dh/z/d), a final h is dropped (-ah/-eh/-ih).
    * Words are joined; a class that ends one word and starts the next counts once
      (inside a word equal classes are two consonants: بابكة, Babikah → bbk).

    So Tall/Tal/Tell → tl, Bir/Bi'r → br, Jabal/Jebel/Jbel → jbl,
    Ain/Ayn/'Ayn/Ein → n, Kafr/Kfar/Kafar → kfr, Deir/Dayr/Der → dr,
    Khirbet/Khirbat → krbt, Ma'arrat/Maarat → mrt.

    The key is lossy on purpose (Zalaf and Dalaf meet): ``index.py`` scores a
    match on it below an exact or vowel-level match, and only a context unit
    or a clear lead turns it into an answer.
    """
    return _skeleton(text)


_TR_AR = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
    "ز": "z", "س": "s", "ش": "$", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "k", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "u", "ي": "i", "ى": "a",
}


@functools.lru_cache(maxsize=1 << 15)
def arabic_as_latin(text: str) -> str:
    """A folded Latin reading of an Arabic name, comparable with ``name_key`` of a Latin spelling.

    Only what the Arabic writes: consonants in the Latin folding's classes, the long vowels
    ا و ي as a u i, a final ه/ة as a (ta marbuta); short vowels are absent, so this is a
    tie-breaker between names that share a skeleton (براد "brad" is nearer to "Barad" than
    بردة "brda"), not a key.
    """
    out = []
    for word in fold_arabic_words(text):
        w = "".join(_TR_AR.get(c, "") for c in word)
        if word.endswith("ه") and len(w) > 1:
            w = w[:-1] + "a"
        out.append(w)
    return _DOUBLE.sub(r"\1", "".join(out))
