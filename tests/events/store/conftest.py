"""Backend-parametrised fixtures: every store test runs on SQLite and on PostGIS.

The PostGIS run needs a server (``scripts/test.sh`` starts a throwaway one
and exports EVENTS_TEST_PG_URL); without it those tests skip and say so.
Each PostGIS test gets its own schema, dropped afterwards, so tests never
see each other's events.
"""
from __future__ import annotations

import os
import uuid
from datetime import date, timedelta
from typing import Iterator

import pytest

from events.model import ClaimStatus, Count, DatePrecision, Event, EventDate, EventType, Place, Source
from events.store import EventStore, open_store
from gazetteer.model import Precision

PG_URL = os.environ.get("EVENTS_TEST_PG_URL", "").strip()
PG_SKIP = ("EVENTS_TEST_PG_URL is unset: no PostgreSQL+PostGIS server for the postgis backend "
           "(run `bash scripts/pg_test_server.sh start` and export its URL, or use scripts/test.sh)")


def with_search_path(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema},public"


@pytest.fixture(params=["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)])
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A fresh, empty store location for each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "events.sqlite")
        return
    if not PG_URL:
        pytest.skip(PG_SKIP)
    import psycopg
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_URL, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_search_path(PG_URL, schema)
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as con:
            con.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(store_url: str) -> Iterator[EventStore]:
    s = open_store(store_url)
    try:
        yield s
    finally:
        s.close()


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
