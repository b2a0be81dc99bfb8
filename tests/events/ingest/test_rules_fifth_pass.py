"""Arabic rules of the fifth pass (issue 11: tuned on the opened split, 4 Dec 2026), each on sentences written
for the test: a past month is history or a total, «مدينة القريتين» is one town."""
from __future__ import annotations

from datetime import date

from events.ingest import ingest
from events.model import EventType

PUB = date(2015, 7, 24)  # a Friday


def _run(text, gazetteer, **kw):
    return ingest(text, published=kw.pop("published", PUB), gazetteer=gazetteer, language="ar", **kw)


# -- an event dated only by a past month ----------------------------------------------------------
def test_an_event_dated_only_by_a_past_month_is_background(gazetteer):
    got = _run("وكان مسلحون قد خطفوا في حزيران الماضي كاهن بلدة القريتين.", gazetteer)
    assert not got.drafts and [n.kind for n in got.notes] == ["background"]


def test_a_count_over_a_past_month_is_an_aggregate(gazetteer):
    got = _run("وألقى الطيران خلال شهر حزيران 300 برميل متفجر على محافظة درعا.", gazetteer)
    assert not got.drafts and [n.kind for n in got.notes] == ["aggregate"]


def test_the_month_of_publication_is_still_news(gazetteer):
    got = _run("قصف الطيران الحربي أمس مدينة درعا.", gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.AIR_STRIKE]


# -- «مدينة القريتين»: one town, not the pair named before ----------------------------------------
def test_a_town_named_with_a_dual_word_is_that_town_not_the_pair(gazetteer):
    text = ("سيطر التنظيم أمس على بلدتي مهين وحوارين.\n"
            "وخطف مسلحو التنظيم عشرات المدنيين في مدينة القريتين.")
    got = _run(text, gazetteer)
    arrests = [d for d in got.drafts if d.event.event_type is EventType.ARREST]
    assert [d.event.place.pcode for d in arrests] == ["C2663"]


def test_a_party_alleging_a_past_months_event_now_is_news(gazetteer):
    got = _run("وقال المتحدث إن مروحيات أجنبية قامت خلال شهر حزيران الماضي بسحب مسلحين من بلدة القريتين.", gazetteer)
    assert [d.event.place.pcode for d in got.drafts] == ["C2663"]


# -- places abroad: a quarter of a foreign city, a «قضاء», a paragraph abroad --------------------------------
def test_a_quarter_of_a_foreign_city_is_abroad(gazetteer):
    got = _run("وقتل مسلح في اشتباك مع الشرطة في أحد أحياء إسطنبول أمس.", gazetteer)
    assert not got.drafts


def test_a_qada_the_syrian_gazetteer_does_not_know_is_abroad_and_so_is_its_paragraph(gazetteer):
    text = ("هاجم مسلحون أمس مركزا للشرطة في قضاء شمدينان، بولاية وان. "
            "وقال مراسل الوكالة إن دورية تعرضت لهجوم أمام مبنى البلدية في حي كوجك تبه في القضاء.")
    got = _run(text, gazetteer)
    assert not got.drafts and {n.kind for n in got.notes} == {"outside_syria"}


def test_a_wilaya_of_the_islamic_state_is_its_governorate(gazetteer):
    from gazetteer.service import get_gazetteer
    res = get_gazetteer().resolve("ولاية الرقة")
    assert res.place is not None and res.place.pcode == "SY11"


def test_a_second_event_placed_only_in_a_region_of_the_country_is_not_mapped(gazetteer):
    got = _run("هاجمت الجبهة أمس مقرا لفصيل معارض، تلته اشتباكات في شمال سوريا أسفرت عن مقتل خمسة.", gazetteer)
    assert not got.drafts and any("part of the country" in n.reason for n in got.notes)


