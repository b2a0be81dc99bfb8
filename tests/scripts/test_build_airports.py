"""scripts/build_airports.py: which registry records become air-base features (records written for the test)."""
from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer.features import features_csv
from scripts.build_airports import airport_rows

_HEAD = '"icao","iata","name","city","subd","country","elevation","lat","lon","tz","lid"\n'


def test_only_syrian_records_with_a_code_become_airport_features():
    text = _HEAD + "\n".join([
        '"OSXX","","Qaryat Ula International Airport","Qaryat Ula","Hama","SY",100,35.1,36.7,"Asia/Damascus",""',
        '"OSYY","","Zulu Air Base","Zulu Town","Homs","SY",100,34.5,36.9,"Asia/Damascus",""',
        '"ORXX","","Elsewhere Airport","Mosul","Nineveh","IQ",100,36.3,43.1,"Asia/Baghdad",""',
        '"","","No Code Airport","","Homs","SY",100,34.0,37.0,"Asia/Damascus",""',
    ])
    rows = airport_rows(text)
    assert [r["fid"] for r in rows] == ["AP-OSXX", "AP-OSYY"]
    first, second = rows
    assert first["kind"] == "airport" and first["radius_km"] == "2.5"
    assert "Qaryat Ula Airport" in first["names"].split("|")       # the shorter name the keyword rule reads
    assert second["names"].split("|") == ["Zulu Town Airport"]     # the city it serves, when not in its name
    assert (first["lat"], first["lon"]) == ("35.100000", "36.700000")


def test_the_shipped_file_is_what_the_registry_rebuilds():
    airportsdata = pytest.importorskip("airportsdata", reason="airportsdata (requirements.txt) is not installed")
    registry = Path(airportsdata.__file__).with_name("airports.csv").read_text(encoding="utf-8")
    shipped = Path(__file__).resolve().parents[2] / "data" / "airports.csv"
    assert features_csv(airport_rows(registry)) == shipped.read_text(encoding="utf-8")
