"""Arabic precision rules for real reporting (issue 11, third pass), each on sentences written for the test."""
from __future__ import annotations

from datetime import date

from events.ingest import ingest
from events.model import EventType

PUB = date(2015, 7, 24)  # a Friday


def _run(text, gazetteer, **kw):
    return ingest(text, published=kw.pop("published", PUB), gazetteer=gazetteer, language="ar", **kw)


# -- a later telling dates an undated first one -------------------------------------------------------
def test_a_later_dated_retelling_dates_the_first_telling_and_is_merged(gazetteer):
    text = ("قتل عشرة مدنيين في غارة جوية على سوق في مدينة أريحا.\n"
            "وقال ناشطون إن الطيران الحربي شن أمس غارة على مدينة أريحا.")
    got = _run(text, gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.AIR_STRIKE]
    d = got.drafts[0]
    assert d.span[0] < text.index("\n") + 1  # the first telling stays the event
    assert (d.event.date.start, d.event.date.end) == (date(2015, 7, 23), date(2015, 7, 23))
    assert d.date_source == "stated"


def test_a_dated_strike_elsewhere_is_not_merged(gazetteer):
    text = ("قتل عشرة مدنيين في غارة جوية على سوق في مدينة أريحا.\n"
            "وشن الطيران الحربي أمس غارة على مدينة الرقة.")
    assert len(_run(text, gazetteer).drafts) == 2


# -- a speaker's words about the war in general -------------------------------------------------------
def test_quoted_spans_pair_the_press_quotation_marks():
    from events.ingest.speech import quoted_spans
    text = "قال القائد: «لا خيار إلا الانسحاب» ثم غادر"
    (a, b), = quoted_spans(text)
    assert text[a:b] == "لا خيار إلا الانسحاب"
    assert quoted_spans("استهدفت الغارات مواقع ” التنظيم ” في الرقة") == [(23, 32)]
    assert quoted_spans("الجيش محصور بالقصف» كما قال") == [(0, 18)]  # cut inside a quote


def test_a_bare_definite_verbal_noun_in_a_quote_is_analysis(gazetteer):
    got = _run("وأضاف البيان: «لم يبق أمامنا إلا الانسحاب من مواقعنا في ريف حلب الشمالي».", gazetteer)
    assert not got.drafts
    assert [n.kind for n in got.notes] == ["analysis"]
    got = _run("وقال القيادي إن دور الجيش في مدينة الزبداني «يقتصر على القصف الجوي».", gazetteer)
    assert not got.drafts


def test_an_incident_told_in_a_quote_stays_an_incident(gazetteer):
    # bound to who did it, dated, or counted: news, not a concept
    assert len(_run("وأفاد المرصد عن «سيطرة مقاتلي الفصائل على مدينة الزبداني».", gazetteer).drafts) == 1
    assert len(_run("وقال ناشطون: «القصف استهدف أمس مدينة الزبداني».", gazetteer).drafts) == 1
    assert len(_run("وقال ناشطون: «قتل خمسة مدنيين في القصف على مدينة الزبداني».", gazetteer).drafts) == 1
    # the same definite noun outside a quote is the outlet's own report
    assert len(_run("وتواصل القصف الجوي على مدينة الزبداني.", gazetteer).drafts) == 1


# -- a second headline under the title -----------------------------------------------------------------
def test_a_kicker_line_under_the_title_is_no_event(gazetteer):
    text = ("معارك عنيفة في ريف حلب\n"
            "الاشتباكات بين القوات والتنظيم في محيط مدينة الباب\n"
            "قال المرصد إن اشتباكات عنيفة اندلعت أمس في محيط مدينة الباب.")
    got = _run(text, gazetteer)
    assert len(got.drafts) == 1 and got.drafts[0].span[0] > text.rindex("\n")
    from events.ingest.sentences import split_article
    assert split_article(text).subtitle.startswith("الاشتباكات")


