"""Arabic rules for real reporting (issue 11, second pass), each on sentences written for the test."""
from __future__ import annotations

from datetime import date

from events.ingest import ingest
from events.ingest.actors import all_triggers
from events.ingest.places import find_place_phrases
from events.ingest.segment import motive_span
from events.model import EventType

PUB = date(2015, 7, 24)  # a Friday


def _run(text, gazetteer, **kw):
    return ingest(text, published=kw.pop("published", PUB), gazetteer=gazetteer, language="ar", **kw)


def _types(text):
    return [t for t, _ in all_triggers(text)]


def _places(got):
    return [(d.event.event_type, d.event.place.pcode if d.event.place else None) for d in got.drafts]


# -- triggers ------------------------------------------------------------------------------------
def test_a_rocket_that_fell_is_shelling():
    assert _types("سقط صاروخ على حي سكني أمس") == [EventType.SHELLING]
    assert _types("وردت الفصائل بإطلاق الصواريخ على القرية") == [EventType.SHELLING]


def test_bombardment_with_barrels_is_an_air_strike_not_shelling():
    assert _types("تعرضت القرى لقصف عنيف بالبراميل المتفجرة")[0] is EventType.AIR_STRIKE
    assert _types("تعرضت القرى لقصف مدفعي عنيف")[0] is EventType.SHELLING


def test_aircraft_before_the_bombing_verb_make_it_an_air_strike():
    assert _types("قامت أربع مقاتلات من سلاح الجو أمس بقصف مواقع قرب البلدة")[0] is EventType.AIR_STRIKE
    assert _types("وكان سلاح الجو قد قصف أطراف المدينة")[0] is EventType.AIR_STRIKE
    assert _types("قامت المدفعية أمس بقصف مواقع قرب البلدة")[0] is EventType.SHELLING
    # a drone seen before someone else's shelling does not make the shelling an air strike
    assert EventType.AIR_STRIKE not in _types("حلقت طائرة استطلاع فوق البلدة قبل أن تقصف المدفعية أطرافها")


def test_an_advance_is_a_territory_trigger():
    assert _types("أفاد المرصد بتقدم جديد للقوات داخل المدينة") == [EventType.TERRITORY]
    assert _types("وتقدمت الفصائل نحو القرية") == [EventType.TERRITORY]


# -- the motive of an event is another event ----------------------------------------------------------
def test_the_motive_span_runs_from_its_word_to_the_end_of_the_clause():
    text = "قصفت الفصائل القرية ردا على هجوم القوات على بلدة أخرى"
    start, end = motive_span(text)
    assert text[start:end].startswith("ردا على") and end == len(text)
    assert motive_span("ردا، بحسب قولها، على الهجوم")[0] == 0
    assert motive_span("قصفت الفصائل القرية أمس") is None
    assert motive_span("قاتلت جبهة النصرة في القرية") is None  # «النصرة» is a name, not «نصرة لـ»


def test_the_place_of_the_motive_is_not_the_place_of_the_event(gazetteer):
    got = _run("بدأت الفصائل معارك في ريف اللاذقية أمس نصرة لمدينة الزبداني التي تتعرض لهجوم واسع.", gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.CLASH]  # the motive's «هجوم» is no event
    assert got.drafts[0].event.place.admin1_pcode == "SY06"  # Latakia, not Zabadani (Rif Dimashq)


# -- anaphora ----------------------------------------------------------------------------------------
def test_parts_of_the_town_named_before_are_an_anaphor():
    phrases = find_place_phrases("نفذ الطيران غارات على مناطق في البلدة", arabic=True)
    assert [p.anaphor for p in phrases] == ["town"]
    phrases = find_place_phrases("شن الطيران غارات على مناطق في محيط البلدتين", arabic=True)
    assert [p.anaphor for p in phrases] == ["town"]


def test_the_town_of_this_clause_wins_over_a_town_of_an_earlier_sentence(gazetteer):
    text = ("ألقى الطيران المروحي براميل متفجرة على بلدة خراب الشحم أمس. "
            "ونفذ الطيران الحربي غارات على مناطق في بلدة اليادودة، ترافق مع إلقاء براميل على مناطق في البلدة.")
    got = _run(text, gazetteer)
    assert ("C6522" in [p for _, p in _places(got)]) and ("C6032" in [p for _, p in _places(got)])
    assert len(got.drafts) == 2  # «البلدة» is al-Yadudeh of its own clause, not Kharab al-Shahm again


