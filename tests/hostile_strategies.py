"""Hypothesis strategies for hostile-but-valid (and hostile-invalid) events: the property-based corpus.

Why a module of its own: the hand-written corpus (tests/corpus_payloads.py, tests/events/io/bad_inputs.py)
holds the cases we thought of; these strategies generate the ones we did not: control and bidi
characters, lone surrogates, U+2028, NUL, combining marks (NFC), extreme numbers (NaN, inf, 400-digit
integers, values at the limits), long fields and long lists. ``tests/test_hostile_property.py`` runs
them through validate → store → frame → map → every export, on both backends.

Extending it (e.g. deep or huge geometry, issue 13 item 1): append a strategy of ``area_wkt`` strings to
``AREA_WKT`` (or of GeoJSON geometry dicts to ``GEOMETRY``); ``places()`` and ``records()`` draw from them.
"""
from __future__ import annotations

from hypothesis import strategies as st

from events.model import ClaimStatus, Count, EventType, Place, Source
from gazetteer.model import Precision

#: Characters worth more than their share of draws: controls, bidi, separators, surrogates, combining marks.
NASTY_CHARS = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\t", "\n", "\r", "\u2028", "\u2029",
               "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
               "\u200b", "\u200f", "\ufeff", "\ud800", "\udfff", "\u0301", "\u0651", "e\u0301", "ا", "ة", "ـ",
               "`", "${", "{{", "<", ">", "&", '"', "'", ";", ",", "=", "+", "@", "\\", "🚁"]

#: Text that may or may not pass the policy (any Unicode, lone surrogates too; pieces may be several characters).
any_text = st.lists(st.one_of(st.sampled_from(NASTY_CHARS), st.characters(codec=None)), max_size=30).map("".join)
_REFUSED = ("\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\ud800", "\udfff")
#: Text the policy accepts (no controls but tab/newline, no surrogates): still bidi, U+2028, marks, markup.
valid_text = st.lists(st.one_of(st.sampled_from([c for c in NASTY_CHARS if c not in _REFUSED]),
                                st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\x85")),
                      max_size=30).map("".join)


def long_text(size: int) -> st.SearchStrategy[str]:
    """Text of exactly ``size`` characters (the field limits are 200, 500, 2,000 and 20,000)."""
    return st.sampled_from(["x", "ن", "\u202e", "e\u0301"]).map(lambda c: (c * size)[:size])


#: Numbers at and beyond every limit: NaN, ±inf, 309- and 400-digit integers, -0.0, bounds.
extreme_numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -0.0, 1e308, -1e308, 10 ** 309, -(10 ** 400), 2 ** 63, 1000, 1000.0000001,
                     31.8, 37.8, 35.2, 42.9, 31.79999, 42.90001]),
    st.integers(min_value=-(10 ** 40), max_value=10 ** 40),
)
#: Coordinates inside Syria's box (so the event is kept) with full float precision.
syria_lat = st.floats(min_value=31.8, max_value=37.8, allow_nan=False)
syria_lon = st.floats(min_value=35.2, max_value=42.9, allow_nan=False)

#: Hook for geometry strategies (issue 13 item 1 may add deep/huge areas): each yields area_wkt text or None.
AREA_WKT: list[st.SearchStrategy] = [st.none(), st.sampled_from(["POLYGON ((38 35, 38.5 35, 38.5 35.5, 38 35))"])]
#: Hook for GeoJSON geometry dicts (Point only is importable today).
GEOMETRY: list[st.SearchStrategy] = [st.none(), st.builds(lambda lat, lon: {"type": "Point", "coordinates": [lon, lat]},
                                                          syria_lat, syria_lon)]

EVENT_ID = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:\-]{0,20}", fullmatch=True)


@st.composite
def places(draw, text: st.SearchStrategy[str] = valid_text, numbers: bool = False) -> Place:
    lat = draw(extreme_numbers if numbers else syria_lat)
    lon = draw(extreme_numbers if numbers else syria_lon)
    return Place(as_written=draw(text), lat=lat, lon=lon, precision=draw(st.sampled_from(list(Precision))),
                 name_en=draw(text), name_ar=draw(text), pcode=draw(text), admin1_en=draw(text),
                 admin1_ar=draw(text), radius_km=draw(st.one_of(st.none(), extreme_numbers if numbers else
                                                                st.floats(0, 1000))),
                 area_wkt=draw(st.one_of(*AREA_WKT)))


@st.composite
def events(draw, text: st.SearchStrategy[str] = valid_text, numbers: bool = False, ident=EVENT_ID):
    """An Event built directly (no parsing): valid when ``text``/``numbers`` are the valid defaults
    (up to what the other rules refuse), hostile otherwise."""
    from events.model import Event
    n = draw(st.integers(0, 3))
    counts = tuple(Count(draw(text), draw(st.one_of(st.none(), st.integers(0, 10_000_000))), None,
                         draw(st.booleans()), draw(text)) for _ in range(n))
    return Event(id=draw(ident), event_type=draw(st.sampled_from(list(EventType))),
                 status=draw(st.sampled_from(list(ClaimStatus))), title_en=draw(text), title_ar=draw(text),
                 summary=draw(st.one_of(text, long_text(20_000))), place=draw(st.one_of(st.none(), places(text, numbers))),
                 actors=tuple(draw(st.lists(text, max_size=3))), counts=counts,
                 sources=tuple(Source(outlet=draw(text), quote=draw(text), title=draw(text)) for _ in range(draw(st.integers(0, 2)))),
                 tags=tuple(draw(st.lists(st.one_of(text, long_text(200)), max_size=3))),
                 related=tuple(draw(st.lists(text, max_size=2))))


#: Events that pass validation: valid text and numbers.
valid_events = events()
#: Events that may be refused anywhere: any text, extreme numbers, over-long fields.
hostile_events = events(text=st.one_of(any_text, long_text(201), long_text(501)), numbers=True,
                        ident=st.one_of(EVENT_ID, any_text))


@st.composite
def records(draw) -> dict:
    """A JSON-like event record, as an import file would hold it (any JSON value in any field)."""
    json_value = st.recursive(st.one_of(st.none(), st.booleans(), extreme_numbers.filter(lambda x: x == x and abs(x) != float("inf")),
                                        any_text), lambda kids: st.lists(kids, max_size=3), max_leaves=5)
    rec = {"id": draw(st.one_of(EVENT_ID, any_text)), "event_type": draw(st.sampled_from([t.value for t in EventType])),
           "status": draw(st.sampled_from([s.value for s in ClaimStatus])), "title_en": draw(st.one_of(valid_text, any_text)),
           "place": {"as_written": draw(valid_text), "lat": draw(st.one_of(syria_lat, extreme_numbers)),
                     "lon": draw(st.one_of(syria_lon, extreme_numbers)),
                     "admin1_en": draw(st.one_of(valid_text, any_text))},
           "counts": [{"what": draw(any_text), "min": draw(st.one_of(st.none(), st.integers(0, 10 ** 30))),
                       "approximate": draw(st.one_of(st.booleans(), json_value))}],
           "tags": draw(st.lists(st.one_of(valid_text, any_text), max_size=3))}
    if draw(st.booleans()):
        rec["summary"] = draw(json_value)
    return rec


@st.composite
def feature_collections(draw) -> dict:
    """A GeoJSON FeatureCollection of hostile records, each with a geometry from ``GEOMETRY``."""
    feats = [{"type": "Feature", "geometry": draw(st.one_of(*GEOMETRY)), "properties": {"event": draw(records())}}
             for _ in range(draw(st.integers(1, 3)))]
    return {"type": "FeatureCollection", "features": feats}
