"""Relative and regional phrases become honest areas, never fake points."""
from __future__ import annotations

import pytest
from shapely import wkt
from shapely.geometry import Point

from gazetteer.geometry import bearing_deg, haversine_km
from gazetteer.model import Precision, ResolutionStatus

RESOLVED, UNRESOLVED = ResolutionStatus.RESOLVED, ResolutionStatus.UNRESOLVED
DEIR = (35.331909, 40.146118)


def _shape(res):
    assert res.area is not None and res.area.geometry_wkt
    return wkt.loads(res.area.geometry_wkt)


def _assert_area_is_coherent(res):
    geom = _shape(res)
    assert geom.buffer(1e-6).contains(Point(res.lon, res.lat)), "representative point must be inside"
    far = max(haversine_km(res.lat, res.lon, y, x) for x, y in geom.exterior.coords) if geom.geom_type == "Polygon" else 0
    assert res.radius_km >= far - 0.5


@pytest.mark.parametrize("phrase", ["ريف مدينة دير الزور الشمالي الغربي",
                                    "north-western countryside of Deir ez-Zor city",
                                    "Deir ez-Zor's northwestern countryside"])
def test_nw_countryside_is_a_wedge_north_west_of_the_city(gz, phrase):
    res = gz.resolve(phrase)
    assert res.status is RESOLVED and res.precision is Precision.NEAR
    assert res.area.anchor.pcode == "C5086"
    _assert_area_is_coherent(res)
    assert 270 <= bearing_deg(*DEIR, res.lat, res.lon) <= 360
    dist = haversine_km(*DEIR, res.lat, res.lon)
    assert 5 <= dist <= 40
    assert 20 <= res.radius_km <= 60
    assert not _shape(res).contains(Point(DEIR[1], DEIR[0]))  # the city itself is not "countryside"


def test_sw_of_city_is_a_south_west_sector(gz):
    res = gz.resolve("جنوب غربي مدينة دير الزور")
    assert res.status is RESOLVED and res.precision is Precision.NEAR
    _assert_area_is_coherent(res)
    assert 180 <= bearing_deg(*DEIR, res.lat, res.lon) <= 270


def test_named_place_in_wrong_direction_is_anchored_on_the_place_with_a_conflict_note(gz):
    res = gz.resolve("منطقة البو ليل جنوب غربي مدينة دير الزور")
    assert res.status is RESOLVED
    assert res.place.pcode == "C5126" and res.precision is Precision.NEAR
    assert res.radius_km > 0
    assert "conflict" in res.note and "south-east" in res.note and "south-west" in res.note
    assert haversine_km(res.lat, res.lon, 35.203491, 40.362671) < 1


def test_area_belonging_to_tarif_in_nw_countryside_is_anchored_on_tarif(gz):
    res = gz.resolve("المنطقة التابعة لبلدة الطريف في ريف مدينة دير الزور الشمالي الغربي")
    assert res.status is RESOLVED
    assert res.place.pcode == "C5133" and res.precision is Precision.NEAR
    assert haversine_km(res.lat, res.lon, 35.545471, 39.856506) < 1
    assert "consistent" in res.note and "conflict" not in res.note
    nw = gz.resolve("ريف مدينة دير الزور الشمالي الغربي")
    assert _shape(nw).contains(Point(res.lon, res.lat))


@pytest.mark.parametrize("phrase, lat_min", [("شمال البلاد", 35.0), ("north of the country", 35.0),
                                             ("شمال سوريا", 35.0), ("northern Syria", 35.0)])
def test_north_of_the_country_is_a_region(gz, phrase, lat_min):
    res = gz.resolve(phrase)
    assert res.status is RESOLVED and res.precision is Precision.REGION
    _assert_area_is_coherent_region(gz, res)
    assert _shape(res).bounds[1] >= lat_min
    assert _shape(res).contains(Point(37.16, 36.2))       # Aleppo is in the north
    assert not _shape(res).contains(Point(36.29, 33.51))  # Damascus is not


