"""Rules for place strings as others write them (issue 10): each on names written for these tests.

The places below are invented (codes X…); the admin boundaries are the real
ones, so a context such as "Idlib governorate" names a real unit (SY07).
"""
from __future__ import annotations

import pytest

from gazetteer.admin import AdminBoundaries
from gazetteer.model import AdminRef, GazPlace, PlaceKind, Precision, ResolutionStatus
from gazetteer.normalize import skeleton_key, skeleton_keys
from gazetteer.phrases import split_alternatives, split_qualifiers
from gazetteer.service import DATA_DIR, Gazetteer
from gazetteer.structured import shorter_names, split_place_phrase

RESOLVED, AMBIGUOUS, UNRESOLVED = (ResolutionStatus.RESOLVED, ResolutionStatus.AMBIGUOUS,
                                   ResolutionStatus.UNRESOLVED)
IDLIB = AdminRef("SY07", "Idleb", "إدلب")
HASAKEH = AdminRef("SY08", "Al-Hasakeh", "الحسكة")
ALEPPO = AdminRef("SY02", "Aleppo", "حلب")
HOMS = AdminRef("SY04", "Homs", "حمص")
AFRIN = AdminRef("SY0203", "Afrin", "عفرين")
NAHIYA = AdminRef("SY020300", "Afrin", "مركز عفرين")


def _p(code, en, ar, lat, lon, admin1, kind=PlaceKind.COMMUNITY, **kw):
    return GazPlace(pcode=code, name_en=en, name_ar=ar, kind=kind, lat=lat, lon=lon, admin1=admin1, **kw)


@pytest.fixture(scope="module")
def tiny():
    admin = AdminBoundaries.from_dir(DATA_DIR / "admin")
    places = [
        _p("X1", "Bsheirat", "البشيرات", 35.90, 36.60, IDLIB),            # the Idlib one, another romanisation
        _p("X2", "Al Bashirat", "البشيرات", 36.50, 40.70, HASAKEH),       # exact spelling, wrong governorate
        _p("X3", "Tell Zarqa", "تل الزرقا", 36.10, 36.70, IDLIB),
        _p("X4", "Kherbet Eljawz", "خربة الجوز", 35.95, 36.40, IDLIB),
        _p("X5", "Halab", "حلب", 36.20, 37.15, ALEPPO, kind=PlaceKind.CITY, size_hint=10),
        _p("X6", "Menbaj", "منبج", 36.52, 37.95, ALEPPO, kind=PlaceKind.CITY, size_hint=5),
        _p("X7", "Eastern Qarmala", "قرملة شرقية", 36.30, 37.40, ALEPPO),
        _p("X8", "Qarmala", "قرملة", 34.70, 36.90, HOMS),
        _p("X9", "Khaldiyet Afrin", "خالدية عفرين", 36.50, 36.85, ALEPPO, admin2=AFRIN, admin3=NAHIYA),
        _p("X10", "Dweira", "الدويرة", 34.90, 36.60, HOMS, population=60_000),
        _p("X11", "Dweira", "الدويرة", 36.00, 36.50, IDLIB, mentions=40),
        _p("X12", "Dweira", "الدويرة", 36.60, 40.50, HASAKEH),
        _p("X13", "Sahm Ahmar", "سهم الأحمر", 35.70, 36.70, IDLIB),
    ]
    return Gazetteer(places, admin)


