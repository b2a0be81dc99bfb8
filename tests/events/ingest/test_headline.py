"""English headline shapes (issue 11 item 6), on headlines written for these tests (never real ones)."""
from __future__ import annotations

import time
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from events.ingest import ingest
from events.ingest.headline import english_phrases, headline_phrases, separate_events
from events.ingest.places import PlacePhrase, find_place_phrases
from events.model import EventType

PUB = date(2016, 5, 12)


def _queries(text: str) -> list[tuple[str, str]]:
    found = find_place_phrases(text, arabic=False)
    return [(p.text, p.query) for p in headline_phrases(text, found, [])]


def _drafts(text: str, gazetteer):
    return ingest(text, published=PUB, gazetteer=gazetteer, language="en").drafts


def test_direction_of_a_place_asks_for_that_side():
    assert ("south and southwest of Saraqib", "south of Saraqib") in _queries("Fighting goes on south and southwest of Saraqib")
    assert ("east of the capital Damascus", "east of Damascus") in _queries("Mortars target areas east of the capital Damascus")


def test_parts_of_a_place_ask_for_the_place():
    assert ("fronts of Manbij", "Manbij") in _queries("Clashes flare on several fronts of Manbij")
    assert ("part of Aleppo", "Aleppo") in _queries("Shells fall on the western part of Aleppo")
    qs = [t for t, _ in _queries("Raids hit the two towns of Saraqib and Binnish")]
    assert "towns of Saraqib" in qs and "Binnish" in qs
    assert ("countryside of both Idlib", "Idlib countryside") in _queries("Battles in the countryside of both Idlib and Hama")


def test_a_name_before_its_event_noun_or_head_word():
    assert ("Saraqib", "Saraqib") in _queries("Saraqib massacre leaves 9 dead")
    assert ("Binnish town", "Binnish town") in _queries("Binnish town counts its dead after a raid")
    assert ("Aleppo city", "Aleppo city") in _queries("Rebel rockets targeted the regime Aleppo city")


def test_an_adjective_opening_a_headline_is_not_a_place():
    assert _queries("Heavy shelling on the outskirts") == []
    assert _queries("Violent clashes continue") == []
    assert _queries("Massive bombardment overnight") == [] and _queries("Twin bombings overnight") == []


def test_title_case_headlines_give_no_capitalised_guesses():
    assert _queries("Regime Warplanes Resume Strikes South Of Aleppo After Pause") == []


def test_objects_of_verbs_and_old_city():
    assert ("Harasta", "Harasta") in _queries("A car bomb shakes Harasta")
    assert [q for t, q in _queries("Sniper fire in old Homs") if t == "old Homs"] == ["Homs"]


def test_a_place_after_an_event_word_is_its_own_event():
    text = "Raids on Binnish in the countryside of Idlib and airstrikes target Saraqib"
    spans = [(0, 5), (51, 61), (62, 68)]
    phrases = [PlacePhrase("at", "Binnish", (9, 16), False), PlacePhrase("at", "the countryside of Idlib", (20, 44), True),
               PlacePhrase("at", "Saraqib", (69, 76), False)]
    marked = separate_events(text, phrases, spans)
    assert [p.coord for p in marked] == [True, False, True]   # the container stays with Binnish
    assert [p.coord for p in separate_events("Clashes in Qabasin in the countryside of al-Bab", phrases[:2], [(0, 7)])] \
        == [False, False]


def test_headlines_become_drafts_with_the_publication_default(gazetteer):
    for line, kind in [("Clashes continue south of Aleppo", EventType.CLASH),
                       ("Saraqib massacre claims 7 lives", EventType.ATTACK),
                       ("Explosion shakes Harasta", EventType.EXPLOSION),
                       ("Barrel bombs on the cities of Darayya and Douma", EventType.AIR_STRIKE),
                       ("Sniper fire kills two in old Aleppo", EventType.ATTACK)]:
        drafts = _drafts(line, gazetteer)
        assert drafts and drafts[0].event.event_type is kind and drafts[0].event.place.located, line
        assert drafts[0].date_source == "default" and drafts[0].event.date.start < PUB, line
    two = _drafts("Barrel bombs on the cities of Darayya and Douma", gazetteer)
    assert len({d.event.place.pcode for d in two}) == 2


def test_two_events_of_one_headline_give_two_drafts(gazetteer):
    drafts = _drafts("Raids on Saraqib in the countryside of Idlib and airstrikes target Manbij", gazetteer)
    assert len({d.event.place.pcode for d in drafts}) == 2
    one = _drafts("Clashes in Saraqib in the countryside of Idlib", gazetteer)
    assert len(one) == 1


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="AaBbSsOo -,.'of and the in south city Aleppo", max_size=200))
def test_phrases_point_at_their_own_words(text):
    for p in english_phrases(text, find_place_phrases(text, arabic=False), [], (0, len(text))):
        assert text[p.span[0]:p.span[1]] == p.text and p.query.strip() == p.query


def test_long_headline_shapes_are_linear():
    for unit in ("south and southwest of Aleppo and ", "Aleppo Aleppo Aleppo massacre ", "cities of Idlib and " * 3,
                 "A" * 50 + " ", "al-Bab al-Bab al-Bab "):
        text = (unit * (100_000 // len(unit) + 1))[:100_000]
        t0 = time.process_time()
        english_phrases(text, [], [], (0, len(text)))
        assert time.process_time() - t0 < 2.0, unit


def test_each_event_of_a_headline_is_placed_with_its_own_words(gazetteer):
    # the second event's town must not make the first one's city "outside the area named in the context"
    drafts = _drafts("Mortars fall in Aleppo and more losses in al-Atarib", gazetteer)
    assert len(drafts) == 2 and all(d.event.place.located for d in drafts)
    phrases = english_phrases("Mortars fall in Aleppo and more losses in al-Atarib",
                              find_place_phrases("Mortars fall in Aleppo and more losses in al-Atarib", arabic=False),
                              [], (0, 51))
    assert [p.context for p in phrases] == ["Mortars fall in Aleppo and more losses in", "al-Atarib"]


def test_both_of_two_coordinated_places_are_kept(gazetteer):
    drafts = _drafts("Air strikes pound the countryside of Idlib and Hama", gazetteer)
    assert len({d.event.place.pcode for d in drafts}) == 2
    drafts = _drafts("Clashes south of Saraqib, casualties in Binnish", gazetteer)     # a comma starts another event
    assert len({d.event.place.pcode for d in drafts}) == 2


def test_event_noun_of_a_place_country_possessive_and_bare_directions():
    assert ("Binnish", "Binnish") in _queries("The siege of Binnish enters its third week")
    assert ("Binnish", "Binnish") in _queries("Shelling deepens the tragedy of Binnish")
    assert ("Syria's Saraqib", "Saraqib") in _queries("Jets pound targets near Syria's Saraqib")
    assert ("Saraqib", "Saraqib") in _queries("A commander of Syria's Saraqib is killed")
    assert ("Damascus", "Damascus") in _queries("A blast rocks Syrian capital Damascus")
    assert ("south Saraqib", "south of Saraqib") in _queries("After a week of clashes, south Saraqib is calm")
    assert ("eastern Aleppo", "eastern Aleppo") in _queries("Bombardment targeted 12 neighbourhoods eastern Aleppo")
    assert ("city of Binnish", "Binnish") in _queries("The city of Binnish and its countryside witness shelling")
