"""Corroboration groups on reports written for the test: linking rules, independence, storage, CLI."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from click.testing import CliRunner

from events.cli import cli
from events.corroborate import link
from events.corroborate.sources import roots
from events.corroborate import storage
from events.model import ClaimStatus, Count, DatePrecision, Event, EventDate, EventType, Place, Source
from events.store import open_store
from gazetteer.model import Precision

DAY = date(2017, 9, 5)


def report(eid: str, *, outlet: str, agency: str = "", kind=EventType.AIR_STRIKE, lat=35.336, lon=40.140,
           day=DAY, status=ClaimStatus.REPORTED, actors=(), precision=Precision.POINT, quote="", denies=()):
    return Event(eid, kind, status, title_en=eid, date=EventDate(day, day, DatePrecision.DAY),
                 place=Place("Deir ez-Zor", lat, lon, precision), actors=tuple(actors),
                 sources=(Source(outlet=outlet, agency=agency, quote=quote, url=f"https://example.org/{eid}"),),
                 denies=tuple(denies))


def members(groups):
    return sorted(sorted(g.members) for g in groups)


def test_copies_under_different_outlets_and_ids_form_one_group():
    a = report("a", outlet="Paper One", agency="AFP")
    b = replace(report("b", outlet="Paper Two", agency="Agence France-Presse"), place=replace(a.place, lat=35.34))
    groups = link([a, b])
    assert members(groups) == [["a", "b"]]
    assert groups[0].independent_sources == 1              # two outlets quoting one agency count once
    assert any("counted once" in r for r in groups[0].reasons)


def test_rules_keep_different_incidents_apart():
    a = report("a", outlet="One")
    far = report("far", outlet="Two", lat=36.2, lon=37.15)                       # Aleppo, ~250 km away
    later = report("later", outlet="Three", day=date(2017, 9, 9))               # four days later
    other_type = report("protest", outlet="Four", kind=EventType.PROTEST)
    foes = report("foes", outlet="Five", actors=("ISIS",))
    a_actors = replace(a, actors=("Syrian Democratic Forces",))
    assert link([a, far, later, other_type]) == []
    assert link([a_actors, foes]) == []                                          # no party in common
    assert members(link([a, foes])) == [["a", "foes"]]                           # one side names none


def test_independent_sources_denials_and_confidence():
    r1 = report("r1", outlet="SANA")
    r2 = report("r2", outlet="Reuters")
    r3 = report("r3", outlet="Enab Baladi", lat=35.34)
    d = report("d", outlet="Coalition statement", status=ClaimStatus.DENIED, denies=("r1",))
    [g] = link([r1, r2, r3])
    assert g.independent_sources == 3 and g.confidence == "high"
    assert g.panel_line().startswith("reported by 3 independent sources (")
    [g] = link([r1, r2, r3, d])
    assert g.confidence == "contested" and g.denied_by == ("coalition statement",)
    assert g.panel_line().endswith("· denied by 1")


def test_one_report_per_article_stops_chaining():
    same_article = Source(outlet="Paper", url="https://example.org/one")
    x = replace(report("x", outlet="Paper"), sources=(same_article,))
    y = replace(report("y", outlet="Paper", lat=35.35), sources=(same_article,))
    z = report("z", outlet="Other", lat=35.345)
    groups = link([x, y, z])
    assert len(groups) == 1 and len(groups[0].members) == 2      # z joins one of them, x and y stay apart


def test_same_text_from_two_outlets_counts_once():
    text = "Warplanes struck the eastern districts of the city at dawn, killing seven people, a monitor said."
    a = report("a", outlet="Paper One", quote=text)
    b = report("b", outlet="Paper Two", quote=text.replace("dawn", "dawn on Tuesday"))
    [g] = link([a, b])
    assert g.independent_sources == 1


def test_ucdp_offices_are_roots():
    e = replace(report("ucdp:1", outlet="SOHR;Airwars"), tags=("ucdp",))
    assert roots(e) == ["SOHR", "airwars"]


def test_store_run_list_json_and_manual_split_join(tmp_path):
    path = str(tmp_path / "s.sqlite")
    a, b = report("a", outlet="One"), report("b", outlet="Two", lat=35.34)
    c = report("c", outlet="Three", lat=36.2, lon=37.15)
    with open_store(path) as s:
        s.add([a, b, c], author="t")
    runner = CliRunner()
    dry = runner.invoke(cli, ["corroborate", "--store", path, "--dry-run"])
    assert dry.exit_code == 0 and "1 groups of 2 reports" in dry.output
    with open_store(path) as s:
        assert storage.groups_of(s) == {}
    assert runner.invoke(cli, ["corroborate", "--store", path]).exit_code == 0
    listed = json.loads(runner.invoke(cli, ["list", "--store", path, "--json"]).output)
    by_id = {r["id"]: r["corroboration"] for r in listed}
    assert by_id["a"]["group"] == by_id["b"]["group"] == "g:a" and by_id["a"]["independent_sources"] == 2
    assert by_id["c"]["group"] is None and by_id["c"]["independent_sources"] == 1
    out = runner.invoke(cli, ["corroborate", "--store", path, "--split", "b", "--author", "ana"])
    assert out.exit_code == 0, out.output
    assert runner.invoke(cli, ["corroborate", "--store", path]).exit_code == 0   # a later run obeys the split
    with open_store(path) as s:
        assert storage.groups_of(s) == {}
    out = runner.invoke(cli, ["corroborate", "--store", path, "--join", "a", "c", "--author", "ana"])
    assert out.exit_code == 0 and "joined" in out.output
    with open_store(path) as s:
        assert set(storage.groups_of(s)) == {"a", "c"}
        assert [r["action"] for r in storage.manual_log(s)] == ["join", "split"]
        assert storage.manual_log(s)[0]["author"] == "ana"
    bad = runner.invoke(cli, ["corroborate", "--store", path, "--join", "a", "nope"])
    assert bad.exit_code == 2 and "nope" in bad.output