def test_the_two_towns_are_the_pair_named_before(gazetteer):
    text = ("قصفت الفصائل مناطق في الفوعة وكفريا أمس، "
            "بينما نفذ الطيران الحربي غارات على مناطق في محيط البلدتين.")
    got = _run(text, gazetteer)
    strikes = sorted(p for t, p in _places(got) if t is EventType.AIR_STRIKE)
    assert strikes == ["C3905", "C3952"]


# -- places ------------------------------------------------------------------------------------------
def test_wasat_is_a_word_not_and_plus_a_name():
    phrases = find_place_phrases("سقط صاروخ على حي شعبي في وسط مدينة حلب", arabic=True)
    assert all(not p.text.startswith("سط") for p in phrases)
    assert not any(p.coord for p in phrases)


def test_the_country_tail_does_not_turn_a_city_quarter_into_the_north_of_syria(gazetteer):
    got = _run("قتل خمسة أشخاص أمس في سقوط صاروخ على حي شعبي في وسط مدينة حلب في شمال سورية.", gazetteer)
    assert _places(got) == [(EventType.SHELLING, "C1007")]


def test_a_verb_after_a_strike_noun_is_not_its_object(gazetteer):
    phrases = find_place_phrases("وأوضح أن الغارات جاءت بعد الهجوم", arabic=True, objects=[len("وأوضح أن الغارات")])
    assert all(not p.text.startswith("جاءت") for p in phrases)


# -- restatements --------------------------------------------------------------------------------------
def test_villages_of_one_paragraph_are_not_restatements_of_the_numbered_city_strike(gazetteer):
    text = ("ارتفع إلى 16 عدد الغارات على مدينة درعا أمس، بينما ألقى الطيران المروحي براميل متفجرة على "
            "بلدة خراب الشحم، فيما نفذ الطيران غارات على بلدة اليادودة.")
    got = _run(text, gazetteer)
    assert sorted(p for _, p in _places(got)) == ["C5993", "C6032", "C6522"]


# -- context, not incidents ------------------------------------------------------------------------
def test_an_attack_told_as_the_cause_of_the_strike_is_not_a_second_event(gazetteer):
    got = _run("تعرضت بلدة نوى لقصف عنيف بالبراميل المتفجرة بعد هجوم شنته الفصائل على مواقع القوات أمس.", gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.AIR_STRIKE]


def test_the_attack_on_the_city_named_before_is_a_restatement(gazetteer):
    text = "قصفت القوات مدينة بصرى الشام أمس. ويأتي الهجوم الجديد على المدينة بعد أسابيع من الهدوء."
    got = _run(text, gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.SHELLING]
    assert any("restatement" in n.reason for n in got.notes)


def test_a_count_since_the_battle_began_is_a_total(gazetteer):
    got = _run("وأحصى المرصد أكثر من 600 ضربة جوية على مدينة الزبداني منذ بدء المعركة.", gazetteer)
    assert not got.drafts and [n.kind for n in got.notes] == ["aggregate"]


def test_a_day_weeks_before_publication_is_history(gazetteer):
    got = _run("وبدأت القوات في الرابع من تموز هجوما على مدينة الزبداني.", gazetteer)  # published 24 July
    assert not got.drafts and [n.kind for n in got.notes] == ["background"]
    got = _run("وشنت القوات يوم 20 تموز هجوما على مدينة الزبداني.", gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.ATTACK]


def test_ordinal_day_words():
    from events.ingest.dates import DateReader
    reader = DateReader(PUB)
    [m] = reader.find("في الرابع من تموز الماضي")
    assert (m.date.start, m.date.end) == (date(2015, 7, 4), date(2015, 7, 4))
    [m] = DateReader(PUB).find("الحادي والعشرين من شهر حزيران")
    assert m.date.start == date(2015, 6, 21)
    assert DateReader(PUB).find("في اليوم الثاني من المعركة") == []


