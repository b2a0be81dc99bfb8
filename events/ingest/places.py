"""Place phrases → Places, through the gazetteer.

Why this is apart from the phrase finder (``events.ingest.phrases``): the finder knows the grammar
of a report, this module knows what to ask the gazetteer (the phrase whole with its sentence as
context, then shorter queries: without the country, the town of "the neighbourhoods of X") and how
to say what came back. Honesty rules: an ``ambiguous`` or ``unresolved`` answer keeps the place as
written with no coordinates and a warning for the analyst; coordinates only ever come from the
gazetteer. A neighbourhood the gazetteer lacks ("حي درعا البلد") is placed on its town with NEAR
precision and a warning.
"""
from __future__ import annotations

import re
from typing import Protocol

from events.ingest.normalize import fold, fold_pattern, fold_text
from events.ingest.phrases import DUAL_HEADS, HEAD_AR_RE, PlacePhrase, find_place_phrases, rc as _rc
from events.model import Place
from gazetteer.model import PlaceKind, Precision, Resolution, ResolutionStatus
from gazetteer.normalize import is_arabic

__all__ = ["DUAL_HEADS", "Gazetteer", "PlacePhrase", "find_place_phrases", "resolution_to_place", "resolve_place"]


class Gazetteer(Protocol):
    """What ingestion needs from the gazetteer (gazetteer.Gazetteer satisfies it)."""

    def resolve(self, name: str, *, context: str | None = None) -> Resolution: ...


#: «X شرق سوريا»: the country adds nothing to a Syrian place.
_COUNTRY_TAIL = _rc(r"(?<!\s)\s++(?:في\s+)?(?:شمال|جنوب|شرق|غرب|وسط)(?:ي)?\s+(?:سوريا|سورية|البلاد)\s*$"
                    r"|(?<!\s)\s++(?:في\s+)?(?:سوريا|سورية)\s*$")

#: Who holds a place is not part of its name: "the rebel-held town of Douma" → "the town of Douma".
_CONTROL = re.compile(r"^(?:the\s+)?(?:(?:cent(?:er|re)|middle|heart)\s+of\s+(?:the\s+)?)?(?:capital,?\s+|city\s+of\s+)"
                      r"|^(?:the\s+)?(?:cent(?:er|re)|middle|heart)\s+of\s+|^(?:central|downtown)\s+|^(?:Syria|Iraq|Turkey|Lebanon)['’]s\s+|\b(?:rebel|government|opposition|regime|ISIS|IS|SDF|Kurdish|Turkish|insurgent)-(?:held|controlled|run)\s+"
                      r"|\bbesieged\s+", re.I)


def _admin_fields(res: Resolution) -> dict:
    place = res.place or (res.area.anchor if res.area is not None else None)
    if place is None:
        return {}
    out = {}
    admin1 = place.admin1
    if admin1 is None and place.kind is PlaceKind.GOVERNORATE:
        out.update(admin1_pcode=place.pcode, admin1_en=place.name_en, admin1_ar=place.name_ar)
    elif admin1 is not None:
        out.update(admin1_pcode=admin1.pcode, admin1_en=admin1.name_en, admin1_ar=admin1.name_ar)
    if place.admin2 is not None:
        out["admin2_pcode"] = place.admin2.pcode
    elif place.kind is PlaceKind.DISTRICT:
        out["admin2_pcode"] = place.pcode
    if place.admin3 is not None:
        out["admin3_pcode"] = place.admin3.pcode
    elif place.kind is PlaceKind.SUBDISTRICT:
        out["admin3_pcode"] = place.pcode
    return out


