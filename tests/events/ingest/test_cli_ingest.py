"""``python -m events ingest``: JSON records, readable summary, clear errors with exit status 2."""
from __future__ import annotations

import json

from click.testing import CliRunner

from events.cli import cli
from events.serialize import event_from_dict

from .conftest import FIXTURES

ARTICLE = FIXTURES / "idleb_airstrike_denial_ar.txt"


def test_json_output_is_a_list_of_draft_records():
    result = CliRunner().invoke(cli, ["ingest", str(ARTICLE), "--published", "2019-05-14", "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert [r["event"]["status"] for r in records] == ["claimed", "denied"]
    for r in records:
        assert set(r) == {"event", "sentence", "span", "confidence", "warnings", "article_id", "kind", "date_source",
                          "place_parts"}
        assert r["article_id"] == ARTICLE.name and r["kind"] == "incident"
        event = event_from_dict(r["event"])
        text = ARTICLE.read_text(encoding="utf-8")
        assert text[r["span"][0]:r["span"][1]] == r["sentence"] == event.sources[0].quote
    assert records[1]["event"]["denies"] == [records[0]["event"]["id"]]


def test_outlet_option_overrides_the_signoff():
    result = CliRunner().invoke(cli, ["ingest", str(ARTICLE), "--published", "2019-05-14", "--outlet", "Enab Baladi",
                                      "--json"])
    records = json.loads(result.output)
    assert records[0]["event"]["sources"][0]["outlet"] == "Enab Baladi"
    assert records[0]["event"]["id"].startswith("2019-05-14-enab-baladi-air-strike")


def test_summary_is_readable():
    result = CliRunner().invoke(cli, ["ingest", str(ARTICLE), "--published", "2019-05-14"])
    assert result.exit_code == 0
    assert "2 draft event(s)" in result.output
    assert "[claimed] air_strike  2019-05-14 (day)  Kafr Nobol (C4068" in result.output
    assert "count: 5 civilians" in result.output
    assert "denies: 2019-05-14-" in result.output


def test_impossible_publication_date_is_a_clear_error():
    result = CliRunner().invoke(cli, ["ingest", str(ARTICLE), "--published", "2019-02-30"])
    assert result.exit_code == 2
    assert "published" in result.output and "2019-02-30" in result.output and "Traceback" not in result.output


def test_missing_file_and_non_utf8_file(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "nope.txt"), "--published", "2019-05-14"])
    assert result.exit_code == 2 and "no such file" in result.output
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9 bombing".encode("latin-1"))
    result = CliRunner().invoke(cli, ["ingest", str(bad), "--published", "2019-05-14"])
    assert result.exit_code == 2 and "UTF-8" in result.output


def test_empty_article_and_stdin(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(empty), "--published", "2019-05-14"])
    assert result.exit_code == 2 and "empty" in result.output
    result = CliRunner().invoke(cli, ["ingest", "-", "--published", "2019-05-14", "--json"],
                                input=ARTICLE.read_text(encoding="utf-8"))
    assert result.exit_code == 0 and len(json.loads(result.output)) == 2
