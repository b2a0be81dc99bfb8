"""The words place phrases are read with: type nouns, feature words, directions, countryside, fillers.

Why apart from the parser (``phrases.py``): these tables are vocabulary, facts about how Arabic and
English reports write places («مطار X العسكري», "X village in the countryside of Y"); the parser is
grammar over them. Adding a word is a change here and a test, never a change to how phrases parse.
Arabic words are folded (``normalize.fold_arabic_words``: al- stripped, ة → ه, ى → ي).
"""
from __future__ import annotations

import re

from gazetteer.arabic_lexicon import PLURAL_AROUND, SETTLEMENT_NOUNS
from gazetteer.model import PlaceKind

AREA = "area"  # qualifier meaning "the area of X" (منطقة): answer NEAR, not POINT
STRIP = "strip"  # a word around a region's name that adds nothing ("the Qalamoun region", "enclave")

_AR_QUALIFIERS = {
    "بلده": PlaceKind.COMMUNITY, "قريه": PlaceKind.COMMUNITY, "مدينه": PlaceKind.CITY,
    "ناحيه": PlaceKind.SUBDISTRICT, "محافظه": PlaceKind.GOVERNORATE, "ولايه": PlaceKind.GOVERNORATE, "منطقه": AREA,
    "مخيم": PlaceKind.COMMUNITY, "بلدات": PlaceKind.COMMUNITY, "قري": PlaceKind.COMMUNITY,
    "حي": PlaceKind.COMMUNITY, "احياء": PlaceKind.COMMUNITY, "احيا": PlaceKind.COMMUNITY, "مزارع": AREA,
    "سد": AREA, "مطار": AREA, "حقل": AREA, "معبر": AREA, "دوار": AREA, "جسر": AREA, "حاجز": AREA,
    "مدن": PlaceKind.CITY, "بلدتي": PlaceKind.COMMUNITY, "قريتي": PlaceKind.COMMUNITY,
    "مدينتي": PlaceKind.CITY, "حيي": PlaceKind.COMMUNITY, "ضاحيه": PlaceKind.COMMUNITY,
    "تله": AREA, "قاعده": AREA, "معسكر": AREA, "معسكري": AREA, "محطه": AREA, "حقلي": AREA,
    # a feature or front named after a place («سهل الزبداني», «جبهة مدينة X», «مستشفى منبج», «مفرق X»):
    # the area of that place, never its point
    "سهل": AREA, "جبهه": AREA, "مستشفي": AREA, "مفرق": AREA, "جبال": AREA, "مشارف": AREA,
    # dual/plural forms as reports write them («محافظتا إدلب وحلب», «قريتين», «مقاطعة كوباني» = a canton)
    "محافظتا": PlaceKind.GOVERNORATE, "محافظتي": PlaceKind.GOVERNORATE, "قريتين": PlaceKind.COMMUNITY,
    "بلدتين": PlaceKind.COMMUNITY, "مدينتين": PlaceKind.CITY, "بلدتا": PlaceKind.COMMUNITY,
    "قريتا": PlaceKind.COMMUNITY, "مقاطعه": PlaceKind.DISTRICT, "منطقتي": AREA, "منطقتا": AREA,
}
#: Settlement nouns (after one of them the name starts: «مدينة جسر الشغور» is not "the bridge of al-Shughur")
#: and the plurals that before ONE name mean the villages around it: ``arabic_lexicon``.
_AR_SETTLEMENT = SETTLEMENT_NOUNS
_AR_PLURAL_AROUND = PLURAL_AROUND
_LAT_QUALIFIERS = {
    "town": PlaceKind.COMMUNITY, "village": PlaceKind.COMMUNITY, "city": PlaceKind.CITY,
    "governorate": PlaceKind.GOVERNORATE, "province": PlaceKind.GOVERNORATE,
    "muhafaza": PlaceKind.GOVERNORATE, "muhafazat": PlaceKind.GOVERNORATE,
    "district": PlaceKind.DISTRICT, "subdistrict": PlaceKind.SUBDISTRICT,
    "nahiya": PlaceKind.SUBDISTRICT, "nahia": PlaceKind.SUBDISTRICT, "area": AREA,
    "camp": PlaceKind.COMMUNITY, "enclave": STRIP, "region": STRIP, "pocket": STRIP,
    "villages": PlaceKind.COMMUNITY, "towns": PlaceKind.COMMUNITY, "villa": PlaceKind.COMMUNITY,
    "villge": PlaceKind.COMMUNITY, "villae": PlaceKind.COMMUNITY, "hamlet": PlaceKind.COMMUNITY,
    # a part of a town: the town itself is the best point we have
    "suburb": PlaceKind.COMMUNITY, "neighbourhood": PlaceKind.COMMUNITY, "neighborhood": PlaceKind.COMMUNITY,
    "quarter": PlaceKind.COMMUNITY,
    # a feature named after a place ("Khan Tuman dam", "Al Mallah farms"): without an entry of its own,
    # the area of the place it is named after (NEAR), never its point
    "farm": AREA, "farms": AREA, "mill": AREA, "mills": AREA, "dam": AREA, "field": AREA, "fields": AREA,
    "oilfield": AREA, "hill": AREA, "hills": AREA, "mountain": AREA, "mountains": AREA, "checkpoint": AREA,
    "crossing": AREA, "bridge": AREA, "junction": AREA, "roundabout": AREA, "station": AREA, "plant": AREA,
    "airbase": AREA, "airport": AREA, "base": AREA, "sector": AREA, "front": AREA, "frontline": AREA,
    "outskirt": AREA, "plain": AREA, "plains": AREA, "valley": AREA,
    "complex": AREA, "project": AREA, "zone": AREA, "compound": AREA, "barracks": AREA, "silos": AREA,
    "school": AREA, "hospital": AREA, "prison": AREA, "factory": AREA, "reservoir": AREA, "well": AREA,
    "wells": AREA, "quarry": AREA, "depot": AREA, "road": AREA, "highway": AREA, "ridge": AREA, "heights": AREA,
}
#: Words that describe a feature noun written after a name ("Menagh military airport", "Der Ballout IDP
#: camp", "Sheikh Najjar Industrial District"): taken only once a feature or type noun has been taken from
#: the end, they make the whole a feature named after the place, i.e. the area of that place.
_LAT_FEATURE_WORDS = {
    "military", "international", "civil", "civilian", "idp", "idps", "refugee", "refugees", "displaced",
    "displacement", "industrial", "thermal", "power", "gas", "oil", "water", "pumping", "irrigation",
    "housing", "residential", "agricultural", "grain", "border", "association", "army", "air", "national",
    "central", "main",
}
#: The same in Arabic, as adjectives after the name of a feature noun already taken («مطار كويرس العسكري»,
#: «محطة زيزون الحرارية», «مطار دمشق الدولي»); folded (al- stripped, ة → ه).
_AR_FEATURE_WORDS = {
    "عسكري", "عسكريه", "دولي", "دوليه", "مدني", "مدنيه", "حراري", "حراريه", "حربي", "جوي", "جويه",
    "زراعي", "زراعيه", "نفطي", "نفطيه", "غازي", "غازيه", "كهربائي", "كهربائيه", "صناعي", "صناعيه",
    "حدودي", "حدوديه", "رئيسي", "رئيسيه",
}
_LAT_FILLERS = {"of", "the", "in", "at", "to", "from"}
_AR_FILLERS = {"في", "من", "الى", "ل", "على", "علي", "بعد", "مسافه", "نحو", "حوالي"}
#: Words that make "X" mean "the area around X" (NEAR, never POINT).
_LAT_NEAR = {"near", "around", "nearby", "close", "vicinity"}
_AR_NEAR = {"قرب", "بالقرب", "محيط", "حول", "جوار", "بجوار"}
#: "10 km north of X" / «على بعد 10 كم شمال X»: a distance along the direction.
_DISTANCE = re.compile(r"(?<![\d.,])(\d++(?:[.,]\d++)?)\s*+(?:km|kms|kilometers|kilometres|كم|كلم|كيلومترات|كيلومتر|كيلو\s*متر)(?!\w)",
                       re.I)

