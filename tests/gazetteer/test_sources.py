"""Importers (GeoNames, OCHA/HDX, user aliases): validation with line numbers, merge without duplicates."""
from __future__ import annotations

from pathlib import Path

import pytest

from errors import ParseError, ValidationError
from gazetteer.model import PlaceKind, ResolutionStatus
from gazetteer.service import Gazetteer
from gazetteer.sources.aliases import load_aliases
from gazetteer.sources.geonames import load_geonames
from gazetteer.sources.ocha import load_places_csv

FIXTURES = Path(__file__).parent / "fixtures"
SY_SAMPLE = FIXTURES / "SY_sample.txt"


@pytest.fixture(scope="module")
def gz_geonames():
    return Gazetteer.from_data(geonames=[SY_SAMPLE])


def test_geonames_fixture_parses(tmp_path):
    result = load_geonames(SY_SAMPLE)
    assert len(result.places) == 10 and result.skipped == 0
    deir = next(p for p in result.places if p.pcode == "GN170794")
    assert deir.kind is PlaceKind.CITY and deir.name_ar == "دير الزور"
    assert "Dayr az Zawr" in deir.names
    palmyra = next(p for p in result.places if p.pcode == "GN163808")
    assert all("Пальмира" != n for n in palmyra.names)  # Cyrillic alternates dropped


def test_geonames_same_place_becomes_one_place_with_both_names(gz, gz_geonames):
    merged = [p for p in gz_geonames.places if "geonames" in p.sources]
    assert len(gz_geonames.places) == len(gz.places) + 1  # only Majdal Shams is new
    deir = gz_geonames.place("C5086")
    assert deir.sources[:2] == ("ocha", "geonames") and "Dayr al-Zawr" in deir.names
    assert (deir.lat, deir.lon) == (35.331909, 40.146118)  # OCHA point kept
    assert {p.pcode for p in merged} >= {"C5086", "C5710", "C2889", "C1767", "C4988", "C1007"}


def test_geonames_new_place_gets_admin_units_and_resolves(gz_geonames):
    new = gz_geonames.place("GN167444")
    assert new is not None and new.admin1 is not None and new.admin1.pcode == "SY14"  # Quneitra
    res = gz_geonames.resolve("مجدل شمس")
    assert res.status is ResolutionStatus.RESOLVED and res.place.pcode == "GN167444"
    assert gz_geonames.resolve("Dimashq").place.pcode == "C1001"


def _sy_line(gid="1", name="Tarif", lat="35.545471", lon="39.856506", cls="P", cc="SY", pop="0"):
    cols = [gid, name, name, "", lat, lon, cls, "PPL", cc, "", "", "", "", "", pop, "", "", "", ""]
    return "\t".join(cols)


