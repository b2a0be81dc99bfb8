"""Published quirks kept with flags, admin codes filled on import, and ``events import --update``."""
from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from events.admincodes import admin_codes, fill_admin_codes
from events.cli import cli
from events.model import ClaimStatus, Event, EventType, Place
from events.quality import count_kinds, describe, source_date_plausible, summary_line
from events.query import Query
from events.serialize import event_from_dict, event_to_dict
from events.store import open_store
from gazetteer.model import Precision

HEADER = "id,type_of_violence,side_a,side_b,where_prec,where_coordinates,adm_1,latitude,longitude,country," \
         "date_prec,date_start,date_end,best,low,high,source_office,source_date\n"
ROW = "{id},1,A,B,{prec},Al Tarif,{adm},35.44,40.03,Syria,1,2017-08-26,2017-08-26,{best},2,5,Wire,{sdate}\n"


def ucdp_file(tmp_path: Path, rows: list[dict], name: str = "u.csv") -> Path:
    path = tmp_path / name
    text = HEADER + "".join(ROW.format(**{"prec": "1", "adm": "Dayr az Zawr", "best": "3", "sdate": "2017-08-27",
                                         **r}) for r in rows)
    path.write_text(text, encoding="utf-8")
    return path


def test_flags_round_trip_and_are_omitted_when_empty():
    e = Event("x:1", EventType.CLASH, ClaimStatus.REPORTED, flags=("best_outside_range:best=9,low=2,high=5",))
    assert event_from_dict(event_to_dict(e)) == e
    assert "flags" not in event_to_dict(Event("x:2", EventType.CLASH, ClaimStatus.REPORTED))


def test_source_date_sentinels_are_implausible():
    start = date(2017, 8, 26)
    assert not source_date_plausible(date(1753, 1, 1), start, start)
    assert not source_date_plausible(date(2919, 2, 6), start, start)
    assert source_date_plausible(date(2017, 8, 27), start, start)


def test_quirky_rows_are_kept_and_counted(tmp_path):
    path = ucdp_file(tmp_path, [{"id": "1.0"}, {"id": "2.0", "best": "9"}, {"id": "3", "sdate": "2919-02-06"},
                                {"id": "4", "adm": "", "prec": "6"}])
    store = tmp_path / "s.sqlite"
    out = CliRunner().invoke(cli, ["import", str(path), "--store", str(store), "--format", "ucdp"])
    assert out.exit_code == 0, out.output
    assert "imported 4, rejected 0" in out.output
    assert "best_outside_range 1" in out.output and "source_date_implausible 1" in out.output
    with open_store(str(store)) as s:
        ids = sorted(e.id for e in s.query(Query()))
        assert ids == ["ucdp:1", "ucdp:2", "ucdp:3", "ucdp:4"]          # published ids, not 1.0
        assert [e.id for e in s.query(Query(flags=frozenset({"country_level_location"})))] == ["ucdp:4"]
        assert len(s.query(Query(flags=frozenset({"any"})))) == 3
        assert s.frame(Query(flags=frozenset({"best_outside_range"})))["flags"].tolist() == \
            ["best_outside_range:best=9,low=2,high=5"]
        assert s.get("ucdp:3").sources[0].published is None            # the sentinel is not used as a date
        assert s.get("ucdp:1").place.admin1_pcode == "SY09"            # Deir ez-Zor, from the point
        assert s.get("ucdp:4").place.admin1_pcode == ""                # country level: no governorate claimed
        assert "flags" in s.facets() and "best_outside_range" in s.facets()["flags"]
    assert "outside" in describe("best_outside_range:best=9,low=2,high=5")