def test_what_a_strike_was_like_is_not_a_place():
    phrases = find_place_phrases("شنت الطائرات غارات جوية على جسر في محافظة دير الزور", arabic=True,
                                 objects=[len("شنت الطائرات غارات")])
    assert all(not p.text.startswith("جوية") for p in phrases)


# -- dates -------------------------------------------------------------------------------------------
def _span(text, published=PUB):
    from events.ingest.dates import DateReader
    return [(m.date.start, m.date.end) for m in DateReader(published).find(text)]


def test_relative_days_with_their_weekday_and_bare_weekdays():
    thu, fri, sat = date(2015, 7, 23), date(2015, 7, 24), date(2015, 7, 25)
    assert _span("قال المرصد اليوم (السبت) إن", published=sat) == [(sat, sat)]
    assert _span("قصفت الطائرات أمس الجمعة", published=sat) == [(fri, fri)]
    assert _span("صباح هذا اليوم", published=sat) == [(sat, sat)]
    assert _span("سيطرت الفصائل، الخميس، على التلة", published=sat) == [(thu, thu)]
    assert _span("الليلة قبل الماضية", published=sat) == [(thu, fri)]
    assert _span("ليلة أول من أمس", published=sat) == [(thu, fri)]
    assert _span("قتل الأحد عشر مقاتلا", published=sat) == []  # «الأحد عشر» is eleven


def test_a_pluperfect_event_starts_no_thread(gazetteer):
    text = ("وكانت القوات سيطرت، السبت، على قرية الزيادية في سهل الغاب.\n"
            "إلى ذلك، قصفت الفصائل بلدة الفوعة بالمدفعية الثقيلة.")
    got = _run(text, gazetteer, published=date(2015, 8, 3))
    shelling = next(d for d in got.drafts if d.event.event_type is EventType.SHELLING)
    assert shelling.date_source == "default"
    assert (shelling.event.date.start, shelling.event.date.end) == (date(2015, 8, 2), date(2015, 8, 3))


def test_a_withdrawal_is_a_territory_event():
    assert _types("وانسحب المقاتلون من القرية") == [EventType.TERRITORY]
    assert _types("أعلن انسحاب الفصائل من التلة") == [EventType.TERRITORY]


def test_every_event_in_an_opinion_is_analysis(gazetteer):
    got = _run("ورأى الباحث أن من مصلحة الجبهة الانسحاب مع اقتراب المواجهات من مدينة اللاذقية.", gazetteer)
    assert not got.drafts and {n.kind for n in got.notes} <= {"analysis"}


def test_quotes_around_a_name_do_not_end_the_place_phrase():
    phrases = find_place_phrases('حاولت القوات التقدم نحو قرى "بيت فارس"، و"بين حلبية"', arabic=True)
    assert phrases and phrases[0].text.startswith('قرى "بيت فارس')  # the name is inside, not cut at the quote


def test_on_the_other_side_is_not_a_place():
    phrases = find_place_phrases("استمرت الاشتباكات من جهة أخرى في محيط بلدة سلمى", arabic=True)
    assert [p.text for p in phrases] == ["محيط بلدة سلمى"]


def test_a_jet_that_fell_on_a_town_and_a_toll_alone_are_events():
    assert _types("سقطت مقاتلة حربية على سوق في بلدة سراقب") == [EventType.AIR_STRIKE]
    assert _types("قال المرصد إن 12 شخصا قتلوا في بلدة سراقب") == [EventType.ATTACK]  # a toll, no other word
    assert _types("قتل خمسة مدنيين في قصف على البلدة") == [EventType.SHELLING]  # the event word wins


def test_ranks_and_when_are_never_places():
    phrases = find_place_phrases("قتل عقيد في ريف حمص الشرقي عندما انفجرت عبوة", arabic=True)
    assert [p.text for p in phrases] == ["ريف حمص الشرقي"]


def test_bombardment_retold_later_is_the_air_strike_told_before(gazetteer):
    text = ("ألقت المروحيات براميل متفجرة على بلدة الحراك أمس.\n"
            "وقال ناشطون إن بلدة الحراك تعرضت لقصف عنيف في الساعات الأخيرة.")
    got = _run(text, gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.AIR_STRIKE]