def resolution_to_place(res: Resolution, as_written: str) -> tuple[Place, tuple[str, ...]]:
    """Gazetteer answer → events Place (+ warnings). Only a RESOLVED answer gets coordinates."""
    if res.status is not ResolutionStatus.RESOLVED or res.lat is None:
        if res.status is ResolutionStatus.AMBIGUOUS and res.candidates:
            names = ", ".join(f"{c.place.name_en} ({c.place.pcode})" for c in res.candidates[:3])
            return Place(as_written), (f"place ambiguous: '{as_written}' could be {names}; choose in review",)
        return Place(as_written), (f"place unresolved: '{as_written}' is not in the gazetteer; locate it in review",)
    area, place = res.area, res.place
    anchor = place or (area.anchor if area is not None else None)
    name_en = place.name_en if place is not None else (area.label_en if area is not None else "")
    name_ar = place.name_ar if place is not None else (area.label_ar if area is not None else "")
    radius = res.radius_km if res.radius_km else None
    result = Place(as_written=as_written, lat=round(res.lat, 6), lon=round(res.lon, 6), precision=res.precision,
                   name_en=name_en, name_ar=name_ar, pcode=anchor.pcode if anchor is not None else "",
                   radius_km=round(radius, 1) if radius is not None else None,
                   area_wkt=area.geometry_wkt if area is not None else None, **_admin_fields(res))
    warnings: list[str] = []
    if res.precision is not None and res.precision is not Precision.POINT:
        label = (area.label_en if area is not None and area.label_en else name_en) or as_written
        extent = f", within {result.radius_km:g} km" if result.radius_km else ""
        warnings.append(f"place is an area: {label} ({res.precision.value}{extent})")
    if res.note and "conflict" in res.note:
        warnings.append("place check: " + res.note[res.note.index("conflict"):])
    return result, tuple(warnings)


def resolve_place(phrase: PlacePhrase, gazetteer: Gazetteer, *, context: str,
                  depth: int = 0) -> tuple[Place, tuple[str, ...]] | None:
    """Resolve one phrase; None when an unheaded phrase is not a known place (so it was not a place)."""
    text = _CONTROL.sub("", " ".join(re.sub(r'["“”«»]', " ", phrase.query or phrase.text).split()))
    folded = fold(text)
    tail = _COUNTRY_TAIL.search(folded.text)
    if tail and tail.start() > 0 and depth == 0:  # «حي في وسط مدينة حلب في شمال سورية»: the country adds nothing
        cut = text[:folded.span(tail.start(), tail.end())[0]].strip()
        shorter = resolve_place(PlacePhrase(phrase.role, cut, phrase.span, phrase.headed), gazetteer,
                                context=context, depth=1)
        if shorter is not None and shorter[0].located:
            return Place(**{**shorter[0].__dict__, "as_written": phrase.text}), shorter[1]
    res = gazetteer.resolve(text, context=context)
    if res.status is not ResolutionStatus.RESOLVED:
        for shorter in _fallbacks(text):
            alt = gazetteer.resolve(shorter, context=context)
            if alt.status is ResolutionStatus.RESOLVED:
                res = alt
                break
    if res.status is not ResolutionStatus.RESOLVED and phrase.headed and re.match(r"^\s*(?:ال)?حي\s", fold_text(text)):
        located = _neighbourhood(text, gazetteer, context)
        if located is not None:
            return located
    if res.status is not ResolutionStatus.RESOLVED and not phrase.headed:
        return None
    if not phrase.headed and _LOOSE_MATCH.match(res.note or "") and is_arabic(text):
        # «من تطورات»: an Arabic word with no place noun before it, only like a village's name, is a word
        # (English capitalises names: "casualties in Binnish" is a place even when spelled loosely)
        return None
    return resolution_to_place(res, phrase.text)


#: Gazetteer notes of a match that is not the name itself (resolve.Resolver._note).
_LOOSE_MATCH = re.compile(r"(?:approximate spelling match|partial name match)")


_PART_OF = re.compile(r"^(?:the\s+)?(?:(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central|old)(?:,?\s+(?:and\s+)?)?)*"
                      r"(?:neighbo(?:u)?rhoods?|outskirts?|suburbs?|vicinity|cent(?:er|re)|middle|heart|entrance|towns?|villages?|city|"
                      r"areas?|parts?)\s+of\s+(?:the\s+)?(?:(?:city|town|capital),?\s+(?:of\s+)?)?(?P<town>[A-Z].*)$")


