"""The decision rule (resolve.py): when a ranked list becomes an answer, and why it does not (``Doubt``).

Places and spellings are written for these tests; none comes from a report.
"""
from __future__ import annotations

import pytest

from gazetteer.admin import AdminBoundaries
from gazetteer.model import AdminRef, Doubt, GazPlace, PlaceKind, Precision, ResolutionStatus
from gazetteer.serialize import resolution_to_dict
from gazetteer.service import DATA_DIR, Gazetteer

DZ = AdminRef("SY09", "Deir-ez-Zor", "دير الزور")
HAMA = AdminRef("SY05", "Hama", "حماة")


def _place(code, ar, lat, lon, admin1=DZ, en=""):
    return GazPlace(pcode=code, name_en=en or f"Place {code}", name_ar=ar, kind=PlaceKind.COMMUNITY,
                    lat=lat, lon=lon, admin1=admin1)


@pytest.fixture(scope="module")
def tiny():
    admin = AdminBoundaries.from_dir(DATA_DIR / "admin")
    return Gazetteer([
        _place("D1", "مرقدة فوقان", 35.10, 40.10),
        _place("D2", "جرن", 35.30, 40.30),
        _place("D3", "جرن", 35.20, 36.80, admin1=HAMA),
        _place("D4", "الزهيبيات", 35.05, 36.70, admin1=HAMA, en="Zuhaybiyat"),
    ], admin)


def test_a_loose_spelling_with_no_rival_answers_inside_a_named_unit_but_not_bare(tiny):
    # One letter off a ten-letter name scores 85: enough inside the governorate the context names
    # (a unit of ~1,000 places), not over all of Syria, where such a likeness is mostly chance.
    bare = tiny.resolve("مزقدة فوقان")
    assert bare.status is ResolutionStatus.AMBIGUOUS and bare.doubt is Doubt.WEAK_MATCH
    assert bare.candidates[0].place.pcode == "D1" and bare.lat is None
    inside = tiny.resolve("مزقدة فوقان", context="محافظة دير الزور")
    assert inside.status is ResolutionStatus.RESOLVED and inside.place.pcode == "D1"
    assert inside.precision is Precision.NEAR and inside.doubt is None


def test_a_close_spelling_with_no_rival_still_answers_bare(tiny):
    res = tiny.resolve("مرقدة فوكان")      # one letter off, scoring ~90
    assert res.status is ResolutionStatus.RESOLVED and res.place.pcode == "D1"


def test_doubt_says_why_an_answer_is_not_resolved(tiny):
    namesakes = tiny.resolve("جرن")
    assert namesakes.status is ResolutionStatus.AMBIGUOUS and namesakes.doubt is Doubt.NAMESAKES
    outside = tiny.resolve("Zuhaybiyat", context="Deir-ez-Zor governorate")
    assert outside.status is ResolutionStatus.AMBIGUOUS and outside.doubt is Doubt.OUTSIDE_UNIT
    assert tiny.resolve("جرن", context="ريف حماة").doubt is None


def test_doubt_is_in_the_json_answer(tiny):
    assert resolution_to_dict(tiny.resolve("جرن"))["doubt"] == "namesakes"
    assert resolution_to_dict(tiny.resolve("جرن", context="ريف حماة"))["doubt"] is None