@pytest.mark.parametrize("phrase", ["east of Syria", "شرق سوريا", "eastern Syria"])
def test_east_of_syria_is_a_region(gz, phrase):
    res = gz.resolve(phrase)
    assert res.status is RESOLVED and res.precision is Precision.REGION
    _assert_area_is_coherent_region(gz, res)
    assert _shape(res).contains(Point(DEIR[1], DEIR[0]))
    assert not _shape(res).contains(Point(36.72, 34.73))  # Homs is west


def _assert_area_is_coherent_region(gz, res):
    geom = _shape(res)
    assert geom.contains(Point(res.lon, res.lat))
    assert gz.reverse(res.lat, res.lon)[0] is not None
    assert 50 < res.radius_km < 800


def test_syria_alone_is_the_country(gz):
    res = gz.resolve("سوريا")
    assert res.precision is Precision.COUNTRY and res.area.radius_km > 300


def test_countryside_without_direction_is_a_disc_around_the_town(gz):
    res = gz.resolve("ريف الرقة")
    assert res.status is RESOLVED and res.precision is Precision.NEAR
    assert res.area.anchor.pcode == "C5710"
    assert 35 <= res.radius_km <= 45


def test_direction_of_a_governorate_cuts_the_governorate(gz):
    res = gz.resolve("شرق محافظة حلب")
    assert res.status is RESOLVED and res.precision is Precision.GOVERNORATE
    part, whole = _shape(res), gz.admin_geometry("SY02")
    assert part.area < whole.area and whole.buffer(1e-6).contains(part)
    assert part.centroid.x > whole.centroid.x


def test_relative_phrase_on_an_unknown_town_is_not_resolved(gz):
    res = gz.resolve("ريف مدينة كزبرستان الشمالي")
    assert res.status is ResolutionStatus.UNRESOLVED and res.area is None


def test_names_containing_direction_words_stay_names(gz):
    res = gz.resolve("الخيالة الشرقية")  # Eastern Khayala, a village in Raqqa
    assert res.status is RESOLVED and res.place.pcode == "C5687" and res.precision is Precision.POINT


@pytest.mark.parametrize("phrase, km, bearing", [("10 km north of Raqqa", 10, 0),
                                                 ("على بعد 20 كم جنوب شرق مدينة دير الزور", 20, 135)])
def test_distance_and_direction_give_a_small_disc_there(gz, phrase, km, bearing):
    res = gz.resolve(phrase)
    anchor = res.area.anchor
    assert res.status is RESOLVED and res.precision is Precision.NEAR
    assert haversine_km(anchor.lat, anchor.lon, res.lat, res.lon) == pytest.approx(km, rel=0.02)
    assert abs(bearing_deg(anchor.lat, anchor.lon, res.lat, res.lon) - bearing) < 2
    assert 2 < res.radius_km < km


@pytest.mark.parametrize("phrase, pcode", [("near Palmyra", "C2889"), ("قرب بلدة الطريف", "C5133"),
                                           ("بالقرب من الرقة", "C5710"), ("around al-Tarif", "C5133")])
def test_near_words_give_an_area_not_a_point(gz, phrase, pcode):
    res = gz.resolve(phrase)
    assert res.place.pcode == pcode and res.precision is Precision.NEAR and res.radius_km >= 5


def test_sector_labels_read_naturally(gz):
    res = gz.resolve("ريف حلب الغربي")
    assert res.area.label_ar == "ريف حلب الغربي" and res.area.label_en == "western countryside of Aleppo"


def test_a_named_town_in_a_consistent_sector_is_the_town_itself(gz):
    for phrase in ("بلدة الطريف في ريف مدينة دير الزور الشمالي الغربي", "Tarif, north-west of Deir ez-Zor"):
        res = gz.resolve(phrase)
        assert res.place.pcode == "C5133" and res.precision is Precision.POINT and "consistent" in res.note


