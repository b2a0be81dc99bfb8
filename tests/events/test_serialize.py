"""The canonical JSON record: lossless round trip, strict parsing that names the bad field."""
from __future__ import annotations

import copy
import json

import pytest

from errors import ValidationError
from events.model import ClaimStatus, DatePrecision, EventType
from events.serialize import event_from_dict, event_to_dict
from tests.conftest import REPO

SEED = json.loads((REPO / "data" / "events" / "seed.json").read_text(encoding="utf-8"))


def _record(**changes):
    rec = copy.deepcopy(SEED[1])
    rec.update(changes)
    return rec


def test_seed_records_round_trip_unchanged():
    for rec in SEED:
        event = event_from_dict(rec)
        assert event_to_dict(event) == rec


def test_parsed_types():
    e = event_from_dict(SEED[1])
    assert e.event_type is EventType.EVACUATION and e.status is ClaimStatus.CLAIMED
    assert e.date.precision is DatePrecision.NIGHT and e.date.start.isoformat() == "2017-08-26"
    assert e.place.pcode == "C5133"


@pytest.mark.parametrize("field, value, expected", [
    ("date", {"start": "2017-02-30", "end": "2017-02-30", "precision": "day"}, "date.start"),
    ("date", {"start": "20177-01-01", "precision": "day"}, "date.start"),
    ("date", {"start": "2017-09-05", "end": "2017-09-01", "precision": "range"}, "date_end"),
    ("date", {"start": "2017-09-05", "end": "2017-09-06", "precision": "day"}, "date_precision"),
    ("status", "rumoured", "status"),
    ("event_type", "picnic", "event_type"),
    ("place", {"as_written": "x", "lat": 35.5, "lon": "east"}, "place.lon"),
    ("place", {"as_written": "x", "lat": float("nan"), "lon": 39.0}, "place.lat"),
    ("place", {"as_written": "x", "lat": 48.85, "lon": 2.35}, "place"),
    ("place", {"as_written": "x", "lat": 35.5}, "place"),
    ("id", "has spaces and <b>", "id"),
    ("actors", "ISIS", "actors"),
    ("denies", ["seed-2017-08-26-tarif-evacuation"], "denies[0]"),
])
def test_bad_values_are_named(field, value, expected):
    with pytest.raises(ValidationError) as info:
        event_from_dict(_record(**{field: value}), where="test.json:2")
    assert info.value.field == expected
    assert "test.json:2" in str(info.value)


def test_swapped_coordinates_are_spotted():
    with pytest.raises(ValidationError, match="swapped"):
        event_from_dict(_record(place={"as_written": "x", "lat": 39.85, "lon": 35.54}))


def test_unknown_keys_are_rejected_not_dropped():
    with pytest.raises(ValidationError, match="date_strat"):
        event_from_dict(_record(date_strat="2017-01-01"))


def test_count_bounds_checked():
    rec = _record(counts=[{"what": "people", "min": 10, "max": 5}])
    with pytest.raises(ValidationError) as info:
        event_from_dict(rec)
    assert info.value.field == "counts[0].max"


def test_html_in_text_is_kept_as_text():
    payload = "<script>alert(1)</script>${x}`"
    event = event_from_dict(_record(title_en=payload))
    assert event.title_en == payload