# -- 3. the cross-romanisation key -------------------------------------------------------
@pytest.mark.parametrize("spellings", [
    ("Tall Zarqa", "Tal Zarqa", "Tell Zarka", "تل الزرقا"),
    ("Bir Ghazal", "Bi'r Ghazal", "بئر غزال", "Beer Ghazal"),
    ("Jabal Shahid", "Jebel Shahid", "Jbel Shahid", "جبل شهيد"),
    ("Ayn Dara", "Ain Dara", "'Ayn Dara", "Ein Dara", "عين دارة"),
    ("Kafr Rumi", "Kfar Rumi", "Kafar Roumi", "كفر رومي"),
    ("Dayr Saman", "Deir Saman", "Der Saman", "دير سمان"),
    ("Khirbat al Jawz", "Khirbet el-Jawz", "خربة الجوز"),
    ("Al Qasimiyah", "El Kasimiyeh", "Qasimiya", "Gasimieh", "القاسمية"),
    ("Ad Dana", "Dana", "الدانا"),
    ("Az Zahraa", "Al-Zahra", "الزهراء", "الزهرا"),
    ("Ma'arrat Tuffah", "Maarat Touffah", "معرة تفاح"),
    ("Marjah", "Marja", "Marjeh", "مرجة", "مرجه"),
])
def test_one_key_for_the_romanisations_and_the_arabic(spellings):
    keys = [set(skeleton_keys(s)) for s in spellings]
    assert set.intersection(*keys), {s: skeleton_keys(s) for s in spellings}


def test_key_keeps_what_arabic_writes_apart():
    assert skeleton_key("Homs") != skeleton_key("Hama")
    assert skeleton_key("Sharqi") != skeleton_key("Sarqi")   # ش and س are different letters
    assert skeleton_key("كفر") == "kfr" and skeleton_key("أبو") == skeleton_key("ابو")   # hamza seat


def test_equal_classes_inside_a_word_are_two_consonants():
    # بابكة has two b's with a vowel between them; Babka and Babikah write the same two.
    assert skeleton_key("بابكة") == skeleton_key("Babikah") == skeleton_key("Babka") == "bbk"
    assert skeleton_key("Tall") == "tl"                        # a doubled Latin letter is one consonant
    # Across words a class that ends one and starts the next counts once (كفرومة is written as one word).
    assert skeleton_key("Kafr Ruma") == skeleton_key("كفرومة") == "kfrm"


def test_a_repeated_class_is_weak_evidence_country_wide():
    from gazetteer.normalize import skeleton_classes
    assert skeleton_classes("bll") == 2 and skeleton_classes("bbk") == 2 and skeleton_classes("kfrm") == 4


def test_a_romanisation_match_answers_only_with_backing(tiny):
    # "Bsheirat" and "Al Bashirat" share a key; only the named unit decides between them.
    assert tiny.resolve("Al Bashirat").place.pcode == "X2"                       # exact spelling, no context
    res = tiny.resolve("Al Bashirat", context="Idlib governorate")
    assert res.status is RESOLVED and res.place.pcode == "X1"
    assert "context governorate" in res.candidates[0].reasons


# -- 1. context constrains ----------------------------------------------------------------
@pytest.mark.parametrize("context", ["Idlib Governorate", "Idleb", "محافظة إدلب", "في ريف إدلب", "Idlib"])
def test_context_restricts_to_the_unit_in_any_spelling(tiny, context):
    res = tiny.resolve("Bashirat village", context=context)
    assert res.status is RESOLVED and res.place.pcode == "X1"


def test_a_fuzzy_match_inside_the_unit_beats_an_exact_one_outside(tiny):
    res = tiny.resolve("Khirbat al Jouz", context="Idlib Governorate")
    assert res.status is RESOLVED and res.place.pcode == "X4"


def test_a_match_only_outside_the_named_unit_is_never_resolved(tiny):
    res = tiny.resolve("Qarmala", context="Idlib Governorate")
    assert res.status is AMBIGUOUS
    assert res.note.startswith("named unit says Idleb; only match is in")


def test_a_unit_named_in_passing_only_ranks(tiny):
    # A sentence naming Hasakeh as another place's area does not forbid the Idlib namesake.
    sentence = "clashes in Bashirat while aircraft struck Al-Hasakeh city"
    assert tiny.resolver.context_units(sentence, name="Bashirat", explicit=True) == frozenset()
    assert "SY08" in tiny.resolver.context_units(sentence, name="Bashirat", explicit=False)


def test_governorate_spellings_of_ucdp_and_acled_name_units(gz):
    for spelling, code in [("Al Hasakah Governorate", "SY08"), ("Hamah", "SY05"), ("محافظة حماة", "SY05"),
                           ("Dayr Az Zawr Governorate", "SY09"), ("Rif Dimashq Governorate", "SY03"),
                           ("As Suwayda' Governorate", "SY13"), ("Ar Raqqah", "SY11"), ("Rural Damascus", "SY03")]:
        assert gz.resolver.context_units(spelling, explicit=True) == frozenset({code}), spelling


