"""Issue 13 items 5, 6 and 9: line-safe JSON Lines, one-line failures, one text policy for every field.

Each test names the item it guards; each failed before the fix (raw U+2028 split a JSONL record,
a 5,000-digit integer or a lone surrogate gave a traceback, "evt-1\\n" was a second id...).
"""
from __future__ import annotations

import json
import os
import sqlite3
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from errors import StoreError, ValidationError
from events.cli import cli
from events.io import dumps_events, loads_events, read_events, write_events
from events.model import Count
from events.query import Query
from events.serialize import event_from_dict, event_to_dict
from events.store import open_store
from events.validate import validate_event
from mapview.escape import esc, js_json

from .store.factory import make_event

BASE = {"id": "h1", "event_type": "other", "status": "reported", "title_en": "t",
        "place": {"as_written": "x", "lat": 35.0, "lon": 38.0}}


def _record(**changes) -> dict:
    rec = json.loads(json.dumps(BASE))
    for key, value in changes.items():
        if key.startswith("place."):
            rec["place"][key[6:]] = value
        else:
            rec[key] = value
    return rec


# ---- item 5: JSON Lines are line-safe ------------------------------------------------------------

@pytest.mark.parametrize("sep", ["\u2028", "\u2029"])
def test_jsonl_round_trips_text_with_unicode_line_separators(tmp_path, sep):
    events = [make_event(f"e{i}", title=f"before{sep}after {i}", summary=f"a{sep}b") for i in range(3)]
    path = write_events(events, tmp_path / "backup.jsonl", format="jsonl")
    raw = path.read_bytes()
    assert sep.encode("utf-8") not in raw, "the writer must escape U+2028/2029"
    assert raw.count(b"\n") == 3
    back = read_events(path, format="json")
    assert not back.rejects and [e.title_en for e in back.events] == [e.title_en for e in events]


def test_jsonl_reader_splits_only_on_newline(tmp_path):
    """A JSONL written raw by another tool (U+2028 and U+0085 inside strings) is still one record per line."""
    lines = [json.dumps(event_to_dict(make_event(f"e{i}", title=f"x\u2028y\u2029z {i}")), ensure_ascii=False)
             for i in range(2)]
    lines.append(json.dumps(_record(id="nel", title_en="a\u0085b"), ensure_ascii=False))
    path = tmp_path / "raw.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    back = read_events(path, format="json")
    assert back.rows == 3
    assert [e.id for e in back.events] == ["e0", "e1"]
    assert [(r.row, r.field) for r in back.rejects] == [(3, "title_en")]   # U+0085 is a C1 control


@pytest.mark.parametrize("fmt", ["json", "geojson", "jsonl"])
def test_every_json_writer_escapes_line_separators(fmt):
    data = dumps_events([make_event("e1", title="a\u2028b\u2029c")], format=fmt)
    assert "\u2028".encode() not in data and "\u2029".encode() not in data


# ---- item 6: every failure is one line and exit 2 ----------------------------------------------

def _files(tmp_path: Path) -> dict[str, str]:
    rec = json.dumps([BASE])
    kml = ('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'
           '<ExtendedData><Data name="event_json"><value>{"id": %s}</value></Data></ExtendedData>'
           '</Placemark></Document></kml>') % ("1" * 5000)
    gj = ('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point",'
          '"coordinates":[%s,35]},"properties":{}}]}')
    cases = {
        "int5000.json": rec.replace("35.0", "1" * 5000),
        "int5000.jsonl": json.dumps(BASE).replace("35.0", "1" * 5000) + "\n",
        "int5000.geojson": gj % ("1" * 5000),
        "int5000.kml": kml,
        "lat400.json": rec.replace("35.0", "9" * 400),
        "lon400.geojson": gj % ("9" * 400),
        "radius400.json": json.dumps([_record(**{"place.radius_km": 1})]).replace('"radius_km": 1', '"radius_km": ' + "9" * 400),
        "count5000.csv": "id,event_type,status,title_en,lat,lon,count_min\nc1,other,reported,t,35,38," + "1" * 5000 + "\n",
        "count400.csv": "id,event_type,status,title_en,lat,lon,count_min\nc1,other,reported,t,35,38,1e400\n",
        "surrogate.json": json.dumps([_record(title_en="\ud800")]),
        "nul_tag.json": json.dumps([_record(tags=["a\u0000b"])]),
        "nul_count.json": json.dumps([_record(counts=[{"what": "x\u0000", "min": 1}])]),
        "nul_admin.json": json.dumps([_record(**{"place.admin1_en": "a\u0000"})]),
    }
    out = {}
    for name, text in cases.items():
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        out[name] = str(p)
    return out


