"""Reverse lookup and admin geometry from the OCHA boundaries."""
from __future__ import annotations

import pytest

from errors import GazetteerError
from gazetteer.model import FEATURE_KINDS, PlaceKind


def test_reverse_tarif_gives_all_three_levels(gz):
    a1, a2, a3 = gz.reverse(35.545471, 39.856506)
    assert (a1.pcode, a2.pcode, a3.pcode) == ("SY09", "SY0901", "SY090104")
    assert a1.name_ar == "دير الزور" and a3.name_en == "Tabni" and a3.name_ar == "التبني"


def test_reverse_agrees_with_ocha_admin_codes_for_most_communities(gz):
    communities = [p for p in gz.places if p.kind is PlaceKind.COMMUNITY][::25]
    agree = sum(1 for p in communities if (gz.reverse(p.lat, p.lon)[2] or None) and
                gz.reverse(p.lat, p.lon)[2].pcode == p.admin3.pcode)
    assert agree / len(communities) > 0.9  # boundaries are simplified; a few border villages differ


def test_reverse_outside_syria_is_none(gz):
    assert gz.reverse(48.85, 2.35) == (None, None, None)
    assert gz.reverse(float("nan"), 40.0) == (None, None, None)


def test_admin_geometry_and_errors(gz):
    geom = gz.admin_geometry("SY090104")
    assert geom.geom_type in ("Polygon", "MultiPolygon") and geom.area > 0
    with pytest.raises(GazetteerError) as err:
        gz.admin_geometry("SY99")
    assert err.value.value == "SY99"


def test_places_include_admin_units_and_communities(gz):
    kinds = {p.kind for p in gz.places}
    assert {PlaceKind.CITY, PlaceKind.COMMUNITY, PlaceKind.GOVERNORATE, PlaceKind.DISTRICT,
            PlaceKind.SUBDISTRICT} <= kinds
    assert sum(p.kind is PlaceKind.GOVERNORATE for p in gz.places) == 14
    assert sum(p.kind is PlaceKind.SUBDISTRICT for p in gz.places) == 272
    regions = sum(p.kind is PlaceKind.REGION for p in gz.places)  # gazetteer/data/regions.csv
    features = sum(p.kind in FEATURE_KINDS for p in gz.places)  # data/features.csv
    assert features >= 50
    assert regions >= 2 and len(gz.places) == 7593 + 14 + 62 + 272 + regions + features
