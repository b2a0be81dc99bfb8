"""Arabic precision rules, fourth pass (issue 11): an attack typed by its explosive, the undated pluperfect,
a town abroad and the places it is measured from, «حول» abroad, a purpose ending a place phrase, and a
retelling that dates the first telling. Every sentence is written for the test."""
from __future__ import annotations

from datetime import date

from events.ingest import ingest
from events.ingest.actors import all_triggers
from events.ingest.phrases import find_place_phrases
from events.model import EventType

PUB = date(2015, 7, 24)  # a Friday


def _run(text, gazetteer, **kw):
    return ingest(text, published=kw.pop("published", PUB), gazetteer=gazetteer, language="ar", **kw)


# -- an attack carried out with a car bomb is one explosion -------------------------------------------
def test_an_attack_with_a_car_bomb_is_one_explosion_trigger():
    text = "استهدف هجوم آخر بسيارة مفخخة حاجزا للشرطة"
    assert [(t, text[s:e]) for t, (s, e) in all_triggers(text)] == [(EventType.EXPLOSION, "هجوم آخر بسيارة مفخخة")]
    text = "an attack with a car bomb hit a checkpoint"
    assert [t for t, _ in all_triggers(text)] == [EventType.EXPLOSION]


def test_an_attack_and_a_car_bomb_in_other_sentences_stay_apart():
    text = "هجوم على حاجز. سيارة مفخخة"
    assert [t for t, _ in all_triggers(text)] == [EventType.ATTACK, EventType.EXPLOSION]


def test_a_car_bomb_attack_and_a_suicide_bomber_retelling_are_one_draft(gazetteer):
    text = ("استهدف هجوم بسيارة مفخخة أمس حاجزا للمقاتلين الأكراد في مدينة منبج.\n"
            "وقال ناشطون إن انتحاريا فجر نفسه في سيارة مفخخة عند حاجز في مدينة منبج.")
    got = _run(text, gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.EXPLOSION]


# -- the undated pluperfect is the setting ------------------------------------------------------------
def test_an_undated_pluperfect_clause_is_background(gazetteer):
    got = _run("وكان مئات المقاتلين قد قتلوا في معارك مدينة منبج مع القوات الكردية.", gazetteer)
    assert not got.drafts
    assert [n.kind for n in got.notes] == ["background"]


def test_a_dated_pluperfect_clause_is_still_news(gazetteer):
    got = _run("وكانت الطائرات الحربية قد قصفت أمس مدينة منبج.", gazetteer)
    assert [d.event.place.pcode for d in got.drafts] == ["C1917"] or len(got.drafts) == 1
    assert got.drafts[0].event.date.start == date(2015, 7, 23)


def test_a_pluperfect_inside_the_clause_is_its_own_toll(gazetteer):
    got = _run("واندلعت اشتباكات أمس في مدينة منبج وكانت قد أسفرت عن مقتل خمسة مقاتلين.", gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.CLASH]


# -- a town abroad and the Syrian towns it is measured from --------------------------------------------
def test_the_town_named_abroad_is_what_a_later_albalda_means(gazetteer):
    text = ("وقع انفجار اليوم في بلدة أقجة قلعة التركية قرب الحدود مع سوريا.\n"
            "ولم يعرف سبب الانفجار في البلدة التي تقع على بعد نحو خمسة كيلومترات من مدينة تل أبيض السورية.")
    got = _run(text, gazetteer)
    assert not got.drafts, [d.event.place.as_written for d in got.drafts]
    assert {n.kind for n in got.notes} <= {"outside_syria"}


def test_a_place_facing_a_foreign_town_is_its_reference():
    phrases = find_place_phrases("وقع الانفجار في بلدة أقجة قلعة، التي تقابل مدينة تل أبيض السورية")
    assert [(p.text, p.reference) for p in phrases][-1] == ("مدينة تل أبيض السورية", True)
    phrases = find_place_phrases("وقع الانفجار في البلدة المقابلة لمدينة تل أبيض")
    assert phrases[-1].reference


def test_a_later_syrian_town_replaces_the_foreign_one_for_the_anaphor(gazetteer):
    text = ("وقع انفجار اليوم في بلدة أقجة قلعة التركية قرب الحدود مع سوريا.\n"
            "وقصف الطيران الحربي أمس بلدة تل أبيض في ريف الرقة.\n"
            "وقتل ثلاثة مدنيين في البلدة جراء القصف.")
    got = _run(text, gazetteer)
    assert got.drafts and all(d.event.place.admin1_en == "Ar-Raqqa" for d in got.drafts)


