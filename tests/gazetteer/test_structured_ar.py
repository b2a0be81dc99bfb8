"""Structured Arabic place phrases (issue 10, item 2): parts, readings and honest answers.

Every phrase here is written for the test (none is copied from an article); the places are
OCHA facts from data/places.csv: Saraqib C3916, al-Bab C1202, Manbij C1767, Tadef C1219,
Hama C2987, Jisr al-Shughur C4199, Kafr Nabl (Idlib), Damascus C1001.
"""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer.foreign import foreign_place
from gazetteer.geometry import haversine_km
from gazetteer.model import Precision, ResolutionStatus
from gazetteer.phrases import parse_relative, plural_around, split_qualifiers, without_clitic
from gazetteer.structured import shorter_names, split_arabic, split_place_phrase

RESOLVED = ResolutionStatus.RESOLVED
SARAQIB = (35.861084, 36.806091)


# -- parts -------------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, name, container", [
    ("داخل مدينة سراقب", "", "مدينة سراقب"),                       # no name: somewhere inside the town
    ("وسط مدينة الباب", "", "مدينة الباب"),
    ("حي في شمال مدينة حماة", "", "شمال مدينة حماة"),                # a type noun is no name
    ("قريتين قرب مدينة منبج", "", "قرب مدينة منبج"),
    ("حماة القديمة", "", "حماة"),                                    # the old town of Hama
    ("سوق الخضار بمدينة الباب", "سوق الخضار", "مدينة الباب"),        # ب glued to a type noun opens the container
    ("منطقة المطار داخل مدينة حماة", "منطقة المطار", "مدينة حماة"),  # «المطار» names the quarter here
    ("محافظة حماة بوسط البلاد", "محافظة حماة", "وسط البلاد"),
    ("بلدة تادف، بريف حلب الشمالي", "بلدة تادف", "ريف حلب الشمالي"),  # the comma is not part of the name
])
def test_arabic_parts(phrase, name, container):
    p = split_arabic(phrase)
    assert p is not None and (p.name, p.container) == (name, container)


def test_a_direction_adjective_after_the_name_is_part_of_it():
    p = split_arabic("قرية الحمرا الشرقية الواقعة إلى الغرب من حماة")
    assert p.name == "قرية الحمرا الشرقية" and p.container == "الغرب من حماة"
    assert split_arabic("حماة الشرقية") is None        # a part of the city: relative.py reads it


def test_phrases_that_are_not_structured():
    for text in ("بلدة تادف", "ريف حلب الشمالي", "شمال مدينة حماة", "سراقب", ""):
        assert split_place_phrase(text) is None, text


def test_shorter_readings():
    assert "بلدة مارع" in shorter_names("بلدة مارع المحاذية للحدود مع تركيا")   # cut at the first nisba adjective
    assert shorter_names("بلدات تادف وبزاعة")[0] == "بلدة تادف"                 # the first of a list is one town
    assert "منطقة السمن" in shorter_names("منطقة تل السمن")                      # a hill named after its village
    assert shorter_names("بلدة تادف") == []


def test_plural_settlement_nouns():
    assert plural_around("قرى منبج") == "منبج"            # the villages around Manbij
    assert plural_around("بلدات تادف وبزاعة") is None     # a list of towns
    assert plural_around("قرية منبج") is None


def test_countryside_words():
    p = parse_relative("بريفي حماة الشمالي والغربي")      # the dual, two sectors: the whole countryside
    assert (p.name, p.countryside, p.bearing) == ("حماة", "countryside", None)
    assert parse_relative("بادية حمص").countryside == "countryside"
    assert parse_relative("ريف حماة الشمالي").bearing == 0.0


def test_a_name_before_the_countryside_word_is_a_place_in_it_not_part_of_its_anchor():
    # «X بريف Y» is X in Y's countryside (structured.py), never the countryside of a place called "X Y"
    assert parse_relative("جبل التركمان بريف اللاذقية") is None
    assert parse_relative("مدينة منبج بريف حلب الشرقي") is None
    assert parse_relative("دير الزور وريفها").name == "دير الزور"    # «ريفها»: its own countryside, after it
    assert parse_relative("شمال ريف حلب").name == "حلب"              # a direction is no name


