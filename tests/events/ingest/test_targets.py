"""One trigger naming several target places: one draft per distinct settlement (sentences written for the test)."""
from __future__ import annotations

from datetime import date

from events.ingest import ingest
from events.ingest.locate import _contains
from events.ingest.phrases import find_place_phrases
from events.model import Place

PUB = date(2015, 7, 24)


def _drafts(text, gazetteer):
    got = ingest(text, published=PUB, gazetteer=gazetteer, language="ar")
    return [(d.event.event_type, d.event.date.start, d.event.place.pcode if d.event.place else None)
            for d in got.drafts]


def test_the_first_of_two_coordinated_targets_keeps_its_own_draft(gazetteer):
    # the second town is a point, the first only «مناطق في …» (near): the first must not be dropped
    got = _drafts("قتل مدنيان أمس جراء قصف على مناطق في بلدة دير حافر وقرية عيشة بريف حلب الشرقي.", gazetteer)
    assert sorted(p for _, _, p in got) == ["C1228", "C1240"]
    assert len({(t, d) for t, d, _ in got}) == 1  # same type and date


def test_three_coordinated_towns_are_three_drafts(gazetteer):
    got = _drafts("شنت الطائرات الحربية أمس غارات على بلدة دير حافر وقرية عيشة ومدينة الباب.", gazetteer)
    assert sorted(p for _, _, p in got) == ["C1202", "C1228", "C1240"]


def test_between_x_and_y_is_one_stretch_not_two_targets(gazetteer):
    got = _drafts("قصفت طائرات التحالف أمس جسرا يصل بين مدينة البوكمال وقرية الباغوز.", gazetteer)
    assert [p for _, _, p in got] == ["C5167"]


def test_between_marks_the_second_end_as_no_place_of_its_own():
    phrases = find_place_phrases("جسر يصل بين مدينة البوكمال وقرية الباغوز")
    assert [p.coord for p in phrases] == [False, False]
    phrases = find_place_phrases("غارات على مدينة البوكمال وقرية الباغوز")
    assert [p.coord for p in phrases] == [False, True]


def test_an_area_holding_the_town_is_not_a_second_target():
    town = Place("بلدة X", lat=36.0, lon=37.0, pcode="C1", admin1_pcode="SY02", admin2_pcode="SY0202")
    district = Place("منطقة Y", lat=36.1, lon=37.1, pcode="SY0202", admin1_pcode="SY02")
    other = Place("قرية Z", lat=36.2, lon=37.2, pcode="C2", admin1_pcode="SY02", admin2_pcode="SY0202")
    assert _contains(district, town) and not _contains(town, district)
    assert not _contains(other, town)


# -- a place with namesakes, settled by the place named with it ---------------------------------------
def test_a_namesake_is_settled_by_the_town_named_with_it(gazetteer):
    # «دير حافر» alone has namesakes; «عيشة» beside it is in the same countryside
    got = _drafts("شنت الطائرات الحربية أمس غارات على دير حافر وعيشة.", gazetteer)
    assert sorted(p for _, _, p in got) == ["C1228", "C1240"]


def _gaz(lat, lon, pcode):
    from gazetteer.model import GazPlace, PlaceKind
    return GazPlace(pcode, pcode, pcode, PlaceKind.COMMUNITY, lat, lon)


def _fake(*near_x):
    from gazetteer.model import Candidate as GazCandidate, Resolution, ResolutionStatus
    from .test_places import FakeGazetteer
    y = _gaz(36.0, 37.0, "CY")
    return FakeGazetteer({
        "قرية ص": Resolution("قرية ص", ResolutionStatus.RESOLVED, place=y),
        "قرية س": Resolution("قرية س", ResolutionStatus.AMBIGUOUS,
                             candidates=tuple(GazCandidate(_gaz(la, lo, pc), 0.5) for la, lo, pc in near_x))})


def _pcodes(gz):
    got = ingest("شنت الطائرات أمس غارات على قرية س وقرية ص.", published=PUB, gazetteer=gz, language="ar")
    return sorted(d.event.place.pcode for d in got.drafts if d.event.place is not None and d.event.place.located)


def test_only_a_single_near_namesake_is_taken():
    assert _pcodes(_fake((36.1, 37.1, "CX"), (33.0, 36.0, "FAR"))) == ["CX", "CY"]
    assert _pcodes(_fake((36.1, 37.1, "CX"), (36.05, 37.05, "CX2"))) == ["CY"]  # two neighbours: cannot tell
    assert _pcodes(_fake((33.0, 36.0, "FAR"), (34.0, 38.0, "FAR2"))) == ["CY"]


def test_a_cut_reading_without_the_article_is_not_the_town_with_it(gazetteer):
    # «حي باب توما» (a Damascus quarter; «باب» "gate") must not be cut to «حي باب» and read as al-Bab «الباب»
    got = _drafts("سقطت قذائف صاروخية أمس على شارع الثورة وحي باب توما في دمشق.", gazetteer)
    assert got and all(p != "C1202" for _, _, p in got)
    # a cut reading that keeps the name as written still answers («مناطق في بلدة دير حافر»)
    got = _drafts("قتل مدنيان أمس جراء قصف على مناطق في بلدة دير حافر وقرية عيشة بريف حلب الشرقي.", gazetteer)
    assert "C1240" in {p for _, _, p in got}
