"""Summaries: a telling at the scale of a governorate that the article details town by town.

Why: real reports open with «قتل 28 مدنياً في قصف جوي على محافظة حلب» and then give the strikes on
Manbij, Deir Hafer and Aisha one by one. The governorate-wide sentence is no incident of its own —
mapping it puts a fourth strike in the middle of the governorate. It is kept as a context note
(``not_incident``) that the reviewer can still turn into a draft.

A candidate is a summary when its place is a governorate (or a wider part of the country), and the
same article tells a strike or fight of the same type, not a denial, at a town or village of that governorate
with dates that overlap.
"""
from __future__ import annotations

from events.ingest.candidate import Candidate
from events.model import ClaimStatus, EventType

#: Bombardment and fighting. Not movements or sieges: "the evacuations of late August" across a governorate
#: is an event of its own whose nights at single villages are related parts (links.py), not a summary.
SUMMED = (EventType.AIR_STRIKE, EventType.SHELLING, EventType.CLASH, EventType.ATTACK, EventType.EXPLOSION,
          EventType.TERRITORY)
#: Place precisions of a whole area: a telling there may sum up the towns' events.
AREA = ("governorate", "region", "country")
#: Precisions of a detailed telling: one community, or an area around it of at most DETAIL_KM.
DETAIL_KM = 10.0


def _where(c: Candidate):
    return c.place or c.origin


def _is_area(c: Candidate) -> bool:
    p = _where(c)
    return p is not None and p.precision is not None and p.precision.value in AREA and bool(p.admin1_pcode)


def _is_detail(c: Candidate) -> bool:
    p = _where(c)
    if p is None or not p.located or p.precision is None:
        return False
    return p.precision.value == "point" or p.precision.value == "near" and (p.radius_km or 0) <= DETAIL_KM


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.date is not None and b.date is not None and a.date.start <= b.date.end and b.date.start <= a.date.end


def summaries(cands: list[Candidate]) -> list[Candidate]:
    """The candidates that sum up others of the same article (see module doc), in article order."""
    out = []
    for c in cands:
        if c.status is ClaimStatus.DENIED or c.event_type not in SUMMED or not _is_area(c):
            continue
        area = _where(c).admin1_pcode
        if any(d is not c and d.event_type is c.event_type and d.status is not ClaimStatus.DENIED and _is_detail(d)
               and _where(d).admin1_pcode == area and _overlaps(c, d) for d in cands):
            out.append(c)
    return out
