"""Place phrases, roles and the Resolution → Place conversion (honest about what is unknown)."""
from __future__ import annotations

from datetime import date

from events.ingest import ingest_article
from events.ingest.places import PlacePhrase, find_place_phrases, resolution_to_place, resolve_place
from gazetteer.model import (AdminRef, Area, Candidate, GazPlace, PlaceKind, Precision, Resolution,
                             ResolutionStatus)

SY09 = AdminRef("SY09", "Deir-ez-Zor", "دير الزور")
TARIF = GazPlace("C5133", "Tarif", "الطريف", PlaceKind.COMMUNITY, 35.545471, 39.856506, admin1=SY09,
                 admin2=AdminRef("SY0901", "Deir-ez-Zor", "دير الزور"), admin3=AdminRef("SY090104", "x", "x"))
KASRA_A = GazPlace("C5096", "Kasra", "الكسرة", PlaceKind.COMMUNITY, 35.57, 39.91, admin1=SY09)
KASRA_B = GazPlace("C1876", "Kasra", "كسرة", PlaceKind.COMMUNITY, 36.1, 37.5)
GOV = GazPlace("SY09", "Deir-ez-Zor", "دير الزور", PlaceKind.GOVERNORATE, 35.2, 40.29)


class FakeGazetteer:
    """Answers from a dict; anything else is unresolved. Records the queries it was asked."""

    def __init__(self, answers: dict[str, Resolution]):
        self.answers = answers
        self.asked: list[tuple[str, str | None]] = []

    def resolve(self, name: str, *, context: str | None = None) -> Resolution:
        self.asked.append((name, context))
        return self.answers.get(name, Resolution(name, ResolutionStatus.UNRESOLVED, note="not known"))


def test_phrases_with_roles_stop_at_dates_and_prepositions():
    text = "أجلت حوالي 20 قياديا من منطقة البو ليل جنوب غربي مدينة دير الزور، ونقلتهم إلى شمال سوريا."
    phrases = find_place_phrases(text, blocked=[(5, 20)])
    assert [(p.role, p.text, p.headed) for p in phrases] == [
        ("origin", "منطقة البو ليل جنوب غربي مدينة دير الزور", True), ("destination", "شمال سوريا", True)]
    text = "من المنطقة التابعة لبلدة الطريف في ريف مدينة دير الزور الشمالي الغربي"
    [p] = find_place_phrases(text)
    assert p.text == text[3:]


def test_a_second_direction_of_the_same_countryside_is_no_place_of_its_own():
    text = "قصف على مناطق في بلدة الطريف وقرية الكسرة بريفي دير الزور الشرقي والشمالي الشرقي"
    texts = [p.text for p in find_place_phrases(text)]
    assert not any(t.startswith("الشمالي") for t in texts), texts
    assert any("الكسرة" in t for t in texts) and any("الطريف" in t for t in texts)
    # a coordinated place is still one: «… وقرية الكسرة»
    assert [p.text for p in find_place_phrases("قصف على بلدة الطريف وقرية الكسرة")] == ["بلدة الطريف", "قرية الكسرة"]


def test_english_phrases():
    text = "Clashes erupted near the town of Manbij in Aleppo province on Tuesday, and fighters fled to Jarablus."
    phrases = find_place_phrases(text, arabic=False)
    assert [(p.role, p.text) for p in phrases] == [("at", "the town of Manbij"), ("at", "Aleppo province"),
                                                   ("destination", "Jarablus")]


def test_resolved_area_becomes_a_near_place_with_admin_fields():
    area = Area(35.545471, 39.856506, 10.0, Precision.NEAR, "POLYGON ((39 35, 40 35, 40 36, 39 35))", "area of Tarif",
                anchor=TARIF)
    res = Resolution("x", ResolutionStatus.RESOLVED, place=TARIF, area=area)
    place, warnings = resolution_to_place(res, "المنطقة التابعة لبلدة الطريف")
    assert (place.pcode, place.precision, place.radius_km, place.admin1_pcode, place.admin3_pcode) == (
        "C5133", Precision.NEAR, 10.0, "SY09", "SY090104")
    assert place.area_wkt.startswith("POLYGON") and place.as_written == "المنطقة التابعة لبلدة الطريف"
    assert warnings == ("place is an area: area of Tarif (near, within 10 km)",)


def test_governorate_is_its_own_admin1_and_a_point_has_no_radius():
    place, warnings = resolution_to_place(Resolution("x", ResolutionStatus.RESOLVED, place=GOV), "محافظة دير الزور")
    assert place.admin1_pcode == "SY09" and place.precision is Precision.GOVERNORATE
    point, warnings = resolution_to_place(Resolution("x", ResolutionStatus.RESOLVED, place=TARIF), "الطريف")
    assert point.radius_km is None and point.precision is Precision.POINT and warnings == ()