def test_a_settlement_noun_ends_the_type_words():
    assert split_qualifiers("مدينة جسر الشغور").name == "جسر الشغور"   # not "the bridge of al-Shughur"
    assert split_qualifiers("جبهة مدينة سراقب").name == "سراقب"


# -- answers -----------------------------------------------------------------------------------
def test_a_place_inside_a_town_is_the_towns_area_not_its_point(gz):
    for phrase in ("داخل مدينة سراقب", "حي في وسط مدينة سراقب", "مستشفى مدينة سراقب"):
        res = gz.resolve(phrase)
        assert res.status is RESOLVED and res.precision is Precision.NEAR, phrase
        assert haversine_km(*SARAQIB, res.lat, res.lon) < 1, phrase
        assert (res.area.anchor.pcode if res.area and res.area.anchor else res.place.pcode) == "C3916", phrase


def test_villages_of_a_town_are_its_countryside(gz):
    res = gz.resolve("قرى منبج")
    assert res.status is RESOLVED and res.precision is Precision.NEAR and res.area.anchor.pcode == "C1767"
    assert 30 <= res.radius_km <= 50


def test_the_name_after_a_settlement_noun(gz):
    res = gz.resolve("مدينة جسر الشغور")
    assert res.status is RESOLVED and res.place.pcode == "C4199"


def test_a_name_known_only_outside_its_container_gives_the_container(gz):
    for phrase in ("مدينة سراقب في ريف دير الزور", "مدينة سراقب بريف دير الزور"):   # Saraqib is in Idlib
        res = gz.resolve(phrase)
        assert res.status is RESOLVED and res.precision is Precision.GOVERNORATE, phrase
        assert "only elsewhere" in res.note and res.area.anchor.pcode == "SY09", phrase


def test_a_namesake_far_outside_a_relative_container_is_not_placed(gz):
    res = gz.resolve("حي كفرنبل في شمال العاصمة")         # a Damascus quarter, not the Idlib town
    assert res.status is RESOLVED and res.area.anchor.pcode == "C1001"
    assert "far" in res.note and res.radius_km < 10        # a quarter: the northern part of the city itself


def test_a_relative_head_inside_an_area(gz):
    res = gz.resolve("شمال مدينة سراقب في ريف إدلب الشرقي")
    assert res.status is RESOLVED and res.precision is Precision.NEAR and res.area.anchor.pcode == "C3916"
    assert "consistent" in res.note


def test_dual_governorates_give_the_first(gz):
    res = gz.resolve("محافظتا حماة وحمص")
    assert res.status is RESOLVED and res.precision is Precision.GOVERNORATE and res.area.anchor.pcode == "SY05"


def test_an_everyday_word_that_is_also_a_foreign_name_needs_its_country():
    assert foreign_place("مفرق الحمرا قرب حماة") is None      # «مفرق» = a junction
    assert foreign_place("مدينة المفرق الأردنية").country == "Jordan"


# -- never crashes, always bounded -------------------------------------------------------------
_AR_PIECES = ["ب", "ال", "و", "ف", "ل", "في", "ريف", "بريف", "قرب", "شمال", "الغربي", "مدينة", "بلدة", "حي",
              "داخل", "وسط", "القديمة", "البلد", "الواقعة", "إلى", "من", "حلب", "سراقب", "،", ",", "(", ")",
              "قرى", "بريفي", "والشمالي", "تل", "العسكري", "–", "/", " ", "  ", "ة", "ى", "أ", "ـ", "\u064e"]