@pytest.mark.parametrize("line, field, message", [
    (_sy_line(lat="95.0"), "lat", "outside Syria"),
    (_sy_line(lon="abc"), "lon", "not a number"),
    (_sy_line(cc="TR"), "country code", "not SY"),
    (_sy_line(gid="x1"), "geonameid", "number"),
    (_sy_line(pop="many"), "population", "whole number"),
])
def test_geonames_bad_values_name_field_and_line(tmp_path, line, field, message):
    path = tmp_path / "SY.txt"
    path.write_text(_sy_line(gid="2") + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_geonames(path)
    assert err.value.where == f"{path}:2" and err.value.field == field and message in str(err.value)


def test_geonames_wrong_column_count_is_a_parse_error(tmp_path):
    path = tmp_path / "SY.txt"
    path.write_text(_sy_line() + "\nonly\tthree\tcolumns\n", encoding="utf-8")
    with pytest.raises(ParseError) as err:
        load_geonames(path)
    assert err.value.where.endswith(":2") and "19" in str(err.value)


def test_geonames_duplicate_id_and_non_populated_rows(tmp_path):
    path = tmp_path / "SY.txt"
    path.write_text(_sy_line(gid="7") + "\n" + _sy_line(gid="8", cls="T") + "\n", encoding="utf-8")
    assert load_geonames(path).skipped == 1
    path.write_text(_sy_line(gid="7") + "\n" + _sy_line(gid="7") + "\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="duplicate geonameid"):
        load_geonames(path)


def test_hdx_layout_matches_project_layout(gz, tmp_path):
    hdx = tmp_path / "hdx.csv"
    hdx.write_text(
        "governorate_en,governorate_ar,governorate_pcode,district_en,district_ar,district_pcode,"
        "subdistrict_en,subdistrict_ar,subdistrict_pcode,community_en,community_ar,community_pcode,"
        "location_type,longitude,latitude\n"
        "Deir-ez-Zor,دير الزور,SY09,Deir-ez-Zor,مركز دير الزور,SY0901,Tabni,التبني,SY090104,"
        "Tarif,الطريف,C5133,Community,39.856506,35.545471\n"
        "Deir-ez-Zor,دير الزور,SY09,Deir-ez-Zor,مركز دير الزور,SY0901,Deir-ez-Zor,مركز دير الزور,SY090100,"
        "Deir-ez-Zor,دير الزور,C5086,Neighborhood,40.14,35.33\n"
        "Deir-ez-Zor,دير الزور,SY09,Deir-ez-Zor,مركز دير الزور,SY0901,Deir-ez-Zor,مركز دير الزور,SY090100,"
        "Deir-ez-Zor,دير الزور,C5086,Neighborhood,40.15,35.34\n", encoding="utf-8")
    places = {p.pcode: p for p in load_places_csv(hdx)}
    assert places["C5133"].admin3.pcode == "SY090104" and places["C5133"].kind is PlaceKind.COMMUNITY
    assert places["C5086"].kind is PlaceKind.CITY and places["C5086"].size_hint == 2
    merged = Gazetteer.from_data(ocha=[hdx])
    assert len(merged.places) == len(gz.places)  # same C-codes: no duplicates


def test_hdx_bad_row_reports_its_line(tmp_path):
    hdx = tmp_path / "hdx.csv"
    hdx.write_text("community_pcode,community_en,community_ar,longitude,latitude,location_type,governorate_pcode\n"
                   "C1,A,ا,39.8,35.5,Community,SY09\nC2,B,ب,39.8,135.5,Community,SY09\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_places_csv(hdx)
    assert err.value.where == f"{hdx}:3" and err.value.field == "latitude"


def test_hdx_missing_columns(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("community_pcode,community_en\nC1,A\n", encoding="utf-8")
    with pytest.raises(ParseError, match="missing column"):
        load_places_csv(bad)


def test_aliases_add_and_override_names(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("name,lang,pcode,lat,lon,override\n"
                    "البو ليل,ar,C5126,,,\n"
                    "Al-Buleel,en,C5126,,,yes\n"
                    "حاجز الطريف,ar,,35.55,39.86,\n", encoding="utf-8")
    gz = Gazetteer.from_data(aliases=[path])
    buleel = gz.place("C5126")
    assert buleel.name_en == "Al-Buleel" and "Qetet Elbuleil" in buleel.names and "البو ليل" in buleel.names
    res = gz.resolve("البوليل")
    assert res.status is ResolutionStatus.RESOLVED and res.place.pcode == "C5126" and not res.note.startswith("partial")
    new = gz.resolve("حاجز الطريف")
    assert new.place.pcode.startswith("ALIAS") and new.place.admin3.pcode == "SY090104"


def test_alias_point_with_same_name_nearby_joins_the_existing_place(gz, tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("name,lang,lat,lon\nالطريف,ar,35.55,39.86\n", encoding="utf-8")
    merged = Gazetteer.from_data(aliases=[path])
    assert len(merged.places) == len(gz.places)
    assert "alias" in merged.place("C5133").sources


@pytest.mark.parametrize("row, field, message", [
    (",ar,C5133,,,", "name", "empty"),
    ("Tarif,ar,C5133,,,", "name", "not in Arabic"),
    ("Tarif,en,,35.5,,", "lon", "both"),
    ("Tarif,en,,,,", "pcode", "pcode or lat/lon"),
    ("Tarif,en,,12.0,39.0,", "lat", "outside Syria"),
    ("Tarif,e n,C5133,,,", "lang", "language tag"),
    ("Tarif,en,C5133,,,maybe", "override", "yes or no"),
])
def test_alias_validation_names_field_and_line(tmp_path, row, field, message):
    path = tmp_path / "aliases.csv"
    path.write_text("name,lang,pcode,lat,lon,override\nTarif,en,C5133,,,\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_aliases(path)
    assert err.value.where == f"{path}:3" and err.value.field == field and message in str(err.value)


def test_alias_with_unknown_pcode_fails_with_its_line(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("name,lang,pcode\nTarif,en,C5133\nNowhere,en,C0000\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        Gazetteer.from_data(aliases=[path])
    assert err.value.where == f"{path}:3" and err.value.value == "C0000"


def test_builtin_exonyms(gz):
    assert gz.resolve("Palmyra").place.pcode == "C2889"
    assert gz.resolve("Kobani").place.pcode == "C1946"


def test_alias_points_from_two_files_get_distinct_codes(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.write_text("name,lang,lat,lon\nحاجز الأول,ar,35.0,40.0\n", encoding="utf-8")
    b.write_text("name,lang,lat,lon\nحاجز الثاني,ar,34.0,38.0\n", encoding="utf-8")
    gz = Gazetteer.from_data(aliases=[a, b])
    codes = [p.pcode for p in gz.places if p.pcode.startswith("ALIAS")]
    assert len(codes) == 2 and len(set(codes)) == 2
    assert gz.resolve("حاجز الثاني").place.lat == 34.0
