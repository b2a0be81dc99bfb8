"""Geometry is data with a budget (issue 13 item 1): what passes validation draws everywhere, quickly.

The map, the snapshot (static renderer) and the standalone export are
rendered for every event the bad-input corpus lets in, for the hostile text
payloads, and for deep and huge areas. An area that was stored before the
limits existed (written straight into a frame here) must not crash a
renderer either: that case runs in a child process, because a C stack
overflow in GEOS would kill the test run instead of failing one test.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely

from errors import ValidationError
from events.frame import events_to_frame
from events.geometry import MAX_AREA_DEPTH, MAX_AREA_VERTICES, SIMPLIFIED_TAG, check_area, nesting_depth
from events.io import loads_events
from events.model import Event, Place
from events.validate import validate_event
from gazetteer.model import Precision
from mapview import build_map, event_layers
from mapview.standalone import render_html, standalone_html
from mapview.static import static_png
from tests.corpus_payloads import HOSTILE_STRINGS
from tests.events.io.bad_inputs import CASES, Raises, csv_bytes

REPO = Path(__file__).resolve().parents[2]
DEEP = "GEOMETRYCOLLECTION (" * 50_000 + "POINT (38 35)" + ")" * 50_000


def wavy_polygon(vertices: int, *, lon: float = 38.0, lat: float = 35.0, r: float = 0.4) -> str:
    """A ring with ``vertices`` vertices that simplification cannot flatten to a few (it wiggles)."""
    t = np.linspace(0, 2 * np.pi, vertices)
    wiggle = 1 + 0.03 * np.sin(t * 997)
    ring = np.c_[lon + r * wiggle * np.cos(t), lat + r * wiggle * np.sin(t)]
    ring[-1] = ring[0]
    return shapely.to_wkt(shapely.Polygon(ring), rounding_precision=9)


def area_event(i: int, wkt: str) -> Event:
    from events.model import ClaimStatus, EventType
    return Event(id=f"area-{i}", event_type=EventType.SIEGE, status=ClaimStatus.CLAIMED, title_en=f"area {i}",
                 place=Place(as_written="ريف", lat=35.0, lon=38.0, precision=Precision.DISTRICT, area_wkt=wkt))


def render_all(frame: pd.DataFrame) -> dict[str, int]:
    """The dashboard's map, the static snapshot and the standalone export of ``frame``: their sizes."""
    m = build_map(asset_mode="inline")
    event_layers(frame).add_to(m)
    return {"map": len(render_html(m)), "snapshot": len(static_png(frame, width=300, height=200)),
            "standalone": len(standalone_html(frame))}


def accepted_corpus_events() -> list[Event]:
    events = []
    for case in CASES:
        if isinstance(case.expect, Raises):
            continue
        result = loads_events(case.make(), name=case.filename, format=case.format)
        events += [replace(e, id=f"{case.name}.{e.id}"[:128]) for e in result.events]
    return events


def test_every_accepted_corpus_case_and_payload_renders_everywhere():
    events = accepted_corpus_events()
    assert len(events) > 40
    base = events[0]
    events += [replace(base, id=f"payload-{i}", title_en=s, summary=s,
                       place=replace(base.place, as_written=s, precision=Precision.DISTRICT,
                                     area_wkt="POLYGON ((38 35, 38.2 35, 38.2 35.2, 38 35))"))
               for i, s in enumerate(HOSTILE_STRINGS)]
    sizes = render_all(events_to_frame(events))
    assert all(sizes.values())


@pytest.mark.parametrize("wkt, message", [
    (DEEP, "nested 50,001 levels deep"),
    ("GEOMETRYCOLLECTION (" * 6 + "POINT (38 35)" + ")" * 6, "nested 7 levels"),
    ("POLYGON ((38 35, 39 35, 39 36, 38 35)", "not valid WKT"),
    ("POLYGON ((nan 35, 39 35, 39 36, nan 35))", "WKT"),
    ("POINT Z (38 35 nan)", "finite"),
    ("POLYGON ((2 48, 3 48, 3 49, 2 48))", "outside Syria"),
    ("POLYGON EMPTY", "empty"),
    ("MULTIPOINT (" + ", ".join(f"({38 + i * 1e-4} 35)" for i in range(1_001)) + ")", "1,001 parts"),
])
def test_hostile_areas_are_refused_at_import_naming_the_field(wkt, message):
    data = csv_bytes({"precision": "district", "area_wkt": wkt},
                     header=("id", "event_type", "status", "lat", "lon", "precision", "area_wkt"))
    t = time.perf_counter()
    result = loads_events(data, name="areas.csv")
    assert time.perf_counter() - t < 2.0
    assert result.events == () and len(result.rejects) == 1
    reject = result.rejects[0]
    assert reject.field == "area_wkt" and message in reject.message, str(reject)