def test_ambiguous_and_unresolved_keep_the_words_without_coordinates():
    amb = Resolution("كسرة", ResolutionStatus.AMBIGUOUS, candidates=(Candidate(KASRA_A, 90), Candidate(KASRA_B, 90)))
    place, warnings = resolution_to_place(amb, "بلدة كسرة")
    assert not place.located and place.precision is None and place.as_written == "بلدة كسرة"
    assert "C5096" in warnings[0] and "C1876" in warnings[0] and warnings[0].startswith("place ambiguous")
    place, warnings = resolution_to_place(Resolution("q", ResolutionStatus.UNRESOLVED), "حي الشيخ")
    assert not place.located and warnings[0].startswith("place unresolved")


def test_unheaded_unknown_words_are_not_places_but_headed_ones_are_kept():
    gz = FakeGazetteer({})
    assert resolve_place(PlacePhrase("origin", "أصول أوروبية", (0, 5), False), gz, context="s") is None
    kept = resolve_place(PlacePhrase("at", "قرية المجهولة", (0, 5), True), gz, context="s")
    assert kept is not None and not kept[0].located


def test_fallback_to_the_head_name_with_the_sentence_as_context():
    gz = FakeGazetteer({"بلدة كسرة": Resolution("بلدة كسرة", ResolutionStatus.RESOLVED, place=KASRA_A)})
    place, _ = resolve_place(PlacePhrase("at", "بلدة كسرة في محافظة دير الزور", (0, 5), True), gz, context="الجملة")
    assert place.pcode == "C5096" and place.as_written == "بلدة كسرة في محافظة دير الزور"
    assert gz.asked[0] == ("بلدة كسرة في محافظة دير الزور", "الجملة")


def test_ingest_with_an_injected_gazetteer_never_invents_coordinates():
    text = "عنوان\n\nقصفت قوات النظام، فجر اليوم، بلدة كسرة في ريف حلب، ما أدى إلى مقتل مدنيين اثنين."
    amb = Resolution("x", ResolutionStatus.AMBIGUOUS, candidates=(Candidate(KASRA_A, 80), Candidate(KASRA_B, 80)))
    gz = FakeGazetteer({"بلدة كسرة في ريف حلب": amb, "بلدة كسرة": amb})
    [draft] = ingest_article(text, published=date(2020, 1, 5), outlet="Test", gazetteer=gz)
    assert draft.event.place.as_written == "بلدة كسرة في ريف حلب"
    assert not draft.event.place.located
    assert any(w.startswith("place ambiguous") for w in draft.warnings)
    assert draft.event.counts[0].min == 2


def test_seed_places_through_the_real_gazetteer(gazetteer):
    text = "ونوه المصدر أنه نفذت القوات عملية أوسع حيث أجلت قياديين من منطقة البو ليل جنوب غربي مدينة دير الزور، ونقلتهم إلى شمال سوريا."
    [draft] = ingest_article("عنوان\n\n" + text, published=date(2017, 9, 7), outlet="SyriaNews", gazetteer=gazetteer)
    assert draft.event.origin.pcode == "C5126" and draft.event.origin.precision is Precision.NEAR
    assert draft.event.destination.precision is Precision.REGION and draft.event.destination.area_wkt
    assert any("conflict" in w for w in draft.warnings)  # the OCHA match lies south-east, not south-west


def test_english_relative_tail_and_holder_words(gazetteer):
    text = "Title\n\nAt least 40 people were killed in an attack on the rebel-held town of Douma, east of Damascus, on Saturday."
    [d] = ingest_article(text, published=date(2018, 4, 9), outlet="X", gazetteer=gazetteer)
    assert d.event.place.as_written == "the rebel-held town of Douma, east of Damascus"
    assert d.event.place.pcode == "C2338"  # the Douma near Damascus, not the Hama or Sweida namesakes


def test_a_headed_town_beats_the_trigger_object_that_contains_it():
    """«قصفت طائرات حربية بلدة كفرنبل في ريف إدلب الجنوبي»: the town, not the countryside sector."""
    text = "قصفت طائرات حربية بلدة كفرنبل في ريف إدلب الجنوبي يوم أمس، ما أدى إلى مقتل 5 مدنيين."
    (draft,) = ingest_article(text, published=date(2019, 5, 10), outlet="Test")
    assert draft.event.place.pcode == "C4068"                      # Kafr Nobol / كفر نبل, Idleb
    assert draft.event.place.precision is Precision.POINT
    assert draft.event.date.start == date(2019, 5, 9)