def test_areas_around_a_foreign_city_are_abroad(gazetteer):
    res = gazetteer.resolve("مناطق حول الموصل")
    assert res.status.value == "unresolved" and "Iraq" in res.note
    near = gazetteer.resolve("مناطق حول حلب")
    assert near.status.value == "resolved" and near.area is not None and abs(near.lat - 36.2) < 0.1


# -- a purpose ends the place phrase --------------------------------------------------------------------
def test_a_purpose_ends_the_place_phrase():
    phrases = find_place_phrases("بدأت الفصائل الهجوم على مدينة منبج بهدف الضغط على التنظيم")
    assert [p.text for p in phrases] == ["مدينة منبج"]


# -- a retelling a few days before the default dates the first telling ---------------------------------
def test_a_retelling_stating_an_earlier_day_dates_the_first_telling(gazetteer):
    text = ("فجر انتحاري نفسه بعبوة ناسفة في مدينة الرقة.\n"
            "وقال مصدر إن الانتحاري فجر نفسه في مدينة الرقة يوم الأحد الماضي.")
    got = _run(text, gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.EXPLOSION]
    d = got.drafts[0]
    assert d.span[0] < text.index("\n")            # the first telling stays the event
    assert d.event.date.start == date(2015, 7, 19) and d.date_source == "stated"



# -- a reaction to an event, or its announcement, with no day of its own --------------------------------
def test_a_condemnation_of_an_abduction_is_not_a_second_event(gazetteer):
    got = _run("ونشر الفصيل بيانا استنكر فيه «قيام عناصر تابعة للتنظيم بخطف قائده ورفاقه في ريف حلب الشمالي».",
               gazetteer)
    assert not got.drafts
    assert [n.kind for n in got.notes] == ["not_incident"]


def test_an_announced_offensive_without_a_day_is_not_an_incident(gazetteer):
    got = _run("وتزامن ذلك مع إعلان غرفة عمليات الفصائل في إدلب بدء الهجوم على بلدة الفوعة.", gazetteer)
    assert not got.drafts


def test_an_announced_offensive_with_its_day_is_an_incident(gazetteer):
    got = _run("وأعلنت غرفة عمليات الفصائل أمس بدء الهجوم على بلدة الفوعة في ريف إدلب.", gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.ATTACK]


# -- quotes: a quoted place name, and the newspaper a source spoke to --------------------------------------
def test_the_newspaper_quoted_after_a_place_ends_the_phrase():
    text = "إذ أبلغ عضو مجلس الثورة في ريف دمشق «الشرق الأوسط»، أن الثوار تقدموا"
    assert [p.text for p in find_place_phrases(text)][0] == "ريف دمشق"


def test_a_quoted_name_after_a_head_noun_a_preposition_or_a_trigger_is_read(gazetteer):
    assert "بيت فارس" in find_place_phrases('وقعت اشتباكات في قرى "بيت فارس" أمس')[0].text
    for text in ("وقصفت قوات النظام أمس قرية «برغيدة» في ريف حلب الشمالي.",
                 "واندلعت اشتباكات أمس في «برغيدة» بريف حلب الشمالي."):
        assert [d.event.place.pcode for d in _run(text, gazetteer).drafts] == ["C1663"]


# -- a place phrase ends at the verb after it; «وفقا» and «وحدات» are no second place ---------------------
def test_a_place_phrase_ends_at_a_strike_verb_and_each_strike_keeps_its_place(gazetteer):
    text = ("وفي سوريا نفذ التحالف أربع غارات بالقرب من كوباني ضربت وحدات تكتيكية ومواقع قتالية بينما ضربت "
            "أهداف مماثلة في ثلاث غارات أخرى بالقرب من الحسكة وفقا للبيان.")
    assert "كوباني" in [p.text for p in find_place_phrases(text)]
    got = _run(text, gazetteer)
    assert sorted(d.event.place.pcode for d in got.drafts) == ["C1946", "C4360"]


def test_words_that_begin_with_waw_are_not_and_plus_a_place():
    texts = [p.text for p in find_place_phrases("وقصفت الطائرات مدينة الرقة وفقا للمرصد")]
    assert not any(t.startswith("فق") for t in texts)
    assert "دمر" in " ".join(p.text for p in find_place_phrases("سقطت قذائف على ضاحية دمر في دمشق"))


def test_strikes_on_areas_around_a_city_abroad_are_outside_syria(gazetteer):
    got = _run("وأفاد البيان أن الغارات استهدفت مواقع التنظيم قرب كركوك ومناطق حول الموصل في العراق.", gazetteer)
    assert not got.drafts


