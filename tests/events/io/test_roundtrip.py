"""Round trips through every format, on the seed events (the real shapes: ranges, nights, unlocated)."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from errors import ParseError, ValidationError
from events.frame import events_to_frame
from events.io import (FORMATS, ImportResult, Reject, dumps_events, guess_format, loads_events, read_events,
                       to_geojson_dict, write_events)
from events.model import Place

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "data" / "events" / "seed.json"


@pytest.fixture(scope="module")
def seed():
    result = read_events(SEED)
    assert isinstance(result, ImportResult)
    assert result.format == "json" and result.rows == 7 and not result.rejects
    return result.events


@pytest.mark.parametrize("fmt", ["json", "jsonl", "geojson"])
def test_lossless_formats_round_trip_events_exactly(seed, tmp_path, fmt):
    path = write_events(seed, tmp_path / f"out.{fmt}", format=fmt)
    back = read_events(path, format=fmt)
    assert back.events == seed
    assert back.rejects == ()


def test_csv_round_trip_keeps_every_flat_column(seed, tmp_path):
    path = write_events(seed, tmp_path / "out.csv", format="csv")
    back = read_events(path)
    assert back.format == "csv" and not back.rejects
    pd.testing.assert_frame_equal(events_to_frame(back.events), events_to_frame(seed))
    # the two extra columns keep what the frame drops
    assert [e.tags for e in back.events] == [e.tags for e in seed]
    assert [tuple(c.what for c in e.counts[:1]) for e in back.events] == [tuple(c.what for c in e.counts[:1]) for e in seed]


def test_csv_from_frame_equals_csv_from_events_on_frame_columns(seed):
    from_events = pd.read_csv(pd.io.common.BytesIO(dumps_events(seed, format="csv")), dtype=str)
    from_frame = pd.read_csv(pd.io.common.BytesIO(dumps_events(events_to_frame(seed), format="csv")), dtype=str)
    frame_cols = [c for c in from_frame.columns if c not in ("count_what", "tags")]
    pd.testing.assert_frame_equal(from_events[frame_cols], from_frame[frame_cols])


def test_csv_is_plain_utf8_by_default_and_bom_on_request(seed):
    plain = dumps_events(seed, format="csv")
    excel = dumps_events(seed, format="csv", bom=True)
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert excel.startswith(b"\xef\xbb\xbf") and excel[3:] == plain
    assert loads_events(excel, name="x.csv").events == loads_events(plain, name="x.csv").events


def test_geojson_shape(seed):
    fc = to_geojson_dict(seed)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(seed)
    for feat, ev in zip(fc["features"], seed):
        assert feat["id"] == ev.id
        props = feat["properties"]
        assert props["event_type"] == ev.event_type.value and props["event"]["id"] == ev.id
        if ev.place is not None and ev.place.located:
            assert feat["geometry"] == {"type": "Point", "coordinates": [ev.place.lon, ev.place.lat]}
            assert props["precision"] == (ev.place.precision.value if ev.place.precision else None)
            assert props["radius_km"] == ev.place.radius_km
        else:
            assert feat["geometry"] is None
    # what write_events writes is the same collection
    assert json.loads(dumps_events(seed, format="geojson")) == json.loads(json.dumps(fc))


def test_geojson_unlocated_event_has_null_geometry_and_round_trips(seed):
    ev = replace(seed[0], place=None)
    data = dumps_events([ev], format="geojson")
    assert json.loads(data)["features"][0]["geometry"] is None
    assert loads_events(data, format="geojson").events == (ev,)


def test_geojson_moved_point_wins_over_record(seed):
    fc = to_geojson_dict(seed[:1])
    fc["features"][0]["geometry"]["coordinates"] = [38.5, 35.5]
    back = loads_events(json.dumps(fc).encode(), format="geojson").events[0]
    assert (back.place.lat, back.place.lon) == (35.5, 38.5)
    assert back.place.name_en == seed[0].place.name_en


def test_geojson_flat_properties_without_record(seed):
    fc = to_geojson_dict(seed[:2])
    for feat in fc["features"]:
        del feat["properties"]["event"]
    back = loads_events(json.dumps(fc).encode(), format="geojson")
    assert not back.rejects
    pd.testing.assert_frame_equal(events_to_frame(back.events), events_to_frame(seed[:2]))


def test_write_is_atomic_and_validates_first(seed, tmp_path):
    target = tmp_path / "keep.json"
    write_events(seed, target, format="json")
    before = target.read_bytes()
    bad = replace(seed[1], place=Place(as_written="x", lat=48.8, lon=2.3))  # Paris
    with pytest.raises(ValidationError, match="outside Syria"):
        write_events([seed[0], bad], target, format="json")
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.json"]


def test_unknown_format_is_named(seed, tmp_path):
    with pytest.raises(ValidationError, match="shapefile"):
        write_events(seed, tmp_path / "x.shp", format="shapefile")
    with pytest.raises(ValidationError, match="expected one of"):
        read_events(SEED, format="xlsx")


def test_missing_file_is_a_parse_error(tmp_path):
    with pytest.raises(ParseError, match="no such file"):
        read_events(tmp_path / "nope.csv")


@pytest.mark.parametrize("name,head,expected", [
    ("a.geojson", b"{}", "geojson"), ("a.kml", b"<kml/>", "kml"), ("a.jsonl", b"{}", "json"),
    ("a.json", b'{"type": "FeatureCollection", "features": []}', "geojson"), ("a.json", b"[{}]", "json"),
    ("a.csv", b"id,event_type,status\n", "csv"), ("a.csv", b"event_id_cnty,event_date\n", "acled"),
    ("ged.csv", b"id,date_prec,where_prec,type_of_violence\n", "ucdp"), ("upload", b"  <?xml ?>", "kml"),
    ("upload", b"\xef\xbb\xbfevent_id_cnty,x\n", "acled"),
])
def test_guess_format(name, head, expected):
    assert guess_format(name, head) == expected


def test_progress_is_reported_every_thousand_rows(seed, tmp_path):
    many = [replace(seed[3], id=f"ev-{i}") for i in range(2500)]
    path = write_events(many, tmp_path / "many.csv", format="csv")
    calls = []
    result = read_events(path, progress=lambda done, total: calls.append((done, total)))
    assert len(result.events) == 2500
    assert calls == [(1000, None), (2000, None), (2500, 2500)]


def test_reject_names_row_field_value():
    rej = Reject(row=4812, field="date_start", value="2017-02-30", message="is not a valid date")
    assert str(rej) == "row 4812, field 'date_start': is not a valid date (got '2017-02-30')"


def test_formats_listed():
    assert {"json", "csv", "geojson"} <= set(FORMATS)


def test_csv_columns_in_any_order_and_subset():
    data = "lon,status,lat,id,event_type,date_start\n40.03,claimed,35.44,x-1,shelling,2017-08-26\n".encode()
    (event,) = loads_events(data, name="x.csv", strict=True).events
    assert (event.id, event.event_type.value, event.status.value) == ("x-1", "shelling", "claimed")
    assert (event.place.lat, event.place.lon) == (35.44, 40.03) and event.date.start.isoformat() == "2017-08-26"
    assert event.place.precision is None and event.sources == () and event.counts == ()


def test_dumps_events_accepts_a_frame_for_every_format(seed):
    frame = events_to_frame(seed)
    for fmt in ("json", "jsonl", "csv", "geojson", "kml"):
        back = loads_events(dumps_events(frame, format=fmt), format="json" if fmt == "jsonl" else fmt)
        assert not back.rejects and [e.id for e in back.events] == [e.id for e in seed]
        pd.testing.assert_frame_equal(events_to_frame(back.events), frame)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "geojson", "kml"])
def test_empty_export_is_a_valid_empty_file(tmp_path, fmt):
    path = write_events([], tmp_path / f"none.{fmt}", format=fmt)
    if fmt == "jsonl":
        assert path.read_bytes() == b""
        return
    back = read_events(path, format=fmt)
    assert back.events == () and back.rejects == () and back.rows == 0


@pytest.mark.parametrize("fmt", ["json", "geojson", "kml"])
def test_progress_reports_total_for_whole_file_formats(seed, fmt):
    many = [replace(seed[3], id=f"ev-{i}") for i in range(1500)]
    calls = []
    loads_events(dumps_events(many, format=fmt), format=fmt, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1000, 1500), (1500, 1500)]
