"""A named feature found by the town it is named after (gazetteer/feature_towns.py, issue 10 item 4b):
the rule on places written for the test, then the shipped air bases (data/airports.csv)."""
from __future__ import annotations

from gazetteer.geometry import haversine_km
from gazetteer.feature_towns import CITY_KM, TOWN_KM, feature_by_town, towns_named
from gazetteer.model import Candidate, GazPlace, PlaceKind, ResolutionStatus

K = PlaceKind


def _place(code, name, kind, lat, lon):
    return GazPlace(pcode=code, name_en=name, name_ar="", kind=kind, lat=lat, lon=lon)


# 0.01° of latitude is 1.11 km
VILLAGE = _place("T1", "Qaryat Ula", K.COMMUNITY, 35.00, 37.00)
NAMESAKE = _place("T2", "Qaryat Ula", K.COMMUNITY, 36.00, 38.00)
CITY = _place("T3", "Madina Kubra", K.CITY, 34.00, 36.00)
BASE = _place("F1", "Zulu Air Base", K.AIRPORT, 35.03, 37.00)              # 3.3 km from VILLAGE
CITY_PORT = _place("F2", "Madina Kubra International Airport", K.AIRPORT, 34.20, 36.00)   # 22 km from CITY
CITY_BASE = _place("F3", "Yankee Air Base", K.AIRPORT, 34.05, 36.00)       # 5.6 km from CITY


def test_the_one_feature_by_the_town_answers():
    assert feature_by_town([VILLAGE], [BASE, CITY_PORT]) == (BASE, VILLAGE)


def test_the_feature_tells_namesakes_apart():
    assert feature_by_town([NAMESAKE, VILLAGE], [BASE]) == (BASE, VILLAGE)


def test_a_city_reaches_farther_than_a_village():
    far = _place("F4", "Far Air Base", K.AIRPORT, 35.00 + (TOWN_KM + 3) / 111.2, 37.00)
    assert feature_by_town([VILLAGE], [far]) is None
    assert feature_by_town([CITY], [CITY_PORT]) == (CITY_PORT, CITY)
    beyond = _place("F5", "Beyond Airport", K.AIRPORT, 34.00 + (CITY_KM + 5) / 111.2, 36.00)
    assert feature_by_town([CITY], [beyond]) is None


def test_of_two_features_the_one_named_after_the_town_wins_else_none():
    assert feature_by_town([CITY], [CITY_BASE, CITY_PORT]) == (CITY_PORT, CITY)
    second = _place("F6", "Xray Air Base", K.AIRPORT, 35.00, 37.03)
    assert feature_by_town([VILLAGE], [BASE, second]) is None


def test_towns_are_the_place_or_the_close_settlement_candidates():
    cands = [Candidate(VILLAGE, 100.0), Candidate(NAMESAKE, 95.0), Candidate(CITY, 80.0),
             Candidate(BASE, 99.0)]
    assert towns_named(None, cands) == [VILLAGE, NAMESAKE]
    assert towns_named(CITY, cands) == [CITY]
    assert towns_named(BASE, cands) == []      # a feature is no town


def test_an_air_base_named_after_its_village(gz):
    res = gz.resolve("مطار كويرس العسكري")
    assert res.status is ResolutionStatus.RESOLVED and res.place.kind is K.AIRPORT
    # the registry's "Rasin El Aboud Airport" (AP-OS66), or the same site as a dataset names it
    assert haversine_km(res.place.lat, res.place.lon, 36.1871, 37.5832) < 1 and "by Eastern Kwaires" in res.note
    assert gz.resolve("مطار الشعيرات").place.kind is K.AIRPORT


def test_an_international_airport_named_after_its_city(gz):
    res = gz.resolve("مطار دمشق الدولي")
    assert res.place.kind is K.AIRPORT     # Damascus International, not Mezze's air base, nearer the city
    assert haversine_km(res.place.lat, res.place.lon, 33.4115, 36.5156) < 1


def test_no_air_base_by_the_town_keeps_the_area_of_the_town(gz):
    res = gz.resolve("مطار منبج")
    assert res.place is not None and res.place.kind is not K.AIRPORT


def test_a_town_outside_the_named_unit_gives_no_feature(gz):
    res = gz.resolve("مطار كويرس العسكري", context="محافظة حمص")
    assert res.status is not ResolutionStatus.RESOLVED or res.place.kind is not K.AIRPORT


def test_two_entries_for_one_site_count_once():
    twin = _place("F7", "Qaryat Ula Military Airbase", K.AIRPORT, 35.031, 37.001)   # 0.15 km from BASE
    assert feature_by_town([VILLAGE], [BASE, twin]) == (twin, VILLAGE)   # the one named after the town
