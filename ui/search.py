"""Place search through the gazetteer: "Abu Kamal", «البوكمال», "Albu Kamal" and "Al Bukamal" find the same events.

Why: the text filter matches the words stored with each event, so a spelling the source did not use
found nothing (issue 12: "Albu Kamal" found 7, "Abu Kamal" none). When the search text names one
place the gazetteer knows (every OCHA, GeoNames and learned spelling, Arabic or Latin), the filter
becomes "events placed within ~5 km of it", or within its district or governorate; otherwise the
text filter stays as typed. Relative phrases and fuzzy guesses (an *area*, not a place) are not used.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

import streamlit as st

from events.query import Query

#: half-width of the box around a searched town, in km (UCDP's "near" places are within ~25 km:
#: those are found by searching within the district)
NEAR_KM = 5.0
SCOPES = ("place", "district", "governorate")


@dataclass(frozen=True)
class PlaceHit:
    text: str
    name_en: str
    name_ar: str
    lat: float
    lon: float
    bbox: tuple[float, float, float, float]
    scope: str


@st.cache_resource(show_spinner="Loading the gazetteer…")
def _gazetteer():
    from gazetteer.service import get_gazetteer
    return get_gazetteer()


@st.cache_data(max_entries=256, show_spinner=False)
def _resolve(text: str, scope: str) -> PlaceHit | None:
    from gazetteer.model import ResolutionStatus
    from errors import EventMapError
    g = _gazetteer()
    try:
        r = g.resolve(text)
    except EventMapError:
        return None
    p = r.place
    if r.status is not ResolutionStatus.RESOLVED or p is None or r.area is not None:
        return None
    bbox = None
    unit = {"district": p.admin2, "governorate": p.admin1}.get(scope)
    if unit is not None:
        try:
            west, south, east, north = g.admin_geometry(unit.pcode).bounds
            bbox = (float(west), float(south), float(east), float(north))
        except (EventMapError, KeyError, AttributeError):
            bbox = None
    if bbox is None:
        scope = "place"
        dlat = NEAR_KM / 111.0
        dlon = dlat / max(0.2, math.cos(math.radians(p.lat)))
        bbox = (p.lon - dlon, p.lat - dlat, p.lon + dlon, p.lat + dlat)
    return PlaceHit(text, p.name_en, p.name_ar, float(p.lat), float(p.lon), bbox, scope)


def place_filter(q: Query) -> tuple[Query, PlaceHit | None]:
    """``q`` with its text replaced by the searched place's box, when the text names one place."""
    text = (q.text or "").strip()
    if len(text) < 3 or q.bbox is not None:
        return q, None
    hit = _resolve(text, st.session_state.get("f_place_scope", "place"))
    if hit is None:
        return q, None
    return replace(q, text="", bbox=hit.bbox), hit