def test_admin_codes_from_points():
    (a1, en, _, a2, a3), outside = admin_codes([(35.336, 40.14), (48.0, 10.0)])
    assert a1 == "SY09" and a2.startswith("SY09") and a3.startswith(a2) and en
    assert outside[0] == ""
    e = Event("x:1", EventType.CLASH, ClaimStatus.REPORTED,
              place=Place("there", 35.336, 40.14, Precision.DISTRICT, admin1_pcode=""))
    filled = fill_admin_codes([e])[0].place
    assert filled.admin1_pcode == "SY09" and filled.admin2_pcode and filled.admin3_pcode == ""
    area = Event("x:3", EventType.CLASH, ClaimStatus.REPORTED,
                 place=Place("east of the city", precision=Precision.NEAR,
                             area_wkt="POLYGON ((40.1 35.3, 40.2 35.3, 40.2 35.4, 40.1 35.4, 40.1 35.3))"))
    assert fill_admin_codes([area])[0].place.admin1_pcode == "SY09"      # from the area's centroid
    assert fill_admin_codes([area])[0].place.precision is Precision.NEAR
    own = Event("x:2", EventType.CLASH, ClaimStatus.REPORTED, place=Place("t", 35.336, 40.14, admin1_pcode="SY01"))
    assert fill_admin_codes([own])[0] == own


def test_update_adds_changes_and_leaves_unchanged(tmp_path):
    store = tmp_path / "s.sqlite"
    runner = CliRunner()
    first = ucdp_file(tmp_path, [{"id": "1"}, {"id": "2"}], "v1.csv")
    assert runner.invoke(cli, ["import", str(first), "--store", str(store), "--format", "ucdp"]).exit_code == 0
    second = ucdp_file(tmp_path, [{"id": "1"}, {"id": "2", "best": "4"}, {"id": "3", "best": "9"}], "v2.csv")
    dry = runner.invoke(cli, ["import", str(second), "--store", str(store), "--format", "ucdp", "--update",
                              "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "added 1, changed 1, unchanged 1, flagged 1" in dry.output
    with open_store(str(store)) as s:
        assert s.count(Query()) == 2
    done = runner.invoke(cli, ["import", str(second), "--store", str(store), "--format", "ucdp", "--update"])
    assert "added 1, changed 1, unchanged 1, flagged 1" in done.output
    with open_store(str(store)) as s:
        assert s.count(Query()) == 3 and s.get("ucdp:2").counts[0].as_written == "best 4"
        entry = s.history("ucdp:2")[0]
        from events.store.update import changed_fields
        assert entry.action == "replace" and changed_fields(entry.before, entry.after) == ("counts",)
    again = runner.invoke(cli, ["import", str(second), "--store", str(store), "--format", "ucdp", "--update"])
    assert "added 0, changed 0, unchanged 3" in again.output


def test_version_1_store_gains_the_flags_column(tmp_path):
    path = tmp_path / "old.sqlite"
    with open_store(str(path)):
        pass
    con = sqlite3.connect(path)       # make it look like a store from before flags
    con.execute("PRAGMA user_version = 1")
    con.execute('ALTER TABLE events DROP COLUMN "flags"')
    con.commit()
    con.close()
    with open_store(str(path)) as s:
        s.add([Event("x:1", EventType.CLASH, ClaimStatus.REPORTED, flags=("admin_name_missing",))], author="t")
        assert s.frame(Query())["flags"].tolist() == ["admin_name_missing"]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 2


def test_every_export_carries_the_flags():
    from events.io import dumps_events, loads_events
    e = Event("x:1", EventType.CLASH, ClaimStatus.REPORTED, flags=("best_outside_range:best=9,low=2,high=5",
                                                                   "admin_name_missing"))
    for fmt in ("csv", "geojson", "kml", "json"):
        data = dumps_events([e], format=fmt)
        assert b"best_outside_range" in data, fmt
        if fmt != "json":
            assert loads_events(data, format=fmt).events[0].flags == e.flags, fmt
    assert summary_line([e]) == "flagged 1 (admin_name_missing 1, best_outside_range 1)"   # ties by name
    assert count_kinds([e, e])["admin_name_missing"] == 2
