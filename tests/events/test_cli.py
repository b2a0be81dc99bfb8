"""``python -m events list | import | export`` through click's CliRunner, on tmp_path stores."""
from __future__ import annotations

import csv
import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from events.cli import cli
from events.model import ClaimStatus
from events.query import Query
from events.serialize import event_to_dict
from events.store import open_store

from .store.factory import make_event

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "data" / "events" / "seed.json"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def seeded(tmp_path, runner) -> str:
    path = str(tmp_path / "events.sqlite")
    result = runner.invoke(cli, ["import", str(SEED), "--store", path, "--author", "tester"])
    assert result.exit_code == 0, result.output
    assert "imported 7, rejected 0" in result.stdout
    return path


def write_records(path: Path, records: list[dict]) -> Path:
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def test_list_prints_every_event_in_date_order(runner, seeded):
    result = runner.invoke(cli, ["list", "--store", seeded])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 7
    assert lines[0].startswith("2017-05-01..2017-05-31") and "seed-2017-05-kasra-evacuation" in lines[0]
    assert "seed-2017-09-05-dez-siege-broken" in lines[-1]


def test_list_filters_and_counts_from_the_store(runner, seeded):
    args = ["list", "--store", seeded, "--from", "2017-08-26", "--to", "2017-08-26", "--bbox", "39,34,41,36"]
    assert runner.invoke(cli, args + ["--count"]).stdout.strip() == "3"
    assert json.loads(runner.invoke(cli, args + ["--count", "--json"]).stdout) == {"count": 3}
    claimed = runner.invoke(cli, args + ["--status", "claimed", "--json"])
    records = json.loads(claimed.stdout)
    assert [r["id"] for r in records] == ["seed-2017-08-late-dez-evacuations", "seed-2017-08-26-tarif-evacuation"]
    store = open_store(seeded)
    assert all(r.pop("corroboration")["independent_sources"] >= 1 for r in records)   # each event's group (or none)
    assert records == [event_to_dict(e) for e in store.query(Query(
        date_from=date(2017, 8, 26), date_to=date(2017, 8, 26), bbox=(39, 34, 41, 36),
        statuses=frozenset({ClaimStatus.CLAIMED})))]
    store.close()
    by_type = runner.invoke(cli, ["list", "--store", seeded, "--type", "siege_broken", "--count"])
    assert by_type.stdout.strip() == "1"
    by_two = runner.invoke(cli, ["list", "--store", seeded, "--status", "denied,reported", "--count"])
    assert by_two.stdout.strip() == "2"


def test_store_can_come_from_the_environment(runner, seeded, monkeypatch):
    monkeypatch.setenv("EVENTS_STORE", seeded)
    assert runner.invoke(cli, ["list", "--count"]).stdout.strip() == "7"


