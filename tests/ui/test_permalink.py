"""Permalinks: a view survives the round trip through the URL; bad parameters are reported, not fatal."""
from __future__ import annotations

from datetime import date

from events.model import ClaimStatus, EventType
from events.query import Query
from gazetteer.model import Precision
from ui.permalink import ViewState, from_params, to_params


def test_round_trip_keeps_every_field():
    view = ViewState(
        query=Query(date_from=date(2017, 8, 26), date_to=date(2017, 9, 5),
                    statuses=frozenset({ClaimStatus.CLAIMED, ClaimStatus.DENIED}),
                    types=frozenset({EventType.EVACUATION}), precisions=frozenset({Precision.NEAR}),
                    actors=frozenset({"US forces", "ISIS"}), governorates=frozenset({"SY09"}),
                    outlets=frozenset({"SyriaNews (سيريانيوز)"}), text="دير الزور"),
        lang="ar", center=(35.3, 40.1), zoom=9, selected="seed-2017-08-26-tarif-evacuation")
    params = to_params(view)
    assert params["status"] == ["claimed", "denied"]
    back, problems = from_params(params)
    assert problems == []
    assert back == view


def test_empty_params_give_default_view():
    view, problems = from_params({})
    assert view == ViewState()
    assert problems == []
    assert to_params(ViewState()) == {}


def test_bad_values_are_dropped_and_named():
    view, problems = from_params({"status": ["claimed", "rumoured"], "from": ["2017-02-30"], "to": ["2017-09-01"],
                                  "z": ["40"], "lat": ["35"], "lon": ["40"], "lang": ["fr"],
                                  "sel": ["<script>"], "colour": ["red"]})
    names = {p.name for p in problems}
    assert {"status", "from", "z", "lang", "sel", "colour"} <= names
    assert view.query.statuses == frozenset({ClaimStatus.CLAIMED})
    assert view.query.date_from is None and view.query.date_to == date(2017, 9, 1)
    assert view.center is None and view.zoom is None
    assert view.lang == "en" and view.selected is None
    rumoured = next(p for p in problems if p.name == "status")
    assert rumoured.value == "rumoured" and "claimed" in rumoured.reason


def test_reversed_dates_are_both_ignored():
    view, problems = from_params({"from": ["2017-09-05"], "to": ["2017-08-01"]})
    assert view.query.date_from is None and view.query.date_to is None
    assert [p.name for p in problems] == ["to"]


def test_overlong_text_is_refused():
    view, problems = from_params({"q": ["x" * 500]})
    assert view.query.text == ""
    assert problems[0].name == "q"
