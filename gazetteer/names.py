"""Which spellings a place has: its names, the names hidden in OCHA's names, and modifier words.

Why apart from the index: what counts as a *name* of a place (OCHA's "Mamura - Mahdum" is two;
"Khaldiyet Afrin" is also "Khaldiya"; "Eastern Sarja" is a namesake of "Sarja", not a spelling of
it) is a question about names, asked the same way when the index is built and when a query is
scored; ``index.py`` only files the answers under their keys.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from gazetteer.model import GazPlace, PlaceKind
from gazetteer.normalize import name_key, name_tokens, script_of, skeleton_key

#: Words that describe rather than name ("centre", "eastern", "hill of"...).
GENERIC_WORDS = frozenset({
    "مركز", "شرقي", "شرقيه", "غربي", "غربيه", "شمالي", "شماليه", "جنوبي", "جنوبيه",
    "كبير", "كبيره", "صغير", "صغيره", "فوقاني", "تحتاني", "جديد", "جديده", "قديم", "قديمه",
    "قطعه", "مزرعه", "خربه", "حي", "مخيم",
    "markaz", "kabir", "sakir", "kibir", "kabira", "sakira", "tahtani", "fukani", "jadid", "jadida",
    "sarki", "sarkia", "karbi", "karbia", "samali", "januabi", "kirbit", "kirba", "mazraa", "kitit",
})


#: Words that tell namesakes apart ("Eastern Sarja" / «سرجة شرقية», "Big Arbid", «لويبدة شمالية»).
#: A name that is another name plus these words is a *namesake* of it: the bare name matches both.
MODIFIER_WORDS = frozenset({
    "شرقي", "شرقيه", "غربي", "غربيه", "شمالي", "شماليه", "جنوبي", "جنوبيه", "كبير", "كبيره", "صغير",
    "صغيره", "فوقاني", "فوقانيه", "تحتاني", "تحتانيه", "وسطاني", "وسطي", "جديد", "جديده", "قديم", "قديمه",
    *(name_tokens(w)[0] for w in (
        "Big Little Western Eastern Northern Southern Upper Lower Middle New Old Great Small Kabir Kabira "
        "Kebir Kbir Saghir Saghira Sghir Sharqi Sharqiya Gharbi Gharbiya Shamali Shamaliya Janubi Tahtani "
        "Fawqani Wustani Jadid Jadida Qadim Qadima Kubra Sughra كبرى صغرى").split()),
})

_MODIFIER_CLASSES = {
    "east": "شرقي شرقيه Eastern Sharqi Sharqiya", "west": "غربي غربيه Western Gharbi Gharbiya",
    "north": "شمالي شماليه Northern Shamali Shamaliya", "south": "جنوبي جنوبيه Southern Janubi",
    "big": "كبير كبيره كبرى Big Great Kabir Kabira Kebir Kbir Kubra", "small": "صغير صغيره صغرى Little Small Saghir "
    "Saghira Sghir Sughra",
    "upper": "فوقاني فوقانيه Upper Fawqani", "lower": "تحتاني تحتانيه Lower Tahtani",
    "middle": "وسطاني وسطي Middle Wustani", "new": "جديد جديده New Jadid Jadida", "old": "قديم قديمه Old Qadim Qadima",
}
_MODIFIER_CLASS = {(name_tokens(w) or [w])[0]: cls for cls, ws in _MODIFIER_CLASSES.items() for w in ws.split()}


@functools.lru_cache(maxsize=1 << 15)
def modifiers(name: str) -> frozenset[str]:
    """The direction/size *meanings* of a name's modifier words ("Kafr Saghir" and "Little Kafr": small).

    Two names whose modifiers mean different things ("Western Ghouta" / "Eastern Ghouta") are not
    spellings of one name, however close the letters.
    """
    return frozenset(_MODIFIER_CLASS[t] for t in name_tokens(name) if t in _MODIFIER_CLASS)


def modifier_key(tokens: list[str] | tuple[str, ...]) -> str | None:
    """The name's core words and the *meanings* of its modifiers, order-free: "Arbah Kabir" and "Big Arbaa"
    are one name written two ways (UCDP keeps the Arabic word after the name, OCHA translates it and puts it
    first), so both give ``arba|big``. None when the name has no modifier or nothing else."""
    classes = sorted({_MODIFIER_CLASS[t] for t in tokens if t in _MODIFIER_CLASS})
    core = "".join(t for t in tokens if t not in MODIFIER_WORDS)   # every _MODIFIER_CLASS word is a modifier
    return f"{core}|{','.join(classes)}" if classes and len(core) >= 3 else None


# (?<!\s): a separator starts where its spaces start; tried inside a run of spaces, "\s*" was quadratic
_AR_PARTS = re.compile(r"(?<!\s)\s*+_\s*+|(?<!\s)\s++-\s*+|-\s++")
_LAT_PARTS = re.compile(r"(?<!\s)\s++-\s++|(?<!\s)\s*+_\s*+")
_LAT_CONSTRUCT = re.compile(r"(?<=[iy])(?:et|at|it)$", re.I)


@functools.lru_cache(maxsize=4096)
def _unit_words(ref) -> frozenset[str]:
    """Keys of an admin unit's names and of their last word ("Jebel Saman" → saman)."""
    if ref is None:
        return frozenset()
    out = set()
    for unit_name in (ref.name_ar, ref.name_en):
        unit_name = unit_name.removeprefix("مركز ")
        out.add(name_key(unit_name))
        out.add("sk:" + skeleton_key(unit_name))
        last = unit_name.split()[-1] if unit_name.split() else ""
        if len(name_key(last)) >= 4:
            out.add(name_key(last))
    return frozenset(out)


