"""Arabic place phrases split into parts: [type noun] NAME [containing area], and shorter readings.

Why a module of its own: Arabic news glues prepositions and the article to the words
that mark a container («بريف», «بالغوطة», «بجبل»), writes type nouns in the dual and plural
(«بلدتي», «قرى», «قريتين»), names a place by a nisba adjective («حي جوبر الدمشقي») and adds
description after a name («الموالية للنظام», «الحدودية مع تركيا»). This module only reads the
words (folded with ``normalize.fold_arabic_words``); ``structured.py`` resolves the parts.

Rules (each with tests in tests/gazetteer/test_structured_ar.py):

* the NAME is the words before the first container marker (never the first word); a marker
  is ريف/أرياف/ريفي, في, ضمن, داخل, وسط, قلب, قرب/بالقرب, أطراف, محيط, جوار, حدود, عند,
  التابعة/الواقعة/القريبة/المجاورة/المحاذية/المقابلة (+ل/في/من), a bare direction (شمال X), a type
  noun or a place glued with ب («بجبل الأكراد», «بمدينة حلب», «بالرقة», «بدمشق»);
* a direction adjective with its article right after the name is part of the name («الغارية
  الغربية»), unless «من» follows («إلى الشرق من درعا»);
* a phrase with no name («داخل مدينة X», «حي في X», «قريتين قرب X», «درعا البلد», «حلب القديمة»)
  gives ``name=""``: the container is all the text places;
* a final nisba of a place («الدمشقي», «الحلبية») is a container (structured.py accepts it only
  when it names a city or an admin unit);
* shorter readings: before a comma, the first of a «و» list (a plural noun made singular),
  without trailing nisba adjectives, cut at the first nisba after the name, without a leading
  hill word («منطقة تل X» → «منطقة X»).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from gazetteer.arabic_lexicon import PLAIN_CLITICS, SETTLEMENT_NOUNS, bare
from gazetteer.normalize import fold_arabic_words, is_arabic

#: Arabic container markers (folded, without clitics/article).
_AR_MARKERS = {"ريف", "ارياف", "ريفي", "في", "ضمن", "داخل", "قرب", "بالقرب", "حول", "اطراف", "محيط", "جوار", "بجوار",
               "قرابه", "حدود", "عند", "تابعه", "واقعه", "قريبه", "مجاوره", "ناحيه", "محافظه", "منطقه", "وسط",
               "قلب", "محاذيه", "مقابله", "واقع", "تابع", "قريب", "مجاور"}
#: A phrase that starts with one of these is "somewhere in X": X is the container, there is no name.
_AR_LEADING_IN = {"في", "داخل", "وسط", "قلب", "ضمن"}
#: «درعا البلد», «حلب القديمة»: the old town of X — a part of X, so X's area.
_AR_OLD_TOWN = {"بلد", "قديمه"}
_FILLER_WORDS = {"في", "من", "الي", "علي", "عن"}
_AR_DIRECTIONS = ("شمال", "جنوب", "شرق", "غرب")
#: Nouns that name a kind of place; a phrase never ends at one of them.
_AR_TYPE_WORDS = SETTLEMENT_NOUNS | {
    "ريف", "ارياف", "اطراف", "محيط", "وسط", "قلب", "طرف", "جبهه", "سد", "مطار", "حقل", "معبر", "دوار", "منطقه",
    "جبل", "تل", "تله", "سهل", "ناحيه", "محافظه", "قاعده", "معسكر", "معسكري", "حقلي", "محطه", "مقاطعه", "جبال"}
_NISBA = re.compile(r"^ال\w{2,}(?:ي|يه|ية|يين|يتين|يون)$")
_PLAIN = str.maketrans({"ة": "ة", "ـ": None})


@dataclass(frozen=True)
class PlacePhrase:
    """A phrase split into the name to look up and the area said to hold it."""
    name: str
    container: str = ""
    marker: str = ""
    head: str = ""        # the type noun(s) of a phrase with no name («حي», «قريتين»)
    within: str = ""      # "between A and B in Y": the area said to hold both



def _bare(word: str) -> str:
    """A folded Arabic word without a leading clitic when what is left is a marker or a direction
    (بريف → ريف, وشمال → شمال); any other word folded as it is (والرقة → رقه: a name keeps its letters)."""
    folded = _fold(word)
    return bare(folded, _is_marker) or folded


def _is_marker(fold: str) -> bool:
    return fold in _AR_MARKERS or fold.startswith(_AR_DIRECTIONS)


def _is_direction(fold: str) -> bool:
    return fold.startswith(_AR_DIRECTIONS) and len(fold) <= 7


def _fold(word: str) -> str:
    return "".join(fold_arabic_words(word))


def _has_name(head: list[str]) -> bool:
    """Do the words before a marker hold a name? («مدينة» alone does not; «منطقة المحطة» does.)"""
    folds = [_fold(w) for w in head]
    if any(f and f not in _AR_TYPE_WORDS and f not in _FILLER_WORDS and f not in _TYPE_ONLY for f in folds):
        return True
    if any(_named_dual(w) for w in head):
        return True   # «القريتين»: the town al-Qaryatayn, not "two villages"
    return len(head) >= 2 and head[-1].startswith("ال") and folds[0] in _AR_TYPE_WORDS


def _only_type_words(head: list[str]) -> bool:
    """«حي», «قريتين», «حي في»: a kind of place and no name."""
    folds = [_fold(w) for w in head]
    return bool(folds) and not any(_named_dual(w) for w in head) and all(
        f in _AR_TYPE_WORDS or f in _FILLER_WORDS or f in _TYPE_ONLY for f in folds)


def _named_dual(word: str) -> bool:
    """A dual type noun written with the article is a proper name: «القريتين» (al-Qaryatayn), as in
    ``arabic_lexicon.settlement_noun``; «قريتين» alone is "two villages"."""
    plain = word.replace("ـ", "")
    return plain.startswith(("ال", "وال", "بال")) and _fold(plain).endswith("ين") and _fold(plain) in _TYPE_ONLY


#: Type nouns that occur alone, as "a/two <type>" («قريتين قرب X», «مواقع قرب X»).
_TYPE_ONLY = {"قريتين", "بلدتين", "مدينتين", "حيا", "مواقع", "موقع", "مناطق", "مقرات", "مقر", "نقاط", "قريه", "بلده"}


def split_arabic(text: str) -> PlacePhrase | None:
    """«مدينة منبج بريف حلب الشرقي» → name «مدينة منبج», container «ريف حلب الشرقي»; None if no container.

    A phrase with no name before its container («حي في جنوب مدينة الحسكة», «داخل مدينة الزبداني»,
    «قريتين قرب بلدة تل أبيض») gives ``name=""``: the container is all the text places.
    """
    words = [w for w in text.replace("،", "، ").split() if w.strip("،,")]
    if len(words) < 2:
        return None
    first = _bare(words[0])
    if first == "بين" and len(words) >= 3:
        return PlacePhrase("", " ".join(words[1:]), "between")  # «بين بلدتي تادف والباب»
    if first in _AR_LEADING_IN:
        return PlacePhrase("", " ".join(words[1:]), first)     # «داخل مدينة الزبداني», «وسط مدينة حلب»
    if first in {"ريف", "ارياف", "ريفي", "اطراف", "محيط", "قرب", "بالقرب"} or _is_direction(first):
        # a relative phrase about its anchor («ريف مدينة X الشمالي»): relative.py reads it, unless a unit
        # holds the anchor («محيط مدينة تدمر بريف حمص الشرقي»): then the relative phrase is the name
        return _relation_in_unit(words)
    found = _split_at_marker(words)
    if found is not None:
        return found
    if len(words) <= 4 and _fold(words[-1]) in _AR_OLD_TOWN and words[-1].startswith("ال") and _has_name(words[:-1]):
        return PlacePhrase("", " ".join(words[:-1]), "old")      # «درعا البلد», «حلب القديمة»
    stem = nisba_stem(words[-1])
    if stem and len(words) >= 3 and _has_name(words[:-1]):
        return PlacePhrase(" ".join(words[:-1]), stem, "nisba")   # «حي جوبر الدمشقي»: Jobar of Damascus
    return None


#: Nisba adjectives of countries say nothing about which town («مدينة مارع السورية»).
_COUNTRY_STEMS = {"سور", "سوري", "ترك", "تركي", "لبنان", "لبناني", "عراق", "عراقي", "اردن", "اردني", "سعود", "سعودي",
                  "عرب", "عربي", "روس", "ايران", "امريك", "مصر",
                  "كرد", "كردي", "شيع", "سن", "علو", "دول", "حدود", "عسكر", "نفط", "غرب", "شرق", "شمال", "جنوب"}


def nisba_stem(word: str) -> str:
    """«الدمشقي» → «دمشق», «الحلبية» → «حلب»: the place a nisba adjective is made from ("" if none)."""
    if not word.startswith("ال"):
        return ""
    fold = _fold(word)
    for suffix in ("يين", "يه", "ي"):
        if fold.endswith(suffix) and len(fold) - len(suffix) >= 3:
            stem = fold[: -len(suffix)]
            return "" if stem in _COUNTRY_STEMS or stem.startswith(_AR_DIRECTIONS) else stem
    return ""


def between_parts(container: str) -> tuple[str, str] | None:
    """«بلدتي تادف والباب» → («بلدتي تادف», «الباب»): the two places of «بين X و Y» (None if no «و»);
    "Ariha and Jisr ash Shughur" → ("Ariha", "Jisr ash Shughur") in English."""
    if not is_arabic(container):
        a, _, b = container.partition(" and ")
        return (a.strip(), b.strip()) if a.strip() and b.strip() else None
    words = container.split()
    for i in range(1, len(words)):
        if words[i].startswith("و") and len(words[i]) > 2:
            return " ".join(words[:i]), " ".join([words[i][1:]] + words[i + 1:])
    return None


def _split_at_marker(words: list[str]) -> PlacePhrase | None:
    for i in range(1, len(words)):
        raw = words[i]
        fold = _bare(raw)
        plain = _fold(raw)
        if raw.startswith("ال") and _is_direction(plain) and not (
                i + 1 < len(words) and _fold(words[i + 1]) == "من"):
            continue  # «الغارية الغربية»: an adjective of the name, not "west of" (unless «الشرق من X»)
        named = _has_name(words[:i])
        glued_type = raw.startswith(("ب", "وب")) and _fold(raw[raw.index("ب") + 1:]) in _AR_TYPE_WORDS
        if not named and not (_only_type_words(words[:i]) and (fold in _AR_MARKERS or _is_direction(fold) or glued_type)):
            continue  # «مدينة» alone is no name: the marker must follow a name (or a bare type noun)
        head = list(words[:i])
        while len(head) > 1 and _fold(head[-1]) in _FILLER_WORDS:
            head.pop()            # «بلدة تادف على أطراف …»: «على» belongs to the marker
        name = " ".join(head).rstrip("،, ") if named else ""
        if fold in _AR_MARKERS or _is_direction(fold) or _is_direction(plain):
            if fold in {"تابعه", "واقعه", "قريبه", "مجاوره", "واقع", "تابع", "قريب", "مجاور"}:
                rest = words[i + 1:]
                if rest and "".join(fold_arabic_words(rest[0])) in {"في", "ل", "الي", "من", "علي"}:
                    rest = rest[1:]
                container = " ".join(rest)
            elif fold in {"في", "ضمن", "داخل", "عند"}:
                container = " ".join(words[i + 1:])
            elif fold in {"بالقرب", "قرب", "اطراف", "محيط", "جوار", "بجوار", "قرابه"}:
                container = " ".join(["قرب" if fold != "اطراف" else "أطراف"] + [
                    w for w in words[i + 1:] if "".join(fold_arabic_words(w)) != "من"])
            else:
                container = " ".join([_strip_clitic(raw)] + words[i + 1:])
            if raw.startswith("ال") and _is_direction(plain):
                container = " ".join([raw] + [w for w in words[i + 1:] if _fold(w) != "من"])
            anchor = [w for w in container.split() if not _is_direction(_bare(w))
                      and "".join(fold_arabic_words(w)) not in {"في", "من", "الي", "علي"}]
            if anchor:
                return PlacePhrase(name, container.strip(), fold, "" if named else " ".join(words[:i]))
        elif glued_type and i < len(words) - 1:
            # «بجبل الأكراد», «بمدينة حلب», «بسهل الغاب»: a type noun glued with ب opens the container
            return PlacePhrase(name, " ".join([raw[raw.index("ب") + 1:]] + words[i + 1:]), "ب",
                               "" if named else " ".join(words[:i]))
        elif not named:
            continue
        elif raw.startswith("ب") and not raw.startswith("بال") and len(plain) >= 4 and i == len(words) - 1:
            # «بدمشق»: a single glued place name closing the phrase
            return PlacePhrase(name, raw[1:], "ب")
        elif raw.startswith("بال") and len(plain) >= 5:
            # «بالغوطة الشرقية», «بالرقة»: a place or region glued with ب
            return PlacePhrase(name, " ".join([raw[1:]] + words[i + 1:]), "ب")
    return None


#: What may hold a relative phrase's anchor: a governorate's countryside, «في/ضمن X», a unit, a region glued with ب.
_UNIT_MARKERS = {"ريف", "ارياف", "ريفي", "في", "ضمن", "محافظه", "ناحيه", "تابعه", "واقعه", "ب"}


def _relation_in_unit(words: list[str]) -> PlacePhrase | None:
    """«محيط مدينة تدمر بريف حمص» → name «محيط مدينة تدمر», container «ريف حمص»: the relation stays with its
    anchor (the name, resolved by relative.py) and the unit after it constrains the anchor, as for a town."""
    found = _split_at_marker(words[1:]) if len(words) >= 4 else None
    if found is None or not found.name or found.marker not in _UNIT_MARKERS:
        return None
    return PlacePhrase(" ".join([words[0], found.name]), found.container, found.marker)


def _strip_clitic(raw: str) -> str:
    for clitic in PLAIN_CLITICS:
        if raw.startswith(clitic) and len(raw) - len(clitic) >= 3:
            rest = raw[len(clitic):]
            fold = "".join(fold_arabic_words(rest))
            if fold in _AR_MARKERS or _is_direction(fold) or rest.startswith("ال"):
                return rest
    return raw


def shorter_names(name: str) -> list[str]:
    """Readings of a name with trailing description dropped, longest first.

    «مطار أبو الظهور العسكري» → «مطار أبو الظهور»; «بلدتي نبل والزهراء» → «بلدتي نبل»;
    "Kobani town, a Kurdish-held border town" is left to the comma rule.
    """
    out, whole = [], name
    unquoted = _without_quotes(name)
    if unquoted:
        out.extend(unquoted)     # «مدينة عين العرب “كوباني”»: the name without the quoted alias, then the alias
        name = unquoted[0]
    words = name.split()
    if words and _fold(words[0]) in _LEADING_EVENT and len(words) >= 2:
        # «معارك كوباني», «من جرابلس إلى مارع»: the fighting *at* the place, or a route from its first place
        rest = words[1:]
        to = next((i for i, w in enumerate(rest) if _fold(w) in {"الي", "حتي"}), None)
        out.append(" ".join(rest[:to] if to else rest))
        name = out[-1]
    cut = next((i for i, w in enumerate(words[1:], start=1) if w.replace("ـ", "") in _RELATIVE_PRONOUNS
                or w in _OR_WORDS
                or (_fold(w) == "من" and i + 1 < len(words) and _fold(words[i + 1]) in _SIDE_WORDS)
                or (w.startswith("ال") and _fold(w) in _DESCRIPTIVE_ADJECTIVES and i + 1 == len(words))), None)
    if cut is not None and _has_name(words[:cut]):
        # «مدينة أريحا التي تسيطر عليها المعارضة», «الزبداني من جهة الشلاح», «قرية المالكية القريبة»
        out.append(" ".join(words[:cut]))
        name = out[-1]
    for comma in ("،", ","):
        if comma in name and name.split(comma)[0].strip():
            out.append(name.split(comma)[0].strip())    # «القرداحة، مسقط رأس عائلة الأسد»
            name = out[-1]
    words = name.split()
    pair = bool(words) and _fold(words[0]) in _PAIR_NOUNS   # «مدينتي X وY»: after the first name, «و» opens the second
    for i, w in enumerate(words[1:], start=1):
        if w.startswith("وال") and len(w) > 5 and is_arabic(w) or (w.startswith("و") and len(w) >= 4 and is_arabic(w)
                                                                   and i == len(words) - 1) or (
                (pair and i >= 2 or not pair) and w.startswith("و") and len(w) >= 3 and is_arabic(w)
                and _has_name(words[:i])):
            out.append(_singular(words[:i]))  # «نبل والزهراء»: the first of the listed places
            break
    cut = len(words)
    while cut > 1 and words[cut - 1].startswith("ال") and _NISBA.match(words[cut - 1].translate(_PLAIN)):
        cut -= 1                              # «العسكري», «السورية», «الحدودية»: a nisba adjective
        out.append(" ".join(words[:cut]))
    first_name = next((i for i, w in enumerate(words) if _fold(w) not in _AR_TYPE_WORDS), len(words))
    for i in range(first_name + 1, len(words)):
        if words[i].startswith("ال") and _NISBA.match(words[i].translate(_PLAIN)):
            out.append(" ".join(words[:i]))   # «بلدة داريا المحاذية لدمشق», «محافظة إدلب الحدودية مع تركيا»
            break
    hill = next((i for i, w in enumerate(words[:-1]) if _fold(w) in _FEATURE_HEADS), None)
    if hill is not None and is_arabic(name) and all(_fold(w) in _AR_TYPE_WORDS for w in words[:hill]):
        # «منطقة تل جورة الماء»: a hill named after the village — the village's area
        out.append(" ".join(words[:hill] + words[hill + 1:]))
    return [o for o in dict.fromkeys(out) if o and o != whole]


#: Relative pronouns: what follows describes the place («التي تسيطر عليها المعارضة»), it never names it.
_RELATIVE_PRONOUNS = {"التي", "الذي", "اللتين", "اللذين", "الذين", "اللتان", "اللذان", "اللواتي", "اللاتي"}
#: «من جهة/ناحية X»: the side of the place named before it («من جانب/طرف X» is "by X", an actor: not cut).
_SIDE_WORDS = {"جهه", "ناحيه"}
#: Definite adjectives that describe a place named before them and close the phrase («القريبة», «المحاصرة»).
_DESCRIPTIVE_ADJECTIVES = {"قريبه", "قريب", "مجاوره", "مجاور", "محاصره", "محاصر", "محرره", "محرر", "مذكوره",
                           "مذكور", "خاضعه", "محتله", "واقعه", "تابعه", "محاذيه", "مقابله"}
#: Leading nouns of fighting or of a route: the place is what follows («معارك X», «من X إلى Y»).
_LEADING_EVENT = {"معارك", "معركه", "اشتباكات", "جبهه", "جبهات", "شوارع", "من"}
#: «X أو Y»: two names of one place, or two places; the first is read first.
_OR_WORDS = {"او", "أو"}
#: Dual type nouns in construct: two named places follow, joined by «و».
_PAIR_NOUNS = {"مدينتي", "بلدتي", "قريتي", "حيي", "مدينتا", "بلدتا", "قريتا", "مخيمي", "منطقتي", "منطقتا"}
_QUOTES = "\"“”«»„‟'‘’"
#: An apostrophe between Latin letters writes ayn or hamza ("Ma'murat", "Bi'r"): part of the name.
_LETTER_MARK = re.compile(r"(?<=[A-Za-z])['‘’](?=[A-Za-z])")
_MASK = "\u0000"


#: «القريبة», «المجاورة»: near a place the report has just named; the reading must agree with it.
_NEARBY_ADJECTIVES = {"قريبه", "قريب", "مجاوره", "مجاور", "محاذيه"}


def describes_nearby(name: str) -> bool:
    """Does the phrase end by calling the place "nearby" («قرية المالكية القريبة»)?

    Such a place lies near another the report named, so a reading without that adjective is only
    an answer when it agrees with the report's other places (service.py checks the distance).
    """
    words = name.split()
    return len(words) >= 2 and words[-1].startswith("ال") and _fold(words[-1]) in _NEARBY_ADJECTIVES


def quote_readings(name: str) -> list[str]:
    """A quoted name's readings, best first: the quotation marks removed, then ``_without_quotes``.

    «مدينة «عين العرب» السورية» quotes the name itself; «مدينة الرقة "عاصمة داعش"» a description;
    «عين العرب “كوباني”» an alias. [] when the name has no quotation mark (an apostrophe inside a Latin
    word, "Al Ma'murat", writes a letter and is none).
    """
    masked, mark = _mask_letter_marks(name)
    if not any(q in masked for q in _QUOTES):
        return []
    plain = " ".join(masked.translate({ord(q): " " for q in _QUOTES}).split()).replace(_MASK, mark)
    return [r for r in dict.fromkeys([plain] + _without_quotes(name)) if r]


def _mask_letter_marks(name: str) -> tuple[str, str]:
    """(``name`` with each apostrophe between Latin letters as ``_MASK``, the apostrophe to put back)."""
    marks = set(_LETTER_MARK.findall(name))
    return _LETTER_MARK.sub(_MASK, name), (marks.pop() if len(marks) == 1 else "'")


def _without_quotes(name: str) -> list[str]:
    """Readings of a name with quotation marks: without the quoted part, then the quoted part alone.

    «الرقة السورية» in guillemets is the name quoted whole; «مدينة الرقة "عاصمة داعش"» adds a quoted
    description; «عين العرب “كوباني”» a quoted alias. [] when the name has no quotation mark.
    """
    masked, mark = _mask_letter_marks(name)
    if not any(q in masked for q in _QUOTES):
        return []
    parts = re.split("[" + re.escape(_QUOTES) + "]", masked)
    outside = " ".join(" ".join(parts[0::2]).split()).replace(_MASK, mark)
    inside = " ".join(" ".join(parts[1::2]).split()).replace(_MASK, mark)
    return [r for r in dict.fromkeys((outside, inside)) if r]


#: Hill words that head a name taken from a nearby village («تل X», «تلة X»): tried without them last.
_FEATURE_HEADS = {"تل", "تله"}
_SINGULAR = {"بلدات": "بلدة", "قرى": "قرية", "مدن": "مدينة", "أحياء": "حي", "احياء": "حي",
             # the duals: the first of a pair is one place («مدينتا قدسيا والهامة» → «مدينة قدسيا»)
             "مدينتي": "مدينة", "مدينتا": "مدينة", "بلدتي": "بلدة", "بلدتا": "بلدة", "قريتي": "قرية",
             "قريتا": "قرية", "حيي": "حي", "مخيمي": "مخيم", "منطقتي": "منطقة", "منطقتا": "منطقة"}


def _singular(words: list[str]) -> str:
    """«بلدات صدد» (the first of a list) → «بلدة صدد»: one place, not the villages around it."""
    if words and words[0] in _SINGULAR:
        words = [_SINGULAR[words[0]]] + words[1:]
    return " ".join(words)