def test_a_district_named_after_its_seat_is_the_district_not_its_centre_sub_district(gz):
    # OCHA names the district SY0702 "Al Ma'ra"; only its centre sub-district (SY070200) carries the
    # seat's English name, which datasets use for the district ("... district", «منطقة ...»).
    assert gz.resolver.context_units("Maarat al-Numaan district", explicit=True) == frozenset({"SY0702"})
    assert gz.resolver.context_units("Mintaqat Maarat al-Numaan", explicit=True) == frozenset({"SY0702"})
    # without a district word the sub-district stays what is named; a non-centre sub-district stays itself
    assert gz.resolver.context_units("Maarat al-Numaan", explicit=True) == frozenset({"SY070200"})
    assert gz.resolver.context_units("Atarib district", explicit=True) == frozenset({"SY020001"})


# -- 2. structured phrases -----------------------------------------------------------------------
def test_arabic_phrase_parts():
    p = split_place_phrase("مدينة منبج بريف حلب الشرقي")
    assert (p.name, p.container) == ("مدينة منبج", "ريف حلب الشرقي")
    assert split_place_phrase("مدينة دوما بالغوطة الشرقية").container == "الغوطة الشرقية"
    assert split_place_phrase("بلدة كفرنبل في ريف إدلب الجنوبي").name == "بلدة كفرنبل"
    assert split_place_phrase("قرية الزرقا قرب مدينة حلب").container == "قرب مدينة حلب"
    assert split_place_phrase("ريف حلب الشرقي") is None          # a relative phrase, not a name in an area
    assert split_place_phrase("بلدة الزرقا") is None


def test_english_phrase_parts():
    assert split_place_phrase("Arshaf village in the eastern countryside of Aleppo").name == "Arshaf village"
    p = split_place_phrase("the town of Zarqa, Idlib governorate")
    assert (p.name, p.container) == ("the town of Zarqa", "Idlib governorate")
    assert split_place_phrase("Aleppo's Salah al-Din neighbourhood").name == "Salah al-Din"


def test_the_name_is_resolved_with_the_containing_area_as_context(tiny):
    res = tiny.resolve("مدينة منبج بريف حلب الشرقي")
    assert res.status is RESOLVED and res.place.pcode == "X6"
    assert "name 'مدينة منبج'" in res.note
    res = tiny.resolve("قرية البشيرات في ريف إدلب")
    assert res.status is RESOLVED and res.place.pcode == "X1"


@pytest.mark.parametrize("phrase", ["Tell Zarqa military airport", "Tell Zarqa IDP camp", "Tell Zarqa gas field",
                                    "Tell Zarqa Industrial District", "Tell Zarqa housing project",
                                    "Tell Zarqa Central Prison"])
def test_a_feature_named_after_a_place_is_the_area_of_that_place(tiny, phrase):
    parts = split_qualifiers(phrase)
    assert (parts.name, parts.area_of, parts.kind_hint) == ("Tell Zarqa", True, None)
    res = tiny.resolve(phrase, context="Idlib governorate")
    assert res.status is RESOLVED and res.place.pcode == "X3" and res.precision is Precision.NEAR


@pytest.mark.parametrize("phrase", ["مطار تل الزرقا العسكري", "محطة تل الزرقا الحرارية", "مطار تل الزرقا الدولي"])
def test_an_arabic_feature_adjective_goes_with_its_noun(phrase):
    parts = split_qualifiers(phrase)
    assert (parts.name, parts.area_of) == ("تل الزرقا", True)


def test_a_feature_word_is_taken_only_after_a_feature_noun():
    assert split_qualifiers("حي العسكري").name == "العسكري"          # a neighbourhood called al-Askari
    assert split_qualifiers("قرية الزرقا الدولي").name == "الزرقا الدولي"
    assert split_qualifiers("Oil village").name == "Oil"            # no feature noun after it: part of the name
    assert split_qualifiers("Tell Zarqa Military").name == "Tell Zarqa Military"


