"""«حي X» that the gazetteer lacks: a quarter of the town its sentence names (NEAR the town).

Why a module of its own: OCHA has no rows for most city quarters (its 414 neighbourhood rows are unnamed
points of their city), so «حي باب توما», «حي طريق السد» find nothing by name. The sentence that names a
quarter usually names its town too («… وحي باب توما في دمشق»), and the honest answer is the area of that
town, with a note saying so. ``service`` calls this last, when nothing else resolved.
"""
from __future__ import annotations

from gazetteer.model import Resolution, ResolutionStatus
from gazetteer.normalize import fold_arabic_words, is_arabic
from gazetteer.structured import QUARTER_HEADS

MAX_QUARTER_CONTEXT = 600   # characters of the sentence searched for the city a quarter belongs to


def quarter_in_sentence(gazetteer, query: str, context: str | None) -> Resolution | None:
    """«حي X» not in the gazetteer, in a sentence that names one town: a quarter of that town (NEAR).

    OCHA has no rows for most city quarters; the sentence that names «حي طريق السد» usually names
    its town too («أحياء درعا البلد وحي طريق السد»). Only when the sentence's places (cooccur.py:
    after a settlement noun other than «حي», unique in the gazetteer) are one town, or one city among
    villages; when the sentence names no town that way, the one city it names bare («… في دمشق»).
    """
    words = query.split()
    if not context or not words or not is_arabic(query) or "".join(fold_arabic_words(words[0])) not in QUARTER_HEADS:
        return None
    from gazetteer.cooccur import context_places
    places = context_places(gazetteer, _without_quarter_nouns(context), query)
    cities = [p for p in places if p.kind.value == "city"]
    if len(places) == 1:
        town = places[0]
    elif len(cities) == 1:
        town = cities[0]
    elif not places:
        named = _cities_named(gazetteer, context, query)
        town = named[0] if len(named) == 1 else None
    else:
        town = None
    if town is None:
        return None
    area = gazetteer.resolver.area_for(town, loose=True)
    return Resolution(query=query, status=ResolutionStatus.RESOLVED, area=area,
                      note=f"'{query}' is not in the gazetteer; a quarter of {town.name_en} ({town.pcode}), "
                           f"the town the sentence names")


def _without_quarter_nouns(context: str) -> str:
    """The context with «حي/أحياء» blanked: the words after them name quarters, not towns of the sentence
    («على حي باب توما» is no mention of the town al-Bab, whose name is the quarter's first word)."""
    return " ".join("،" if _is_quarter_noun(word) else word for word in context[:MAX_QUARTER_CONTEXT].split())


def _is_quarter_noun(word: str) -> bool:
    folded = "".join(fold_arabic_words(word.strip(".:;«»\"()،,")))
    return folded in QUARTER_HEADS or (folded[:1] in "وفب" and folded[1:] in QUARTER_HEADS)


def _cities_named(gazetteer, context: str, query: str) -> list:
    """The cities (OCHA's 13, ``kind=city``) the context names exactly, with or without a settlement noun:
    «… وحي باب توما في دمشق، … من حي جوبر» — a quarter belongs to the city the sentence names, not to a
    village of the same name as another quarter («جوبر» is also a village in Homs)."""
    from gazetteer.phrases import without_clitic
    own = set(query.split())
    found = {}
    for word in context[:MAX_QUARTER_CONTEXT].replace("،", " ").replace(",", " ").split():
        word = word.strip(".:;«»\"()")
        if not word or word in own:
            continue
        for form in {word, without_clitic(word) or word}:
            for hit in gazetteer.index.lookup(form, fuzzy=False)[:3]:
                place = gazetteer.index.places[hit.place]
                if hit.score >= 100 and not hit.partial and place.kind.value == "city":
                    found[place.pcode] = place
    return list(found.values())
