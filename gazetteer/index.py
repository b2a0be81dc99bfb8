"""Name index: folded keys → places, exact, one-word (partial) and fuzzy.

Why four tiers: an exact folded key (see ``normalize.py``) is the common
case and costs one dict lookup; a one-word hit ("البو ليل" inside
"قطعة البوليل") is real evidence but not the named place itself, so it is
scored lower and flagged ``partial`` (the resolver then answers NEAR, never
POINT); Latin keys equal up to vowel quality (``vowel_skeleton``) score just
below exact; fuzzy matching catches what folding cannot (a dropped letter, a
typo) and is scored on a steeper scale so near-misses never look exact.

Speed: fuzzy matching runs rapidfuzz's ``process.extract`` with a
``score_cutoff`` over one *block* of keys — those in the same script that
start with the same folded letter and whose length can still reach the
cutoff (a few hundred keys instead of ~13,000). Only when the block yields nothing is the whole script scanned,
so a first-letter typo still has a chance.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from gazetteer.model import GazPlace, PlaceKind
from gazetteer.normalize import name_tokens, script_of, unglue_article, vowel_skeleton

#: Minimum rapidfuzz ratio for a fuzzy candidate at all.
FUZZY_CUTOFF = 82.0
#: Score of a Latin key that differs only in vowel quality (see normalize.vowel_skeleton).
VOWEL_SCORE = 94.0
#: Score of a one-word (partial) hit: below any exact match, above weak fuzzy ones.
PARTIAL_SCORE = 90.0
#: A word shared by more places than this is too generic for partial matching.
PARTIAL_MAX_PLACES = 12
#: Words that describe rather than name ("centre", "eastern", "hill of"...).
GENERIC_WORDS = frozenset({
    "مركز", "شرقي", "شرقيه", "غربي", "غربيه", "شمالي", "شماليه", "جنوبي", "جنوبيه",
    "كبير", "كبيره", "صغير", "صغيره", "فوقاني", "تحتاني", "جديد", "جديده", "قديم", "قديمه",
    "قطعه", "مزرعه", "خربه", "حي", "مخيم",
    "markaz", "kabir", "sakir", "kibir", "kabira", "sakira", "tahtani", "fukani", "jadid", "jadida",
    "sarki", "sarkia", "karbi", "karbia", "samali", "januabi", "kirbit", "kirba", "mazraa", "kitit",
})


def fuzzy_score(ratio: float) -> float:
    """Map a rapidfuzz ratio to a candidate score: each missed point costs 1.5."""
    return 100.0 - 1.5 * (100.0 - ratio)


@dataclass(frozen=True)
class Hit:
    place: int          # index into NameIndex.places
    score: float        # 0..100
    matched: str        # the stored spelling that matched
    partial: bool = False


def _names_of(place: GazPlace) -> list[str]:
    names = [place.name_ar, place.name_en, *place.names]
    if place.kind in (PlaceKind.GOVERNORATE, PlaceKind.DISTRICT, PlaceKind.SUBDISTRICT):
        # OCHA calls the central unit "مركز دير الزور" ("centre of"): index the bare name too.
        for name in list(names):
            if name.startswith("مركز "):
                names.append(name[len("مركز "):])
    return [n for n in dict.fromkeys(names) if n and n.strip()]


class NameIndex:
    """Exact, partial and fuzzy lookup over every spelling of every place."""

    def __init__(self, places: list[GazPlace]):
        self.places = places
        self._exact: dict[str, dict[str, list[tuple[int, str]]]] = {"ar": defaultdict(list), "lat": defaultdict(list)}
        partial: dict[str, dict[str, list[tuple[int, str]]]] = {"ar": defaultdict(list), "lat": defaultdict(list)}
        for i, place in enumerate(places):
            for name in _names_of(place):
                script = script_of(name)
                tokens = name_tokens(name)
                key = "".join(tokens)
                if not key:
                    continue
                self._exact[script][key].append((i, name))
                if len(tokens) > 1:
                    for tok in set(tokens):
                        if len(tok) >= 4 and tok not in GENERIC_WORDS and tok != key:
                            partial[script][tok].append((i, name))
        self._partial = {
            s: {tok: hits for tok, hits in table.items()
                if len({i for i, _ in hits}) <= PARTIAL_MAX_PLACES}
            for s, table in partial.items()}
        self._all_keys = {s: list(table) for s, table in self._exact.items()}
        self._skeleton: dict[str, list[str]] = defaultdict(list)
        for key in self._all_keys["lat"]:
            self._skeleton[vowel_skeleton(key)].append(key)
        grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
        for script, keys in self._all_keys.items():
            for key in keys:
                grouped[(script, key[0])].append(key)
        # Each block sorted by key length, so only lengths that can reach the cutoff are scored.
        self._blocks: dict[tuple[str, str], tuple[list[int], list[str]]] = {}
        for block, keys in grouped.items():
            keys.sort(key=len)
            self._blocks[block] = ([len(k) for k in keys], keys)

    def _candidates(self, script: str, key: str) -> list[str]:
        """Keys of the block (same script, same first letter) whose length can reach FUZZY_CUTOFF.

        ratio = 2·matches / (len1 + len2) <= 2·min / (len1 + len2), so a key of length n
        can only reach cutoff c against lengths n·c/(2-c) .. n·(2-c)/c.
        """
        lengths, keys = self._blocks.get((script, key[0]), ([], []))
        c = FUZZY_CUTOFF / 100.0
        lo = bisect_left(lengths, math.ceil(len(key) * c / (2 - c)))
        hi = bisect_right(lengths, math.floor(len(key) * (2 - c) / c))
        return keys[lo:hi]

    @property
    def key_count(self) -> int:
        return sum(len(k) for k in self._all_keys.values())

    def lookup(self, text: str, *, limit: int = 25) -> list[Hit]:
        """Every place whose spelling matches ``text``, best first (one hit per place)."""
        script = script_of(text)
        tokens = name_tokens(text)
        key = "".join(tokens)
        if not key:
            return []
        best: dict[int, Hit] = {}

        def offer(hit: Hit) -> None:
            old = best.get(hit.place)
            if old is None or hit.score > old.score:
                best[hit.place] = hit

        keys = [key]
        if script == "ar" and unglue_article(key) != key:
            keys.append(unglue_article(key))
        for k in keys:
            for i, name in self._exact[script].get(k, ()):
                offer(Hit(i, 100.0, name))
        if script == "lat" and len(key) >= 4:  # "Big" must not become "Bakhgh"
            for other in self._skeleton.get(vowel_skeleton(key), ()):
                if other != key:
                    for i, name in self._exact[script][other]:
                        offer(Hit(i, VOWEL_SCORE, name))
        for i, name in self._partial[script].get(key, ()):
            offer(Hit(i, PARTIAL_SCORE, name, partial=True))
        for k in keys if not best else keys[:1]:
            if len(k) < 3:
                continue
            found = process.extract(k, self._candidates(script, k), scorer=fuzz.ratio,
                                    score_cutoff=FUZZY_CUTOFF, limit=limit)
            if not found and not best:
                found = process.extract(k, self._all_keys[script], scorer=fuzz.ratio,
                                        score_cutoff=FUZZY_CUTOFF, limit=limit)
            for other, ratio, _ in found:
                if other in keys:
                    continue
                for i, name in self._exact[script][other]:
                    offer(Hit(i, fuzzy_score(ratio), name))
        return sorted(best.values(), key=lambda h: -h.score)[:limit]