def test_weeks_of_fighting_in_one_clause_are_history(gazetteer):
    got = _run("سيطرت الوحدات على بلدة صرين عقب اشتباكات استمرت لأكثر من عشرين يوما.", gazetteer)
    assert all(d.event.event_type is not EventType.CLASH for d in got.drafts)
    got = _run("اندلعت اشتباكات في بلدة صرين استمرت عدة ساعات أمس.", gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.CLASH]


def test_a_list_after_kull_min_gives_each_place_its_event(gazetteer):
    # «في كل من X قرب Y، وZ، وفي W»: X, Z and W are targets; Y only says where X is
    text = ("شنت طائرات حربية أمس غارات استهدفت مواقع في كل من صوران بالقرب من مدينة أعزاز، "
            "وباب الليمون، وفي براغيدة.")
    phrases = find_place_phrases(text)
    assert [(p.text, p.coord, p.reference) for p in phrases] == [
        ("صوران", False, False), ("مدينة أعزاز", False, True), ("باب الليمون", True, False), ("براغيدة", True, False)]
    got = _run(text, gazetteer)
    assert sorted(d.event.place.pcode for d in got.drafts) == ["C1272", "C1663", "C1664"]


def test_a_comma_and_a_verb_is_no_list_item():
    text = "أجلت القوات المدنيين من بلدة مارع، ونقلتهم إلى مدينة أعزاز."
    assert [p.text for p in find_place_phrases(text)] == ["بلدة مارع", "مدينة أعزاز"]


def test_and_in_after_a_list_item_is_the_next_item():
    text = "قصف الطيران أمس بلدة مارع، وفي تل رفعت"
    assert [(p.text, p.coord) for p in find_place_phrases(text)] == [("بلدة مارع", False), ("تل رفعت", True)]


def test_about_before_a_number_is_no_direction():
    # «أصيب نحو مائة بجروح»: about a hundred wounded, not "towards" a place
    assert not [p for p in find_place_phrases("قتل 30 شخصا وأصيب نحو مائة بجروح أمس") if p.role == "destination"]
    assert [p.text for p in find_place_phrases("تقدمت القوات نحو مدينة تدمر")] == ["مدينة تدمر"]


def test_the_reference_place_of_a_foreign_town_is_not_the_event_place(gazetteer):
    # the attack is in the Turkish town; the Syrian town only says where that town lies
    text = "قتل 20 شخصا أمس في تفجير انتحاري استهدف مدينة سروج التركية قرب الحدود مع مدينة عفرين."
    phrases = find_place_phrases(text)
    assert any(p.reference and "عفرين" in p.text for p in phrases)
    got = _run(text, gazetteer)
    assert not got.drafts and any(n.kind == "outside_syria" for n in got.notes)
    located = find_place_phrases("وقع الانفجار في سروج الواقعة على بعد عشرة كيلومترات من عفرين")
    assert [(p.text, p.reference) for p in located][-1] == ("عفرين", True)


def test_a_foreign_town_named_once_with_its_country_is_foreign_when_named_again(gazetteer):
    # (a made-up Turkish namesake of a Syrian town: alone, «سرمدا» is the Idlib town)
    assert gazetteer.resolve("سرمدا").status.value == "resolved"
    story = ("قتل 20 شخصا أمس في تفجير في بلدة سرمدا التركية.\n"
             "وقال مسؤول إن تفجيرا ثانيا وقع أمس في سرمدا.")
    got = _run(story, gazetteer)
    assert not got.drafts and [n.kind for n in got.notes].count("outside_syria") == 2


def test_a_word_only_like_a_village_name_is_no_place_without_a_place_noun(gazetteer):
    # «تطورات» (developments) is spelled like the village Torat; with no place noun it is the word
    res = gazetteer.resolve("تطورات")
    assert res.status.value == "resolved" and "approximate" in res.note
    got = _run("ربطت مصادر بين الزيارة وما يجري من تطورات للمعارك أمس.", gazetteer)
    assert not any(d.event.place and d.event.place.located for d in got.drafts)


