"""Named features that are not settlements: what a place string names, by a general keyword rule.

Why a keyword rule and not a list: reports and datasets name oil fields,
dams, air bases, crossings, camps, hills and wells with the same handful of
type words in every governorate ("X oil field", "Y airbase", "Z dam",
"... crossing", "... camp", «حقل X», «سد Y», «مطار Z»), so reading the type
word generalises to places nobody has listed. The same rule serves the
built feature list (``data/features.csv``, ``scripts/build_features.py``)
and the aliases learned from imported datasets (``learned.py``).

``read_place_string`` splits a dataset's location string into:

* ``names`` — the name(s) it gives: "Jurniyah/Bash Jurn village" gives two,
  "Tiyas Military Airbase (T4)" gives "Tiyas Military Airbase", "Tiyas
  Airbase" and "T4"; a trailing settlement word ("village", "town",
  "suburb") is dropped, and so is a trailing type word that repeats a type
  prefix ("Jabal al Akrad mountain" → "Jabal al Akrad");
* ``kind`` — a feature kind when a type word says so, in this order:
  an explicit type word anywhere (field, dam, airport/airbase, base/brigade/
  barracks, bridge, crossing/checkpoint, camp, well, mountain, hill) wins;
  else a type *prefix* (Jabal/Jebel, Tall/Tell/Tal, Bir; جبل، تل، بئر)
  counts only when no settlement word follows ("Tall Rifaat town" is a
  town, "Tall Kurdi" a hill); else None (a settlement or a locality);
* ``settlement`` — a settlement word was present;
* ``skip`` — why the string is not one point: roads and "between A and B"
  (lines), governorates/districts/countryside (admin areas, resolved by
  their own polygons).

Radii are honest extents of the kind (``KIND_RADIUS_KM``): an oil field
covers kilometres, a bridge a few hundred metres. A feature whose radius is
above ``model.POINT_RADIUS_KM`` is answered as a NEAR disc, not a POINT.
"""
from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from pathlib import Path

from gazetteer.model import GazPlace, PlaceKind

K = PlaceKind

#: Honest extent (km) of each kind of named feature, and of a learned locality.
KIND_RADIUS_KM: dict[PlaceKind, float] = {
    K.OIL_FIELD: 5.0,        # Syrian oil/gas fields span several km (al-Omar, Shaer, Jazal)
    K.DAM: 1.5,              # dam wall plus works; the lake is not the dam
    K.AIRPORT: 2.5,          # runways of a military air base are 2.5-3 km long
    K.MILITARY_BASE: 1.5,
    K.BRIDGE: 0.3,
    K.CROSSING: 0.5,
    K.CAMP: 1.0,
    K.HILL: 0.7,
    K.MOUNTAIN: 5.0,         # a jabal is a massif; "mountain range" gets RANGE_RADIUS_KM
    K.WELL: 0.3,
    K.LOCALITY: 1.0,
}
RANGE_RADIUS_KM = 15.0

