"""Which admin units a context names, and whether it names them *as units* (``Resolver`` reads it).

Why its own module: reading "Idlib Governorate", «بريف إدلب», ACLED's "Rural Damascus" or a whole
report sentence for the units it names is one concern (folded n-grams, unit words, the sentence that
also holds the queried name); ranking and answering (``resolve.py``) only use the P-codes it finds.

``ContextReader`` is a mixin: the resolver that uses it holds the tables it reads (``_admin_keys``,
``_admin_skeletons``, ``_unit_members``) and its caches (``_context_cache``, ``_matches_cache``,
``_members_cache``, ``_lock``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from shapely.prepared import prep

from gazetteer.arabic_lexicon import bare
from gazetteer.model import PlaceKind
from gazetteer.normalize import fold_arabic_words, fold_latin_words, is_arabic, name_key, skeleton_key

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from gazetteer.admin import AdminBoundaries


class ContextReader:
    """Admin units named in a context string (mixed into ``resolve.Resolver``)."""

    def context_pcodes(self, context: str | None) -> frozenset[str]:
        """Admin units (P-codes) named in free text, by folded 1-3 word n-grams (memoised)."""
        if not context:
            return frozenset()
        found = self._context_cache.get(context)
        if found is None:
            found = frozenset(self._scan_context(context))
            with self._lock:
                self._context_cache[context] = found
                if len(self._context_cache) > 4096:
                    self._context_cache.pop(next(iter(self._context_cache)))
        return found

    def _scan_context(self, context: str) -> set[str]:
        return {code for _, codes, _ in self.context_matches(context) for code in codes}

    def context_matches(self, context: str) -> list[tuple[str, frozenset[str], bool]]:
        """(matched key, admin P-codes, explicit) for each admin name in ``context``, longest first.

        Words are folded (``normalize``) and read as 1-3 word n-grams; the
        longest n-gram that names a unit wins and consumes its words, so
        "Rif Dimashq" names Rural Damascus, not also Damascus. A name the
        exact key misses may still match by its cross-romanisation skeleton
        ("As Suwayda'" / "As-Sweida"), for governorates and districts only.

        ``explicit``: the text names it *as a unit* — the context is nothing but
        the unit's name ("Idlib Governorate", "Hamah", ACLED's admin1), or a unit
        word stands next to it («محافظة حماة», «بريف إدلب», "Aleppo countryside").
        A town named in passing in a sentence ("... from the city of Ma'arrat
        an-Nu'man towards the camps north of Idlib") is not explicit: it ranks,
        it does not constrain.
        """
        out: list[tuple[str, frozenset[str], bool]] = []
        ar_words = fold_arabic_words(" ".join(w for w in context.split() if is_arabic(w)))
        lat_words = fold_latin_words(" ".join(w for w in context.split() if not is_arabic(w)))
        found: list[tuple[str, frozenset[str], list, int, int]] = []
        for seq in (ar_words, lat_words):
            used = [False] * len(seq)
            for n in (3, 2, 1):
                for i in range(len(seq) - n + 1):
                    if any(used[i:i + n]):
                        continue
                    key = "".join(seq[i:i + n])
                    codes = self._admin_keys.get(key)
                    if codes is None and n <= 2:
                        sk = skeleton_key(" ".join(seq[i:i + n])) if seq is lat_words else ""
                        codes = self._admin_skeletons.get(sk) if len(sk) >= 3 else None
                    if codes:
                        # One name for nested units (Homs governorate ⊃ district ⊃ sub-district): the coarsest.
                        codes = {c for c in codes if not any(o != c and c.startswith(o) for o in codes)}
                        found.append((key, frozenset(codes), seq, i, i + n))
                        for j in range(i, i + n):
                            used[j] = True
        covered = {(id(seq), j) for _, _, seq, a, b in found for j in range(a, b)}
        only_units = all((id(seq), j) in covered or _unit_word(w) or w in _FILLERS
                         for seq in (ar_words, lat_words) for j, w in enumerate(seq))
        for key, codes, seq, a, b in found:
            before = a - 1
            while before >= 0 and seq[before] in _FILLERS:   # "countryside of Aleppo"
                before -= 1
            beside = (before >= 0 and _unit_word(seq[before])) or (b < len(seq) and _unit_word(seq[b]))
            if (before >= 0 and _district_word(seq[before])) or (b < len(seq) and _district_word(seq[b])):
                codes = _centres_as_districts(codes)
            out.append((key, codes, only_units or beside))
        return out

    def context_units(self, context: str | None, *, name: str = "",
                      explicit: bool | None = None) -> frozenset[str]:
        """Admin units named in ``context``, less those named like ``name`` itself.

        Ingestion passes the whole sentence as context; the sentence also holds
        the queried name, and a town that shares its name with a sub-district
        elsewhere must not become its own context. ``explicit=True`` keeps only
        the units named as units, ``False`` only the others, ``None`` all.
        """
        if not context:
            return frozenset()
        own = {name_key(name), name_key(name.removeprefix("مركز "))} if name else set()
        key = (context, tuple(sorted(own)), explicit)
        found = self._context_cache.get(key)
        if found is None:
            matches = self._matches_cache.get(context)   # one context serves many names (a file's adm_1)
            if matches is None:
                matches = self.context_matches(context)
                with self._lock:
                    self._matches_cache[context] = matches
                    if len(self._matches_cache) > 4096:
                        self._matches_cache.pop(next(iter(self._matches_cache)))
            # A sentence that also holds the queried name (ingestion passes the sentence) may name other
            # places' units ("X in Deir ez-Zor, while in Raqqa governorate ..."): its units only rank.
            folded = name_key(context)
            in_sentence = bool(own - {""}) and any(k and k in folded for k in own) and len(folded) > max(map(len, own)) + 2
            found = frozenset(code for k, codes, how in matches
                              if k not in own and (explicit is None or (how and not in_sentence) == explicit)
                              for code in codes)
            if DAMASCUS_CITY_UNIT in found:
                found |= {RURAL_DAMASCUS}   # the city's unit is islanded in Rural Damascus; the press calls both «دمشق»
            with self._lock:
                self._context_cache[key] = found
                if len(self._context_cache) > 4096:
                    self._context_cache.pop(next(iter(self._context_cache)))
        return found

    def members(self, units: frozenset[str]) -> frozenset[int]:
        """Index positions of the places inside any of ``units`` (memoised)."""
        found = self._members_cache.get(units)
        if found is None:
            found = frozenset(i for code in units for i in self._unit_members.get(code, ()))
            with self._lock:
                self._members_cache[units] = found
                if len(self._members_cache) > 1024:
                    self._members_cache.pop(next(iter(self._members_cache)))
        return found


DAMASCUS_CITY_UNIT, RURAL_DAMASCUS = "SY01", "SY03"   # OCHA ADM1 P-codes

_UNIT_WORDS = frozenset(
    fold_arabic_words("محافظة محافظات ريف ارياف ناحية منطقة قضاء مركز")
    + fold_latin_words("governorate governorates province provinces district subdistrict sub district "
                       "countryside rural muhafaza muhafazat nahiya nahia mintaqa mintaqat region"))
_FILLERS = frozenset(fold_latin_words("of the in") + ["في", "من"])


_DISTRICT_WORDS = frozenset(fold_arabic_words("منطقة قضاء") + fold_latin_words("district mintaqa mintaqat qada"))


def _district_word(word: str) -> bool:
    return bare(word, _DISTRICT_WORDS) is not None


def _centres_as_districts(codes: frozenset[str]) -> frozenset[str]:
    """A district's centre sub-district (OCHA P-code ending in 00) named with a district word is the district.

    Datasets name a district after its seat town: UCDP's "Maarat al-Numaan district" is OCHA's
    district «معرة النعمان» / "Al Ma'ra", whose English name only the centre sub-district
    ("Ma'arrat An Nu'man", SY070200) shares. Read as the sub-district it would hide the
    district's other sub-districts' places from the context.
    """
    return frozenset(c[:-2] if len(c) == 8 and c.endswith("00") else c for c in codes)


def _unit_word(word: str) -> bool:
    """A folded word that names a kind of admin unit (or a filler beside one): محافظة, بريف, governorate."""
    return bare(word, _UNIT_WORDS) is not None


def region_context_names(places, shapes: dict[str, BaseGeometry],
                         admin: AdminBoundaries) -> list[tuple[str, tuple[str, ...]]]:
    """(sub-district code, a region's names) for every sub-district of every named region: a region named in
    the context («سهل الغاب») is context for the places inside it, as a governorate named there is."""
    regions = [p for p in places if p.kind is PlaceKind.REGION and p.pcode in shapes]
    if not regions:
        return []
    points = [(u.ref.pcode, admin.geometry(u.ref.pcode).representative_point()) for u in admin.units(3)]
    out = []
    for place in regions:
        inside = prep(shapes[place.pcode])
        names = (place.name_ar, place.name_en, *place.names)
        out += [(code, names) for code, point in points if inside.contains(point)]
    return out