def test_hostile_numbers_and_text_are_one_line_exit_2(tmp_path):
    store = str(tmp_path / "s.sqlite")
    for name, path in _files(tmp_path).items():
        r = CliRunner().invoke(cli, ["import", path, "--store", store])
        assert r.exit_code == 2, (name, r.output)
        assert r.exception is None or isinstance(r.exception, SystemExit), (name, r.exception)
        assert "Traceback" not in r.output, name
        errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
        assert len(errors) == 1, (name, r.stderr)
        assert all(len(ln) < 600 for ln in r.stderr.splitlines()), name   # cells truncated
    assert not os.path.exists(store) or open_store(store).revision == 0


def test_lone_surrogate_never_reaches_the_store_or_writers():
    bad = make_event("s1", title="ok \ud800")
    with pytest.raises(ValidationError, match="surrogate"):
        validate_event(bad)
    with pytest.raises(ValidationError, match="surrogate"):
        dumps_events([bad], format="csv")


def test_nul_in_any_field_is_refused_so_sqlite_and_postgis_agree():
    e = make_event("n1")
    for bad in (replace(e, tags=("a\x00",)), replace(e, related=("r\x00",)),
                replace(e, counts=(Count("x\x00", 1, 2),)), replace(e, place=replace(e.place, admin1_en="A\x00")),
                replace(e, place=replace(e.place, admin1_ar="\x00")), replace(e, place=replace(e.place, admin2_pcode="\x00"))):
        with pytest.raises(ValidationError, match="NUL"):
            validate_event(bad)


def test_disk_full_in_the_store_is_one_store_error(tmp_path):
    path = tmp_path / "s.sqlite"
    with open_store(str(path)) as store:
        store.add([make_event("a")], author="t")
        pages = store._con.execute("PRAGMA page_count").fetchone()[0]
        store._con.execute(f"PRAGMA max_page_count = {pages}")   # the disk is now "full"
        with pytest.raises(StoreError, match="disk is full"):
            store.add([make_event(f"big-{i}", summary="x" * 5000) for i in range(200)], author="t")
        assert store.count(Query()) == 1
    with open_store(str(path)) as store:
        assert store.revision == 1 and [e.id for e in store.query(Query())] == ["a"]


def test_disk_full_through_the_cli_is_one_line(tmp_path, monkeypatch):
    from events.store.sqlite import SQLiteStore
    path = tmp_path / "s.sqlite"
    real_init = SQLiteStore.__init__

    def tiny(self, p):
        real_init(self, p)
        pages = self._con.execute("PRAGMA page_count").fetchone()[0]
        self._con.execute(f"PRAGMA max_page_count = {pages}")
    monkeypatch.setattr(SQLiteStore, "__init__", tiny)
    src = tmp_path / "many.json"
    src.write_text(json.dumps([event_to_dict(make_event(f"e{i}", summary="y" * 3000)) for i in range(300)]))
    r = CliRunner().invoke(cli, ["import", str(src), "--store", str(path)])
    assert r.exit_code == 2, r.output
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "disk is full" in errors[0], r.stderr


def test_locked_store_is_one_store_error(tmp_path):
    path = tmp_path / "s.sqlite"
    with open_store(str(path)) as store:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            store._con.execute("PRAGMA busy_timeout = 50")
            with pytest.raises(StoreError, match="locked"):
                store.add([make_event("a")], author="t")
        finally:
            other.execute("ROLLBACK")
            other.close()


