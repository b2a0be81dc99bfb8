"""The Syrian side facing a foreign border town (gazetteer/facing.py), on phrases written for the test.

A phrase that places an event by the town across the border is neither abroad nor "Syria": it is a NEAR
area on the Syrian side nearest that town, or the named Syrian place by it when the phrase gives one.
"""
from __future__ import annotations

import pytest

from gazetteer.facing import FACING_RADIUS_KM, facing_town
from gazetteer.geometry import haversine_km
from gazetteer.model import Precision, ResolutionStatus

RESOLVED = ResolutionStatus.RESOLVED


@pytest.mark.parametrize("phrase, town", [
    ("المنطقة الحدودية المقابلة لمدينة كيليس", "Kilis"),
    ("قرى في سوريا قبالة بلدة أقجة قلعة التركية", "Akçakale"),
    ("الشريط الحدودي مقابل الرمثا", "Ar Ramthā"),
    ("positions opposite the Turkish town of Ceylanpinar", "Ceylanpınar"),
    ("the villages across the border from Nusaybin", "Nusaybin"),
    ("facing Kilis", "Kilis"),
])
def test_the_facing_words_name_the_foreign_town(phrase, town):
    found = facing_town(phrase)
    assert found is not None and found.name_en == town


@pytest.mark.parametrize("phrase", [
    "مدينة كيليس التركية",                     # the town itself: abroad, not the Syrian side
    "المنطقة الحدودية مع تركيا",
    "opposite the hospital",
    "قبالة الساحل",
    "the town of Kilis",
])
def test_no_facing_town_without_the_facing_words_and_a_known_town(phrase):
    assert facing_town(phrase) is None


def test_a_generic_head_gives_a_near_area_inside_syria_by_the_town(gz):
    from shapely.geometry import Point
    r = gz.resolve("المنطقة الحدودية في سوريا المقابلة لمدينة كيليس")
    assert r.status is RESOLVED and r.place is None and r.area is not None
    assert r.area.precision is Precision.NEAR and r.area.radius_km == FACING_RADIUS_KM
    kilis = facing_town("مقابل كيليس")
    assert haversine_km(r.area.lat, r.area.lon, kilis.lat, kilis.lon) < 15
    assert gz.resolver.admin.outline().contains(Point(r.area.lon, r.area.lat))   # the Syrian side
    assert r.area.anchor is not None and r.area.anchor.admin1.pcode == "SY02"     # by an Aleppo village
    assert "Kilis" in r.note


def test_english_facing_phrase_reads_the_same(gz):
    ar = gz.resolve("المنطقة المقابلة لبلدة أقجة قلعة")
    en = gz.resolve("shelling opposite the Turkish town of Akcakale")
    assert ar.status is en.status is RESOLVED
    assert (round(ar.area.lat, 4), round(ar.area.lon, 4)) == (round(en.area.lat, 4), round(en.area.lon, 4))
    assert ar.area.anchor.admin1.pcode == "SY11"                                    # ar-Raqqa's border strip


def test_a_named_village_before_the_facing_words_is_the_namesake_by_the_town(gz):
    # two villages of Aleppo begin «حوار»; the one by the border facing Kilis is meant
    r = gz.resolve("بلدة حوار في سورية المقابلة لكيليس")
    assert r.status is RESOLVED and r.place is not None
    kilis = facing_town("مقابل كيليس")
    assert haversine_km(r.place.lat, r.place.lon, kilis.lat, kilis.lon) < 25
    assert r.place.name_ar.startswith("حوار")
