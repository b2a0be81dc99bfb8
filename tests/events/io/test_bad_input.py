"""Every case of the bad-input corpus gets the promised outcome (see bad_inputs.py), plus size limits and payloads."""
from __future__ import annotations

import csv as _csv
import html
import io
import json
from dataclasses import replace
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

from errors import FileTooLargeError, ParseError, ValidationError
from events.io import dumps_events, loads_events, read_events, write_events
from events.frame import events_to_frame
from events.io.flat import FORMULA_START
from events.model import Count
from events.textpolicy import normalised
from events.validate import validate_event
from tests.corpus_payloads import FORMULA_PAYLOADS, HOSTILE_STRINGS, HTML_PAYLOADS
from tests.events.io.bad_inputs import BASE, CASES, HEADER, Raises, Rejects, Repaired, csv_bytes

REPO = Path(__file__).resolve().parents[3]


def test_corpus_is_big_enough_and_names_are_unique():
    assert len(CASES) >= 50
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_corpus_case(case, tmp_path):
    path = tmp_path / case.filename
    path.write_bytes(case.make())
    expect = case.expect
    if isinstance(expect, Raises):
        with pytest.raises(expect.error) as info:
            read_events(path, format=case.format)
        assert type(info.value) is expect.error
        message = str(info.value)
        for part in expect.parts:
            assert part in message, f"{part!r} not in {message!r}"
        return
    result = read_events(path, format=case.format)
    if isinstance(expect, Repaired):
        expect.check(result)
        return
    assert isinstance(expect, Rejects)
    hits = [r for r in result.rejects if r.row == expect.row and r.field == expect.field]
    assert hits, f"no reject at row {expect.row} field {expect.field!r}; got {[str(r) for r in result.rejects]}"
    text = str(hits[0])
    assert f"row {expect.row}" in text and repr(expect.field) in text
    for part in expect.parts:
        assert part in text, f"{part!r} not in {text!r}"
    assert result.rows == len(result.events) + len(result.rejects)
    if expect.imported is not None:
        assert len(result.events) == expect.imported
    # strict mode refuses the file with the same row, field and value
    with pytest.raises(ValidationError) as info:
        read_events(path, format=case.format, strict=True)
    assert type(info.value) is ValidationError
    message = str(info.value)
    assert path.name in message and expect.field in message
    first = result.rejects[0]
    assert f"row {first.row}" in message


# --- size: refused from the size alone, before reading --------------------------------------------------------

def test_100mb_file_refused_by_size_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.csv"
    with path.open("wb") as f:  # sparse: 100 MB on paper, nothing on disk
        f.truncate(100 * 1024 ** 2)
    opened = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    with pytest.raises(FileTooLargeError) as info:
        read_events(path, max_bytes=50 * 1024 ** 2)
    assert opened == []
    assert "huge.csv" in str(info.value) and "104,857,600 bytes" in str(info.value)


def test_default_limit_is_200_mib(tmp_path):
    path = tmp_path / "over.json"
    with path.open("wb") as f:
        f.truncate(200 * 1024 ** 2 + 1)
    with pytest.raises(FileTooLargeError, match="209,715,201 bytes"):
        read_events(path)


def test_upload_bytes_limit():
    with pytest.raises(FileTooLargeError, match="upload"):
        loads_events(b"x" * 2000, max_bytes=1000)


def test_large_file_under_the_limit_streams(tmp_path):
    """~12 MB, 40k rows: read as a stream (progress arrives while reading), every row comes in."""
    path = tmp_path / "large.csv"
    template = {**BASE, "summary": "ب" * 100}
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = _csv.writer(f)
        writer.writerow(HEADER)
        for i in range(40_000):
            writer.writerow([f"r-{i}" if h == "id" else template[h] for h in HEADER])
    size = path.stat().st_size
    assert size > 10 * 1024 ** 2
    calls = []
    result = read_events(path, max_bytes=size + 1, progress=lambda done, total: calls.append((done, total)))
    assert len(result.events) == 40_000 and not result.rejects
    assert calls[:3] == [(1000, None), (2000, None), (3000, None)] and calls[-1] == (40_000, 40_000)
    with pytest.raises(FileTooLargeError):
        read_events(path, max_bytes=size - 1)


# --- hostile text: accepted as text, unchanged through every format; CSV neutralises formulas ------------------

