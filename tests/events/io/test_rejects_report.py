"""Issue 13 item 7: the dashboard's "Download rejected rows" is neutralised like the CLI's --rejects.

Both write events.io.rejects.rejects_csv; a refused value is attacker-controlled text, so every cell a
spreadsheet would run as a formula starts with an apostrophe in both.
"""
from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from events.io import loads_events
from events.io.flat import FORMULA_START
from tests.corpus_payloads import FORMULA_PAYLOADS
from tests.events.io.bad_inputs import csv_bytes


def _hostile_import() -> bytes:
    # each payload lands in a refused cell: an unknown event type, so the value is echoed in the report
    return csv_bytes(*[{"event_type": p} for p in FORMULA_PAYLOADS], {"status": "=1+1"})


def _cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_dashboard_rejects_download_neutralises_every_formula_cell():
    from ui.importer import rejects_download
    result = loads_events(_hostile_import(), name="hostile.csv")
    assert len(result.rejects) == len(FORMULA_PAYLOADS) + 1
    data = rejects_download(result)
    assert data.startswith(b"\xef\xbb\xbf")                      # Excel reads the Arabic right
    rows = _cells(data)
    assert rows[0] == ["row", "field", "value", "message"]
    values = [r[2] for r in rows[1:]]
    assert all(v.startswith("'") for v in values), values
    assert {v[1:] for v in values} >= set(FORMULA_PAYLOADS)      # nothing lost: the apostrophe is the only change
    for row in rows[1:]:
        assert not any(cell[:1] in FORMULA_START for cell in row), row


def test_dashboard_download_and_cli_rejects_report_are_the_same(tmp_path):
    from events.cli import cli
    from ui.importer import rejects_download
    source = tmp_path / "hostile.csv"
    source.write_bytes(_hostile_import())
    report = tmp_path / "rejects.csv"
    store = str(tmp_path / "s.sqlite")
    run = CliRunner().invoke(cli, ["import", str(source), "--store", store, "--skip-bad-rows", "--rejects", str(report)])
    assert run.exit_code in (0, 2), run.output
    ui_rows = _cells(rejects_download(loads_events(source.read_bytes(), name=str(source))))
    assert _cells(report.read_bytes()) == ui_rows