arabic_text = st.lists(st.one_of(st.sampled_from(_AR_PIECES), st.characters()), max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(arabic_text)
def test_the_parsers_never_crash_and_are_bounded(text):
    started = time.perf_counter()
    p = split_place_phrase(text)
    if p is not None:
        assert len(p.name) <= len(text) and len(p.container) <= len(text) + 8
    for reading in shorter_names(text):
        assert len(reading) <= len(text) + 4
    parse_relative(text)
    plural_around(text)
    split_qualifiers(text)
    without_clitic(text)
    assert time.perf_counter() - started < 0.5


@settings(max_examples=60, deadline=None)
@given(arabic_text.filter(lambda t: t.strip()))
def test_resolving_arbitrary_text_is_bounded(gz, text):
    started = time.perf_counter()
    res = gz.resolve_uncached(text[:300])
    assert res.status in set(ResolutionStatus)
    if res.status is RESOLVED:
        assert res.lat is not None and res.lon is not None
    assert time.perf_counter() - started < 5.0


def test_a_quarter_in_the_south_of_a_city_is_the_citys_part(gz):
    hama = (35.133728, 36.761291)
    res = gz.resolve("حي في شمال مدينة حماة")
    assert res.status is RESOLVED and res.precision is Precision.NEAR and res.area.anchor.pcode == "C2987"
    assert res.radius_km < 10 and haversine_km(*hama, res.lat, res.lon) < 8
    wider = gz.resolve("قرية في شمال مدينة حماة")          # a village north of Hama: beyond the city
    assert wider.status is RESOLVED and wider.radius_km > 15


def test_a_final_nisba_of_a_city_is_its_container(gz):
    p = split_arabic("حي الميدان الدمشقي")
    assert (p.name, p.container, p.marker) == ("حي الميدان", "دمشق", "nisba")
    res = gz.resolve("حي الميدان الدمشقي")
    assert res.status is RESOLVED and res.precision is Precision.NEAR and res.area.anchor.pcode == "C1001"
    assert split_arabic("مدينة مارع السورية") is None          # a country's nisba names no container


def test_a_place_in_a_unit_the_named_one_surrounds(gz):
    # Yarmouk (C1002) is in Damascus governorate, which Rural Damascus surrounds: reports say «بريف دمشق».
    res = gz.resolve("حي اليرموك بريف دمشق")
    assert res.status is RESOLVED and res.place is not None and res.place.pcode == "C1002"
    assert "surrounds" in res.note


def test_a_unit_word_before_a_seats_alias_gives_the_unit(gz):
    # «كوباني» is an alias of the town Ain al-Arab (C1946), seat of its district and sub-district.
    assert gz.resolve("كوباني").place.pcode == "C1946"
    res = gz.resolve("ناحية كوباني")
    assert res.status is RESOLVED and res.precision is Precision.SUBDISTRICT and res.place.pcode == "SY020600"
    assert "seat" in res.note


def test_an_unknown_name_in_a_governorates_countryside_gets_the_governorate(gz):
    # «ريف حلب» is the land of Aleppo governorate: a place we lack there is somewhere in it, not within 40 km of the city.
    res = gz.resolve("مزرعة الخيرات بريف حلب الشرقي")
    assert res.status is RESOLVED and res.precision is Precision.GOVERNORATE and res.area.anchor.pcode == "SY02"
    assert "countryside" in res.note
    city = gz.resolve("مزرعة الخيرات بريف مدينة حلب الشرقي")     # the text names the city: its countryside wedge
    assert city.status is RESOLVED and city.precision is Precision.NEAR


def test_a_quarter_we_lack_is_placed_in_the_one_town_its_sentence_names(gz):
    sentence = "قصفت الطائرات أحياء مدينة حماة وحي الزنابق"
    res = gz.resolve("حي الزنابق", context=sentence)
    assert res.status is RESOLVED and res.precision is Precision.NEAR and res.area.anchor.pcode == "C2987"
    assert "quarter" in res.note
    two = "قصفت الطائرات مدينة حماة ومدينة حلب وحي الزنابق"       # two towns: no guess
    assert gz.resolve("حي الزنابق", context=two).status is not RESOLVED
    assert gz.resolve("حي الزنابق").status is not RESOLVED        # no sentence, no town


@pytest.mark.parametrize("phrase, pcode", [
    ("مدينة منبج بريف حلب الشرقي", "C1767"),            # the examples: the town, not a countryside
    ("مدينة دوما بالغوطة الشرقية", "C2338"),
    ("مدينة معرة النعمان بريف إدلب الجنوبي", "C3985"),
    ("بلدة تادف على أطراف مدينة الباب", "C1219"),
    ("بلدة تادف جنوب مدينة الباب", "C1219"),
    ("فبلدة تادف بريف حلب", "C1219"),                     # a glued ف
])
def test_the_name_in_its_container_is_the_town(gz, phrase, pcode):
    res = gz.resolve(phrase)
    assert res.status is RESOLVED and res.place.pcode == pcode and res.precision is Precision.POINT, phrase
    assert "consistent" in res.note, phrase


def test_glued_conjunctions_and_prepositions(gz):
    assert without_clitic("والرقة") == "الرقة" and without_clitic("للرقة") == "الرقة"
    assert without_clitic("بسراقب") == "سراقب" and without_clitic("وبالباب") == "الباب"
    assert without_clitic("سراقب") is None and without_clitic("Wadi") is None
    for text, pcode in (("والرقة", "C5710"), ("بسراقب", "C3916"), ("لسراقب", "C3916"), ("فافين", "C1640")):
        res = gz.resolve(text)     # an exact name after the clitic; a name that starts with the letter stays
        assert res.status is RESOLVED and res.place.pcode == pcode and res.precision is Precision.POINT, text


def test_the_quarters_of_a_city(gz):
    aleppo = (36.206116, 37.152527)
    for phrase in ("أحياء حلب الشرقية", "الأحياء الشرقية لمدينة حلب"):   # «أحياء» folds to «احيا»
        res = gz.resolve(phrase)
        assert res.status is RESOLVED and res.precision is Precision.NEAR and res.radius_km < 10, phrase
        assert res.area.anchor.pcode == "C1007" and haversine_km(*aleppo, res.lat, res.lon) < 8, phrase
    res = gz.resolve("أحياء مدينة حمص القديمة")                        # two settlement nouns, the old town
    assert res.status is RESOLVED and res.area.anchor.pcode == "C2528"


def test_an_arabic_alias_of_a_town(gz):
    assert gz.resolve("الطبقة").place.pcode == "C5929"                 # Tabqa = al-Thawrah (aliases.csv)


def test_a_name_made_of_a_dual_noun_is_a_name(gz):
    # «القريتين» (al-Qaryatayn, C2663) means "the two villages": after «مدينة» it is the name itself.
    assert split_qualifiers("مدينة القريتين").name == "القريتين"
    res = gz.resolve("مدينة القريتين بريف حمص")
    assert res.status is RESOLVED and res.place.pcode == "C2663"


def test_the_capital_named_twice_and_its_countryside(gz):
    from gazetteer.structured import capital
    assert capital("جنوب العاصمة دمشق") == "جنوب دمشق" and capital("بالعاصمة دمشق") == "بدمشق"
    assert capital("العاصمة السورية دمشق") == "دمشق" and capital("ريف العاصمة") == "ريف دمشق"
    res = gz.resolve("جنوب العاصمة دمشق")
    assert res.status is RESOLVED and res.area.anchor.pcode == "C1001"
    its = gz.resolve("حماة وريفها")                           # "Hama and its countryside"
    assert its.status is RESOLVED and its.precision is Precision.NEAR and its.radius_km > 30
    assert gz.resolve("ريفي حماة وإدلب").area.anchor.pcode == "C2987"     # the first of a list


def test_between_two_places(gz):
    res = gz.resolve("بين بلدتي تادف والباب")                 # Tadef and al-Bab, 3 km apart
    assert res.status is RESOLVED and res.precision is Precision.NEAR and 3 <= res.radius_km <= 8
    assert haversine_km(36.3479, 37.52948, res.lat, res.lon) < 3
    far = gz.resolve("بين مدينتي حلب ودرعا")                  # 300 km: no single area
    assert far.status is not RESOLVED


def test_a_dual_with_the_article_is_the_town_not_two_villages():
    # «القريتين» is al-Qaryatayn; «قريتين» alone is "two villages" (no name)
    assert split_arabic("القريتين بريف حمص").name == "القريتين"
    assert split_arabic("قريتين قرب مدينة منبج").name == ""


def test_the_countryside_of_a_capital_is_its_governorate(gz):
    # a plain «ريف حمص» holds every Homs-governorate town, however far from the city (Qaryatein C2663 at
    # 85 km, Tadmor C2889 at 150 km); a sector («ريف حمص الجنوبي») still checks its direction
    for phrase, pcode in (("القريتين بريف حمص", "C2663"), ("القريتين في ريف حمص", "C2663"),
                          ("تدمر في ريف حمص", "C2889")):
        res = gz.resolve(phrase)
        assert res.status is RESOLVED and res.place.pcode == pcode and res.precision is Precision.POINT, phrase
    assert gz.resolve("تدمر في ريف حمص الغربي").precision is not Precision.POINT


def test_the_capital_is_damascus_but_the_capital_of_something_is_that_places_city():
    from gazetteer.service import get_gazetteer
    gz = get_gazetteer()
    assert gz.resolve("بالعاصمة دمشق").place.pcode == "C1001"
    assert gz.resolve("العاصمة").place.pcode == "C1001"
    assert gz.resolve("عاصمة الرقة").place.pcode == "C5710"          # «عاصمة X»: X's city, not Damascus
    res = gz.resolve("عاصمة المحافظة المنتجة للنفط")                 # the capital of a governorate named before
    assert res.place is None or res.place.pcode != "C1001"


def test_trailing_description_relative_clauses_sides_quotes_and_routes_give_shorter_readings():
    # sentences of our own: what follows a relative pronoun, «من جهة», a quoted part or a leading
    # fighting / route noun never names the place
    assert shorter_names("مدينة سراقب التي استعادتها الفصائل") == ["مدينة سراقب"]
    assert shorter_names("بلدة خان شيخون الذي يقصفه الطيران")[0] == "بلدة خان شيخون"
    assert shorter_names("اللاذقية من جهة البحر") == ["اللاذقية"]
    assert shorter_names("معارك تدمر") == ["تدمر"]
    assert shorter_names("من منبج إلى الباب") == ["منبج"]
    assert shorter_names("مدينتي إدلب وسراقب")[0] == "مدينة إدلب"       # a dual: the first of the pair
    assert shorter_names("مدينتي إدلب وتل أبيض")[0] == "مدينة إدلب"     # «وتل»: a short second name
    assert shorter_names('مدينة حمص "عاصمة الثورة"')[:2] == ["مدينة حمص", "عاصمة الثورة"]
    assert shorter_names("«حماة السورية»")[0] == "حماة السورية"
    assert shorter_names("بلدة معرة النعمان “المعرة”")[:2] == ["بلدة معرة النعمان", "المعرة"]
    assert shorter_names("بلدة سراقب") == [] and shorter_names("معارك") == []


def test_phrases_with_a_description_resolve_to_the_named_town(gz):
    for phrase, pcode in (("مدينة سراقب التي استعادتها الفصائل", "C3916"), ("معارك تدمر", "C2889"),
                          ("من منبج إلى الباب", "C1767"), ('مدينة حماة "عاصمة الريف"', "C2987")):
        res = gz.resolve(phrase)
        assert res.status is RESOLVED and res.place.pcode == pcode, (phrase, res)


def test_a_place_called_nearby_must_lie_near_the_reports_other_places(gz):
    from gazetteer.structured_ar import describes_nearby
    assert describes_nearby("قرية رأس العين القريبة") and not describes_nearby("قرية رأس العين")
    # «رأس العين» is the al-Hasakah town (C4988) and a Hama village (C3067): "nearby", in a report on
    # Hama, is not the town 400 km away; with no other place named it is no confident answer either
    bare = gz.resolve_uncached("قرية رأس العين القريبة")
    assert bare.status is not RESOLVED or bare.place.pcode != "C4988"
    near_hama = gz.resolve_uncached("قرية رأس العين القريبة", context="قصفت الطائرات قرية رأس العين القريبة من مدينة حماة")
    assert near_hama.status is not RESOLVED or near_hama.place.pcode == "C3067"
    assert gz.resolve_uncached("قرية رأس العين").place.pcode == "C4988"   # without «القريبة»: the town, as before


def test_by_an_actor_is_not_a_side_of_the_place():
    # «من جانب الفصائل» / «من طرف الجيش» say who, not which side: no shorter reading cut there
    assert "مدينة سراقب" not in shorter_names("مدينة سراقب من جانب الفصائل")
    assert "مدينة سراقب" not in shorter_names("مدينة سراقب من طرف الجيش")
    assert shorter_names("مدينة سراقب من ناحية الشرق")[0] == "مدينة سراقب"


def test_a_wide_container_constrains_the_name_but_its_centre_is_no_near_hint(gz):
    # two «عفرين» in Aleppo governorate: the district seat and a village 11 km from Aleppo city; the
    # centre of «ريف حلب» (±40 km) must not hand the village the 30 km "near" bonus
    res = gz.resolve_uncached("عفرين في ريف حلب")
    assert res.status is RESOLVED and res.place.pcode == "C1366", res


def test_lists_alternatives_and_streets_read_the_first_named_place(gz):
    assert shorter_names("حماة وسلمية") == ["حماة"]                          # «و» opens a second place
    assert shorter_names("مدينة تدمر او القريتين")[0] == "مدينة تدمر"       # «أو»: the first reading first
    assert shorter_names("شوارع مدينة حماة") == ["مدينة حماة"]
    assert shorter_names("مدينتا حماة وسلمية")[0] == "مدينة حماة"           # the dual made singular
    assert shorter_names("وادي بردى") == []                                  # a name's own first «و» is no list
    for phrase, pcode in (("حماة وسلمية", "C2987"), ("شوارع مدينة حماة", "C2987"),
                          ("مدينتا سراقب وأريحا في ريف إدلب", "C3916")):
        res = gz.resolve(phrase)
        assert res.status is RESOLVED and res.place.pcode == pcode, (phrase, res)


def test_quoted_names_descriptions_and_aliases(gz):
    from gazetteer.structured_ar import quote_readings
    assert quote_readings("بلدة سراقب") == []
    assert quote_readings('مدينة «سراقب» الشمالية') == ["مدينة سراقب الشمالية", "مدينة الشمالية", "سراقب"]
    for phrase, pcode in (('مدينة «سراقب» في ريف إدلب', "C3916"), ('مدينة حماة "أم النواعير"', "C2987"),
                          ('«تدمر»', "C2889")):
        res = gz.resolve(phrase)
        assert res.status is RESOLVED and res.place.pcode == pcode, (phrase, res)


def test_a_nearby_place_with_no_namesake_needs_no_other_place():
    from gazetteer.service import get_gazetteer
    res = get_gazetteer().resolve_uncached("مدينة سراقب القريبة")      # one سراقب in Syria
    assert res.status is RESOLVED and res.place.pcode == "C3916"


def test_a_quarter_belongs_to_the_city_its_sentence_names_not_to_a_village_namesake(gz):
    # «جوبر» is also a village of Homs; the sentence names Damascus, a city, with no settlement noun before it.
    sentence = "سقطت قذائف على حي باب توما في دمشق مصدرها حي جوبر"
    for quarter in ("حي جوبر", "حي باب توما"):
        res = gz.resolve(quarter, context=sentence)
        assert res.status is RESOLVED and res.area.anchor.pcode == "C1001", quarter
        assert "quarter of Damascus" in res.note, quarter
    two = "سقطت قذائف على حي باب توما في دمشق وحلب"               # two cities named: no guess
    assert gz.resolve("حي باب توما", context=two).status is not RESOLVED
    town = "وفي بلدة داريا بريف دمشق سيطرت الفصائل على حي الخليج"   # the town its noun names, not the city beside it
    res = gz.resolve("حي الخليج", context=town)
    assert res.status is RESOLVED and res.area.anchor.pcode == "C2498"


def test_an_apostrophe_inside_a_latin_word_is_a_letter_not_a_quote():
    # romanisations write ayn and hamza with an apostrophe ("Ma'murat", "Bi'r"): no quoted part there
    from gazetteer.structured_ar import quote_readings, shorter_names
    assert quote_readings("Al Ma'murat village") == []
    assert all("murat village" != r for r in shorter_names("Al Ma'murat village"))
    assert quote_readings("Ma'murat 'the old town'") == ["Ma'murat the old town", "Ma'murat", "the old town"]
    assert quote_readings("'Ayn Dara'") == ["Ayn Dara"]


def test_the_dual_of_area_is_the_area_of_the_first_place_named(gz):
    # «منطقتي X وY» as «مدينتي X وY»: the first of the pair, as the area of that place (NEAR, never its point)
    for phrase, pcode in (("منطقتا الزبداني ومضايا", "C2429"), ("منطقتي منبج والباب", "C1767")):
        res = gz.resolve(phrase)
        assert res.status is RESOLVED and res.place.pcode == pcode, (phrase, res.note)
        assert res.precision is Precision.NEAR
