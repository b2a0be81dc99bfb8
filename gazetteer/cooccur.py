"""Places named beside the queried one in the same sentence: a `near` hint for its namesakes.

Why: «الفريكة» alone has six namesakes and «قارة» nine; the sentence that names one of them
usually names its neighbours too («في قريتي تل أعور والفريكة جنوب مدينة جسر الشغور»). Issue 10
asks that namesakes be ranked by "places near the other places in the same report"; ingestion
passes the sentence as ``context``, so the gazetteer reads those places itself.

What counts as another place (Arabic only, so that a common word is never taken for a village):

* a name right after a settlement noun (مدينة، بلدة، قرية، حي، مخيم and their duals and plurals,
  with a glued و/ب/ل/ف/ال: «ببلدة», «وقريتي»), one to three words, longest first;
* the next names of a «و» list that follows one («بلدات صدد وفيروزة وزيدل»);
* a name right after a direction or proximity word that places something *relative to* it
  («بين شرق الراعي وغرب جرابلس», «قرب», «محيط», «أطراف»): the reference place is a real one;
* it must match exactly ONE settlement of the gazetteer (a name with namesakes helps nobody), and
  must not be the queried name itself.

The hint is the mean point of those places when they lie within ``CLUSTER_KM`` of one another,
else there is none (a sentence that spans the country says nothing about where its places are).
Bounded: the first ``MAX_CONTEXT_CHARS`` characters, at most ``MAX_NAMES`` lookups, exact lookups only.

Cost: ingestion resolves every place of a sentence with that sentence as context, so one sentence is
read once per gazetteer (``_scan``, memoised for the last ``SCAN_CACHE`` sentences) and each place then
only drops its own name from the result.
"""
from __future__ import annotations

import functools
import threading
import weakref
from collections import OrderedDict

from gazetteer.arabic_lexicon import bare, settlement_noun
from gazetteer.geometry import haversine_km
from gazetteer.model import PlaceKind
from gazetteer.normalize import fold_arabic_words, is_arabic
from gazetteer.phrase_words import _AR_DIRS, _AR_OUTSKIRTS

MAX_CONTEXT_CHARS = 2000
MAX_NAMES = 24
MAX_LIST = 5
CLUSTER_KM = 60.0
_SETTLEMENTS = {PlaceKind.CITY, PlaceKind.COMMUNITY}
SCAN_CACHE = 256
AMBIGUOUS = object()   # a name several places share: it ends the search there (its words are no shorter name)


def _fold(word: str) -> str:
    return "".join(fold_arabic_words(word))


@functools.lru_cache(maxsize=1 << 15)   # a pure function of one word; sentences repeat their words
def _is_settlement_noun(word: str) -> bool:
    return settlement_noun(word) is not None


#: Direction and proximity words (folded) after which a reference place's name follows: the phrase reader's
#: compass nouns and their adjectives (شرق، شرقي…), its outskirts words (أطراف، محيط، ضواحي), قرب and مشارف.
REFERENCE_WORDS = frozenset({stem for stem, _ in _AR_DIRS} | {stem + "ي" for stem, _ in _AR_DIRS}
                            | _AR_OUTSKIRTS | {"قرب", "مشارف"})


@functools.lru_cache(maxsize=1 << 15)
def _is_reference_word(word: str) -> bool:
    return bare(_fold(word), REFERENCE_WORDS) is not None


def _unique_settlement(gazetteer, text: str):
    """The one settlement named exactly ``text`` (None when no or several places have that name)."""
    hits = [h for h in gazetteer.index.lookup(text, fuzzy=False) if h.score >= 100 and not h.partial]
    if not hits:
        return None
    places = {gazetteer.index.places[h.place].pcode: gazetteer.index.places[h.place] for h in hits}
    settlements = [p for p in places.values() if p.kind in _SETTLEMENTS]
    # the units named after a town (Homs governorate, district, sub-district) are not namesakes elsewhere
    others = [p for p in places.values() if p.kind not in _SETTLEMENTS and not (
        settlements and p.admin1 is not None and settlements[0].admin1 is not None
        and p.admin1.pcode == settlements[0].admin1.pcode) and p.pcode != (
        settlements[0].admin1.pcode if settlements and settlements[0].admin1 else None)]
    return settlements[0] if len(settlements) == 1 and not others else AMBIGUOUS


def context_places(gazetteer, context: str, name: str = "") -> list:
    """The settlements the context names after a settlement noun (each unique in the gazetteer), less ``name``."""
    if not context or not is_arabic(context):
        return []
    skip = {_fold(w) for w in name.split()} if name else set()
    found = {}
    for words, place in _scan(gazetteer, context):
        if not words <= skip:
            found[place.pcode] = place
    return list(found.values())


_SCANS: "weakref.WeakKeyDictionary[object, OrderedDict]" = weakref.WeakKeyDictionary()
_SCANS_LOCK = threading.Lock()


def _scan(gazetteer, context: str) -> tuple:
    """(folded words of the phrase, place) for each unique settlement the context names (memoised)."""
    with _SCANS_LOCK:
        cache = _SCANS.setdefault(gazetteer, OrderedDict())
        found = cache.get(context)
        if found is not None:
            cache.move_to_end(context)
            return found
    found = _read_context(gazetteer, context)
    with _SCANS_LOCK:
        cache[context] = found
        if len(cache) > SCAN_CACHE:
            cache.popitem(last=False)
    return found


def _read_context(gazetteer, context: str) -> tuple:
    words = context[:MAX_CONTEXT_CHARS].replace("،", " ").replace(",", " ").split()
    found, lookups, i = [], 0, 0
    while i < len(words) and lookups < MAX_NAMES:
        noun = _is_settlement_noun(words[i])
        if not noun and not _is_reference_word(words[i]):
            i += 1
            continue
        j, listed = i + 1, 0
        while j < len(words) and listed < (MAX_LIST if noun else 1) and lookups < MAX_NAMES:
            first = words[j] if listed == 0 or not words[j].startswith("و") else words[j][1:]
            if listed and not words[j].startswith("و"):
                break
            hit, width = None, 0
            for n in (3, 2, 1):
                phrase = " ".join([first] + words[j + 1:j + n])
                if j + n > len(words) or not phrase.strip():
                    continue
                lookups += 1
                hit = _unique_settlement(gazetteer, phrase)
                if hit is not None:
                    width = n
                    break
            if hit is None or hit is AMBIGUOUS:
                break
            found.append((frozenset(_fold(w) for w in phrase.split()), hit))
            j, listed = j + width, listed + 1
        i = max(j, i + 1)
    return tuple(found)


def near_hint(gazetteer, context: str, name: str = "") -> tuple[float, float] | None:
    """The mean point of the other places of the sentence, when they cluster; else None."""
    places = context_places(gazetteer, context, name)
    if not places:
        return None
    for a in places:
        for b in places:
            if float(haversine_km(a.lat, a.lon, b.lat, b.lon)) > CLUSTER_KM:
                return None
    return (sum(p.lat for p in places) / len(places), sum(p.lon for p in places) / len(places))
