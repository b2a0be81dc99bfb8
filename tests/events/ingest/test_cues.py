"""Cues around a trigger (events/ingest/cues.py) on sentences written for the test: an event named as what
came before («بعد سيطرة …») with no day of its own is background; «تمكنت … من السيطرة على X» is a capture."""
from __future__ import annotations

from datetime import date

from events.ingest import ingest
from events.model import EventType

PUB = date(2015, 8, 8)


def test_an_undated_event_named_after_after_is_background(gazetteer):
    got = ingest("وقال الأهالي إنهم يشعرون بقلق كبير بعد سيطرة التنظيم على بلدات الحدث وحوارين ومهين.",
                 published=PUB, gazetteer=gazetteer, language="ar")
    assert not got.drafts
    assert any(n.kind == "background" for n in got.notes)


def test_a_toll_before_the_cue_keeps_the_event(gazetteer):
    got = ingest("قتل 28 عنصرا على الأقل إثر اشتباكات عنيفة في بلدة مارع.", published=PUB, gazetteer=gazetteer,
                 language="ar")
    assert [d.event.event_type for d in got.drafts] == [EventType.CLASH]


def test_a_dated_event_after_after_is_still_news(gazetteer):
    got = ingest("نزح مئات المدنيين بعد سيطرة التنظيم أمس على بلدة مهين.", published=PUB, gazetteer=gazetteer,
                 language="ar")
    assert EventType.TERRITORY in [d.event.event_type for d in got.drafts]


def test_managing_to_take_control_is_a_capture(gazetteer):
    for text in ("تمكنت قوات المعارضة أمس من السيطرة الكاملة على بلدة مورك.",
                 "واستطاع الجيش أمس استعادة السيطرة على بلدة مورك."):
        got = ingest(text, published=PUB, gazetteer=gazetteer, language="ar")
        assert [d.event.event_type for d in got.drafts] == [EventType.TERRITORY], text
    # trying is no capture
    assert ingest("تحاول القوات منذ أشهر السيطرة على بلدة مورك.", published=PUB, gazetteer=gazetteer,
                  language="ar").drafts == ()
