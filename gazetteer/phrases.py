"""Read the words around a place name: qualifiers, directions, countryside, country.

Why a parser separate from matching: "بلدة الطريف", "ريف مدينة دير الزور
الشمالي الغربي" and "north-western countryside of Deir ez-Zor city" carry
the name *and* instructions about it (a type hint, a sector, "the whole
north of the country"). This module only splits a phrase into those parts;
``relative.py`` turns them into areas and ``resolve.py`` ranks the names.

Words are compared in folded form (``normalize.py``), so المدينة / مدينة /
مدينه are one qualifier.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from gazetteer.arabic_lexicon import ARTICLE_CLITICS, CLITICS, bare
from gazetteer.model import PlaceKind
from gazetteer.normalize import fold_arabic_words, is_arabic
from gazetteer.phrase_words import (
    AREA, STRIP, _AR_AREA_PREFIX, _AR_CENTRE, _AR_COUNTRY, _AR_COUNTRYSIDE,
    _AR_COUNTRYSIDE_OF, _AR_DIRS, _AR_FEATURE_WORDS, _AR_FILLERS, _AR_NEAR, _AR_OUTSKIRTS,
    _AR_PLURAL_AROUND, _AR_QUALIFIERS, _AR_SETTLEMENT, _DISTANCE, _LAT_AREA_PREFIX, _LAT_CENTRE,
    _LAT_COUNTRY, _LAT_COUNTRYSIDE, _LAT_DIRS, _LAT_FEATURE_WORDS, _LAT_FILLERS, _LAT_NEAR,
    _LAT_OUTSKIRTS, _LAT_QUALIFIERS)

#: The AREA qualifiers that name an area, not a feature: «منطقة X» / "X area" is X's surroundings.
_AREA_WORDS = frozenset({"منطقه", "area", "sector", "front", "frontline", "outskirt", "جبهه", "مشارف", "zone"})


@dataclass(frozen=True)
class Word:
    raw: str
    fold: str


@dataclass(frozen=True)
class Phrase:
    """A query split into its parts; ``name`` is what is left to look up."""
    name: str
    kind_hint: PlaceKind | None = None
    area_of: bool = False          # "منطقة X" / "area of X"
    feature: bool = False          # ...a feature named after X («مطار دمشق الدولي», "X dam"), not X's surroundings
    bearing: float | None = None   # direction word(s), compass degrees
    countryside: str | None = None  # "countryside" or "outskirts"
    country: bool = False          # the anchor is the country itself (شمال البلاد)
    centre: bool = False           # "وسط سوريا" / "central Syria"
    before: str = ""               # a named place written before a direction ("X south-west of Y")
    distance_km: float | None = None  # "10 km north of X"
    part_of: bool = False          # direction as an adjective: "southern Idlib", «حلب الشرقية»


def _bare(fold: str, vocabulary) -> str | None:
    """The vocabulary word inside ``fold`` once a glued و/ب/ل/ف (+ال) is removed ("لبلدة", "بريف")."""
    return bare(fold, vocabulary)


def words(text: str) -> list[Word]:
    """Whitespace words with their folded forms (Arabic: al- stripped; Latin: lower case)."""
    out = []
    if is_arabic(text):
        for raw in text.split():
            folded = fold_arabic_words(raw)
            out.append(Word(raw, "".join(folded)))
    else:
        text = re.sub(r"['’]s\b", "", text)
        for raw in re.split(r"[\s\-–,]+", text):
            if raw:
                out.append(Word(raw, raw.lower().strip(".,;:()")))
    return out


def strip_area_prefix(text: str) -> tuple[str, bool]:
    """Remove "المنطقة التابعة لـ" / "the area of"; True when one was removed."""
    for pattern in (_AR_AREA_PREFIX, _LAT_AREA_PREFIX):
        stripped = pattern.sub("", text, count=1)
        if stripped != text:
            return stripped.strip(), True
    return text, False


def split_qualifiers(text: str) -> Phrase:
    """Strip leading/trailing type words (بلدة، مدينة، محافظة، governorate…) → kind hint."""
    text, area_of = strip_area_prefix(text)
    if plural_around(text) is not None:
        return Phrase(name=text, area_of=area_of)   # «قرى درعا»: a countryside (parse_relative), not Daraa itself
    text = re.sub(r"\bsub[- ]district\b", "subdistrict", text, flags=re.I)
    ws = words(text)
    table = _AR_QUALIFIERS if is_arabic(text) else _LAT_QUALIFIERS
    fillers = _AR_FILLERS if is_arabic(text) else _LAT_FILLERS
    hint: PlaceKind | None = None
    feature = False

    def take(w: Word) -> bool:
        nonlocal hint, area_of, feature
        if w.fold in fillers:
            return True
        if w.fold in (_AR_NEAR if is_arabic(w.raw) else _LAT_NEAR):
            area_of = True
            return True
        bare = _bare(w.fold, table) if is_arabic(w.raw) else w.fold.replace("-", "")
        value = table.get(bare) if bare else None
        if value is None:
            return False
        if value == STRIP:
            return True
        if value == AREA:
            area_of = True
            feature = feature or bare not in _AREA_WORDS
        elif hint is None:
            hint = value
        return True

    arabic = is_arabic(text)
    settled = False
    while len(ws) > 1 and (not settled or (_bare(ws[0].fold, _AR_SETTLEMENT) is not None
                                           and not ws[0].raw.startswith("ال"))) and take(ws[0]):
        # after «مدينة»/«بلدة» the name starts («مدينة جسر الشغور», «قرية تل أعور»); only another
        # settlement noun may still follow it («أحياء مدينة حمص»), not a name made of one («مدينة القريتين»)
        settled = settled or (arabic and _bare(ws[0].fold, _AR_SETTLEMENT) is not None)
        ws = ws[1:]
    def take_feature(w: Word) -> bool:
        """A word describing the noun already taken ("military" airport, «مطار X العسكري»): a feature."""
        nonlocal hint, area_of, feature
        if arabic:
            if not (area_of and w.raw.startswith("ال") and w.fold in _AR_FEATURE_WORDS):
                return False
        elif w.fold not in _LAT_FEATURE_WORDS:
            return False
        hint, area_of, feature = None, True, True   # "Industrial District" is no district: the area of the place
        return True

    took_end = arabic and area_of     # Arabic writes the feature noun first: «مطار كويرس العسكري»
    while len(ws) > 1 and (take(ws[-1]) or (took_end and take_feature(ws[-1]))):
        took_end = True
        ws = ws[:-1]
    return Phrase(name=" ".join(w.raw for w in ws), kind_hint=hint, area_of=area_of, feature=feature)


def without_clitic(text: str) -> str | None:
    """«والرقة» → «الرقة», «بسراقب» → «سراقب», «للرقة» → «الرقة»: the name without a glued و/ب/ل/ف/ك.

    Only a reading to try when the text as written is no exact name (many names start with
    these letters: «بنش», «فافين», «لطامنة»); Arabic only, the first word only.
    """
    ws = text.split()
    if not ws or not is_arabic(text):
        return None
    first, rest = ws[0], ws[1:]
    for clitic in CLITICS:
        if not first.startswith(clitic):
            continue
        left = first[len(clitic):]
        if clitic in ARTICLE_CLITICS and len(left) >= (3 if clitic.endswith("لل") else 2):
            return " ".join(["ال" + left] + rest)
        if clitic not in ARTICLE_CLITICS and len(left) >= 3:
            return " ".join([left] + rest)
    return None


def is_type_noun(text: str) -> bool:
    """«المحافظة», «للمدينة», «البلدة»: a type noun alone names no place (it points back to one)."""
    ws = words(text)
    return len(ws) == 1 and is_arabic(text) and _bare(ws[0].fold, _AR_QUALIFIERS) is not None


def plural_around(text: str) -> str | None:
    """«قرى درعا» / «بلدات عفرين» → «درعا»: villages of ONE place (no «و» list), else None."""
    ws = words(text)
    if len(ws) < 2 or not is_arabic(text) or _bare(ws[0].fold, _AR_PLURAL_AROUND) is None:
        return None
    if any(w.raw.startswith("و") and len(w.fold) > 3 for w in ws[2:]) or len(ws) > 4:
        return None     # «بلدات صدد وفيروزة»: a list of places, the first is meant
    return " ".join(w.raw for w in ws[1:])


def _direction_of(fold: str, arabic: bool) -> float | None:
    table = _AR_DIRS if arabic else _LAT_DIRS
    for stem, deg in table:
        if fold.startswith(stem):
            rest = fold[len(stem):]
            if not arabic and rest.endswith("ern"):
                rest = rest[:-3]
            elif not arabic and rest.endswith("erly"):
                rest = rest[:-4]
            if not rest or (arabic and len(rest) <= 3):
                return deg
            for stem2, deg2 in table:  # "northwest", "southeastern"
                if rest == stem2 and deg in (0.0, 180.0) and deg2 in (90.0, 270.0):
                    return _combine(deg, deg2)
    return None


def names_only_a_direction(text: str) -> bool:
    """«الشمالي الشرقي», "north-west of": direction words (and fillers) with no place to be relative to."""
    arabic = is_arabic(text)
    ws = [w for w in words(text) if w.fold not in (_AR_FILLERS if arabic else _LAT_FILLERS)]
    return bool(ws) and all(_direction_of(w.fold, arabic) is not None for w in ws)


def _combine(ns: float, ew: float) -> float:
    return {(0.0, 90.0): 45.0, (0.0, 270.0): 315.0, (180.0, 90.0): 135.0, (180.0, 270.0): 225.0}[(ns, ew)]


def parse_relative(text: str) -> Phrase | None:
    """A direction / countryside / country phrase, or None when ``text`` is a plain name."""
    arabic = is_arabic(text)
    distance = None
    m = _DISTANCE.search(text)
    if m:
        distance = float(m.group(1).replace(",", "."))
        text = (text[:m.start()] + " " + text[m.end():]).strip()
    ws = words(text)
    countryside_words = (_AR_COUNTRYSIDE, _AR_OUTSKIRTS) if arabic else (_LAT_COUNTRYSIDE, _LAT_OUTSKIRTS)
    country_words = _AR_COUNTRY if arabic else _LAT_COUNTRY
    centre_words = _AR_CENTRE if arabic else _LAT_CENTRE
    fillers = _AR_FILLERS if arabic else _LAT_FILLERS
    bearing: float | None = None
    dir_span: list[int] = []
    countryside = None
    country = centre = False
    rest: list[int] = []
    widened = False
    ahead_of: int | None = None   # where «ريف Y» starts: «ريف» names what follows it
    for i, w in enumerate(ws):
        d = _direction_of(w.fold, arabic)
        if d is None and arabic and w.fold.startswith("وال") and _direction_of(w.fold[3:], arabic) is not None:
            widened = True      # «الشرقي والشمالي الشرقي»: two sectors — the whole countryside
            continue
        if widened and d is not None and dir_span and dir_span[-1] != i - 1:
            continue
        if d is not None and (not dir_span or dir_span[-1] == i - 1) and len(dir_span) < 2:
            if bearing is None:
                bearing = d
            elif bearing in (0.0, 180.0) and d in (90.0, 270.0):
                bearing = _combine(bearing, d)
            dir_span.append(i)
        elif (_bare(w.fold, countryside_words[0]) if arabic else w.fold in countryside_words[0]) or (
                arabic and i == 0 and plural_around(text) is not None):
            countryside = "countryside"
            if arabic and ahead_of is None and _bare(w.fold, _AR_COUNTRYSIDE_OF) is not None:
                ahead_of = i
        elif (_bare(w.fold, countryside_words[1]) if arabic else w.fold in countryside_words[1]):
            countryside = "outskirts"
        elif w.fold in country_words or (arabic and w.fold in {"سوري", "بلد"}):
            country = True
        elif w.fold in centre_words:
            centre = True
        elif w.fold not in fillers:
            rest.append(i)
    if widened and countryside is not None:
        bearing, dir_span = None, []
    if ahead_of is not None and any(i < ahead_of for i in rest):
        return None   # «جبل التركمان بريف اللاذقية»: a place in Y's countryside (structured.py), not "X Y"'s
    if bearing is None and countryside is None and not (centre and country):
        return None
    if country:
        if rest:
            return None
        return Phrase(name="", bearing=bearing, country=True, centre=centre)
    before = [i for i in rest if dir_span and i < dir_span[0]] if countryside is None else []
    part_of = False
    if countryside is None and bearing is not None and distance is None:
        if arabic and rest and before == rest:          # «حلب الشرقية»: adjective after the name
            before, part_of = [], True
        elif not arabic and not before and any(ws[i].fold.endswith(("ern", "erly")) for i in dir_span):
            part_of = True                               # "southern Idlib"
    anchor = [i for i in rest if i not in before]
    if not anchor:
        return None
    return Phrase(name=" ".join(ws[i].raw for i in anchor), bearing=bearing, countryside=countryside,
                  before=" ".join(ws[i].raw for i in before),
                  distance_km=distance if bearing is not None else None, part_of=part_of)


def split_nested(text: str) -> tuple[str, str] | None:
    """"X في ريف Y الشمالي" / "X in the countryside of Y" → (X, relative part), else None."""
    for sep in (" في ", " ضمن ", " in ", " In "):
        if sep in text:
            head, tail = text.split(sep, 1)
            if head.strip() and parse_relative(tail) is not None:
                return head.strip(), tail.strip()
    return None


_PAREN = re.compile(r"\(([^()]*)\)")
_SLASH = re.compile(r"(?<!\s)\s*+/\s*+")


def split_alternatives(text: str) -> list[str]:
    """Several spellings of one place in one string, or [] ("A/B village", "A (B)", «A / B»).

    UCDP and ACLED write a place's names side by side: "Tadmur/Palmyra town",
    "Ghazal (Qizil Mazra'ah) village", "Nahshabba / Naxsehba village". Each
    spelling is returned with the type word(s) the string ends with, so
    "Abu Hayj/Khalidiyah village" gives "Abu Hayj village" and "Khalidiyah village".
    A "/" between digits (a date, "1/2") is not a separator.
    """
    if "/" not in text and "(" not in text:
        return []
    alts: list[str] = []
    inner = [m.group(1).strip() for m in _PAREN.finditer(text)]
    outer = " ".join(_PAREN.sub(" ", text).split())
    if re.search(r"\d\s*/\s*\d", outer):
        return []
    parts = [p.strip() for p in _SLASH.split(outer) if p.strip()] if "/" in outer else [outer]
    ws = words(parts[-1]) if parts else []
    table = _AR_QUALIFIERS if is_arabic(text) else _LAT_QUALIFIERS
    tail = []
    while len(ws) > 1 and (_bare(ws[-1].fold, table) if is_arabic(ws[-1].raw) else ws[-1].fold) in table:
        tail.insert(0, ws[-1].raw)
        ws = ws[:-1]
    suffix = (" " + " ".join(tail)) if tail else ""
    for i, part in enumerate(parts):
        if i == len(parts) - 1 and tail:
            alts.append(part)
        else:
            alts.append(part + suffix)
    for part in inner:
        for p in _SLASH.split(part):
            if p.strip():
                alts.append(p.strip() + suffix)
    alts = [a for a in dict.fromkeys(alts) if a and a != text]
    return alts if len(alts) > 1 or inner else []
