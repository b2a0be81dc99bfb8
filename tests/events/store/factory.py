"""Small valid events for store and CLI tests (keyword options vary what queries filter on)."""
from __future__ import annotations

from datetime import date, timedelta

from events.model import ClaimStatus, Count, DatePrecision, Event, EventDate, EventType, Place, Source
from gazetteer.model import Precision


def make_event(event_id: str, *, start: date | None = date(2017, 8, 26), days: int = 0,
               lat: float | None = 35.3, lon: float | None = 40.1, status: ClaimStatus = ClaimStatus.CLAIMED,
               event_type: EventType = EventType.AIR_STRIKE, actors: tuple[str, ...] = ("US forces",),
               outlet: str = "SyriaNews", agency: str = "", admin1: str = "SY09",
               precision: Precision | None = Precision.POINT, title: str = "Strike near a village",
               summary: str = "", place_name: str = "Al-Tarif") -> Event:
    """A small valid event; keyword options vary the attributes queries filter on."""
    when = None
    if start is not None:
        when = EventDate(start, start + timedelta(days=days), DatePrecision.RANGE if days else DatePrecision.DAY)
    place = Place(as_written=place_name, lat=lat, lon=lon, precision=precision if lat is not None else None,
                  name_en=place_name, admin1_pcode=admin1, admin1_en="Deir-ez-Zor" if admin1 == "SY09" else "")
    return Event(id=event_id, event_type=event_type, status=status, title_en=title, summary=summary, date=when,
                 place=place, actors=actors, counts=(Count("people", 2, 3),),
                 sources=(Source(outlet=outlet, agency=agency, published=date(2017, 9, 7)),))
