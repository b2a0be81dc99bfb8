import io
import json

import pytest
from click.testing import CliRunner
from PIL import Image

from mapview.cli import cli


def _run(args):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


@pytest.fixture
def store_args(seeded_store_path):
    return ["--store", str(seeded_store_path)]


def test_png_static(tmp_path, store_args):
    out = tmp_path / "m.png"
    r = _run(["snapshot", "-o", str(out), "--renderer", "static", "--width", "500", "--height", "400",
              "--from", "2017-08-01", "--to", "2017-09-30", *store_args])
    assert r.exit_code == 0, r.output
    assert Image.open(out).size == (500, 400)
    assert "png" in r.output


def test_html_has_only_filtered_events(tmp_path, store_args):
    out = tmp_path / "m.html"
    r = _run(["snapshot", "-o", str(out), "--status", "denied", *store_args])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "seed-2017-09-07-coalition-denial" in html
    assert "seed-2017-05-kasra-evacuation" not in html
    assert "(html, 1 events)" in r.output


@pytest.mark.parametrize("fmt", ["geojson", "csv", "kml"])
def test_data_formats_go_through_events_io(tmp_path, store_args, fmt):
    out = tmp_path / f"m.{fmt}"
    r = _run(["snapshot", "-o", str(out), "--type", "evacuation", "--governorate", "SY09", *store_args])
    assert r.exit_code == 0, r.output
    data = out.read_bytes()
    assert data
    if fmt == "geojson":
        feats = json.loads(data)["features"]
        assert feats and all(f["properties"]["event_type"] == "evacuation" for f in feats)


def test_gif(tmp_path, store_args):
    out = tmp_path / "m.gif"
    r = _run(["snapshot", "-o", str(out), "--frames", "3", "--width", "300", "--height", "250", *store_args])
    assert r.exit_code == 0, r.output
    assert Image.open(out).n_frames == 3


@pytest.mark.parametrize("args, needle", [
    (["--status", "bogus"], "--status"),
    (["--from", "2017-13-01"], "--from"),
    (["--from", "2017-09-01", "--to", "2017-01-01"], "before"),
    (["--format", "pdf"], "--format"),
    (["--width", "5"], "--width"),
    (["--renderer", "static", "--format", "html"], "--renderer"),
])
def test_bad_arguments_are_one_line_exit_2(tmp_path, store_args, args, needle):
    r = CliRunner().invoke(cli, ["snapshot", "-o", str(tmp_path / "x.png"), *args, *store_args])
    assert r.exit_code == 2
    lines = [line for line in r.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and needle in lines[0], r.output
    assert not (tmp_path / "x.png").exists()


def test_unknown_extension_and_missing_folder(tmp_path, store_args):
    r = CliRunner().invoke(cli, ["snapshot", "-o", str(tmp_path / "x.doc"), *store_args])
    assert r.exit_code == 2 and "format" in r.output
    r = CliRunner().invoke(cli, ["snapshot", "-o", str(tmp_path / "no" / "x.png"), *store_args])
    assert r.exit_code == 2 and "does not exist" in r.output


def test_bad_store_is_one_line(tmp_path):
    r = CliRunner().invoke(cli, ["snapshot", "-o", str(tmp_path / "x.png"), "--store", "ftp://nowhere"])
    assert r.exit_code == 2 and r.output.startswith("error:") and "store" in r.output.lower()