def test_a_short_lead_sentence_is_not_a_kicker():
    from events.ingest.sentences import split_article
    # punctuation says it is a sentence; a dateline is not a headline
    assert split_article("عنوان الخبر\nقصفت الطائرات مدينة الباب أمس.\nوقال المرصد إن …").subtitle == ""
    assert split_article("عنوان الخبر\nبيروت - الشرق الأوسط\nقصفت الطائرات مدينة الباب أمس.").subtitle == ""


def test_words_after_a_speech_colon_are_quoted_speech(gazetteer):
    from events.ingest.speech import speech_spans
    text = "وقال القائد: لا يملك النظام وسيلة سوى القصف"
    (a, b), = speech_spans(text)
    assert text[a:b].strip().startswith("لا يملك")
    got = _run("وقال القائد الميداني: لا يملك النظام وسيلة سوى القصف الهمجي على مدينة الزبداني.", gazetteer)
    assert not got.drafts and [n.kind for n in got.notes] == ["analysis"]
    # a dated report after the colon is still news
    assert len(_run("وقال المرصد: قصفت الطائرات أمس مدينة الزبداني.", gazetteer).drafts) == 1


# -- a governorate-wide summary of town-by-town events -------------------------------------------------
def test_a_governorate_wide_strike_told_town_by_town_is_a_summary(gazetteer):
    text = ("قتل عشرون مدنيا أمس في غارات جوية على محافظة حلب.\n"
            "وقتل 12 مدنيا في غارات شنتها الطائرات الحربية أمس على مدينة منبج.\n"
            "كما قتل 8 مدنيين في غارات الطائرات أمس على مدينة الباب.")
    got = _run(text, gazetteer)
    assert sorted(d.event.place.pcode for d in got.drafts) == sorted(["C1767", "C1202"])  # Manbij, al-Bab
    assert any(n.kind == "not_incident" and n.draft is not None and "governorate" in n.reason for n in got.notes)


def test_a_governorate_wide_event_of_another_type_or_elsewhere_stays(gazetteer):
    text = ("اندلعت أمس اشتباكات عنيفة في محافظة حلب.\n"
            "وشنت الطائرات الحربية أمس غارات على مدينة منبج.\n"
            "وشنت الطائرات أمس غارات على محافظة إدلب.")
    got = _run(text, gazetteer)
    assert len(got.drafts) == 3


# -- the aim of an event is no event ----------------------------------------------------------------------
def test_a_purpose_phrase_runs_to_the_end_of_the_clause():
    from events.ingest.segment import purpose_span
    text = "كثف الطيران غاراته لوقف تقدم الفصائل نحو القرية"
    start, end = purpose_span(text)
    assert text[start:end].startswith("لوقف") and end == len(text)
    assert purpose_span("قصفت القوات المدينة في محاولة جديدة لاقتحامها")[0] > 0
    assert purpose_span("قصفت القوات المدينة أمس") is None


def test_what_an_event_aims_at_is_not_a_second_event(gazetteer):
    got = _run("قصفت قوات النظام أمس مدينة الزبداني في محاولة جديدة لاقتحام مدينة مضايا.", gazetteer)
    assert [(d.event.event_type, d.event.place.pcode) for d in got.drafts] == [(EventType.SHELLING, "C2429")]
    # alone, the trigger after the purpose word is still read (nothing told before it)
    got = _run("بهدف السيطرة على مدينة الزبداني، تقدمت قوات النظام أمس نحو مدينة الزبداني.", gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.TERRITORY]


def test_a_conditional_with_a_glued_conjunction_is_analysis(gazetteer):
    got = _run("وفي حال سيطرت الفصائل على مدينة جسر الشغور يصبح بإمكانها التقدم نحو مدينة اللاذقية.", gazetteer)
    assert not got.drafts and got.notes and all(n.kind == "analysis" for n in got.notes)


# -- the night of a weekday, and a strike told on its day and on its night -------------------------------
def test_lail_and_a_weekday_is_the_night_into_the_next_day():
    from events.ingest.dates import DateReader
    for text in ("بعد منتصف ليل الخميس", "ليل الخميس", "ليل يوم الخميس"):
        (m,) = [m for m in DateReader(date(2015, 8, 1)).find(text) if m.date]
        assert (m.date.start, m.date.end, m.date.precision.value) == (date(2015, 7, 30), date(2015, 7, 31), "night")


