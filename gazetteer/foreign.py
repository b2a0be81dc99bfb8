"""Places outside Syria that Syrian war reporting names beside Syrian ones.

Why a separate list: the Syrian gazetteer has namesakes for many foreign
places (a village called «الرياض», a «سنجار» in Idlib), so «الأنبار غربي
العراق» or a Saudi city would otherwise get Syrian coordinates. A phrase
that names one of these places (Iraqi, Lebanese, Turkish and Jordanian
governorates and main cities, Gulf and Saudi cities, the neighbouring
countries themselves) is *not* a Syrian place: ingestion keeps it as a
context note "outside Syria" and never looks it up in the Syrian index.

Data: ``gazetteer/data/foreign_places.csv`` (name_en, name_ar, country, kind,
alt_en, alt_ar, strict). A ``strict`` entry has a Syrian namesake or is an
everyday word, so it only counts when the text also names its country
(«سنجار العراقية», "Hit in Iraq"). ``gazetteer/data/foreign_cities.csv`` adds the GeoNames towns
with an Arabic name (``scripts/build_foreign_cities.py``), in the same columns. Facts only; see
data/SOURCES.md.

    >>> foreign_place("محافظة الأنبار").country
    'Iraq'
    >>> foreign_place("حلب") is None
    True
"""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from gazetteer.normalize import name_tokens

DATA = Path(__file__).resolve().parent / "data" / "foreign_places.csv"
#: Towns with an Arabic name in GeoNames (``scripts/build_foreign_cities.py``): matched only as a whole
#: name, or one followed by a qualifier or its country («الموصل», «زاخو شمال العراق»), never as a prefix.
CITIES = DATA.with_name("foreign_cities.csv")

#: Words that may stand before or after a foreign name inside a place phrase.
_QUALIFIERS = {name_tokens(w)[0] for w in (
    "محافظة", "مدينة", "بلدة", "قضاء", "ولاية", "منطقة", "مخيم", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي",
    "غربي", "وسط", "في", "قاعدة", "مطار", "معبر", "ولاية", "city", "base", "airport", "crossing", "province", "governorate", "town", "camp", "region", "northern", "southern", "eastern",
    "western", "north", "south", "east", "west", "of", "in", "the", "near", "capital", "العاصمة",
    "قرب", "بالقرب", "محيط", "حول", "ريف", "اطراف", "around", "outskirts", "countryside",
    # «مناطق حول الموصل», «مواقع قرب الرمادي», «قرى في الأنبار»: the places of an area abroad
    "مناطق", "مواقع", "قرى", "بلدات", "areas", "positions", "villages",
    # «في أحد أحياء إسطنبول», «شوارع أنقرة»: a quarter or the streets of a town abroad
    "حي", "احياء", "احد", "احدى", "ضواحي", "شوارع", "quarter", "quarters", "neighbourhood", "neighbourhoods",
    "neighborhood", "neighborhoods", "suburbs", "streets", "one")}

#: How reporting names a country (noun and adjectives), folded: the context a strict name needs.
_COUNTRY_WORDS = {
    "Iraq": ("العراق", "العراقي", "العراقية", "العراقيين", "Iraq", "Iraqi"),
    "Lebanon": ("لبنان", "اللبناني", "اللبنانية", "Lebanon", "Lebanese"),
    "Turkey": ("تركيا", "التركي", "التركية", "Turkey", "Turkish"),
    "Jordan": ("الأردن", "الأردني", "الأردنية", "Jordan", "Jordanian"),
    "Saudi Arabia": ("السعودية", "السعودي", "المملكة", "Saudi"),
    "Kuwait": ("الكويت", "الكويتي", "الكويتية", "Kuwait", "Kuwaiti"),
    "Oman": ("عمان", "العماني", "العمانية", "سلطنة", "Oman", "Omani"),
    "Yemen": ("اليمن", "اليمني", "اليمنية", "Yemen", "Yemeni"),
    # the countries of foreign_cities.csv beyond the neighbours: nouns, and adjectives only where Syrian
    # reporting does not use them of actors in Syria («الميليشيات الإيرانية», «اللاجئين الفلسطينيين»)
    "Egypt": ("مصر", "المصرية", "Egypt", "Egyptian"), "Libya": ("ليبيا", "الليبية", "Libya", "Libyan"),
    "Palestine": ("فلسطين", "الضفة", "غزة", "Palestine", "Gaza"), "Israel": ("إسرائيل", "Israel"),
    "Iran": ("إيران", "Iran"), "Afghanistan": ("أفغانستان", "Afghanistan"),
    "Tunisia": ("تونس", "التونسية", "Tunisia"), "Algeria": ("الجزائر", "الجزائرية", "Algeria"),
    "Morocco": ("المغرب", "المغربية", "Morocco"), "Sudan": ("السودان", "السودانية", "Sudan"),
    "Qatar": ("قطر", "القطرية", "Qatar"), "Bahrain": ("البحرين", "البحرينية", "Bahrain"),
    "United Arab Emirates": ("الإمارات", "الإماراتية", "Emirates", "UAE"),
}


@dataclass(frozen=True)
class ForeignPlace:
    """A place outside Syria: enough to say where, never a Syrian P-code."""
    name_en: str
    name_ar: str
    country: str
    kind: str          # country | governorate | province | city
    strict: bool = False
    whole: bool = False  # a GeoNames town: the name must not be the first words of a longer name


