"""The property-based corpus (issue 13): hostile events through validate → store → frame → map → every export.

On each backend (SQLite always, PostGIS when EVENTS_TEST_PG_URL is set), with strategies from
tests/hostile_strategies.py:

* anything may be refused, but only as an ``errors.EventMapError`` (no other exception), and a
  refused write leaves the store exactly as it was (SQLite: the file's bytes; PostGIS: revision and
  every record);
* what is accepted renders (map layers + HTML, the standalone page) and exports to every format,
  and each export reads back without a reject (json/jsonl: the same events);
* every example finishes within a time bound.

max_examples are small so the whole module runs in well under a minute per backend.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import time
from dataclasses import replace
from pathlib import Path

import folium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from errors import EventMapError
from events.io import WRITE_FORMATS, dumps_events, loads_events
from events.query import Query
from events.store import open_store
from mapview import event_layers
from mapview.standalone import standalone_html
from tests.hostile_strategies import feature_collections, hostile_events, records, valid_events

#: Seconds one example may take (a full map render and five exports of a few events take ~1 s).
BOUND_S = 20.0
_ids = itertools.count()
_COMMON = dict(deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                      HealthCheck.data_too_large, HealthCheck.large_base_example])


def _state(store, url: str) -> str:
    """A fingerprint of everything stored: file bytes (SQLite) or revision + records (PostGIS)."""
    if url.startswith("postgresql"):
        rows = store._rows("SELECT id, doc::text FROM events ORDER BY id")
        changes = store._rows("SELECT count(*) FROM changes")[0][0]
        return hashlib.sha256(json.dumps([store.revision, changes, rows]).encode()).hexdigest()
    store._con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = b"".join(p.read_bytes() for p in (Path(url), Path(url + "-wal")) if p.exists())
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def live(store_url):
    s = open_store(store_url)
    try:
        yield s, store_url
    finally:
        s.close()


@settings(max_examples=40, **_COMMON)
@given(batch=st.lists(hostile_events, min_size=1, max_size=3))
def test_a_refused_write_leaves_the_store_as_it_was(live, batch):
    store, url = live
    batch = [replace(e, id=f"{e.id}-{next(_ids)}") for e in batch]   # a hostile id stays hostile, never a repeat
    before = _state(store, url)
    t0 = time.perf_counter()
    try:
        store.add(batch, author="hypothesis")
    except EventMapError:
        assert _state(store, url) == before, "a refused write changed the store"
    else:   # accepted: it must read back and export like any valid event
        _render_and_export(store, [e.id for e in batch])
    assert time.perf_counter() - t0 < BOUND_S


@settings(max_examples=10, **_COMMON)
@given(batch=st.lists(valid_events, min_size=1, max_size=4))
def test_valid_events_store_render_and_export(live, batch):
    store, _ = live
    batch = [replace(e, id=f"v{next(_ids)}", related=()) for e in batch]
    t0 = time.perf_counter()
    try:
        store.add(batch, author="hypothesis")
    except EventMapError as exc:   # valid_events may still break a cross-field rule (precision, radius...)
        assert "outside Syria" not in str(exc)
        return
    _render_and_export(store, [e.id for e in batch], standalone=True)
    assert time.perf_counter() - t0 < BOUND_S


@settings(max_examples=40, **_COMMON)
@given(recs=st.lists(records(), min_size=1, max_size=3))
def test_any_import_file_is_read_or_refused_never_crashes(live, recs):
    store, url = live
    t0 = time.perf_counter()
    data = json.dumps(recs, ensure_ascii=False).encode("utf-8", "surrogatepass")
    try:
        result = loads_events(data, format="json", name="upload.json")
    except EventMapError:
        return
    assert result.rows == len(recs)
    good = [replace(e, id=f"r{next(_ids)}") for e in result.events]
    before = _state(store, url)
    try:
        store.add(good, author="hypothesis")
    except EventMapError:
        assert _state(store, url) == before
    assert time.perf_counter() - t0 < BOUND_S


def _render_and_export(store, ids: list[str], *, standalone: bool = False) -> None:
    stored = [store.get(i) for i in ids]
    frame = store.frame(Query())
    frame = frame[frame["id"].isin(ids)].reset_index(drop=True)
    assert len(frame) == len(ids)
    m = folium.Map(tiles=None)
    event_layers(frame).add_to(m)
    html = m.get_root().render()   # CDN assets here; the standalone page below checks they are inlined
    assert "\u202e" not in html and "\u2066" not in html   # bidi controls never reach the page
    if standalone:
        standalone_html(frame)
    for fmt in WRITE_FORMATS:
        data = dumps_events(stored, format=fmt)
        if fmt in ("json", "jsonl", "geojson"):
            assert "\u2028".encode() not in data and "\u2029".encode() not in data
        back = loads_events(data, format="json" if fmt == "jsonl" else fmt, name=f"x.{fmt}")
        assert not back.rejects, (fmt, back.rejects[:2])
        if fmt in ("json", "jsonl"):
            assert list(back.events) == stored, fmt


@settings(max_examples=25, **_COMMON)
@given(collection=feature_collections())
def test_any_geojson_upload_is_read_or_refused_never_crashes(collection):
    t0 = time.perf_counter()
    data = json.dumps(collection, ensure_ascii=False).encode("utf-8", "surrogatepass")
    try:
        result = loads_events(data, format="geojson", name="upload.geojson")
    except EventMapError:
        return
    assert result.rows == len(collection["features"])
    for fmt in WRITE_FORMATS:
        dumps_events(result.events, format=fmt)
    assert time.perf_counter() - t0 < BOUND_S
