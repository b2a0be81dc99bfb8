"""``python -m gazetteer`` through click's CliRunner."""
from __future__ import annotations

import json

from click.testing import CliRunner

from gazetteer.cli import cli

FIELDS = {"query", "status", "name_en", "name_ar", "lat", "lon", "precision", "pcode", "admin1", "admin2",
          "admin3", "candidates", "radius_km"}


def _lines(result):
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_resolve_json_lines_one_object_per_name():
    rows = _lines(CliRunner().invoke(cli, ["resolve", "بلدة الطريف", "كسرة", "Xyzzyville", "شمال البلاد", "--json"]))
    assert [r["query"] for r in rows] == ["بلدة الطريف", "كسرة", "Xyzzyville", "شمال البلاد"]
    assert all(FIELDS <= set(r) for r in rows)
    tarif, kasra, unknown, north = rows
    assert tarif["status"] == "resolved" and tarif["pcode"] == "C5133" and tarif["precision"] == "point"
    assert tarif["admin3"]["pcode"] == "SY090104" and tarif["ucdp_where_prec"] == 1
    assert kasra["status"] == "ambiguous" and kasra["lat"] is None
    scores = [c["score"] for c in kasra["candidates"]]
    assert scores == sorted(scores, reverse=True) and {"C1876", "C5022", "C5096"} <= {c["pcode"] for c in kasra["candidates"]}
    assert unknown["status"] == "unresolved" and unknown["candidates"] == []
    assert north["precision"] == "region" and north["radius_km"] > 100 and north["acled_geo_precision"] == 3


def test_resolve_with_context():
    (row,) = _lines(CliRunner().invoke(cli, ["resolve", "كسرة", "--context", "في محافظة دير الزور", "--json"]))
    assert row["status"] == "resolved" and row["pcode"] == "C5096"


def test_resolve_sector_has_admin_from_its_point_and_optional_geometry():
    (row,) = _lines(CliRunner().invoke(cli, ["resolve", "ريف مدينة دير الزور الشمالي الغربي", "--json", "--geometry"]))
    assert row["precision"] == "near" and row["anchor"] == "C5086" and row["pcode"] is None
    assert row["admin1"]["pcode"] == "SY09" and row["geometry_wkt"].startswith("POLYGON")


def test_resolve_readable_line():
    result = CliRunner().invoke(cli, ["resolve", "Al Tareef", "كسرة"])
    assert result.exit_code == 0
    first, second = result.output.splitlines()
    assert "C5133" in first and "35.54547" in first and "point" in first
    assert second.startswith("كسرة: ambiguous") and "C1876" in second


def test_reverse_json_and_text():
    (row,) = _lines(CliRunner().invoke(cli, ["reverse", "35.545471", "39.856506", "--json"]))
    assert [row[k]["pcode"] for k in ("admin1", "admin2", "admin3")] == ["SY09", "SY0901", "SY090104"]
    text = CliRunner().invoke(cli, ["reverse", "48.85", "2.35"])
    assert text.exit_code == 0 and "outside" in text.output


def test_bad_alias_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "a.csv"
    bad.write_text("name,lang,pcode\nX,en,C0000\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["resolve", "Tarif", "--aliases", str(bad)])
    assert result.exit_code != 0 and f"{bad}:2" in result.output and "C0000" in result.output


def test_empty_name_is_an_error():
    result = CliRunner().invoke(cli, ["resolve", "  "])
    assert result.exit_code != 0 and "empty" in result.output


def test_check_reports_what_a_geonames_merge_changes():
    from pathlib import Path
    sample = Path(__file__).parent / "fixtures" / "SY_sample.txt"
    (row,) = _lines(CliRunner().invoke(cli, ["check", "--geonames", str(sample), "--json"]))
    assert row["new_places"] == 1 and row["new"] == ["GN167444"] and row["places_with_new_names"] == 9
    text = CliRunner().invoke(cli, ["check", "--geonames", str(sample)])
    assert text.exit_code == 0 and text.output.startswith("OK:")


def test_check_names_the_bad_line(tmp_path):
    bad = tmp_path / "SY.txt"
    bad.write_text("1\tX\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--geonames", str(bad)])
    assert result.exit_code != 0 and f"{bad}:1" in result.output and "19" in result.output