@pytest.fixture(scope="module")
def seed():
    return read_events(REPO / "data" / "events" / "seed.json").events


def _carrying(event, text):
    """``event`` with ``text`` in every free-text field."""
    place = replace(event.place, as_written=text, name_en=text, name_ar=text, admin1_en=text, admin1_ar=text)
    source = replace(event.sources[0], outlet=text, agency=text, source=text, quote=text, title=text)
    count = Count(what=text, min=1, max=2, as_written=text)
    return replace(event, title_en=text, title_ar=text, summary=text, place=place, actors=(text,),
                   sources=(source,), counts=(count,), tags=(text,),
                   date=replace(event.date, as_written=text))


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "geojson", "kml"])
def test_hostile_text_round_trips_unchanged(seed, tmp_path, fmt):
    # in CSV, "; " separates list items (actors, tags), so a payload's ";" would split it there
    events = [_carrying(replace(seed[1], id=f"p-{i}"), s.replace(";", ",") if fmt == "csv" else s)
              for i, s in enumerate(HOSTILE_STRINGS)]
    path = write_events(events, tmp_path / f"payloads.{fmt}", format=fmt)
    back = read_events(path, format="json" if fmt == "jsonl" else fmt)
    assert not back.rejects
    events = [validate_event(e) for e in events]   # the text policy stores "\r\n" as "\n", NFC
    if fmt == "csv":  # flat: everything a flat row carries comes back unchanged
        pd.testing.assert_frame_equal(events_to_frame(back.events), events_to_frame(events))
        assert [(e.tags, e.counts[0].what) for e in back.events] == [(e.tags, e.counts[0].what) for e in events]
        stored = [normalised(h) for h in HOSTILE_STRINGS]
        assert all(e.title_en in stored or ";" in s for e, s in zip(back.events, HOSTILE_STRINGS))
    else:
        assert back.events == tuple(events)


def test_csv_export_neutralises_formula_cells(seed):
    events = [_carrying(replace(seed[1], id=f"f-{i}"), s) for i, s in enumerate(FORMULA_PAYLOADS)]
    rows = list(_csv.reader(io.StringIO(dumps_events(events, format="csv").decode("utf-8"), newline="")))
    header = rows[0]
    for row, payload in zip(rows[1:], FORMULA_PAYLOADS):
        for column in ("title_en", "title_ar", "summary", "place_as_written", "outlet", "quote"):
            cell = row[header.index(column)]
            assert cell == "'" + payload, (column, cell)
        for cell in row:
            assert not cell or cell[0] not in FORMULA_START or _is_number(cell), cell


def _is_number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False


@pytest.mark.parametrize("payload", HTML_PAYLOADS)
def test_kml_text_reaches_google_earth_html_escaped(seed, payload):
    """Google Earth renders name/description/Data as HTML: after XML parsing, no markup may remain."""
    data = dumps_events([_carrying(seed[1], payload)], format="kml")
    assert b"<script" not in data and b"&lt;script" not in data
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    mark = ET.fromstring(data).find(".//k:Placemark", ns)
    texts = [mark.find("k:name", ns).text, mark.find("k:description", ns).text]
    texts += [v.text for v in mark.findall("k:ExtendedData/k:Data/k:value", ns)]
    for text in texts:
        assert "<" not in text and ">" not in text, text
    assert mark.find("k:name", ns).text == html.escape(payload, quote=False)


def test_geojson_export_is_strict_json(seed):
    data = dumps_events([_carrying(seed[1], s) for s in HOSTILE_STRINGS[:1]], format="geojson")
    json.loads(data, parse_constant=lambda c: pytest.fail(f"non-standard JSON constant {c}"))


def test_csv_text_that_merely_starts_with_apostrophe_is_kept(seed):
    event = _carrying(seed[1], "'tis a quote")
    back = loads_events(dumps_events([event], format="csv"), name="x.csv").events[0]
    assert back.title_en == "'tis a quote"


def test_reject_value_is_bounded():
    data = csv_bytes({}, {"title_en": "A" * 5000})
    reject = loads_events(data, name="x.csv").rejects[0]
    assert len(reject.value) <= 200 and len(str(reject)) < 400


def test_parse_error_for_unknown_extension_content(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some words\nnot a table\n", encoding="utf-8")
    with pytest.raises(ParseError, match="unknown column"):
        read_events(path)