_AR_DIRS = (("شمال", 0.0), ("جنوب", 180.0), ("شرق", 90.0), ("غرب", 270.0))
_LAT_DIRS = (("north", 0.0), ("south", 180.0), ("east", 90.0), ("west", 270.0))
_AR_COUNTRYSIDE = {"ريف", "ارياف", "ريفي", "باديه", "ريفها", "ريفه", "اريافها"}  # + the dual («بريفي حلب»), the steppe
# («بادية حماة») and "its countryside" («دير الزور وريفها»)
#: ...of these the ones written before the place whose countryside they are («ريف حلب», not «حلب وريفها»)
_AR_COUNTRYSIDE_OF = {"ريف", "ارياف", "ريفي", "باديه"}
_AR_OUTSKIRTS = {"اطراف", "محيط", "ضواحي"}
_LAT_COUNTRYSIDE = {"countryside", "rural", "countrysides", "hinterland"}
_LAT_OUTSKIRTS = {"outskirts", "environs", "vicinity", "suburbs"}
_AR_COUNTRY = {"بلاد", "سوريا", "سوريه", "القطر"}
_LAT_COUNTRY = {"country", "syria", "syrian"}
_AR_CENTRE = {"وسط"}
_LAT_CENTRE = {"central", "centre", "center", "middle"}

#: "the area belonging to X" / "the area of X" / "around X": a NEAR area on X.
_AR_AREA_PREFIX = re.compile(r"^\s*(?:ال)?منطق[ةه]\s+(?:ال)?تابع[ةه]\s+ل(?:ـ)?\s*")
_LAT_AREA_PREFIX = re.compile(r"^\s*(?:the\s+)?(?:area|region|vicinity|surroundings)\s+(?:of|around)\s+", re.I)