def test_a_strike_told_on_its_day_and_on_its_night_is_one_event(gazetteer):
    text = ("شن الطيران الحربي الجمعة غارات على مدينة الرقة.\n"
            "وقال ناشطون إن الطائرات شنت غارات على مدينة الرقة بعد منتصف ليل الخميس.")
    assert len(_run(text, gazetteer).drafts) == 1


def test_two_events_stated_on_the_same_day_at_one_town_stay_two(gazetteer):
    text = ("تقدمت القوات أمس داخل مدينة الزبداني.\n"
            "وسيطرت القوات بعد ظهر أمس على سهل الزبداني.")
    assert len(_run(text, gazetteer).drafts) == 2


# -- «الغارات» told again in a later paragraph -----------------------------------------------------------
def test_the_definite_strikes_of_a_later_paragraph_are_a_restatement(gazetteer):
    text = ("شنت الطائرات الحربية أمس غارات على مدينة منبج.\n"
            "وذكر المرصد أن الغارات استهدفت مناطق قرب مدينة الباب.")
    got = _run(text, gazetteer)
    assert [d.event.place.pcode for d in got.drafts] == ["C1767"]
    assert any(n.kind == "not_incident" and "told before" in n.reason for n in got.notes)


def test_fighting_that_goes_on_elsewhere_is_not_a_restatement(gazetteer):
    text = ("اندلعت أمس اشتباكات عنيفة في مدينة منبج.\n"
            "في حين استمرت الاشتباكات في محيط مدينة الباب.")
    assert len(_run(text, gazetteer).drafts) == 2


def test_a_strike_told_for_the_governorate_then_its_countryside_is_one_event(gazetteer):
    text = ("شن التحالف الجمعة غارات جوية على جسرين في محافظة الرقة.\n"
            "وشن التحالف غارات دمرت جسرين في ريف الرقة بعد منتصف ليل الخميس.")
    assert len(_run(text, gazetteer).drafts) == 1
    text = ("شن التحالف الجمعة غارات جوية على جسرين في محافظة الرقة.\n"
            "وشن التحالف الجمعة غارات على مدينة حلب.")
    assert len(_run(text, gazetteer).drafts) == 2  # another governorate


# -- «البلدة» as the place of a clause's second event ----------------------------------------------------
def test_a_second_event_of_another_type_at_the_town_just_named_is_its_own(gazetteer):
    got = _run("سيطرت الفصائل أمس على مدينة جسر الشغور بعد اشتباكات عنيفة مع القوات في المدينة.", gazetteer)
    assert sorted(d.event.event_type.value for d in got.drafts) == ["clash", "territory"]
    assert len({d.event.place.pcode for d in got.drafts}) == 1


def test_a_second_event_of_the_same_type_at_the_town_just_named_is_the_first(gazetteer):
    got = _run("قصفت قوات النظام أمس مدينة جسر الشغور، وقصفت المدفعية أحياء المدينة.", gazetteer)
    assert [d.event.event_type.value for d in got.drafts] == ["shelling"]


def test_a_second_event_opened_by_haythu_at_the_town_is_the_setting(gazetteer):
    got = _run("حاصر التنظيم مدينة دير الزور منذ أيام، حيث شنت الطائرات ضربات على مواقعه في المدينة.", gazetteer)
    assert [d.event.event_type.value for d in got.drafts] == ["siege"]


# -- a bare «اليوم» after the verb ----------------------------------------------------------------------
def test_a_bare_today_after_a_verb_is_the_publication_day():
    from events.ingest.dates import DateReader
    pub = date(2015, 7, 21)
    for text in ("استأنفت الفصائل اليوم قصف القرية", "قتل خمسة مدنيين اليوم في القرية"):
        (m,) = [m for m in DateReader(pub).find(text) if m.date]
        assert (m.date.start, m.date.end) == (pub, pub)
    for text in ("لم يتغير شيء حتى اليوم", "ما تعيشه سوريا اليوم", "الأرض اليوم ستكون لهم"):
        assert not [m for m in DateReader(pub).find(text) if m.date], text