@pytest.mark.parametrize("phrase", ["Road between Tell Zarqa and Kherbet Eljawz", "between Tell Zarqa and Kherbet Eljawz",
                                    "Tell Zarqa-Kherbet Eljawz road", "Tell Zarqa – Kherbet Eljawz road",
                                    "Road between Tell Zarqa and Kherbet Eljawz in Idlib governorate"])
def test_between_two_places_in_english_is_an_area_over_both(tiny, phrase):
    p = split_place_phrase(phrase)
    assert p.marker == "between" and p.container == "Tell Zarqa and Kherbet Eljawz"
    res = tiny.resolve(phrase)
    assert res.status is RESOLVED and res.area.label_en == "between Tell Zarqa and Kherbet Eljawz"
    assert 35.95 < res.lat < 36.10 and 36.40 < res.lon < 36.70          # between X3 and X4 (about 30 km apart)
    assert res.precision is Precision.DISTRICT                          # a 20 km stretch is no town's area


def test_a_trailing_area_of_a_between_phrase_is_not_part_of_its_second_place():
    p = split_place_phrase("Road between Tell Zarqa and Halab in Aleppo governorate")
    assert (p.container, p.within) == ("Tell Zarqa and Halab", "Aleppo governorate")


def test_the_area_answers_only_when_the_name_is_not_found(tiny):
    res = tiny.resolve("قرية كزبرة بريف حلب")
    assert res.status is RESOLVED and res.precision is not Precision.POINT
    assert "not found" in res.note


def test_trailing_description_and_lists_are_dropped_when_the_whole_is_unknown():
    assert "مطار تل الزرقا" in shorter_names("مطار تل الزرقا العسكري")
    assert shorter_names("بلدتي الزرقا والدويرة")[0] == "بلدة الزرقا"
    assert shorter_names("القرداحة، مسقط رأس العائلة")[0] == "القرداحة"


def test_alternative_spellings_in_one_string(tiny):
    assert split_alternatives("Tall Zarqa/Tell Zarka village") == ["Tall Zarqa village", "Tell Zarka village"]
    assert split_alternatives("Zarqa (Tall Zarqa) village") == ["Zarqa village", "Tall Zarqa village"]
    res = tiny.resolve("Kazbara/Tall Zarqa village")
    assert res.status is RESOLVED and res.place.pcode == "X3"


# -- OCHA names hide spellings -----------------------------------------------------------------------
def test_an_ocha_name_less_its_unit_is_a_name_of_the_place(tiny):
    res = tiny.resolve("Al Khalidiyah", context="Aleppo Governorate")
    assert res.status is RESOLVED and res.place.pcode == "X9"


def test_a_part_naming_its_own_sub_district_is_the_seat_unless_another_place_bears_it():
    from gazetteer.names import names_of, with_seat_names
    unit = AdminRef("SY029903", "Qasrun", "قصرون")
    seat = _p("S1", "Qasrun - Wadiya", "قصرون_الوادية", 36.0, 38.0, ALEPPO, admin3=unit)
    other_unit = AdminRef("SY029904", "Tallin", "تلين")
    tagged = _p("S2", "Jurn - Tallin", "جرن_تلين", 36.1, 38.1, ALEPPO, admin3=other_unit)
    tallin = _p("S3", "Tallin", "تلين", 36.2, 38.2, ALEPPO, admin3=other_unit)
    out = {p.pcode: names_of(p) for p in with_seat_names([seat, tagged, tallin])}
    assert "Qasrun" in out["S1"] and "قصرون" in out["S1"]        # the seat, written with a second name
    assert "Tallin" not in out["S2"] and "تلين" not in out["S2"]  # Tallin is another village: a tag
    # a part that is the unit's whole name is not stripped to its first word
    two_words = AdminRef("SY029905", "Beit Sahm", "بيت سهم")
    place = _p("S4", "Beit Sahm - Ein Hur", "بيت سهم_عين حور", 35.3, 36.1, ALEPPO, admin3=two_words)
    assert "بيت" not in names_of(with_seat_names([place])[0])


