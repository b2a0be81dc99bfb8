"""A sentence set abroad by its frame («وفي العراق، …») or by a «في <country>» before its place (issue 11,
item 2), on sentences written for the test: the Syrian namesake of the village it names is not the place."""
from __future__ import annotations

from datetime import date

from events.ingest import ingest
from events.ingest.abroad import frame_abroad, locative_abroad

PUB = date(2015, 7, 24)


def _run(text, gazetteer):
    return ingest(text, published=PUB, gazetteer=gazetteer, language="ar")


def test_a_sentence_that_opens_on_a_foreign_country_is_abroad(gazetteer):
    assert frame_abroad("وفي العراق، قتل 12 شخصا في تفجير") == "Iraq"
    assert frame_abroad("أما في لبنان، فقد قتل جندي") == "Lebanon"
    assert frame_abroad("In Iraq, a car bomb killed 12 people") == "Iraq"
    assert frame_abroad("وفي المقابل، قصف الطيران بلدة سراقب") is None
    assert frame_abroad("وفي ريف حلب، قصف الطيران بلدة دارة عزة") is None
    got = _run("وفي العراق، قتل 12 شخصا أمس في تفجير انتحاري استهدف قرية الحميدية.", gazetteer)
    assert not got.drafts and [n.kind for n in got.notes] == ["outside_syria"]


def test_a_foreign_country_before_the_place_in_its_clause_sets_it_abroad(gazetteer):
    assert locative_abroad("قتل 12 شخصا في العراق في تفجير استهدف قرية الحميدية", "قرية الحميدية") == "Iraq"
    assert locative_abroad("قتل جندي بالأردن في هجوم على بلدة الرمثا", "بلدة الرمثا") == "Jordan"
    # Syria named too, a speaker's place, a main clause before «أن», ISIS's old name: no
    assert locative_abroad("أعلن التحالف في العراق وسوريا أنه قصف مدينة منبج", "مدينة منبج") is None
    assert locative_abroad("قال مسؤول في تركيا إن الطيران قصف بلدة جرابلس", "بلدة جرابلس") is None
    assert locative_abroad("أكدت مصادر في لبنان أن الطيران قصف بلدة القصير", "بلدة القصير") is None
    assert locative_abroad("هاجم تنظيم الدولة الإسلامية في العراق والشام بلدة مارع", "بلدة مارع") is None
    got = _run("قتل 12 شخصا أمس في العراق في تفجير استهدف قرية الحميدية.", gazetteer)
    assert not got.drafts and [n.kind for n in got.notes] == ["outside_syria"]


def test_a_syrian_sentence_is_still_an_event(gazetteer):
    got = _run("قال مسؤول في تركيا أمس إن الطيران قصف بلدة جرابلس.", gazetteer)
    assert [d.event.place.pcode for d in got.drafts] == ["C2227"]
    got = _run("وفي ريف حلب، قصف الطيران أمس بلدة دارة عزة.", gazetteer)
    assert [d.event.place.pcode for d in got.drafts] == ["C1139"]


def test_a_part_of_a_country_before_the_place_is_that_country():
    assert locative_abroad("قتل 5 جنود غرب العراق في هجوم على قرية الحميدية", "قرية الحميدية") == "Iraq"
    assert locative_abroad("انفجرت سيارة مفخخة بشمال لبنان قرب بلدة القصر", "بلدة القصر") == "Lebanon"
    assert locative_abroad("قصفت المدفعية داخل تركيا قرية الراعي", "قرية الراعي") == "Turkey"
    # a movement's origin is no location: the fighters came from Iraq to the Syrian village
    assert locative_abroad("وصل مقاتلون من العراق إلى قرية الحميدية", "قرية الحميدية") is None
    # a direction with no country after it says nothing
    assert locative_abroad("قصف الطيران غرب مدينة حلب قرية الراعي", "قرية الراعي") is None