def _derived_names(place: GazPlace, name: str) -> list[str]:
    """Spellings hidden inside an OCHA name: its parts, and the name less its own admin unit's name.

    OCHA writes two names of one place as "Mamura - Mahdum" / «المعمورة_المهدوم», and tells
    namesakes apart by appending the unit they lie in: "Khaldiyet Afrin" («خالدية عفرين») is
    the Khalidiyah of Afrin district, "Kafr Naseh Elatareb" that of Atareb sub-district. Reports
    write only "Khalidiyah", so both readings are indexed as names of the place.
    """
    if " " not in name and "_" not in name:
        return []
    arabic = script_of(name) == "ar"
    unit_words = _unit_words(place.admin2) | _unit_words(place.admin3)
    parts = [p for p in (_AR_PARTS if arabic else _LAT_PARTS).split(name) if p.strip()]
    # a part that is only the unit's name ("Jeb Elkhafi - Manbaj") tells namesakes apart; it is no name
    out = [p for p in parts if name_key(p) not in unit_words and "sk:" + skeleton_key(p) not in unit_words
           ] if len(parts) > 1 else []
    for part in parts:
        words = part.split()
        if len(words) >= 2 and name_key(words[-1]) in unit_words and name_key(part) not in unit_words:
            # (a part that *is* the unit's name, «بيت ياشوط», is not "بيت" of Yashout)
            head = " ".join(words[:-1])
            if not arabic:
                head = _LAT_CONSTRUCT.sub("a", head)
            if len(name_key(head)) >= 3 and any(t not in MODIFIER_WORDS and t not in GENERIC_WORDS
                                                 for t in name_tokens(head)):
                out.append(head)
    return out


def with_seat_names(places: list[GazPlace]) -> list[GazPlace]:
    """Places whose two-part OCHA name holds their own sub-district's name get that part as a name.

    ``_derived_names`` drops a part that only repeats the unit's name ("Jeb Elkhafi - Manbaj": the
    Manbij district's Jeb Elkhafi). But when no other settlement of the sub-district bears that name,
    the place *is* the sub-district's seat written with a second name ("Maskana - Onaiza" is the
    town of Maskana, «مسكنة_عنيزة»), and reports write only the seat's name.
    """
    settlements = (PlaceKind.COMMUNITY, PlaceKind.CITY)
    found: dict[int, list[str]] = {}
    for i, p in enumerate(places):
        if p.kind not in settlements or p.admin3 is None:
            continue
        unit = None
        for name in (p.name_en, p.name_ar):
            if not name or ("-" not in name and "_" not in name):
                continue    # cheap test first: most names have no second part
            parts = [part.strip() for part in (_AR_PARTS if script_of(name) == "ar" else _LAT_PARTS).split(name)]
            if len(parts) < 2:
                continue
            if unit is None:
                unit = {name_key(p.admin3.name_en), name_key(p.admin3.name_ar.removeprefix("مركز "))} - {""}
            found.setdefault(i, []).extend(part for part in parts if part and name_key(part) in unit)
    found = {i: parts for i, parts in found.items() if parts}
    if not found:
        return list(places)
    codes = {places[i].admin3.pcode for i in found}
    whole: dict[str, set[str]] = {}
    for p in places:
        if p.kind in settlements and p.admin3 is not None and p.admin3.pcode in codes:
            whole.setdefault(p.admin3.pcode, set()).update(name_key(n) for n in (p.name_en, p.name_ar) if n)
    out = list(places)
    for i, parts in found.items():
        p = places[i]
        extra = [part for part in parts if name_key(part) not in whole.get(p.admin3.pcode, set())]
        if extra:
            out[i] = replace(p, names=tuple(dict.fromkeys((*p.names, *extra))))
    return out


def names_of(place: GazPlace) -> list[str]:
    names = [place.name_ar, place.name_en, *place.names]
    if place.kind in (PlaceKind.GOVERNORATE, PlaceKind.DISTRICT, PlaceKind.SUBDISTRICT):
        # OCHA calls the central unit "مركز دير الزور" ("centre of"): index the bare name too.
        for name in list(names):
            if name.startswith("مركز "):
                names.append(name[len("مركز "):])
    elif place.kind in (PlaceKind.COMMUNITY, PlaceKind.CITY):
        for name in list(names):
            if name:
                names.extend(_derived_names(place, name))
    return [n for n in dict.fromkeys(names) if n and n.strip()]
