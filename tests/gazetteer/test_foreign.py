"""gazetteer.foreign: places outside Syria block a Syrian namesake (issue 11, item 2); names written for the test."""
from __future__ import annotations

from gazetteer.foreign import foreign_place


def test_neighbouring_governorates_and_cities():
    assert foreign_place("محافظة الأنبار").country == "Iraq"
    assert foreign_place("الأنبار غربي العراق").country == "Iraq"
    assert foreign_place("the city of Mosul").country == "Iraq"
    assert foreign_place("بلدة عرسال اللبنانية").country == "Lebanon"
    assert foreign_place("مدينة الرياض").country == "Saudi Arabia"
    assert foreign_place("Gaziantep").country == "Turkey"


def test_syrian_places_are_not_foreign():
    for name in ("حلب", "ريف إدلب الجنوبي", "بلدة كفرنبل", "Deir ez-Zor", "الحدود التركية"):
        assert foreign_place(name) is None, name


def test_a_strict_name_needs_its_country_named():
    assert foreign_place("سنجار") is None
    assert foreign_place("سنجار", context="شمال غرب العراق").country == "Iraq"
    assert foreign_place("Hit") is None


def test_near_and_countryside_words_before_a_foreign_name():
    assert foreign_place("قرب الحديثة", context="غارات قرب الحديثة وكركوك في العراق").country == "Iraq"
    assert foreign_place("قرب الحديثة", context="قصف قرب الحديثة في ريف حمص") is None   # the Syrian namesake
    assert foreign_place("ريف الموصل").country == "Iraq"
    assert foreign_place("near Zakho").country == "Iraq"
    assert foreign_place("قرب حلب") is None


def test_a_two_word_foreign_name_matches_with_either_final_vowel():
    from gazetteer.foreign import foreign_place
    assert foreign_place("مدينة شانلي أورفة").country == "Turkey"
    # one-word names keep their spelling: a Syrian village «السامرة» is not Samarra «سامراء»
    assert foreign_place("السامرة") is None


def test_name_core_drops_qualifiers_and_country_words():
    from gazetteer.foreign import name_core
    assert name_core("مدينة سروج التركية") == name_core("سروج")


def test_the_syrian_adjective_says_the_place_is_in_syria():
    from gazetteer.foreign import foreign_place
    assert foreign_place("الحضر").country == "Iraq"
    assert foreign_place("بلدة حضر السورية") is None


# -- GeoNames towns (gazetteer/data/foreign_cities.csv) -------------------------------------------
def test_a_geonames_town_abroad_is_foreign():
    assert foreign_place("مدينة نابلس").country == "Palestine"
    assert foreign_place("زاخو شمال العراق").country == "Iraq"


def test_a_geonames_town_matches_only_as_a_whole_name():
    # «نابلس» is a town abroad; a longer name that starts with it is some other place
    assert foreign_place("نابلس الجديدة") is None


def test_a_town_with_a_syrian_namesake_counts_in_a_paragraph_abroad():
    # «النعمانية»: an Iraqi town and an Aleppo village; alone it is the Syrian one
    assert foreign_place("بلدة النعمانية") is None
    assert foreign_place("بلدة النعمانية", abroad="Iraq").country == "Iraq"
    assert foreign_place("بلدة النعمانية", abroad="Lebanon") is None
