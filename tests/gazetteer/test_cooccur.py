"""gazetteer.cooccur: the other places of a sentence rank a name's namesakes (issue 10, item 5).

Sentences written for the test. Facts (data/places.csv): «العريمة» is A'rima C1329 (Aleppo, 25 km
from al-Bab C1202) and Orayma C5331 (Tartous); Tal Awar has several namesakes.
"""
from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer.cooccur import context_places, near_hint
from gazetteer.model import ResolutionStatus


def test_the_sentences_other_places_decide_between_namesakes(gz):
    assert gz.resolve("العريمة").status is ResolutionStatus.AMBIGUOUS
    near_bab = gz.resolve("العريمة", context="سقطت قذائف على قرية العريمة بعد معارك في مدينة الباب")
    assert near_bab.status is ResolutionStatus.RESOLVED and near_bab.place.pcode == "C1329"
    near_tartus = gz.resolve("العريمة", context="سقطت قذائف على قرية العريمة بعد معارك في مدينة طرطوس")
    assert near_tartus.status is ResolutionStatus.RESOLVED and near_tartus.place.pcode == "C5331"


def test_places_far_apart_give_no_hint(gz):
    sentence = "سقطت قذائف على قرية العريمة ومدينة الباب ومدينة طرطوس"
    assert {p.pcode for p in context_places(gz, sentence, "العريمة")} >= {"C1202"}
    assert near_hint(gz, sentence, "العريمة") is None
    assert gz.resolve("العريمة", context=sentence).status is ResolutionStatus.AMBIGUOUS


def test_only_names_after_a_settlement_noun_that_one_place_has(gz):
    assert context_places(gz, "قال الباب إن المعارك مستمرة", "") == []         # no settlement noun before it
    assert context_places(gz, "في قريتي تل أعور", "") == []                    # several Tal Awars, and not «تل»
    listed = context_places(gz, "قصفت الطائرات بلدات صدد وفيروزة وزيدل", "صدد")
    assert {p.name_ar for p in listed} == {"فيروزة", "زيدل"}                    # the list, without the name asked
    assert context_places(gz, "Clashes in the town of Bab", "") == []           # Arabic only


def test_a_place_named_as_a_direction_or_proximity_reference_counts(gz):
    # «غرب الباب» places something west of al-Bab: al-Bab is a real place of the sentence.
    assert {p.pcode for p in context_places(gz, "غارات على قرية العريمة غرب الباب", "العريمة")} == {"C1202"}
    assert {p.pcode for p in context_places(gz, "معارك قرب الباب", "")} == {"C1202"}
    near = gz.resolve("العريمة", context="سقطت قذائف على العريمة وعلى مناطق شرق الباب")
    assert near.status is ResolutionStatus.RESOLVED and near.place.pcode == "C1329"
    # one name after a direction word, not a list that happens to follow it
    assert {p.pcode for p in context_places(gz, "شمال الباب وطرطوس", "")} == {"C1202"}


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["مدينة", "وبلدة", "قرية", "الباب", "وصدد", "حمص", "و", "في", "تل", "x", "،"]),
                max_size=400).map(" ".join))
def test_bounded_on_long_sentences(gz, sentence):
    started = time.perf_counter()
    near_hint(gz, sentence, "الباب")
    assert time.perf_counter() - started < 1.0
