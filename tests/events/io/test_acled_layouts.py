"""ACLED as ACLED publishes it: the current codebook, older layouts, and columns we do not know."""
from __future__ import annotations

from pathlib import Path

from events.io import read_events
from events.model import DatePrecision, EventType
from gazetteer.model import Precision

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_current_codebook_columns_are_mapped():
    result = read_events(FIXTURES / "acled_syria_sample.csv")      # format guessed from event_id_cnty
    assert result.format == "acled" and not any("not read" in n for n in result.notes)
    e = next(e for e in result.events if e.id == "acled:SYR90001")
    assert [s.outlet for s in e.sources] == ["Test Wire", "Example Monitor"]        # source split on ";"
    assert "source_scale:National-International" in e.tags and "disorder:Political violence" in e.tags
    assert e.summary.startswith("On 5 September 2017") and e.event_type is EventType.AIR_STRIKE
    assert e.place.precision is Precision.POINT and e.place.admin1_pcode == "SY09"
    week = next(e for e in result.events if e.id == "acled:SYR90002")
    assert week.date.precision is DatePrecision.WEEK and week.place.precision is Precision.NEAR


def test_older_layout_is_read_and_unknown_columns_are_named():
    result = read_events(FIXTURES / "acled_older_layout.csv", format="acled")
    assert [e.id for e in result.events] == ["acled:SYR70001", "acled:SYR70002"] and not result.rejects
    assert any("older ACLED layout" in n for n in result.notes)
    assert any("not read" in n and "coder_remark" in n for n in result.notes)
    strike = result.events[1]
    assert strike.event_type is EventType.AIR_STRIKE and strike.date.precision is DatePrecision.WEEK
    assert "source_scale:International" in strike.tags and strike.place.admin1_pcode == "SY02"


def test_upper_case_layout_with_ally_actors():
    result = read_events(FIXTURES / "acled_upper_case_layout.csv", format="acled")
    assert not result.rejects, result.rejects
    e = result.events[0]
    assert e.id == "acled:SYR60001" and "NDF: National Defense Forces" in e.actors
    assert e.place.precision is Precision.POINT and e.counts[0].min == 2