def test_depth_is_measured_before_parsing_and_linearly():
    assert nesting_depth("MULTIPOLYGON (((38 35, 39 35, 39 36, 38 35)))") == 3 <= MAX_AREA_DEPTH
    t = time.perf_counter()
    assert nesting_depth("(" * 1_000_000) == 1_000_000
    assert time.perf_counter() - t < 0.5


def test_a_huge_area_is_simplified_on_import_and_the_tolerance_recorded():
    wkt = wavy_polygon(60_000)
    assert len(wkt) > 1_500_000
    (event,) = loads_events(csv_bytes({"precision": "district", "area_wkt": wkt},
                                      header=("id", "event_type", "status", "lat", "lon", "precision", "area_wkt")),
                            name="big.csv").events
    stored = shapely.from_wkt(event.place.area_wkt)
    assert shapely.get_num_coordinates(stored) <= MAX_AREA_VERTICES
    assert stored.intersection(shapely.from_wkt(wkt)).area / stored.area > 0.99
    (tag,) = [t for t in event.tags if t.startswith(SIMPLIFIED_TAG)]
    assert float(tag[len(SIMPLIFIED_TAG):].removesuffix("deg")) > 0
    assert validate_event(event) == event                        # idempotent: a second pass changes nothing
    text, tolerance = check_area(event.place.area_wkt)
    assert tolerance is None and text == event.place.area_wkt


def test_the_store_keeps_the_simplified_area(tmp_path):
    from events.store import open_store
    store = open_store(str(tmp_path / "s.sqlite"))
    try:
        store.add([area_event(1, wavy_polygon(30_000))], author="tests")
        stored = store.get("area-1")
    finally:
        store.close()
    assert shapely.get_num_coordinates(shapely.from_wkt(stored.place.area_wkt)) <= MAX_AREA_VERTICES
    assert any(t.startswith(SIMPLIFIED_TAG) for t in stored.tags)


def test_forty_big_polygons_make_a_small_map_quickly():
    """Issue 13: 40 events with 1.8 MB polygons made a 76 MB HTML map in 59 s."""
    events = [validate_event(area_event(i, wavy_polygon(60_000, lon=36 + (i % 8) * 0.6, lat=33 + (i // 8) * 0.8)))
              for i in range(40)]
    t = time.perf_counter()
    sizes = render_all(events_to_frame(events))
    took = time.perf_counter() - t
    assert sizes["map"] < 5_000_000 and sizes["standalone"] < 6_000_000, sizes
    assert took < 30, took


_LEGACY_SCRIPT = """
import sys, pandas as pd
from events.frame import events_to_frame
from events.model import Event, EventType, ClaimStatus, Place
from gazetteer.model import Precision
from mapview import build_map, event_layers
from mapview.standalone import render_html, standalone_html
from mapview.static import static_png
wkt = sys.stdin.read()
e = Event(id="legacy", event_type=EventType.SIEGE, status=ClaimStatus.CLAIMED,
          place=Place(as_written="x", lat=35.0, lon=38.0, precision=Precision.DISTRICT, area_wkt=wkt))
frame = events_to_frame([e])      # no validation: as if stored before the limits existed
m = build_map(asset_mode="inline"); event_layers(frame).add_to(m); render_html(m)
static_png(frame, width=300, height=200); standalone_html(frame)
print("rendered")
"""


@pytest.mark.parametrize("name", ["deep-collection", "nan-ring", "garbage"])
def test_a_stored_hostile_area_cannot_crash_a_renderer(name):
    wkt = {"deep-collection": DEEP, "nan-ring": "POLYGON ((nan nan, 1 1, 2 2, nan nan))",
           "garbage": "POLYGON ((((((("}[name]
    proc = subprocess.run([sys.executable, "-c", _LEGACY_SCRIPT], input=wkt, capture_output=True, text=True,
                          cwd=REPO, timeout=120)
    assert proc.returncode == 0 and "rendered" in proc.stdout, (proc.returncode, proc.stderr[-2000:])
