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