def test_the_two_villages_after_a_pair_are_the_pair_else_the_town_al_qaryatayn(gazetteer):
    got = _run("اندلعت اشتباكات أمس في قريتي تل أعور والفريكة جنوب مدينة جسر الشغور، أسفرت عن سيطرة قوات "
               "النظام على القريتين.", gazetteer)
    territory = sorted(d.event.place.pcode for d in got.drafts if d.event.event_type is EventType.TERRITORY)
    assert territory == ["C4217", "C4219"]
    got = _run("سيطر تنظيم داعش أمس على القريتين في ريف حمص.", gazetteer)
    assert [d.event.place.pcode for d in got.drafts] == [gazetteer.resolve("القريتين").place.pcode]


def test_the_same_area_is_the_place_just_named(gazetteer):
    got = _run("قصفت طائرات حربية أمس مدينة أعزاز.\nواندلعت اشتباكات عنيفة أمس في المنطقة نفسها.", gazetteer)
    assert [(d.event.event_type, d.event.place.pcode) for d in got.drafts] == [
        (EventType.AIR_STRIKE, "C1564"), (EventType.CLASH, "C1564")]
    assert [p.anaphor for p in find_place_phrases("وسقطت قذائف على نفس المنطقة")] == ["any"]


def test_a_place_phrase_ends_before_the_outlet_a_source_spoke_to():
    text = "وقالت مصادر في ريف دمشق لـ«الشرق الأوسط» إن القوات تقدمت"
    assert [p.text for p in find_place_phrases(text)] == ["ريف دمشق"]


def test_an_undated_retelling_at_the_same_town_is_the_same_event(gazetteer):
    story = ("اختطف مسلحون مساء الأربعاء قائد فصيل في مدينة أعزاز.\n"
             "وقال ناشط إن ملثمين اختطفوا القائد على أطراف مدينة أعزاز.")
    got = _run(story, gazetteer, published=date(2015, 7, 31))
    assert len(got.drafts) == 1 and got.drafts[0].event.date.start == date(2015, 7, 29)
    # a different town stays an event of its own
    story = story.replace("على أطراف مدينة أعزاز", "في مدينة الباب")
    assert len(_run(story, gazetteer, published=date(2015, 7, 31)).drafts) == 2


def test_the_countryside_of_a_town_is_not_the_town_when_merging(gazetteer):
    story = ("تعرضت قرى درعا أمس لقصف عنيف بالبراميل المتفجرة.\n"
             "وقصفت قوات النظام أحياء درعا البلد.")
    got = _run(story, gazetteer, published=date(2015, 7, 26))
    assert len(got.drafts) == 2, [d.event.place.as_written for d in got.drafts]


def test_when_an_event_came_is_no_new_event(gazetteer):
    story = ("قتل 30 شخصا أمس في تفجير انتحاري في مدينة أعزاز.\n"
             "وجاء التفجير الذي أودى بحياة 30 شخصا في مدينة أعزاز غداة هجوم على مدينة مارع.")
    got = _run(story, gazetteer)
    # the bombing is told once; the attack it came after is an event of its own (first told here)
    assert [(d.event.event_type, d.event.place.pcode) for d in got.drafts] == [
        (EventType.EXPLOSION, "C1564"), (EventType.ATTACK, "C1643")]
    assert any("came" in n.reason for n in got.notes)


def test_holding_a_share_of_something_is_control_not_ground_taken(gazetteer):
    got = _run("وقال الخبير إن التنظيم سيطر على 40 بالمئة من إنتاج القطن في منطقتي الرقة والحسكة.", gazetteer)
    assert not got.drafts and [n.kind for n in got.notes] == ["control"]
    got = _run("وسيطرت قوات النظام أمس على 3 قرى في ريف حماة.", gazetteer)   # a count of villages is ground taken
    assert [d.event.event_type for d in got.drafts] == [EventType.TERRITORY]


def test_the_dual_of_area_gives_one_event_per_area_named(gazetteer):
    got = _run("قصفت الطائرات أمس مواقع في منطقتي الرقة والحسكة.", gazetteer)
    assert sorted(_places(got)) == [(EventType.AIR_STRIKE, "C4360"), (EventType.AIR_STRIKE, "C5710")]
    raqqa = next(d.event.place for d in got.drafts if d.event.place.pcode == "C5710")
    assert raqqa.precision.value != "point"                     # the area of al-Raqqa, not the city's point