def _key(tokens) -> tuple[str, ...]:
    """Folded words with a final «ا» read as «ة»: Arabic writes the foreign final vowel either way
    («شانلي أورفا» / «شانلي أورفة»). Only in names of two words or more: a one-word name read that way
    meets Syrian villages (سامراء / السامرة)."""
    if len(tokens) < 2:
        return tuple(tokens)
    return tuple(t[:-1] + "ه" if len(t) > 3 and t[-1] == "ا" else t for t in tokens)


@functools.lru_cache(maxsize=1)
def _index() -> dict[tuple[str, ...], list[ForeignPlace]]:
    out: dict[tuple[str, ...], list[ForeignPlace]] = {}
    for path, whole in ((DATA, False), (CITIES, True)):
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                place = ForeignPlace(row["name_en"], row["name_ar"], row["country"], row["kind"],
                                     bool(row.get("strict")), whole)
                names = ([] if whole else [row["name_en"]]) + [row["name_ar"]] + [
                    n for n in (row["alt_en"] + ";" + row["alt_ar"]).split(";") if n]
                for name in names:
                    key = _key(name_tokens(name))
                    # a name already listed keeps its entry: the hand-made one, else the bigger town (the
                    # file is sorted by population)
                    if key and not (whole and key in out):
                        out.setdefault(key, []).append(place)
    return out


@functools.lru_cache(maxsize=1)
def _country_keys() -> dict[str, set[str]]:
    return {c: {name_tokens(w)[0] for w in words if name_tokens(w)} for c, words in _COUNTRY_WORDS.items()}


def _names_country(tokens: list[str], country: str) -> bool:
    keys = _country_keys().get(country, set())
    return any(t in keys for t in tokens)


def foreign_place(name: str, *, context: str | None = None, abroad: str | None = None) -> ForeignPlace | None:
    """The foreign place a phrase names, or None.

    The phrase matches when, after leading qualifiers («محافظة», "the city of", a direction), it is a
    foreign name, optionally followed by more words (a direction, «العراقية», "in Iraq"). A strict
    name also needs its country named in the phrase or the ``context`` sentence, or to be that of
    ``abroad``: the country the paragraph has already placed events in («… في العراق. وفي بيجي …»).
    """
    tokens = [t for t in name_tokens(name) if t]
    if any(t in _SYRIAN for t in tokens[1:]):
        return None   # «بلدة حضر السورية»: the text says Syria (not al-Hadr in Iraq)
    adjective = _adjective_country(tokens[1:])
    if adjective is not None and not any(t in _BORDER for t in tokens):  # «مدينة سروج التركية», «13 محافظة تركية»: the text says which country
        return ForeignPlace(name, name, adjective, "place")
    i = 0
    while i < len(tokens) and tokens[i] in _QUALIFIERS:
        i += 1
    rest = tokens[i:]
    if not rest:
        return None
    index = _index()
    for n in range(min(4, len(rest)), 0, -1):
        for place in index.get(_key(rest[:n]), ()):
            if place.whole and n < len(rest) and rest[n] not in _QUALIFIERS and rest[n] not in _country_words():
                continue
            if not place.strict or place.kind == "country" or place.country == abroad:
                return place
            around = tokens + (name_tokens(context) if context else [])
            if _names_country(around, place.country):
                return place
    return None


_ADJECTIVES = {"Iraq": ("العراقية", "العراقي", "عراقية", "عراقي"), "Lebanon": ("اللبنانية", "اللبناني", "لبنانية", "لبناني"),
               "Turkey": ("التركية", "التركي", "تركية", "تركي"), "Jordan": ("الاردنية", "الاردني", "اردنية", "اردني"),
               "Saudi Arabia": ("السعودية", "سعودية")}


#: The Syrian adjective after a name: the phrase itself says the place is in Syria.
_SYRIAN = {name_tokens(w)[0] for w in ("السورية", "السوري", "سورية", "سوري", "Syrian")}

#: "the Turkish border" is where Syria ends, not a place in Turkey.
_BORDER = {name_tokens(w)[0] for w in ("الحدود", "حدود", "الشريط", "الجانب", "border")}


@functools.lru_cache(maxsize=1)
def _adjective_keys() -> dict[str, str]:
    return {name_tokens(w)[0]: c for c, words in _ADJECTIVES.items() for w in words if name_tokens(w)}


def _adjective_country(tokens: list[str]) -> str | None:
    keys = _adjective_keys()
    return next((keys[t] for t in tokens if t in keys), None)


def names_foreign_country(text: str) -> str | None:
    """The neighbouring country a short phrase ends on («… غربي العراق», "…, Iraq"), else None."""
    tokens = name_tokens(text)
    for country, keys in _country_keys().items():
        if tokens and tokens[-1] in keys:
            return country
    return None


def name_core(name: str) -> tuple[str, ...]:
    """The folded words of a phrase that name the place itself: without qualifiers («مدينة», "city of"),
    country nouns and adjectives («التركية»). How a story's later bare mention («سوروتش») is matched to
    the foreign place it named fully before («مدينة سوروتش التركية»)."""
    countries = _country_words()
    return tuple(t for t in name_tokens(name) if t and t not in _QUALIFIERS and t not in countries)


@functools.lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Every folded country noun and adjective (``name_core`` runs on every place phrase: built once)."""
    return frozenset({k for keys in _country_keys().values() for k in keys} | set(_adjective_keys()))
