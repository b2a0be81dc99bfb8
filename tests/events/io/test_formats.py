"""KML, ACLED and UCDP: what each format maps to, on small invented fixtures."""
from __future__ import annotations

from datetime import date
from pathlib import Path
import xml.etree.ElementTree as ET

import pytest

from errors import ParseError, ValidationError
from events.io import dumps_events, loads_events, read_events
from events.io.acled import SUB_EVENT_TYPES
from events.model import ClaimStatus, DatePrecision, EventType
from gazetteer.model import Precision

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
ACLED = HERE / "fixtures" / "acled_syria_sample.csv"
UCDP = HERE / "fixtures" / "ucdp_ged_syria_sample.csv"


@pytest.fixture(scope="module")
def seed():
    return read_events(REPO / "data" / "events" / "seed.json").events


def test_kml_round_trip_and_structure(seed):
    data = dumps_events(seed, format="kml")
    root = ET.fromstring(data)
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    marks = root.findall(".//k:Placemark", ns)
    assert [m.get("id") for m in marks] == [e.id for e in seed]
    first = marks[0]
    assert first.find("k:TimeSpan/k:begin", ns).text == seed[0].date.start.isoformat()
    assert first.find("k:TimeSpan/k:end", ns).text == seed[0].date.end.isoformat()
    assert first.find("k:Point/k:coordinates", ns).text == f"{seed[0].place.lon},{seed[0].place.lat}"
    back = loads_events(data, name="x.kml")
    assert back.format == "kml" and back.events == seed and not back.rejects


def test_kml_from_google_earth_without_records():
    kml = b"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>
<Placemark><name>Checkpoint seen</name><description>drawn by hand</description>
<TimeStamp><when>2017-08-26T10:00:00Z</when></TimeStamp><Point><coordinates>40.03,35.44,0</coordinates></Point></Placemark>
<Placemark id="pm-2"><name>Convoy route start</name><TimeSpan><begin>2017-08-20</begin><end>2017-08-31</end></TimeSpan>
<Point><coordinates>38.99,36.30</coordinates></Point></Placemark>
</Folder></Document></kml>"""
    result = loads_events(kml, name="drawn.kml")
    assert not result.rejects
    a, b = result.events
    assert a.id.startswith("kml-") and a.event_type is EventType.OTHER and a.status is ClaimStatus.REPORTED
    assert (a.place.lat, a.place.lon) == (35.44, 40.03) and a.date.start == date(2017, 8, 26)
    assert a.summary == "drawn by hand"
    assert b.id == "pm-2" and b.date.precision is DatePrecision.RANGE and b.date.end == date(2017, 8, 31)
    assert loads_events(kml, name="drawn.kml").events[0].id == a.id  # stable on re-import


def test_acled_mapping():
    result = read_events(ACLED)
    assert result.format == "acled" and result.rows == 5
    assert [(r.row, r.field, r.value) for r in result.rejects] == [(6, "country", "Iraq")]
    by_id = {e.id: e for e in result.events}
    strike = by_id["acled:SYR90001"]
    assert strike.event_type is EventType.AIR_STRIKE and strike.status is ClaimStatus.REPORTED
    assert strike.date.start == strike.date.end == date(2017, 9, 5) and strike.date.as_written == "05 September 2017"
    assert strike.place.precision is Precision.POINT and strike.place.radius_km is None
    assert strike.counts[0].what == "fatalities" and strike.counts[0].min == strike.counts[0].max == 4
    assert [s.outlet for s in strike.sources] == ["Test Wire", "Example Monitor"]
    clash = by_id["acled:SYR90002"]
    assert clash.date.precision is DatePrecision.WEEK
    assert (clash.date.start, clash.date.end) == (date(2017, 8, 23), date(2017, 8, 29))
    assert clash.place.precision is Precision.NEAR and clash.place.radius_km == 25.0
    assert clash.actors == ("Military Forces of Syria (2000-)", "NDF: National Defense Forces", "Islamic State (Syria)")
    transfer = by_id["acled:SYR90003"]
    assert transfer.event_type is EventType.TERRITORY and transfer.date.precision is DatePrecision.MONTH
    assert (transfer.date.start, transfer.date.end) == (date(2017, 8, 1), date(2017, 8, 31))
    assert transfer.place.precision is Precision.DISTRICT and transfer.counts == ()
    assert by_id["acled:SYR90004"].event_type is EventType.PROTEST


def test_acled_type_table_covers_known_sub_types():
    assert SUB_EVENT_TYPES["shelling/artillery/missile attack"] is EventType.SHELLING
    assert SUB_EVENT_TYPES["remote explosive/landmine/ied"] is EventType.EXPLOSION
    assert SUB_EVENT_TYPES["arrests"] is EventType.ARREST


def test_ucdp_mapping():
    result = read_events(UCDP)
    assert result.format == "ucdp" and result.rows == 3
    assert [(r.row, r.field, r.value) for r in result.rejects] == [(4, "country", "Iraq")]
    a, b = result.events
    assert a.id == "ucdp:990001" and a.event_type is EventType.CLASH
    assert a.date.start == a.date.end == date(2017, 8, 26) and a.date.precision is DatePrecision.DAY
    assert a.place.precision is Precision.POINT and (a.place.lat, a.place.lon) == (35.4402, 40.0281)
    assert (a.counts[0].what, a.counts[0].min, a.counts[0].max, a.counts[0].as_written) == ("deaths", 6, 11, "best 8")
    assert a.actors == ("Government of Syria", "IS")
    assert a.sources[0].outlet == "Test Wire" and a.sources[0].published == date(2017, 8, 27)
    assert b.event_type is EventType.ATTACK and b.date.precision is DatePrecision.MONTH
    assert b.place.precision is Precision.GOVERNORATE and b.place.radius_km == 100.0


def test_ucdp_best_outside_low_high_is_kept_with_a_flag():
    clean = loads_events(UCDP.read_bytes(), format="ucdp")
    text = UCDP.read_text(encoding="utf-8").replace(",8,11,6,652,", ",20,11,6,652,")
    result = loads_events(text.encode(), format="ucdp")
    assert [(r.field, r.value) for r in result.rejects] == [(r.field, r.value) for r in clean.rejects]
    flagged = [e for e in result.events if any(f.startswith("best_outside_range:best=20") for f in e.flags)]
    assert len(flagged) == 1
    count = flagged[0].counts[0]
    assert count.as_written == "best 20" and count.max == 20   # the published best stays, the bounds cover it


def test_foreign_formats_need_their_columns():
    with pytest.raises(ParseError, match="event_id_cnty"):
        loads_events(b"id,event_date\n1,2017-01-01\n", format="acled")
    with pytest.raises(ParseError, match="where_prec"):
        loads_events(b"id,date_start,date_end,latitude,longitude,country\n", format="ucdp")


def test_strict_raises_first_reject():
    with pytest.raises(ValidationError) as err:
        read_events(ACLED, strict=True)
    assert "row 6" in str(err.value) and "country" in str(err.value) and "Iraq" in str(err.value)