def test_a_named_town_in_the_wrong_sector_becomes_an_area_with_a_conflict_note(gz):
    res = gz.resolve("بلدة الطريف في ريف مدينة دير الزور الجنوبي")
    assert res.place.pcode == "C5133" and res.precision is Precision.NEAR and res.radius_km >= 10
    assert "conflict" in res.note


@pytest.mark.parametrize("name", ["Eastern Ghouta", "الغوطة الشرقية", "the Eastern Ghouta enclave"])
def test_named_region_is_its_admin_union_not_east_of_a_village(gz, name):
    res = gz.resolve(name)
    assert res.status is RESOLVED and res.place.pcode == "RG-EASTERN-GHOUTA"
    assert res.precision is Precision.DISTRICT
    shape = _shape(res)
    assert shape.contains(Point(36.405, 33.571))            # Douma
    assert not shape.contains(Point(39.019, 35.905))         # not Ghota village in Raqqa
    assert gz.admin_geometry("RG-EASTERN-GHOUTA").equals(shape)


def test_curated_region_outranks_a_village_of_the_same_name(gz):
    res = gz.resolve("القلمون")
    assert res.place.pcode == "RG-QALAMOUN" and any(c.place.pcode == "C3841" for c in res.candidates)


@pytest.mark.parametrize("phrase", ["جبل الزاوية", "Jabal az Zawiyah", "قرى جبل الزاوية", "جبل الزاوية بريف إدلب"])
def test_a_region_and_the_villages_of_a_region_are_its_outline(gz, phrase):
    res = gz.resolve(phrase)
    assert res.status is RESOLVED and res.area.anchor.pcode == "RG-JABAL-ZAWIYA"
    assert res.precision is Precision.DISTRICT                 # the union of its sub-districts, not a 40 km disc
    assert _shape(res).contains(Point(36.5603, 35.6147))        # Kafr Nabl
    assert not _shape(res).contains(Point(36.6336, 35.9306))    # not Idlib city


def test_the_northern_part_of_a_governorate_is_its_northern_band_not_a_sector_from_its_centroid(gz):
    # Homs governorate's centroid lies in the desert; its northern part still holds ar-Rastan and Talbiseh.
    res = gz.resolve("Northern Homs Governorate")
    assert res.status is RESOLVED and res.precision is Precision.GOVERNORATE and res.area.anchor.pcode == "SY04"
    assert _shape(res).contains(Point(36.733, 34.924)) and _shape(res).contains(Point(36.729, 34.840))
    assert not _shape(res).contains(Point(38.268, 34.556))      # not Palmyra, in the south-east


@pytest.mark.parametrize("phrase, gov", [("southern Idlib", "SY07"), ("eastern Deir ez-Zor", "SY09"),
                                         ("northern Hama", "SY05")])
def test_english_direction_adjective_on_a_governorate_name_is_that_part_of_the_governorate(gz, phrase, gov):
    res = gz.resolve(phrase)
    assert res.status is RESOLVED and res.precision is Precision.GOVERNORATE and res.area.anchor.pcode == gov
    whole = gz.admin_geometry(gov)
    assert _shape(res).area < 0.8 * whole.area and gz.reverse(res.lat, res.lon)[0].pcode == gov


def test_arabic_adjective_after_a_city_is_the_city_part(gz):
    res = gz.resolve("حلب الشرقية")
    assert res.precision is Precision.NEAR and res.area.anchor.pcode == "C1007"
    assert 0 < haversine_km(36.206116, 37.152527, res.lat, res.lon) < 8
    assert 45 <= bearing_deg(36.206116, 37.152527, res.lat, res.lon) <= 135


def test_direction_adjective_on_a_mere_village_is_not_guessed(gz):
    res = gz.resolve("Eastern Rukban")  # no such place; Rukban is one camp/village
    assert res.status is ResolutionStatus.AMBIGUOUS and res.area is None and "lacks" in res.note


