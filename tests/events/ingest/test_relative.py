"""Relative clauses that describe a noun (events.ingest.relative) and the pipeline rules that use them.

Every sentence here was written for the test."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from events.ingest import ingest
from events.ingest.actors import all_triggers
from events.ingest.classify import DESCRIPTION
from events.ingest.normalize import fold
from events.ingest.relative import MAX_CHARS, descriptive_relatives
from events.model import EventType

PUB = date(2015, 8, 10)  # a Monday


def _rel(text):
    return [(text[a:b], r.past_state) for r in descriptive_relatives(text, [s for _, s in all_triggers(text)])
            for a, b in [r.span]]


def _run(text, gazetteer):
    return ingest(text, published=PUB, gazetteer=gazetteer, language="ar")


# -- finding the clauses ---------------------------------------------------------------------------
def test_a_relative_clause_about_a_town_runs_to_the_next_punctuation():
    got = _rel("قصفت الطائرات البلدة التي خسرتها القوات في حزيران، وقتل ثلاثة مدنيين.")
    assert got == [("التي خسرتها القوات في حزيران", False)]


def test_a_relative_clause_about_the_event_itself_is_not_a_description():
    assert _rel("قالت المصادر إن الغارات الجوية العنيفة التي شنها الطيران أمس أصابت السوق.") == []
    assert _rel("استمر القصف الذي بدأ صباح أمس على الحي.") == []


def test_a_preposition_between_the_event_and_the_pronoun_makes_it_the_place_s():
    got = _rel("وقت سقوط القذيفة على القرية التي هجرها سكانها في الربيع.")
    assert [t for t, _ in got] == ["التي هجرها سكانها في الربيع"]


def test_was_and_still_mark_a_past_state():
    assert _rel("شارك في التشييع الضابط الذي كان يقود معركة استعادة المطار.")[0][1] is True
    assert _rel("زار الوفد الحي الذي لا يزال تحت الحصار.")[0][1] is True
    assert _rel("قصفت المدفعية الحي الذي يقطنه آلاف الناس.")[0][1] is False


def test_a_relative_clause_never_runs_past_its_bound():
    text = "قصف القرية التي " + "كلمة " * 200
    (span, _), = _rel(text)
    assert len(span) <= MAX_CHARS + 10


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["التي", "الذي", "والتي", "قصف", "البلدة", "في", "أمس", "،", ".", "«", "»", "كان",
                                 "الجوية", "x", " ", "\n"]), max_size=60))
def test_spans_are_ordered_inside_the_text_and_start_at_a_pronoun(words):
    text = " ".join(words)
    for r in descriptive_relatives(text, [s for _, s in all_triggers(text)]):
        a, b = r.span
        assert 0 <= a <= b <= len(text)
        assert fold(text[a:b]).text.lstrip("وف").startswith(("التي", "الذي"))


# -- what the pipeline does with them --------------------------------------------------------------
def test_the_date_of_a_relative_clause_is_not_the_date_of_the_event(gazetteer):
    got = _run("قصفت قوات النظام بالمدفعية مدينة تدمر التي سقطت في يد التنظيم في أيار الماضي.", gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.SHELLING]
    assert got.drafts[0].event.date.start >= date(2015, 8, 9)  # the default, not May: that is the town's story
    assert got.drafts[0].date_source == "default"


def test_an_event_word_in_a_relative_clause_is_no_event_beside_the_sentence_s_own(gazetteer):
    got = _run("ألقت المروحيات براميل متفجرة أمس على مدينة الزبداني التي نزحت إليها مئات العائلات من القرى المجاورة.",
               gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.AIR_STRIKE]


def test_an_event_told_as_what_someone_was_is_background(gazetteer):
    got = _run("شيع المئات في اللاذقية أمس العميد الذي كان مكلفا عملية استعادة السيطرة على مدينة تدمر.", gazetteer)
    assert got.drafts == ()
    assert any(n.kind == "background" and "relative clause" in n.reason for n in got.notes)


def test_a_clause_that_describes_where_a_place_lies_is_background(gazetteer):
    assert DESCRIPTION.match(fold("وتقع القرية على تلة تشرف على السهل").text)
    assert not DESCRIPTION.match(fold("وقعت اشتباكات في القرية").text)
    got = _run("وتقع القرية على تلة في محافظة حماة تشرف على سهل الغاب حيث تدور اشتباكات منذ أيام.", gazetteer)
    assert got.drafts == ()
    assert [n.kind for n in got.notes] == ["background"]
    # the same fighting told as news is an incident
    assert len(_run("تدور اشتباكات عنيفة منذ أمس في سهل الغاب بريف حماة.", gazetteer).drafts) == 1
