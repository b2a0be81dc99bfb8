"""One table of Arabic proclitics and settlement nouns, shared by every reader of Arabic place phrases.

Why a module of its own: Arabic glues the conjunctions و/ف, the prepositions ب/ل/ك and the article
ال to the word that follows («وبريف», «للمدينة», «ببلدة», «والقرى»). Four readers need to see
through them — the qualifier/relative parser (``phrases.py``), the structured-phrase splitter
(``structured_ar.py``), the context reader (``context.py``) and the co-occurrence reader
(``cooccur.py``). Each used to keep its own tuple, and the tuples had drifted apart (one knew «كال»,
another «وف», a third neither), so one phrase could be read differently by two stages. They all use
this table now, and ``bare`` is the one way to take a clitic off.

Words here are *folded* (``normalize.fold_arabic_words``: hamza seats, ة → ه, ى → ي, a leading ال
removed), so «البلدة», «البلده» and «بلدة» are one word, and a clitic+article written as one word
(«بالبلدة» → «بالبلده») is undone by ``bare``.
"""
from __future__ import annotations

from gazetteer.normalize import fold_arabic_words

#: Proclitics, longest first, with whether they carry the article: و "and", ف "so", ب "in/at/by",
#: ل "to/for", ك "like", and their combinations (لل = ل + ال, ولل = و + ل + ال).
_PROCLITICS = (
    ("وبال", True), ("وال", True), ("بال", True), ("فال", True), ("كال", True), ("ولل", True), ("لل", True),
    ("وب", False), ("ول", False), ("وف", False), ("و", False), ("ب", False), ("ل", False), ("ف", False),
)
CLITICS: tuple[str, ...] = tuple(c for c, _ in _PROCLITICS)
#: The clitics that end in the article (the word after them is definite).
ARTICLE_CLITICS: frozenset[str] = frozenset(c for c, article in _PROCLITICS if article)
#: The clitics without the article («وب», «ل»): what is left glued when the article is taken off.
PLAIN_CLITICS: tuple[str, ...] = tuple(c for c, article in _PROCLITICS if not article)

#: Settlement nouns (folded): after one of them a place's name starts («مدينة جسر الشغور»,
#: «بلدتي نبل والزهراء»). Singular, dual (construct «بلدتي», nominative «بلدتا», oblique «قريتين»)
#: and plural forms; «أحياء» folds to «احيا».
SETTLEMENT_NOUNS: frozenset[str] = frozenset({
    "مدينه", "بلده", "قريه", "حي", "مخيم", "ضاحيه",
    "مدينتي", "بلدتي", "قريتي", "حيي", "مدينتا", "بلدتا", "قريتا", "مدينتين", "بلدتين", "قريتين",
    "مدن", "بلدات", "قري", "احياء", "احيا",
})
#: Plural settlement nouns: before ONE name they mean the villages *around* it («قرى درعا»).
PLURAL_AROUND: frozenset[str] = frozenset({"قري", "بلدات"})


def fold_word(word: str) -> str:
    """One raw Arabic word folded (``normalize.fold_arabic_words``) and joined."""
    return "".join(fold_arabic_words(word))


def article_letters(clitic: str) -> str:
    """A clitic without its article: «وبال» → «وب», «لل» → «ل», «ولل» → «ول», «وب» → «وب»."""
    if clitic not in ARTICLE_CLITICS:
        return clitic
    return clitic[:-1] if clitic.endswith("لل") else clitic[:-2]


def bare(fold: str, vocabulary, *, min_rest: int = 2) -> str | None:
    """The vocabulary word inside the folded word ``fold`` once a glued clitic (+ال) is removed, else None.

    «بريف» → «ريف», «للمدينه» → «مدينه», «وبالقري» → «قري». ``vocabulary`` is a set of folded
    words or a predicate on one; the word itself is tried first (many names start with these
    letters: «بنش», «لطامنه»), and what is left after a clitic must have ``min_rest`` letters.
    """
    accept = vocabulary if callable(vocabulary) else vocabulary.__contains__
    if accept(fold):
        return fold
    for clitic in CLITICS:
        if not fold.startswith(clitic):
            continue
        rest = fold[len(clitic):]
        if len(rest) < min_rest:
            continue
        if accept(rest):
            return rest
        if rest.startswith("ال") and len(rest) > 3 and accept(rest[2:]):
            return rest[2:]
    return None


def settlement_noun(word: str) -> str | None:
    """The settlement noun a raw word is («وبلدتي» → «بلدتي», «بالقرية» → «قريه»), else None.

    A dual written with the article is a proper name, not a noun: «القريتين» is the town of
    al-Qaryatayn, «قريتين» "two villages" (the way Arabic names places after a pair of things).
    """
    noun = bare(fold_word(word), SETTLEMENT_NOUNS)
    plain = word.replace("ـ", "")
    if noun is not None and noun.endswith("ين") and ("ال" + noun in plain or "لل" + noun in plain):
        return None
    return noun
