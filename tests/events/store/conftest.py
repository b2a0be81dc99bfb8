"""Backend-parametrised fixtures: every store test runs on SQLite and on PostGIS.

The PostGIS run needs a server (``scripts/test.sh`` starts a throwaway one
and exports EVENTS_TEST_PG_URL); without it those tests skip and say so.
Each PostGIS test gets its own schema, dropped afterwards, so tests never
see each other's events.
"""
from __future__ import annotations

import os
import uuid
from typing import Iterator

import pytest

from events.store import EventStore, open_store

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