# -- a negated event, an area outside someone's control -----------------------------------------------------
def test_a_negated_event_is_not_an_incident(gazetteer):
    got = _run("ولم ترد أي تقارير عن وقوع اشتباكات بين المحتجين والشرطة في مدينة اللاذقية.", gazetteer)
    assert not got.drafts and any("negated" in n.reason for n in got.notes)
    told = _run("اندلعت اشتباكات أمس في مدينة اللاذقية دون وقوع إصابات.", gazetteer)
    assert [d.event.place.pcode for d in told.drafts] == ["C3480"]
    english = ingest("Police said there were no clashes in Latakia yesterday.", published=PUB, gazetteer=gazetteer,
                     language="en")
    assert not english.drafts


def test_areas_outside_someones_control_describe_control(gazetteer):
    got = _run("واتفقت الفصائل في المناطق الخارجة عن سيطرة النظام في محافظة حلب على اعتماد عملة جديدة.", gazetteer)
    assert not got.drafts


# -- a conditional threat, the stopping of an event ------------------------------------------------------
def test_a_conditional_threat_is_intent(gazetteer):
    got = _run("وأعلن المقاتلون قصف بلدة كفريا ما دامت مدينة الزبداني تتعرض للقصف.", gazetteer)
    assert not got.drafts and {n.kind for n in got.notes} == {"analysis"}


def test_stopping_an_event_is_not_the_event(gazetteer):
    got = _run("وطلبت الفصائل مفاوضات على إيقاف القصف على بلدة كفريا.", gazetteer)
    assert not got.drafts and any("stopping" in n.reason for n in got.notes)
    assert [d.event.place.pcode for d in _run("قصفت القوات بلدة كفريا أمس.", gazetteer).drafts] == ["C3952"]


def test_what_happens_regularly_is_background(gazetteer):
    got = _run("ويقصف النظام بانتظام مناطق واقعة تحت سيطرة المعارضة في مدينة درعا وريفها من طائرات حربية.", gazetteer)
    assert not got.drafts and [n.kind for n in got.notes] == ["background"]
    assert _run("قصف الطيران أمس مدينة درعا.", gazetteer).drafts


def test_a_place_phrase_ends_before_a_day_count_or_a_concession():
    from events.ingest.phrases import find_place_phrases
    got = [p.text for p in find_place_phrases("وتحاصر القوات مدينة الزبداني لليوم العشرين على التوالي بفعل الحصار.")]
    assert got == ["مدينة الزبداني"]
    got = [p.text for p in find_place_phrases("سيطر التنظيم على مدينة مارع على الرغم من المقاومة.")]
    assert got[0] == "مدينة مارع" and not any(p.startswith("الرغم") for p in got)


def test_around_a_list_of_towns_places_each_but_around_a_noun_is_about(gazetteer):
    got = _run("وقال البيان إن الغارات التي نفذت أمس تركزت حول الحسكة وحلب وكوباني.", gazetteer)
    assert sorted(d.event.place.pcode for d in got.drafts) == sorted(["C4360", "C1007", "C1946"])
    from events.ingest.phrases import find_place_phrases
    assert "الدجاج" not in [p.text for p in find_place_phrases("وربط المسلحون أحزمة ناسفة حول الدجاج، وإدخالها إلى المعسكرات.")]


# -- a paragraph abroad ----------------------------------------------------------------------------
_ABROAD = "شن التحالف غارات على مواقع التنظيم في محافظة الأنبار العراقية أمس."
_NAMESAKE = "وقتل عشرة مسلحين في غارة على بلدة النعمانية."  # an Iraqi town, and an Aleppo village


def test_a_namesake_in_a_paragraph_abroad_is_abroad(gazetteer):
    got = _run(_ABROAD + " " + _NAMESAKE, gazetteer)
    assert not got.drafts
    assert all(n.kind == "outside_syria" for n in got.notes)


def test_the_same_namesake_in_a_paragraph_of_its_own_is_syrian(gazetteer):
    got = _run(_ABROAD + "\n" + _NAMESAKE, gazetteer)
    assert [d.event.place.pcode for d in got.drafts] == ["C1054"]
