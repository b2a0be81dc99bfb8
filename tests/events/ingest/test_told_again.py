"""The same kind of event told again (issue 11), on sentences written for the test.

- segment.py: after a strong link («، كما نفذت …», «، فيما شن …») a trigger of the kind already told starts a
  second event, with its own count and place, not one event with two places and both counts.
- links.py: a later, dated telling that names only the governorate («جسرا في محافظة الرقة») dates the first
  telling and keeps its town («قرب الرقة»), whether that telling had the publication default or the story's date.
"""
from __future__ import annotations

from datetime import date

from events.ingest import ingest_article

PUBLISHED = date(2015, 8, 1)   # a Saturday: «أمس» and «يوم الجمعة» are both 31 July


def _drafts(text, gazetteer):
    return ingest_article(text, published=PUBLISHED, gazetteer=gazetteer, language="ar")


def test_a_second_strike_after_kama_is_its_own_event_with_its_own_count(gazetteer):
    text = "قال التحالف في بيان أمس إن 12 ضربة جوية نفذت قرب الرقة، استهدفت مواقع لتنظيم داعش، كما نفذت خمس ضربات جوية قرب منبج."
    drafts = _drafts(text, gazetteer)
    assert [(d.event.event_type.value, d.event.place.pcode) for d in drafts] == [
        ("air_strike", "C5710"), ("air_strike", "C1767")]
    assert [[c.min for c in d.event.counts] for d in drafts] == [[12], [5]]


def test_the_same_kind_joined_by_wa_stays_one_event(gazetteer):
    drafts = _drafts("شنت الطائرات أمس 12 غارة على مدينة الرقة وغارات أخرى على أطرافها.", gazetteer)
    assert len(drafts) == 1 and drafts[0].event.place.pcode == "C5710"


def test_a_dated_governorate_retelling_keeps_the_town_and_gives_its_date(gazetteer):
    text = ("قال التحالف في بيان إن 12 ضربة جوية نفذت أمس قرب منبج، كما نفذت خمس ضربات جوية قرب الرقة.\n"
            "وأضاف البيان أن الغارات دمرت يوم الجمعة جسرا في محافظة الرقة.")
    drafts = _drafts(text, gazetteer)
    assert [d.event.place.pcode for d in drafts] == ["C1767", "C5710"]      # the town, not SY11
    raqqa = drafts[1]
    assert raqqa.event.date.start == raqqa.event.date.end == date(2015, 7, 31)
    assert any("later telling" in w for w in raqqa.warnings)