_SETTLEMENT_WORDS = frozenset({
    "village", "villge", "villages", "town", "city", "suburb", "neighbourhood", "neighborhood", "quarter",
    "hamlet", "farms", "قريه", "قرية", "بلدة", "بلده", "مدينة", "مدينه", "حي",
})
#: Explicit type words (Latin, lower case; a tuple is a phrase) → kind. First match in this order wins.
_TYPE_WORDS: tuple[tuple[tuple[str, ...], PlaceKind], ...] = (
    (("oil", "field"), K.OIL_FIELD), (("gas", "field"), K.OIL_FIELD), (("field",), K.OIL_FIELD),
    (("oilfield",), K.OIL_FIELD), (("gasfield",), K.OIL_FIELD), (("oil", "station"), K.OIL_FIELD),
    (("airport",), K.AIRPORT), (("airbase",), K.AIRPORT), (("air", "base"), K.AIRPORT),
    (("airfield",), K.AIRPORT), (("airstrip",), K.AIRPORT), (("air", "strip"), K.AIRPORT),
    (("dam",), K.DAM),
    (("bridge",), K.BRIDGE),
    (("crossing",), K.CROSSING), (("checkpoint",), K.CROSSING), (("border", "post"), K.CROSSING),
    (("camp",), K.CAMP), (("camps",), K.CAMP),
    (("base",), K.MILITARY_BASE), (("barracks",), K.MILITARY_BASE), (("brigade",), K.MILITARY_BASE),
    (("regiment",), K.MILITARY_BASE), (("battalion",), K.MILITARY_BASE), (("academy",), K.MILITARY_BASE),
    (("division",), K.MILITARY_BASE),
    (("well",), K.WELL), (("wells",), K.WELL),
    (("mountain",), K.MOUNTAIN), (("mountains",), K.MOUNTAIN), (("mount",), K.MOUNTAIN),
    (("hill",), K.HILL), (("hills",), K.HILL),
)
#: Arabic type nouns (folded-free: compared after stripping ال and ة/ه) written before the name.
_AR_TYPE_NOUNS: dict[str, PlaceKind] = {
    "حقل": K.OIL_FIELD, "حقول": K.OIL_FIELD, "سد": K.DAM, "مطار": K.AIRPORT, "جسر": K.BRIDGE,
    "معبر": K.CROSSING, "حاجز": K.CROSSING, "مخيم": K.CAMP, "قاعده": K.MILITARY_BASE, "ثكنه": K.MILITARY_BASE,
    "فوج": K.MILITARY_BASE, "لواء": K.MILITARY_BASE, "كتيبه": K.MILITARY_BASE, "فرقه": K.MILITARY_BASE,
    "بئر": K.WELL, "بير": K.WELL, "جبل": K.MOUNTAIN, "تل": K.HILL, "تله": K.HILL,
}
#: Prefixes that usually name a feature, but are also the first word of many village names.
_LAT_PREFIX = {"jabal": K.MOUNTAIN, "jebel": K.MOUNTAIN, "jbel": K.MOUNTAIN, "jabel": K.MOUNTAIN,
               "tall": K.HILL, "tell": K.HILL, "tal": K.HILL, "tel": K.HILL, "bir": K.WELL, "bi'r": K.WELL,
               "beer": K.WELL}
_AR_PREFIX = {"جبل": K.MOUNTAIN, "تل": K.HILL, "بئر": K.WELL, "بير": K.WELL}
#: Words that make the string a line or an admin area, not one point.
_SKIP_WORDS = {
    "road": "a road (a line, not a point)", "highway": "a road (a line, not a point)",
    "between": "between two places (a line, not a point)", "governorate": "an admin area",
    "district": "an admin area", "subdistrict": "an admin area", "province": "an admin area",
    "countryside": "an admin area", "طريق": "a road (a line, not a point)", "اوتوستراد": "a road",
    "محافظه": "an admin area", "محافظة": "an admin area", "ريف": "an admin area",
}
#: Words of a type phrase that may be dropped to give a shorter variant ("Tiyas Military Airbase" →
#: "Tiyas Airbase").
_DROPPABLE = {"military", "international", "former", "army"}
#: Words that describe rather than name: a part made only of these ("(IDP Camp)") is not a name.
_GENERIC = {w for phrase, _ in _TYPE_WORDS for w in phrase} | _DROPPABLE | {
    "idp", "idps", "refugee", "refugees", "displaced", "area", "the", "of", "al", "el", "border"}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_PAREN = re.compile(r"\(([^()]*)\)")
_AR = re.compile(r"[\u0600-\u06FF]")


@dataclass(frozen=True)
class PlaceString:
    """What one location string names (see the module docstring)."""
    text: str
    names: tuple[str, ...]
    kind: PlaceKind | None
    settlement: bool
    explicit: bool = False          # the kind came from an explicit type word, not a prefix
    skip: str = ""                  # why this is not one point ("" = it is)
    range_: bool = False            # "mountain range": a wide massif

    @property
    def radius_km(self) -> float:
        if self.range_:
            return RANGE_RADIUS_KM
        return KIND_RADIUS_KM.get(self.kind or K.LOCALITY, KIND_RADIUS_KM[K.LOCALITY])