def test_symlinked_import_never_echoes_the_targets_content(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:SECRET-FIRST-LINE\nmore\n")
    for suffix in (".csv", ".json", ".geojson", ".kml"):
        link = tmp_path / f"evil{suffix}"
        link.symlink_to(secret)
        r = CliRunner().invoke(cli, ["import", str(link), "--store", str(tmp_path / "s.sqlite")])
        assert r.exit_code == 2
        assert "SECRET" not in r.output and "root:x" not in r.output, r.output


def test_import_error_cells_are_truncated_and_escaped(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps([_record(title_en="\x1b]8;;http://evil.example\x07" + "A" * 5000)]))
    r = CliRunner().invoke(cli, ["import", str(path), "--store", str(tmp_path / "s.sqlite")])
    assert r.exit_code == 2
    assert "\x1b" not in r.output and "\x07" not in r.output
    assert "A" * 200 not in r.output


# ---- item 9: one text policy --------------------------------------------------------------------

def test_text_is_stored_nfc_with_plain_newlines(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Dayr az-Zawr café ـ دير الزور")
    e = validate_event(make_event("n1", title=decomposed, summary="a\r\nb\rc"))
    assert e.title_en == unicodedata.normalize("NFC", decomposed) and e.summary == "a\nb\nc"
    with open_store(str(tmp_path / "s.sqlite")) as store:
        store.add([make_event("n1", title=decomposed)], author="t")
        assert store.get("n1").title_en == unicodedata.normalize("NFC", decomposed)


@pytest.mark.parametrize("bad", ["\x1b[31m", "\x07", "\x7f", "\x85", "\x9b", "\ud800", "\udfff", "\x00"])
def test_controls_and_surrogates_are_refused_in_free_text(bad):
    with pytest.raises(ValidationError):
        validate_event(make_event("c1", summary=f"a{bad}b"))


def test_tab_newline_and_bidi_are_kept_in_storage_and_bidi_is_removed_for_display():
    e = validate_event(make_event("b1", title="\u202eevil\u202c gpj.exe", summary="a\tb\nc"))
    assert e.summary == "a\tb\nc" and "\u202e" in e.title_en
    assert "\u202e" not in esc(e.title_en) and "\u202c" not in esc(e.title_en)
    assert "\u202e" not in js_json({"t": e.title_en}) and "\u2066" not in js_json({"t": "\u2066x\u2069"})


@pytest.mark.parametrize("field,value", [
    ("tags", tuple("t" for _ in range(201))), ("tags", ("x" * 201,)), ("related", ("r" * 201,)),
    ("related", tuple(f"r{i}" for i in range(1001))), ("actors", tuple(f"a{i}" for i in range(201))),
])
def test_list_fields_have_length_limits(field, value):
    with pytest.raises(ValidationError, match="limit"):
        validate_event(replace(make_event("l1"), **{field: value}))


def test_count_names_and_admin_names_have_length_limits():
    e = make_event("l2")
    with pytest.raises(ValidationError, match="limit"):
        validate_event(replace(e, counts=(Count("w" * 201, 1, 2),)))
    with pytest.raises(ValidationError, match="limit"):
        validate_event(replace(e, place=replace(e.place, admin1_en="g" * 501)))


@pytest.mark.parametrize("value", ["no", "false", 0, 1, "yes", []])
def test_booleans_are_strict(value):
    with pytest.raises(ValidationError, match="true or false"):
        event_from_dict(_record(counts=[{"what": "people", "min": 1, "approximate": value}]))
    assert event_from_dict(_record(counts=[{"what": "people", "min": 1, "approximate": True}])).counts[0].approximate


def test_ids_are_matched_to_the_very_end():
    with pytest.raises(ValidationError, match="id"):
        event_from_dict(_record(id="evt-1\n"))
    assert event_from_dict(_record(id="evt-1")).id == "evt-1"


def test_events_list_never_prints_control_or_bidi_characters(tmp_path):
    path = str(tmp_path / "s.sqlite")
    with open_store(path) as store:
        store.add([make_event("t1", title="\u202eevil\u202c gpj.exe", place_name="\u2067x\u2069")], author="t")
    con = sqlite3.connect(path)   # a row written before the policy (or by another tool) with ESC/OSC-8 in it
    con.execute("UPDATE events SET title_en = ? WHERE id = 't1'", ("\x1b]8;;http://evil.example\x07click\x1b]8;;\x07\x9b",))
    con.commit()
    con.close()
    out = CliRunner().invoke(cli, ["list", "--store", path]).output
    for ch in ("\x1b", "\x07", "\x9b", "\u202e", "\u202c", "\u2067", "\u2069"):
        assert ch not in out, repr(ch)
    assert "click" in out


def test_permalink_warning_never_holds_a_link():
    import re

    from ui.permalink import from_params, shown
    from ui.text import md_escape
    _, problems = from_params({"q": ["x" * 300], "evil": ["http://evil.example/a"], "sel": ["www.evil.example"],
                               "http://evil.example": ["1"], "actor": ["user@evil.example"]})
    url_like = re.compile(r"(https?:/|www\.|@\w+\.|\w\.\w)", re.I)
    for p in problems:
        for text in (p.name, p.value):
            rendered = md_escape(shown(text)).replace("\\", "")
            assert not url_like.search(rendered), rendered


def test_permission_denied_on_the_store_is_one_store_error(tmp_path):
    """A store the process may read but not write (simulated with query_only: tests may run as root)."""
    with open_store(str(tmp_path / "s.sqlite")) as store:
        store._con.execute("PRAGMA query_only = ON")
        with pytest.raises(StoreError, match="permission denied|readonly"):
            store.add([make_event("a")], author="t")