def test_a_town_in_southern_idlib_is_checked_against_the_governorate_part(gz):
    res = gz.resolve("the village of Kansafra in southern Idlib")
    assert res.place.pcode == "C4309" and res.precision is Precision.POINT and "consistent" in res.note


def test_a_region_inside_one_district_knows_its_district(gz):
    ghab = gz.place("RG-GHAB")
    assert ghab.admin1.pcode == "SY05" and ghab.admin2.pcode == "SY0502"     # as-Suqaylabiyah
    assert gz.place("RG-QALAMOUN").admin2 is None                            # three districts


def test_a_region_named_in_the_sentence_decides_between_namesakes(gz):
    assert gz.resolve("زيزون").status is not RESOLVED                       # Hama's and Daraa's
    assert gz.resolve("زيزون", context="قصف على زيزون في سهل الغاب").place.pcode == "C3161"   # in the Ghab
    assert gz.resolve("زيزون", context="قصف على زيزون في ريف درعا").place.admin1.pcode == "SY12"


@pytest.mark.parametrize("phrase", ["الشمالي الشرقي", "الشرقي", "north-west", "في الشمال الغربي"])
def test_a_direction_alone_names_no_place(gz, phrase):
    res = gz.resolve(phrase)
    assert res.status is UNRESOLVED and "direction alone" in res.note


def test_countryside_of_a_name_with_namesakes_is_the_unit_named_so():
    # Two villages called «عفرين» (one in Afrin district, one in al-Hasakeh) make the bare name
    # ambiguous; «ريف عفرين» / «قرى عفرين» is an area, and the area carrying that name is the district.
    from gazetteer.admin import AdminBoundaries
    from gazetteer.model import AdminRef, GazPlace, PlaceKind
    from gazetteer.service import DATA_DIR, Gazetteer
    admin = AdminBoundaries.from_dir(DATA_DIR / "admin")
    aleppo, hasakeh = AdminRef("SY02", "Aleppo", "حلب"), AdminRef("SY08", "Al-Hasakeh", "الحسكة")
    villages = [GazPlace(pcode="X1", name_en="Afrin", name_ar="عفرين", kind=PlaceKind.COMMUNITY,
                         lat=36.51, lon=36.87, admin1=aleppo),
                GazPlace(pcode="X2", name_en="Afrin", name_ar="عفرين", kind=PlaceKind.COMMUNITY,
                         lat=36.60, lon=40.90, admin1=hasakeh)]
    gz = Gazetteer(villages + admin.as_places(), admin)
    assert gz.resolve("قرية عفرين").status is ResolutionStatus.AMBIGUOUS
    for phrase in ("قرى عفرين", "ريف عفرين"):
        res = gz.resolve(phrase)
        assert res.status is ResolutionStatus.RESOLVED, (phrase, res.note)
        assert res.area is not None and res.area.anchor.pcode == "SY0203", phrase


def test_a_feature_named_after_a_big_city_is_its_hinterland_not_a_near_disc(gz):
    # Aleppo's thermal power plant lies ~26 km east of the city's point (OCHA C1007); with no entry of
    # its own it is the city's hinterland. (An air base with an entry, data/airports.csv, is its own point:
    # «مطار دمشق الدولي», tests/gazetteer/test_feature_towns.py.)
    for phrase in ("محطة حلب الحرارية", "Aleppo Thermal Power Plant"):
        res = gz.resolve(phrase)
        assert res.status is ResolutionStatus.RESOLVED and res.place.pcode == "C1007", phrase
        assert res.precision is Precision.DISTRICT and res.radius_km >= 25, phrase
        assert wkt.loads(res.area.geometry_wkt).contains(Point(37.45, 36.18)), phrase   # the plant
    # "near" a city and "the area of" a city stay NEAR: the surroundings, not anywhere in the hinterland
    for phrase in ("بالقرب من دمشق", "منطقة دمشق", "near Damascus"):
        res = gz.resolve(phrase)
        assert res.precision is Precision.NEAR and res.radius_km <= 15, phrase
