"""Incident vs context, general rules (issue 11 gap 2), on sentences written for the test."""
from __future__ import annotations

from datetime import date

from events.ingest import ingest

PUB = date(2015, 7, 24)


def _run(text, gazetteer):
    return ingest(text, published=PUB, gazetteer=gazetteer, language="ar")


def test_what_a_non_trigger_act_aims_at_is_no_event(gazetteer):
    # «أرسلت تعزيزات» is no trigger: the capture after «بهدف» is still only the aim
    got = _run("أرسلت قوات النظام أمس تعزيزات إلى ريف حماة بهدف السيطرة على بلدة مورك.", gazetteer)
    assert not got.drafts
    got = _run("كثف الجيش غاراته أمس لوقف تقدم الفصائل في بلدة مورك.", gazetteer)
    assert [d.event.event_type.value for d in got.drafts] != ["territory"]


def test_a_purpose_opening_the_clause_does_not_hide_its_event(gazetteer):
    got = _run("بهدف السيطرة على بلدة مورك، هاجمت الفصائل أمس مواقع النظام في بلدة مورك.", gazetteer)
    assert [d.event.event_type.value for d in got.drafts] == ["attack"]


def test_a_judgement_verb_in_a_relative_clause_describes_a_place(gazetteer):
    # «التي تعتبر خط مواجهة» says what the village is; the strike is still news
    got = _run("قصفت طائرات حربية أمس بلدة مارع التي تعتبر خط مواجهة بين الفصائل.", gazetteer)
    assert [d.event.event_type.value for d in got.drafts] == ["air_strike"]
    # the same verb as the clause's own judgement is analysis
    got = _run("ويعتبر مراقبون أن قصف بلدة مارع أمس رسالة إلى الفصائل.", gazetteer)
    assert not got.drafts


def test_possible_clashes_are_speculation(gazetteer):
    got = _run("حذر مسؤول من إمكانية وقوع مواجهات محتملة في ريف حلب الشمالي.", gazetteer)
    assert not got.drafts and any(n.kind == "analysis" for n in got.notes)


def test_an_event_of_a_past_year_is_background(gazetteer):
    got = _run("وهاجمت الفصائل بلدة مورك أواخر العام الماضي.", gazetteer)
    assert not got.drafts and any(n.kind == "background" for n in got.notes)


def test_what_a_side_wants_is_intent_not_an_event(gazetteer):
    got = _run("وقال المصدر إن التنظيم يريد السيطرة على مناطق في ريف حلب الشمالي.", gazetteer)
    assert not got.drafts
