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

import contextlib
import gc
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import NamedTuple

from rapidfuzz import fuzz, process

from gazetteer.model import GazPlace
from gazetteer.names import GENERIC_WORDS, MODIFIER_WORDS, modifier_key, modifiers, names_of
from gazetteer.normalize import (arabic_as_latin, name_tokens, script_of, skeleton_classes, skeleton_key, skeleton_keys,
                                 unglue_article, vowel_skeleton)

#: Minimum rapidfuzz ratio for a fuzzy candidate at all.
FUZZY_CUTOFF = 82.0
#: Score of a cross-romanisation (``normalize.skeleton_key``) match: the same consonant classes,
#: any script; scored by how close the whole spelling is (``skeleton_score``), never as exact.
SKELETON_LOW, SKELETON_HIGH = 80.0, 92.0
#: Skeletons shorter than this are too common to be evidence ("dn", "kfr"); country-wide, a repeated class
#: counts once (``skeleton_classes``: البليل "bll" is two classes, as common as "bl").
SKELETON_MIN = 3
#: Inside a unit named by the context, a looser fuzzy cutoff on keys and skeletons (few hundred names).
WITHIN_CUTOFF = 75.0
#: Score of a Latin key that differs only in vowel quality (see normalize.vowel_skeleton).
VOWEL_SCORE = 94.0
#: Best score of a Latin query against our Latin reading of a place's Arabic name (``normalize.arabic_as_latin``)
#: inside a named unit: as good as a vowel-level spelling, never exact — "Mare'" is the town مارع spelled in
#: Latin, not معارة read aloud (equal readings are common: the reading drops what Latin spellings keep).
READING_MAX = VOWEL_SCORE
#: Score of a one-word (partial) hit: below any exact match, above weak fuzzy ones.
PARTIAL_SCORE = 90.0
#: A word shared by more places than this is too generic for partial matching.
PARTIAL_MAX_PLACES = 12
#: Score of a namesake hit: as good as exact, so neither of two namesakes leads on spelling alone.
NAMESAKE_SCORE = 98.0


def fuzzy_score(ratio: float) -> float:
    """Map a rapidfuzz ratio to a candidate score: each missed point costs 1.5."""
    return 100.0 - 1.5 * (100.0 - ratio)