def _ar_fold(word: str) -> str:
    word = word.removeprefix("ال") if len(word) > 3 else word
    return word.replace("ة", "ه").replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _kind_of_words(words: list[str]) -> PlaceKind | None:
    low = [w.lower() for w in words]
    for phrase, kind in _TYPE_WORDS:
        n = len(phrase)
        if any(tuple(low[i:i + n]) == phrase for i in range(len(low) - n + 1)):
            return kind
    for w in words:
        if _AR.search(w):
            kind = _AR_TYPE_NOUNS.get(_ar_fold(w))
            if kind is not None and kind not in (K.MOUNTAIN, K.HILL, K.WELL):  # those are prefixes (below)
                return kind
    return None


def _prefix_kind(words: list[str]) -> PlaceKind | None:
    if not words:
        return None
    first = words[0]
    if _AR.search(first):
        return _AR_PREFIX.get(_ar_fold(first))
    return _LAT_PREFIX.get(first.lower())


def _clean(part: str) -> str:
    return " ".join(part.replace("–", "-").replace("—", "-").strip(" -,;").split())


@functools.lru_cache(maxsize=1 << 16)
def read_place_string(text: str) -> PlaceString:
    """A dataset's location string → its names, kind and whether it is one point (module docstring)."""
    text = " ".join(str(text).split())
    inner = [_clean(m) for m in _PAREN.findall(text)]
    main = _clean(_PAREN.sub(" ", text))
    words = _words(main)
    low = {w.lower() for w in words} | {_ar_fold(w) for w in words if _AR.search(w)}
    for word, why in _SKIP_WORDS.items():
        if word in low:
            return PlaceString(text, (), None, False, skip=why)
    settlement = bool(low & _SETTLEMENT_WORDS)
    kind = _kind_of_words(words)
    explicit = kind is not None
    if kind is None and not settlement:
        kind = _prefix_kind(words)
    range_ = kind is K.MOUNTAIN and "range" in low
    names: list[str] = []
    for part in [p for p in main.split("/")] + [p for q in inner for p in q.split("/")]:
        part_words = [w for w in _words(part) if w.lower() not in _SETTLEMENT_WORDS]
        if part_words and part_words[-1].lower() == "area":   # "Wadi Barada area": the area of a name
            part_words = part_words[:-1]
        if not part_words or all(w.lower() in _GENERIC for w in part_words):
            continue
        # "Jabal al Akrad mountain", "Tall al As hill": the trailing type word repeats the prefix.
        pk = _prefix_kind(part_words)
        if pk is not None and len(part_words) > 2 and _kind_of_words(part_words[-1:]) is pk:
            part_words = part_words[:-1]
        if part_words and part_words[-1].lower() == "range":
            part_words = part_words[:-1]
        name = " ".join(part_words)
        if name and not name.isdigit():
            names.append(name)
            shorter = " ".join(w for w in part_words if w.lower() not in _DROPPABLE)
            if explicit and shorter and shorter != name:
                names.append(shorter)
    return PlaceString(text, tuple(dict.fromkeys(names)), kind, settlement, explicit=explicit, range_=range_)


# -- the built feature list (data/features.csv) ------------------------------
FEATURE_COLUMNS = ["fid", "name", "names", "kind", "lat", "lon", "radius_km", "events", "where_prec", "source"]


def load_features(path: Path, admin) -> list[GazPlace]:
    """``data/features.csv`` → GazPlaces of their kinds, with admin units from reverse lookup."""
    path = Path(path)
    if not path.is_file():
        return []
    places = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            lat, lon = float(row["lat"]), float(row["lon"])
            a1, a2, a3 = admin.reverse(lat, lon)
            extra = tuple(n for n in row["names"].split("|") if n and n != row["name"])
            is_ar = bool(_AR.search(row["name"]))
            places.append(GazPlace(
                pcode=row["fid"], name_en="" if is_ar else row["name"], name_ar=row["name"] if is_ar else "",
                kind=PlaceKind(row["kind"]), lat=lat, lon=lon, admin1=a1, admin2=a2, admin3=a3, names=extra,
                sources=(row["source"],), radius_km=float(row["radius_km"]), mentions=int(row["events"] or 0)))
    return places


def features_csv(rows: list[dict]) -> str:
    """Rows (FEATURE_COLUMNS) as CSV text, sorted by id so a rebuild is byte for byte the same."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FEATURE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in sorted(rows, key=lambda r: r["fid"]):
        writer.writerow(row)
    return out.getvalue()
