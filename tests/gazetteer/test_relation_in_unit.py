"""A relative phrase inside a unit, and anchors the relative reader alone cannot find (issue 10, item 2), on
phrases written for the test.

- structured_ar.py: «محيط مدينة تدمر بريف حمص الشرقي» is [relation + anchor] [unit]: the relation keeps its
  anchor and the unit constrains the anchor, as it does for a town («مدينة منبج بريف حلب»).
- relative.py: «الريف الشرقي لجسر الشغور»: the exact name after a glued «ل» beats a fuzzy reading of the whole
  (the qualifier reader took «لجسر» for a bridge of «الشغور»).
- service.py: «شرق مطار كويرس»: a feature's anchor is found by its town, as «مطار كويرس» alone is.
- structured.py / context.py: «في محافظة دمشق» also holds places of Rural Damascus, which islands the city.
"""
from __future__ import annotations

import pytest

from gazetteer.model import Precision, ResolutionStatus
from gazetteer.structured_ar import split_arabic

RESOLVED = ResolutionStatus.RESOLVED


def test_a_relation_phrase_keeps_its_anchor_and_takes_the_unit_as_container():
    p = split_arabic("محيط مدينة تدمر بريف حمص الشرقي")
    assert (p.name, p.container) == ("محيط مدينة تدمر", "ريف حمص الشرقي")
    assert split_arabic("ريف حلب الشمالي") is None           # a countryside alone stays relative.py's
    assert split_arabic("شمال مدينة حلب") is None
    assert split_arabic("قرب مدينة تدمر") is None            # no unit after the anchor


@pytest.mark.parametrize("phrase, anchor", [
    ("محيط مدينة تدمر بريف حمص الشرقي", "C2889"),
    ("أطراف مدينة تدمر بريف حمص الشرقي", "C2889"),
    ("شرق مدينة تدمر بريف حمص", "C2889"),
    ("محيط بلدة تادف بريف حلب", "C1219"),
])
def test_a_relation_in_a_unit_is_placed_on_its_anchor(gz, phrase, anchor):
    res = gz.resolve(phrase)
    assert res.status is RESOLVED and res.precision is Precision.NEAR and res.area.anchor.pcode == anchor, phrase
    assert "consistent" in res.note, phrase


def test_a_relation_whose_anchor_lies_outside_the_unit_falls_back_to_the_unit(gz):
    res = gz.resolve("شرق مدينة تدمر بريف دمشق")               # Tadmor is in Homs: the text's unit wins
    assert res.status is RESOLVED and res.precision is Precision.GOVERNORATE and res.area.anchor.pcode == "SY03"


def test_a_glued_preposition_before_a_whole_name(gz):
    assert gz.resolve("لجسر الشغور").place.pcode == "C4199"
    res = gz.resolve("الريف الجنوبي الشرقي لجسر الشغور")
    assert res.status is RESOLVED and res.area.anchor.pcode == "C4199"      # not Upper Shughur (C4197)
    assert gz.resolve("الريف الشمالي لحلب").area.anchor.pcode == "C1007"


def test_a_bearing_from_a_feature_found_by_its_town(gz):
    alone = gz.resolve("مطار كويرس العسكري")
    res = gz.resolve("شرق مطار كويرس")
    assert alone.status is RESOLVED and res.status is RESOLVED
    assert res.area.anchor.pcode == alone.area.anchor.pcode and "east" in res.area.label_en


def test_damascus_governorate_named_for_a_place_of_rural_damascus(gz):
    res = gz.resolve("بلدة الرحيبة في محافظة دمشق")
    assert res.status is RESOLVED and res.place is not None and res.place.admin1.pcode == "SY03"
    assert "consistent" in res.note
    far = gz.resolve("شرق مدينة تدمر في محافظة دمشق")            # Homs's Tadmor is still no place of Damascus
    assert far.area is not None and far.area.anchor.pcode != "C2889" and "not identified" in far.note