# -- a dated statement on strikes in Iraq and in Syria dates the Syrian details after it ----------------------
BOTH = ("قال الجيش الأميركي أمس إن قوات التحالف نفذت يوم الثلاثاء عشر غارات جوية على مواقع للتنظيم في العراق "
        "وأربع غارات في سورية.\nوأضاف البيان أن الغارات في سورية كانت بينها ثلاث غارات قرب مدينة الحسكة.")


def test_the_syrian_part_of_a_dated_two_country_statement_takes_its_day(gazetteer):
    got = _run(BOTH, gazetteer)
    syrian = [d for d in got.drafts if d.event.place and d.event.place.admin1_pcode == "SY08"]
    assert len(syrian) == 1 and syrian[0].event.event_type is EventType.AIR_STRIKE
    assert syrian[0].date_source == "thread" and syrian[0].event.date.start == date(2015, 7, 21)


def test_a_dated_statement_on_iraq_alone_dates_nothing_in_syria(gazetteer):
    text = BOTH.replace("وأربع غارات في سورية", "وأربع غارات قرب الموصل")
    syrian = [d for d in _run(text, gazetteer).drafts if d.event.place and d.event.place.admin1_pcode == "SY08"]
    assert len(syrian) == 1 and syrian[0].date_source == "default"


def test_a_dated_statement_on_syria_as_a_whole_dates_its_details(gazetteer):
    text = ("نفذت قوات التحالف يوم الثلاثاء أربع غارات جوية في سورية.\n"
            "وأضاف البيان أن ثلاث غارات منها استهدفت مواقع قرب مدينة الحسكة.")
    syrian = [d for d in _run(text, gazetteer).drafts if d.event.place and d.event.place.admin1_pcode == "SY08"]
    assert len(syrian) == 1 and syrian[0].date_source == "thread"
    assert syrian[0].event.date.start == date(2015, 7, 21)


def test_the_english_two_country_statement_dates_its_syrian_part(gazetteer):
    text = ("The US military said on Wednesday that coalition forces carried out ten air strikes on Tuesday against "
            "targets in Iraq and four air strikes in Syria.\n"
            "The statement said three of the strikes in Syria were near the city of Hasakah.")
    got = ingest(text, published=PUB, gazetteer=gazetteer, language="en")
    syrian = [d for d in got.drafts if d.event.place and d.event.place.admin1_pcode == "SY08"]
    assert len(syrian) == 1 and syrian[0].date_source == "thread"
    assert syrian[0].event.date.start == syrian[0].event.date.end == date(2015, 7, 21)


# -- an opinion opened by «عدّ أن», an event pointed at by a demonstrative, a region then its town ------------
def test_a_clause_opened_by_considered_that_is_an_opinion(gazetteer):
    text = "وعدّ أن الهجوم على مدينة إدلب يمنع تقدم الفصائل الأخرى."
    got = _run(text, gazetteer)
    assert not got.drafts and [n.kind for n in got.notes] == ["analysis"]


def test_a_demonstrative_before_the_trigger_points_at_an_event_told_before(gazetteer):
    text = "هاجمت جبهة النصرة أمس مقر الفرقة 30 قرب مدينة أعزاز. وأكد القائد أن التنظيم استفاد من ذلك الهجوم في ريف حلب الشمالي."
    got = _run(text, gazetteer)
    assert [(d.event.event_type, d.event.place.pcode) for d in got.drafts] == [(EventType.ATTACK, "C1564")]
    assert any("ذلك الهجوم" in n.reason for n in got.notes)


def test_a_strike_placed_in_a_region_then_in_a_town_of_it_is_one_event_at_the_town(gazetteer):
    text = ("وتحطمت طائرة حربية أمس بعد خلل تقني أثناء قصفها مدينة في شمال غرب سوريا وفق ما أعلن المرصد السوري "
            "لحقوق الإنسان. وقال المرصد تحطمت الطائرة أثناء قصفها حيا في وسط مدينة أريحا.")
    got = _run(text, gazetteer)
    assert [(d.event.event_type, d.event.place.pcode) for d in got.drafts] == [(EventType.SHELLING, "C4278")]


def test_an_event_that_is_the_subject_of_a_judgement_is_not_told(gazetteer):
    text = "وقالت الفصائل في بيان إن قصف المواقع العسكرية في مدينة إدلب هو رد مشروع على حصار المدنيين."
    got = _run(text, gazetteer)
    assert not got.drafts and any("judgement" in n.reason for n in got.notes)
    told = _run("وقالت الفصائل في بيان إنها قصفت المواقع العسكرية في مدينة إدلب أمس ردا على حصار المدنيين.", gazetteer)
    assert [d.event.place.pcode for d in told.drafts] == ["C3871"]