@pytest.mark.parametrize("args, needle", [
    (["--from", "2017-02-30"], "--from: '2017-02-30' is not a real date"),
    (["--to", "20177-01-01"], "--to: '20177-01-01' is not a real date"),
    (["--bbox", "36,35,37"], "--bbox: '36,35,37' is not W,S,E,N"),
    (["--bbox", "37,35,36,36"], "--bbox: '37,35,36,36' must have west <= east"),
    (["--bbox", "a,b,c,d"], "--bbox: 'a,b,c,d' is not W,S,E,N"),
    (["--status", "rumoured"], "--status: 'rumoured' is not one of"),
    (["--type", "airstrike"], "--type: 'airstrike' is not one of"),
    (["--from", "2017-09-01", "--to", "2017-08-01"], "--to 2017-08-01 is before --from 2017-09-01"),
])
def test_bad_arguments_give_one_line_naming_them_and_exit_2(runner, seeded, args, needle):
    result = runner.invoke(cli, ["list", "--store", seeded, *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and needle in result.stderr


def test_import_rejects_everything_when_one_row_is_bad_and_leaves_the_file_unchanged(runner, seeded, tmp_path):
    digest = hashlib.sha256(Path(seeded).read_bytes()).hexdigest()
    good = event_to_dict(make_event("new-good"))
    bad = event_to_dict(make_event("new-bad"))
    bad["date"]["start"] = "2017-02-30"
    result = runner.invoke(cli, ["import", str(write_records(tmp_path / "in.json", [good, bad])), "--store", seeded])
    assert result.exit_code == 2
    assert "imported 0, rejected 1" in result.stdout
    assert "row 1" in result.stderr and "date" in result.stderr and "2017-02-30" in result.stderr
    assert hashlib.sha256(Path(seeded).read_bytes()).hexdigest() == digest
    assert runner.invoke(cli, ["list", "--store", seeded, "--count"]).stdout.strip() == "7"


def test_import_skip_bad_rows_imports_the_rest_and_writes_a_rejects_report(runner, seeded, tmp_path):
    good = event_to_dict(make_event("new-good"))
    bad = event_to_dict(make_event("new-bad"))
    bad["place"]["lat"] = 48.85
    bad["place"]["lon"] = 2.35
    report = tmp_path / "rejects.csv"
    source = write_records(tmp_path / "in.json", [good, bad])
    result = runner.invoke(cli, ["import", str(source), "--store", seeded, "--skip-bad-rows", "--rejects", str(report)])
    assert result.exit_code == 0, result.output
    assert "imported 1, rejected 1" in result.stdout
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    assert len(rows) == 1 and rows[0]["row"] == "1" and "48.85" in rows[0]["value"] + rows[0]["message"]
    assert runner.invoke(cli, ["list", "--store", seeded, "--count"]).stdout.strip() == "8"


def test_import_of_existing_ids_is_a_conflict_unless_replace(runner, seeded):
    again = runner.invoke(cli, ["import", str(SEED), "--store", seeded])
    assert again.exit_code == 2 and "imported 0" in again.stdout and "already in the store" in again.stderr
    replaced = runner.invoke(cli, ["import", str(SEED), "--store", seeded, "--replace", "--author", "ana"])
    assert replaced.exit_code == 0 and "imported 7, rejected 0" in replaced.stdout
    store = open_store(seeded)
    assert store.history(limit=1)[0].action == "replace" and store.history(limit=1)[0].author == "ana"
    store.close()


def test_import_unreadable_file_is_one_error_line(runner, seeded, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("[{\"id\": ", encoding="utf-8")
    result = runner.invoke(cli, ["import", str(broken), "--store", seeded])
    assert result.exit_code == 2 and result.stderr.startswith("error: ")
    missing = runner.invoke(cli, ["import", str(tmp_path / "nope.json"), "--store", seeded])
    assert missing.exit_code == 2 and "nope.json" in missing.stderr


def test_large_import_shows_progress_on_stderr(runner, tmp_path, monkeypatch):
    import events.store.commands as commands
    monkeypatch.setattr(commands, "PROGRESS_MIN_BYTES", 0)     # also show the reading bar for this small file
    records = [event_to_dict(make_event(f"bulk-{i}")) for i in range(1200)]
    store_path = str(tmp_path / "bulk.sqlite")
    result = runner.invoke(cli, ["import", str(write_records(tmp_path / "bulk.json", records)), "--store", store_path])
    assert result.exit_code == 0, result.output
    assert "reading" in result.stderr and "importing" in result.stderr
    assert "imported 1200, rejected 0" in result.stdout


@pytest.mark.parametrize("fmt", ["geojson", "csv"])
def test_export_writes_the_filtered_events_and_they_import_back(runner, seeded, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(cli, ["export", "--store", seeded, "--format", fmt, "-o", str(out),
                                 "--from", "2017-08-01", "--to", "2017-08-31"])
    assert result.exit_code == 0, result.output
    assert "exported 4 event(s)" in result.stdout
    if fmt == "geojson":
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data["type"] == "FeatureCollection" and len(data["features"]) == 4
    else:
        assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 4
    copy = str(tmp_path / "copy.sqlite")
    back = runner.invoke(cli, ["import", str(out), "--store", copy])
    assert back.exit_code == 0 and "imported 4, rejected 0" in back.stdout


def test_export_bad_format_or_date_exits_2_without_writing(runner, seeded, tmp_path):
    out = tmp_path / "out.xyz"
    bad_format = runner.invoke(cli, ["export", "--store", seeded, "--format", "xlsx", "-o", str(out)])
    assert bad_format.exit_code == 2 and "--format: 'xlsx'" in bad_format.stderr
    bad_date = runner.invoke(cli, ["export", "--store", seeded, "--format", "csv", "-o", str(out), "--to", "2017-13-01"])
    assert bad_date.exit_code == 2 and "--to: '2017-13-01'" in bad_date.stderr
    assert not out.exists()


def test_unreachable_postgis_store_is_one_error_line(runner):
    result = runner.invoke(cli, ["list", "--store", "postgresql://nobody@127.0.0.1:1/none", "--count"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "cannot connect to PostgreSQL" in result.stderr


def test_history_shows_who_changed_what_and_undo_puts_it_back(runner, seeded):
    from dataclasses import replace
    store = open_store(seeded)
    original = store.get("seed-2017-09-05-dez-siege-broken")
    store.update(replace(original, title_en="edited by mistake"), author="analyst-a")
    store.close()
    shown = runner.invoke(cli, ["history", "seed-2017-09-05-dez-siege-broken", "--store", seeded])
    assert shown.exit_code == 0, shown.output
    first = shown.stdout.splitlines()[0]
    assert "analyst-a" in first and "update" in first and "title_en" in first
    revision = int(first.split()[0][1:])
    undone = runner.invoke(cli, ["undo", str(revision), "--store", seeded, "--author", "analyst-b"])
    assert undone.exit_code == 0, undone.output
    store = open_store(seeded)
    assert store.get("seed-2017-09-05-dez-siege-broken") == original
    store.close()
    again = runner.invoke(cli, ["history", "--store", seeded, "--json", "--limit", "1"])
    record = json.loads(again.stdout.splitlines()[0])
    assert record["action"] == "undo" and record["undoes"] == revision and record["author"] == "analyst-b"


def test_undo_of_unknown_revision_is_one_error_line(runner, seeded):
    result = runner.invoke(cli, ["undo", "999999", "--store", seeded])
    assert result.exit_code == 2 and "999999" in result.stderr and result.stderr.count("\n") == 1


def test_import_writes_the_index_copy_the_next_open_loads(runner, seeded, tmp_path, monkeypatch):
    from events.store import indexcache
    from events.store.sqlite import SQLiteStore
    source = write_records(tmp_path / "in.json", [event_to_dict(make_event("new-warm"))])
    result = runner.invoke(cli, ["import", str(source), "--store", seeded])
    assert result.exit_code == 0, result.output
    with SQLiteStore(seeded) as s:
        copy = indexcache.load(indexcache.cache_path(Path(seeded)), s._stamp)
        assert copy is not None and copy.revision == s.revision and "new-warm" in copy.ids.to_pylist()
        monkeypatch.setattr(SQLiteStore, "_built_index", lambda self, rev: pytest.fail("built, not loaded"))
        assert s.count(Query()) == 8