@contextlib.contextmanager
def gc_paused():
    """Cyclic garbage collection paused while an index (or a part of one) is built.

    Building allocates some 10⁵ lists and tuples that all live on; each allocation burst made the
    collector walk the growing heap again (a third of the build's CPU time, two thirds of adding
    learned aliases, most of a unit's first looser lookup). Nothing built here is cyclic garbage,
    so nothing is lost by waiting.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class Hit(NamedTuple):
    """One place a spelling matched (an immutable tuple: a lookup makes dozens)."""
    place: int          # index into NameIndex.places
    score: float        # 0..100
    matched: str        # the stored spelling that matched
    partial: bool = False
    skeleton: bool = False   # the whole cross-romanisation key is equal (``normalize.skeleton_key``)


def _window(lengths: list[int], keys: list[str], n: int, cutoff: float) -> list[str]:
    """The keys (sorted by length) whose length lets rapidfuzz ``ratio`` reach ``cutoff`` against length n."""
    c = cutoff / 100.0
    return keys[bisect_left(lengths, math.ceil(n * c / (2 - c))):bisect_right(lengths, math.floor(n * (2 - c) / c))]


class NameIndex:
    """Exact, partial and fuzzy lookup over every spelling of every place."""

    def __init__(self, places: list[GazPlace], *, base: "NameIndex | None" = None):
        """Index ``places``; with ``base`` (an index of a prefix of the same places, e.g. before learned
        aliases were added), only the names ``base`` lacks are folded and indexed (``extend``)."""
        self.places = places
        n_base = len(base.places) if base is not None else 0
        if base is not None and (n_base > len(places) or any(
                a.pcode != b.pcode for a, b in zip(base.places, places[:n_base]))):
            base, n_base = None, 0            # not a prefix of these places: a full build
        if base is None:
            self._exact = {"ar": defaultdict(list), "lat": defaultdict(list)}
            self._namesake = {"ar": defaultdict(list), "lat": defaultdict(list)}
            self._partial_all = {"ar": defaultdict(list), "lat": defaultdict(list)}
            self._skel: dict[str, list[tuple[int, str]]] = defaultdict(list)
            self._modkey: dict[str, list[tuple[int, str]]] = defaultdict(list)   # names.modifier_key
            self._names: list[list[str]] = []
            self._place_keys: list[list[tuple[str, str, str]]] = []   # (table, key, name) per place
            # The keys a skeleton hit is scored against (skeleton_score): Latin + Latin reading of the Arabic / Arabic.
            self._score_keys: dict[str, list[list[str]]] = {"lat": [], "ar": []}
            self._skeleton: dict[str, list[str]] = defaultdict(list)   # vowel skeleton -> Latin keys
        else:
            # Copies of the base tables (lists copied, so the base index stays as it was).
            def copy(table):
                return defaultdict(list, {k: list(v) for k, v in table.items()})
            self._exact = {s: copy(t) for s, t in base._exact.items()}
            self._namesake = {s: copy(t) for s, t in base._namesake.items()}
            self._partial_all = {s: copy(t) for s, t in base._partial_all.items()}
            self._skel = copy(base._skel)
            self._modkey = copy(base._modkey)
            self._names = list(base._names)
            self._place_keys = list(base._place_keys)
            self._score_keys = {s: list(t) for s, t in base._score_keys.items()}
            self._skeleton = copy(base._skeleton)
        for i, place in enumerate(places):
            if i < n_base:
                if place is base.places[i]:
                    continue
                known = set(self._names[i])
                new = [n for n in names_of(place) if n not in known]
                self._names[i] = self._names[i] + new
                self._place_keys[i] = list(self._place_keys[i])
                for table in self._score_keys.values():
                    table[i] = list(table[i])
            else:
                new = names_of(place)
                self._names.append(new)
                self._place_keys.append([])
                for table in self._score_keys.values():
                    table.append([])
            self._add(i, new)
        self._finish()

    def extend(self, places: list[GazPlace]) -> "NameIndex":
        """An index of ``places`` (this index's places, some with more names, plus new ones) built on this one."""
        return NameIndex(places, base=self)

    def _add(self, i: int, names: list[str]) -> None:
        seen = {k for t, k, _ in self._place_keys[i] if t == "sk"}
        for name in names:
            script = script_of(name)
            tokens = name_tokens(name)
            key = "".join(tokens)
            if key:
                if script == "lat" and key not in self._exact["lat"]:
                    self._skeleton[vowel_skeleton(key)].append(key)
                self._exact[script][key].append((i, name))
                core = [t for t in tokens if t not in MODIFIER_WORDS]
                if core and len(core) < len(tokens) and len("".join(core)) >= 3:
                    self._namesake[script]["".join(core)].append((i, name))
                    if (mk := modifier_key(tokens)) is not None:
                        self._modkey[script + mk].append((i, name))
                        if script == "lat":
                            self._modkey["v" + vowel_skeleton(mk)].append((i, name))
                if len(tokens) > 1:
                    for tok in set(tokens):
                        if len(tok) >= 4 and tok not in GENERIC_WORDS and tok != key:
                            self._partial_all[script][tok].append((i, name))
            # Cross-romanisation keys of every name (Latin and Arabic alike; see normalize.skeleton_key).
            for sk in skeleton_keys(name):
                if len(sk) >= SKELETON_MIN and sk not in seen:
                    seen.add(sk)
                    self._skel[sk].append((i, name))
                    self._place_keys[i].append(("sk", sk, name))
            if key:
                self._place_keys[i].append((script, key, name))
                self._score_keys[script][i].append(key)
                if script == "ar":
                    tr = arabic_as_latin(name)
                    self._place_keys[i].append(("tr", tr, name))
                    self._score_keys["lat"][i].append(tr)

    def _finish(self) -> None:
        """The tables derived from the per-name ones: partial words, key lists, fuzzy blocks."""
        self._partial = {
            s: {tok: hits for tok, hits in table.items()
                if len({i for i, _ in hits}) <= PARTIAL_MAX_PLACES}
            for s, table in self._partial_all.items()}
        self._all_keys = {s: list(table) for s, table in self._exact.items()}
        self._within_cache: dict[frozenset, dict] = {}
        grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
        for script, keys in self._all_keys.items():
            for key in keys:
                grouped[(script, key[0])].append(key)
        self._by_length = {}
        for script, keys in self._all_keys.items():
            ordered = sorted(keys, key=len)
            self._by_length[script] = ([len(k) for k in ordered], ordered)
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

    def lookup(self, text: str, *, limit: int = 15, fuzzy: bool = True) -> list[Hit]:
        """Every place whose spelling matches ``text``, best first (one hit per place).

        ``fuzzy=False`` stops before the rapidfuzz tiers (a quick "is this an exact name?").
        """
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
        for k in keys:
            for i, name in self._namesake[script].get(k, ()):
                offer(Hit(i, NAMESAKE_SCORE, name))
        if (mk := modifier_key(tokens)) is not None:
            # the same core and modifiers of the same meaning, in any order and language ("Arbah Kabir" / "Big Arbaa")
            for i, name in self._modkey.get(script + mk, ()):
                offer(Hit(i, 100.0, name))
            if script == "lat":
                for i, name in self._modkey.get("v" + vowel_skeleton(mk), ()):
                    offer(Hit(i, VOWEL_SCORE, name))
        for i, name in self._partial[script].get(key, ()):
            offer(Hit(i, PARTIAL_SCORE, name, partial=True))
        query_mods = modifiers(text)
        pending: dict[int, str] = {}
        for sk in skeleton_keys(text):
            if skeleton_classes(sk) >= SKELETON_MIN:
                for i, name in self._skel.get(sk, ()):
                    if i in pending or (i in best and best[i].score >= SKELETON_HIGH):
                        continue          # already scored, or already better than a skeleton hit can be
                    theirs = modifiers(name)
                    if query_mods and theirs and query_mods != theirs:
                        continue
                    pending[i] = name
        if pending:
            for i, score in self.skeleton_scores(list(pending), script, key).items():
                offer(Hit(i, score, pending[i], skeleton=True))
        for k in (keys if not best else keys[:1]) if fuzzy else ():
            if len(k) < 3:
                continue
            found = process.extract(k, self._candidates(script, k), scorer=fuzz.ratio,
                                    score_cutoff=FUZZY_CUTOFF, limit=limit)
            if not found and not best:
                lengths, by_len = self._by_length[script]
                found = process.extract(k, _window(lengths, by_len, len(k), FUZZY_CUTOFF), scorer=fuzz.ratio,
                                        score_cutoff=FUZZY_CUTOFF, limit=limit)
            mods = modifiers(text)
            for other, ratio, _ in found:
                if other in keys:
                    continue
                for i, name in self._exact[script][other]:
                    theirs = modifiers(name)
                    if mods and theirs and mods != theirs:
                        continue  # "Western Ghouta" is not a misspelling of "Eastern Ghouta"
                    offer(Hit(i, fuzzy_score(ratio), name))
        return sorted(best.values(), key=lambda h: -h.score)[:limit]

    def skeleton_scores(self, ids: list[int], script: str, key: str) -> dict[int, float]:
        """``skeleton_score`` of several places at once (one rapidfuzz call over all their keys)."""
        table = self._score_keys["ar" if script == "ar" else "lat"]
        flat, owner = [], []
        for i in ids:
            for k in table[i]:
                flat.append(k)
                owner.append(i)
        best = dict.fromkeys(ids, 50.0)
        for _, ratio, pos in process.extract(key, flat, scorer=fuzz.ratio, limit=None):
            if ratio > best[owner[pos]]:
                best[owner[pos]] = ratio
        span = SKELETON_HIGH - SKELETON_LOW
        return {i: SKELETON_LOW + span * max(0.0, r - 50.0) / 50.0 for i, r in best.items()}

    def skeleton_score(self, i: int, script: str, key: str) -> float:
        """Score of a skeleton (cross-romanisation) match of place ``i``: SKELETON_LOW..SKELETON_HIGH.

        Names that share consonant classes are told apart by how close the whole spelling is
        (rapidfuzz ratio of the folded key against the place's keys in the same script, and for a
        Latin query against the Latin reading of its Arabic name, ``normalize.arabic_as_latin``).
        """
        keys = self._score_keys["ar" if script == "ar" else "lat"][i]
        best = max((fuzz.ratio(key, k) for k in keys), default=50.0)
        return SKELETON_LOW + (SKELETON_HIGH - SKELETON_LOW) * max(0.0, best - 50.0) / 50.0

    def lookup_within(self, text: str, members: frozenset[int], *, limit: int = 10) -> list[Hit]:
        """Looser fuzzy hits among ``members`` (the places inside a unit the context names).

        A report that names the governorate has already narrowed the search to a
        few hundred places, so a spelling that is too far for the whole country
        (``FUZZY_CUTOFF``) is still evidence here: rapidfuzz ``ratio`` of the
        folded key and of the cross-romanisation skeleton, at ``WITHIN_CUTOFF``.
        """
        if not members:
            return []
        tables = self._within_cache.get(members)
        if tables is None:
            with gc_paused():   # some 10⁴ small lists that live on: no collector walk of the whole heap
                grouped: dict[tuple[str, str], dict[str, list[tuple[int, str]]]] = defaultdict(dict)
                for i in members:
                    for table, key, name in self._place_keys[i]:
                        if key:   # a Latin query probes Latin keys and Latin readings of Arabic names at once
                            grouped[("lat" if table == "tr" else table, key[0])].setdefault(key, []).append(
                                (i, name, table == "tr"))
                tables = {}
                for block, table in grouped.items():  # per (table, first letter), sorted by length
                    ordered = sorted(table, key=len)
                    tables[block] = ([len(k) for k in ordered], ordered, [table[k] for k in ordered])
            if len(self._within_cache) > 256:
                self._within_cache.pop(next(iter(self._within_cache)))
            self._within_cache[members] = tables
        script = script_of(text)
        key = "".join(name_tokens(text))
        probes = [(script, key), ("sk", skeleton_key(text))]
        best: dict[int, Hit] = {}
        mods = modifiers(text)
        for table, probe in probes:
            if len(probe) < 3:
                continue
            lengths, keys, owners = tables.get((table, probe[0]), ((), (), ()))
            c = WITHIN_CUTOFF / 100.0
            lo = bisect_left(lengths, math.ceil(len(probe) * c / (2 - c)))
            hi = bisect_right(lengths, math.floor(len(probe) * (2 - c) / c))
            for _, ratio, pos in process.extract(probe, keys[lo:hi], scorer=fuzz.ratio, score_cutoff=WITHIN_CUTOFF,
                                                 limit=2 * limit if table == "lat" else limit):
                for i, name, read in owners[lo + pos]:
                    theirs = modifiers(name)
                    if mods and theirs and mods != theirs:
                        continue
                    score = fuzzy_score(ratio)
                    if read:      # our Latin reading of an Arabic name, not a spelling anyone wrote
                        score = min(score, READING_MAX)
                    if table == "sk":
                        score = min(score, self.skeleton_score(i, script, key))
                    if i not in best or score > best[i].score:
                        best[i] = Hit(i, score, name, skeleton=table == "sk" and ratio >= 100)
        return sorted(best.values(), key=lambda h: -h.score)[:limit]
