"""data/ is reproducible from ../shared/data by scripts/build_data.py (nothing edited by hand)."""
from __future__ import annotations

import csv

from scripts.build_data import main
from tests.conftest import REPO


def test_rebuild_matches_committed_data(shared_dir, tmp_path):
    assert main(["--shared", str(shared_dir / "data"), "--out", str(tmp_path)]) == 0
    for rel in ("places.csv", "admin/adm1.geojson", "admin/adm2.geojson", "admin/adm3.geojson"):
        assert (tmp_path / rel).read_bytes() == (REPO / "data" / rel).read_bytes(), rel


def test_places_have_unique_codes_and_known_seed_places():
    with (REPO / "data" / "places.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    codes = [r["pcode"] for r in rows]
    assert len(codes) == len(set(codes)) == 7593
    by_code = {r["pcode"]: r for r in rows}
    assert by_code["C5133"]["name_ar"] == "الطريف" and by_code["C5133"]["admin3_pcode"] == "SY090104"
    assert by_code["C5086"]["kind"] == "city" and int(by_code["C5086"]["neighbourhoods"]) > 0


def test_missing_reference_folder_is_a_clear_error(tmp_path, capsys):
    assert main(["--shared", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "reference file not found" in capsys.readouterr().err
