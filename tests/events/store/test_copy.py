"""Issue 13 item 9: one text policy on both backends, so ``python -m events copy`` always works.

Hostile-but-valid events (bidi controls, tabs/newlines, NFC-composed Arabic and Latin, long fields,
extreme but valid numbers, U+2028) are copied SQLite → target → SQLite; every record comes back
identical. Values that one backend would take and the other refuse (NUL, lone surrogates) are refused
by both, before either is written.
"""
from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner

from errors import ValidationError
from events.cli import cli
from events.model import Count
from events.query import Query
from events.serialize import event_to_dict
from events.store import open_store

from .factory import make_event


def hostile_valid_events():
    long = "ن" * 500
    out = []
    for i, text in enumerate(["\u202eevil\u202c gpj.exe", "tab\there\nnewline", "x\u2028y\u2029z", long,
                              "café دير الزور", "<script>alert(1)</script>", "=cmd|' /C calc'!A0"]):
        e = make_event(f"h-{i}", title=text[:500], summary=text * 3, place_name=text[:500])
        out.append(replace(e, tags=(text[:200],), related=("h-0",), counts=(Count(text[:200], 0, 10_000_000, True, text[:500]),),
                           place=replace(e.place, admin1_en=text[:500], admin1_ar=text[:500], radius_km=1000.0)))
    return out


def test_copy_sqlite_to_other_backend_and_back_is_identical(store_url, tmp_path):
    src = str(tmp_path / "src.sqlite")
    back = str(tmp_path / "back.sqlite")
    with open_store(src) as s:
        s.add(hostile_valid_events(), author="t")
        original = [event_to_dict(e) for e in s.query(Query())]
    runner = CliRunner()
    r = runner.invoke(cli, ["copy", "--from", src, "--to", store_url])
    assert r.exit_code == 0, r.output
    assert f"copied {len(original)} event(s)" in r.output
    r = runner.invoke(cli, ["copy", "--from", store_url, "--to", back])
    assert r.exit_code == 0, r.output
    for url in (store_url, back):
        with open_store(url) as s:
            assert [event_to_dict(e) for e in s.query(Query())] == original


def test_copy_refuses_duplicates_and_the_same_store(store_url, tmp_path):
    src = str(tmp_path / "src.sqlite")
    with open_store(src) as s:
        s.add([make_event("a")], author="t")
    runner = CliRunner()
    assert runner.invoke(cli, ["copy", "--from", src, "--to", store_url]).exit_code == 0
    r = runner.invoke(cli, ["copy", "--from", src, "--to", store_url])
    assert r.exit_code == 2 and "already in the store" in r.stderr
    assert runner.invoke(cli, ["copy", "--from", src, "--to", store_url, "--replace"]).exit_code == 0
    r = runner.invoke(cli, ["copy", "--from", src, "--to", src])
    assert r.exit_code == 2 and "same store" in r.stderr


@pytest.mark.parametrize("bad", ["\x00", "\ud800", "\x1b"])
def test_values_one_backend_would_refuse_are_refused_by_both(store, bad):
    e = make_event("x")
    for event in (replace(e, tags=(f"a{bad}",)), replace(e, counts=(Count(f"w{bad}", 1, 2),)),
                  replace(e, place=replace(e.place, admin1_en=f"g{bad}"))):
        with pytest.raises(ValidationError):
            store.add([event], author="t")
    assert store.revision == 0
