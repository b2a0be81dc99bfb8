"""Issue 13 item 8: limits that refuse early, with a one-line message saying how to raise them.

Rows: estimated from the file's size and first megabyte before any reader runs, and counted
exactly while reading (every format). Bytes: from the size alone. Per event: an area's text and
vertices (tests/mapview/test_hostile_geometry.py). A 1M-row CSV took 82 s and 829 MB just to read.
"""
from __future__ import annotations

import json
import re
import time

import pytest
from click.testing import CliRunner

import events.io as eio
from errors import FileTooLargeError
from events.io import loads_events, read_events
from tests.events.io.bad_inputs import (ACLED_BASE, ACLED_HEADER, RECORD, UCDP_BASE, UCDP_HEADER, csv_bytes, fc,
                                        feature, json_list, kml_doc)


def make(fmt: str, n: int) -> tuple[str, bytes]:
    """A valid file of ``n`` rows in ``fmt`` (name, bytes)."""
    if fmt == "csv":
        return "e.csv", csv_bytes(*[{} for _ in range(n)])
    if fmt == "json":
        return "e.json", json_list(*[{**RECORD, "id": f"j-{i}"} for i in range(n)])
    if fmt == "jsonl":
        return "e.jsonl", "\n".join(json.dumps({**RECORD, "id": f"j-{i}"}) for i in range(n)).encode()
    if fmt == "geojson":
        return "e.geojson", fc(*[feature((40.03, 35.44), id=f"g-{i}") for i in range(n)])
    if fmt == "kml":
        return "e.kml", kml_doc("".join(f"<Placemark><name>p{i}</name><Point><coordinates>40.03,35.44</coordinates>"
                                        f"</Point></Placemark>" for i in range(n)))
    if fmt == "acled":
        return "a.csv", csv_bytes(*[{**ACLED_BASE, "event_id_cnty": f"SYR{i}"} for i in range(n)], header=ACLED_HEADER)
    if fmt == "ucdp":
        return "u.csv", csv_bytes(*[{**UCDP_BASE, "id": str(i)} for i in range(n)], header=UCDP_HEADER)
    raise AssertionError(fmt)


def _estimated(message: str) -> int:
    return int(re.search(r"about ([0-9,]+) rows", message).group(1).replace(",", ""))


FORMATS = ["csv", "json", "jsonl", "geojson", "kml", "acled", "ucdp"]


def _one_line_with_the_way_to_raise(err: FileTooLargeError) -> str:
    text = str(err)
    assert "\n" not in text and "--max-rows" in text and "EVENTS_MAX_ROWS" in text, text
    return text


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_reader_stops_at_the_row_limit(fmt, tmp_path):
    name, data = make(fmt, 60)
    path = tmp_path / name
    path.write_bytes(data)
    assert len(read_events(path, max_rows=60).events) == 60
    with pytest.raises(FileTooLargeError) as info:
        read_events(path, max_rows=59)
    assert "59 rows" in _one_line_with_the_way_to_raise(info.value)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_row_estimate_refuses_before_any_reader_runs(fmt, monkeypatch):
    name, data = make(fmt, 400)

    def never(*args, **kwargs):
        raise AssertionError("the reader ran")
    monkeypatch.setattr(eio, "_READERS", {k: never for k in eio._READERS})
    with pytest.raises(FileTooLargeError) as info:
        loads_events(data, name=name, max_rows=100)
    assert 390 <= _estimated(_one_line_with_the_way_to_raise(info.value)) <= 410


def test_a_big_file_is_refused_from_a_sample_in_a_moment(tmp_path):
    path = tmp_path / "big.csv"
    rows = csv_bytes(*[{} for _ in range(2_000)])
    header, body = rows.split(b"\n", 1)
    path.write_bytes(header + b"\n" + body * 40)                 # 80,000 rows, ~14 MB
    t = time.perf_counter()
    with pytest.raises(FileTooLargeError) as info:
        read_events(path, max_rows=10_000)
    assert time.perf_counter() - t < 1.0
    assert 78_000 <= _estimated(str(info.value)) <= 82_000


def test_the_row_limit_comes_from_the_environment_and_the_default_is_two_million(monkeypatch):
    from events.io._common import DEFAULT_MAX_ROWS
    assert DEFAULT_MAX_ROWS == 2_000_000 and eio.limits()[1] == DEFAULT_MAX_ROWS
    name, data = make("csv", 30)
    monkeypatch.setenv("EVENTS_MAX_ROWS", "20")
    with pytest.raises(FileTooLargeError, match="20 rows"):
        loads_events(data, name=name)
    monkeypatch.setenv("EVENTS_MAX_BYTES", "100")
    with pytest.raises(FileTooLargeError, match="EVENTS_MAX_BYTES"):
        loads_events(data, name=name)


def test_cli_import_refuses_in_one_line_and_says_how_to_raise(tmp_path):
    from events.cli import cli
    name, data = make("csv", 30)
    path = tmp_path / name
    path.write_bytes(data)
    store = str(tmp_path / "s.sqlite")
    refused = CliRunner().invoke(cli, ["import", str(path), "--store", store, "--max-rows", "10"])
    assert refused.exit_code == 2
    line = refused.stderr.strip()
    assert "\n" not in line and "--max-rows" in line and "Traceback" not in refused.output, refused.output
    ok = CliRunner().invoke(cli, ["import", str(path), "--store", store, "--max-rows", "30"])
    assert ok.exit_code == 0 and "imported 30" in ok.stdout, ok.output