def test_prominence_breaks_a_tie_between_equal_cross_romanisation_keys():
    # "Az Zabadani" and OCHA's "Az-Zabdani" / «الزبداني» share the key d-b-d-n, and so does the village
    # «زبدين» "Zabadin": the district's seat, named like its district, is what a bare report means.
    admin = AdminBoundaries.from_dir(DATA_DIR / "admin")
    rif = AdminRef("SY03", "Rural Damascus", "ريف دمشق")
    district = AdminRef("SY0307", "Az-Zabdani", "الزبداني")
    places = [_p("Z1", "Az-Zabdani", "الزبداني", 33.72, 36.10, rif, admin2=district),
              _p("Z2", "Zabadin", "زبدين", 33.48, 36.41, rif)]
    res = Gazetteer(places, admin).resolve("Az Zabadani", context="Rif Dimashq Governorate")
    assert res.status is RESOLVED and res.place.pcode == "Z1"
    seat = next(c for c in res.candidates if c.place.pcode == "Z1")
    assert "district seat" in seat.reasons


def test_a_name_plus_a_direction_word_is_a_namesake(tiny):
    # "Qarmala" may mean Qarmala (Homs) or Eastern Qarmala (Aleppo): neither is decided on spelling.
    assert tiny.resolve("Qarmala").status is AMBIGUOUS
    assert tiny.resolve("Qarmala", context="Aleppo Governorate").place.pcode == "X7"


# -- 5. ranking namesakes ---------------------------------------------------------------------------
def test_bigger_places_and_often_named_places_rank_first(tiny):
    res = tiny.resolve("Dweira")
    order = [c.place.pcode for c in res.candidates]
    assert order.index("X10") < order.index("X12") and order.index("X11") < order.index("X12")
    reasons = {c.place.pcode: c.reasons for c in res.candidates}
    assert any(r.startswith("population") for r in reasons["X10"])
    assert any(r.startswith("named by 40 imported events") for r in reasons["X11"])


def test_places_near_the_others_in_the_report_decide(tiny):
    res = tiny.resolve("Dweira", near=(36.61, 40.49))
    assert res.candidates[0].place.pcode == "X12" and "1 km from context place" in res.candidates[0].reasons


def test_a_misspelling_found_only_outside_the_named_unit_is_named_in_the_note(tiny):
    # Nothing in Idlib comes close to "Menbej"; the country-wide fuzzy scan (skipped while the unit has
    # matches) still finds the Aleppo town, to say where the only match is; it is never the answer.
    res = tiny.resolve("Menbej", context="Idlib Governorate")
    assert res.status is AMBIGUOUS and res.place is None
    assert res.note.startswith("named unit says Idleb; only match is in Aleppo")
    assert res.candidates[0].place.pcode == "X6"


def test_inside_a_named_unit_only_its_places_and_exact_names_elsewhere_are_candidates(tiny):
    res = tiny.resolve("Qarmala", context="Homs Governorate")
    assert res.status is RESOLVED and res.place.pcode == "X8"
    # the Aleppo namesake ("Eastern Qarmala") is still listed, below every place of the unit
    codes = [c.place.pcode for c in res.candidates]
    assert codes[0] == "X8" and "X7" in codes


def test_an_answer_lists_at_most_fifteen_candidates():
    from gazetteer.resolve import MAX_CANDIDATES
    admin = AdminBoundaries.from_dir(DATA_DIR / "admin")
    places = [_p(f"Y{i}", "Tall Hamra", "تل الحمرا", 35.0 + i * 0.1, 37.0, ALEPPO) for i in range(30)]
    res = Gazetteer(places, admin).resolve("Tall Hamra")
    assert res.status is AMBIGUOUS and len(res.candidates) == MAX_CANDIDATES == 15


def test_gc_is_paused_only_while_building_and_its_state_restored():
    import gc

    from gazetteer.index import gc_paused
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()       # the inner pause does not switch it back on early
    assert gc.isenabled()