_COUNTRYSIDE_OF = re.compile(r"^(?:the\s+)?(?:(?P<dir>(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)\s+)?countrysides?\s+of\s+"
                             r"(?:the\s+)?(?P<name>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)$")
_CAPITAL = re.compile(r"\b(?:the\s+)?capital,?\s+(?=[A-Z])")


def _fallbacks(text: str) -> list[str]:
    """Shorter queries: "X في محافظة Y" → "X"; "X شرق سوريا" → "X"."""
    out = []
    folded = fold_text(text)
    m = re.search(fold_pattern(rf"\s+في\s+(?:ال)?{HEAD_AR_RE}\s"), folded)
    if m:
        out.append(text[:m.start()].strip())
    m = _COUNTRY_TAIL.search(folded)
    if m and m.start() > 0:
        out.append(text[:m.start()].strip())
    m = _PART_OF.match(text)  # "the eastern neighbourhoods of Aleppo", "towns of Saqba": the town itself
    if m:
        out.append(m.group("town"))
    m = _COUNTRYSIDE_OF.match(text)  # "the southern countryside of Idlib" → "southern Idlib countryside"
    if m:
        out.append(" ".join(x for x in (m.group("dir"), m.group("name"), "countryside") if x))
    if _CAPITAL.search(text):  # "south of the capital Damascus" → "south of Damascus"
        out.append(_CAPITAL.sub("", text))
    m = re.search(r",?\s+(?:in|of)\s+(?:the\s+)?(?:[A-Z]\w+\s+)?(?:province|governorate|countryside)\b.*$", text)
    if m and m.start() > 0:
        out.append(text[:m.start()].strip())
    m = re.search(r",?\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?)\s+of\s+.*$", text)
    if m and m.start() > 0:  # "al-Rai town northeast of Aleppo" → "al-Rai town"
        text = text[:m.start()].strip()
        out.append(text)
    m = re.search(r"\s+(?:neighbo(?:u)?rhood|village|town|city|suburb|area|district|camp)$", text)
    if m and m.start() > 0:  # "Hutah village" → "Hutah"
        out.append(text[:m.start()].strip())
    return [o for o in out if o]


def _neighbourhood(text: str, gazetteer: Gazetteer, context: str) -> tuple[Place, tuple[str, ...]] | None:
    """"حي الرميلة في مدينة الرقة" / "حي درعا البلد" → the city with NEAR precision: the quarter is inside it.

    Tries the city named after في first, then leading words of the quarter's own name, and accepts only
    a gazetteer CITY (a village sharing a word with the quarter must not capture it).
    """
    words_ = text.split()
    queries = []
    m = re.search(fold_pattern(r"\s+في\s+"), fold_text(text))
    if m:
        after = fold_text(text)[m.end():]
        queries.append(after)
        core = re.sub(fold_pattern(r"^(?:(?:وسط|شمال|جنوب|شرق|غرب|قلب)\s+)+"), "", after)
        if core != after:  # «حي شعبي في وسط مدينة حلب»: in the centre of the city, so in the city
            queries.append(core)
        words_ = fold_text(text)[:m.start()].split()
    name_words = words_[1:]
    queries += [" ".join(name_words[:n]) for n in range(len(name_words) - 1, 0, -1)]
    for query in queries:
        res = gazetteer.resolve(query, context=context)
        if (res.status is ResolutionStatus.RESOLVED and res.place is not None and res.precision is Precision.POINT
                and res.place.kind is PlaceKind.CITY):
            place, _ = resolution_to_place(res, text)
            place = Place(**{**place.__dict__, "precision": Precision.NEAR, "radius_km": 3.0})
            return place, (f"place is an area: neighbourhood '{text}' is not in the gazetteer; placed in "
                           f"{res.place.name_en} ({res.place.pcode}), within 3 km",)
    return None
