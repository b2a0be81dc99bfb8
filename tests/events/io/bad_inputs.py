"""The bad-input corpus: hostile or broken files, each with the outcome we promise.

Why a table: each case is small, named, and generated here (no binary blobs
in git), so a reviewer reads the whole corpus in one screen and a new
report from a user becomes one new line. Outcomes:

* ``Raises(cls, parts)``  – the whole file is refused with exactly ``cls``;
  the message contains every part (file, line, field, value).
* ``Rejects(row, field, parts)`` – that row is refused (others come in);
  ``str(reject)`` names row, field, value; ``strict=True`` raises
  ValidationError naming the same.
* ``Repaired(check)`` – accepted by a documented repair (UTF-16, cp1256…);
  ``check(result)`` asserts what came in.
"""
from __future__ import annotations

import codecs
import csv as _csv
import io
import json
from dataclasses import dataclass, field
from typing import Callable

from errors import ParseError
from events.io import ImportResult

HEADER = ("id", "event_type", "status", "title_en", "title_ar", "summary", "date_start", "date_end",
          "date_precision", "lat", "lon", "precision", "radius_km", "actors", "count_min", "count_max", "outlet",
          "url", "published", "denies")
BASE = {"id": "t-1", "event_type": "clash", "status": "reported", "title_en": "Clash near al-Tarif",
        "title_ar": "اشتباك قرب الطريف", "summary": "", "date_start": "2017-08-26", "date_end": "",
        "date_precision": "day", "lat": "35.44", "lon": "40.03", "precision": "point", "radius_km": "",
        "actors": "A; B", "count_min": "", "count_max": "", "outlet": "Test Wire", "url": "", "published": "",
        "denies": ""}


def csv_text(*rows: dict[str, str], header: tuple[str, ...] = HEADER) -> str:
    buf = io.StringIO()
    writer = _csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for i, over in enumerate(rows):
        row = {**BASE, "id": f"t-{i + 1}", **over}
        writer.writerow([row.get(h, "") for h in header])
    return buf.getvalue()


def csv_bytes(*rows: dict[str, str], header: tuple[str, ...] = HEADER) -> bytes:
    return csv_text(*rows, header=header).encode("utf-8")


def _body(data: bytes) -> bytes:
    """The rows of a CSV without its header line."""
    return data.split(b"\n", 1)[1]


def one_bad(**over: str) -> bytes:
    """Three rows; the second (line 3) carries the bad value."""
    return csv_bytes({}, over, {})


RECORD = {"id": "j-1", "event_type": "clash", "status": "reported", "title_en": "Clash",
          "date": {"start": "2017-08-26", "end": "2017-08-26", "precision": "day"},
          "place": {"as_written": "الطريف", "lat": 35.44, "lon": 40.03, "precision": "point"}}


def json_list(*records: dict) -> bytes:
    return json.dumps(list(records), ensure_ascii=False).encode("utf-8")


def feature(lon_lat, **props) -> dict:
    geometry = None if lon_lat is None else {"type": "Point", "coordinates": list(lon_lat)}
    return {"type": "Feature", "geometry": geometry,
            "properties": {"id": "g-1", "event_type": "clash", "status": "reported", **props}}


def fc(*features: dict) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode("utf-8")


def kml_doc(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<kml xmlns="http://www.opengis.net/kml/2.2">'
            f"<Document>{body}</Document></kml>").encode("utf-8")


BILLION_LAUGHS = """<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>"""
XXE = '<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'

ACLED_HEADER = ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
                "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
                "fatalities")
ACLED_BASE = {"event_id_cnty": "SYR1", "event_date": "26 August 2017", "time_precision": "1",
              "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "Side A", "actor2": "Side B",
              "country": "Syria", "admin1": "Deir-ez-Zor", "location": "Al Tarif", "latitude": "35.44",
              "longitude": "40.03", "geo_precision": "1", "source": "Test Wire", "notes": "invented",
              "fatalities": "0"}


def acled(**over: str) -> bytes:
    return csv_bytes({**ACLED_BASE, "event_id_cnty": "SYR1"}, {**ACLED_BASE, "event_id_cnty": "SYR2", **over},
                     header=ACLED_HEADER)


UCDP_HEADER = ("id", "type_of_violence", "side_a", "side_b", "where_prec", "where_coordinates", "adm_1", "latitude",
               "longitude", "country", "date_prec", "date_start", "date_end", "best", "low", "high",
               "source_office", "source_date")
UCDP_BASE = {"id": "1", "type_of_violence": "1", "side_a": "A", "side_b": "B", "where_prec": "1",
             "where_coordinates": "Al Tarif", "adm_1": "Dayr az Zawr", "latitude": "35.44", "longitude": "40.03",
             "country": "Syria", "date_prec": "1", "date_start": "2017-08-26 00:00:00.000",
             "date_end": "2017-08-26 00:00:00.000", "best": "3", "low": "2", "high": "5", "source_office": "Wire",
             "source_date": "2017-08-27"}


def ucdp(**over: str) -> bytes:
    return csv_bytes({**UCDP_BASE, "id": "1"}, {**UCDP_BASE, "id": "2", **over}, header=UCDP_HEADER)


@dataclass(frozen=True)
class Raises:
    error: type
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rejects:
    row: int
    field: str
    parts: tuple[str, ...] = ()
    imported: int | None = None  # how many good events still come in


@dataclass(frozen=True)
class Repaired:
    check: Callable[[ImportResult], None]


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    make: Callable[[], bytes]
    expect: Raises | Rejects | Repaired
    format: str | None = None
    extra: dict = field(default_factory=dict)


def _flagged(expected: str) -> Callable[[ImportResult], None]:
    """The quirky second row is kept, as published, carrying ``expected`` among its flags."""
    def check(result: ImportResult) -> None:
        assert not result.rejects and len(result.events) == 2, result.rejects
        assert result.events[0].flags == () and expected in result.events[1].flags, result.events[1].flags
    return check


def _arabic_title(result: ImportResult, note: str) -> None:
    assert [e.title_ar for e in result.events] == ["اشتباك قرب الطريف"], result
    assert any(note in n for n in result.notes), result.notes


def _utf8_bom(result: ImportResult) -> None:
    assert result.encoding == "utf-8-sig" and result.notes == () and len(result.events) == 1


def _excel_datetime(result: ImportResult) -> None:
    assert result.events[0].date.start.isoformat() == "2017-08-26" and not result.rejects


def _multiline(result: ImportResult) -> None:
    # the quoted summary spans lines 2-4; the bad row after it is reported on line 6, not 4
    assert [e.summary for e in result.events] == ["first\nsecond\nthird"]
    assert [(r.row, r.field) for r in result.rejects] == [(6, "date_start")]


def _header_only(result: ImportResult) -> None:
    assert result.rows == 0 and result.events == () and result.rejects == ()


def _utf16(result: ImportResult) -> None:
    _arabic_title(result, "UTF-16")


CASES: list[Case] = [
    # --- whole-file problems (CSV) ---
    Case("csv-empty", "e.csv", lambda: b"", Raises(ParseError, ("e.csv", "empty"))),
    Case("csv-whitespace-only", "w.csv", lambda: b"  \r\n\n\t\n", Raises(ParseError, ("w.csv", "empty"))),
    Case("csv-header-only", "h.csv", lambda: ",".join(HEADER).encode(), Repaired(_header_only)),
    Case("csv-missing-required-column", "m.csv", lambda: csv_bytes({}, header=HEADER[:2] + HEADER[3:]),
         Raises(ParseError, ("m.csv:1", "'status'", "missing"))),
    Case("csv-unknown-column-typo", "u.csv", lambda: csv_bytes({}, header=HEADER + ("date_strat",)),
         Raises(ParseError, ("u.csv:1", "'date_strat'", "unknown column"))),
    Case("csv-duplicate-header", "d.csv", lambda: csv_bytes({}, header=HEADER + ("lat",)),
         Raises(ParseError, ("d.csv:1", "'lat'", "twice"))),
    Case("csv-semicolon-separated", "s.csv", lambda: csv_text({}).replace(",", ";").encode(),
         Raises(ParseError, ("s.csv:1", "';'", "comma-separated"))),
    Case("csv-unclosed-quote", "q.csv", lambda: csv_bytes({}, {}) + b't-9,clash,reported,"never closed\n',
         Raises(ParseError, ("q.csv:4", "line 4", "never closed"))),
    Case("csv-latin1-not-utf8", "l.csv", lambda: csv_text({"title_en": "café", "title_ar": ""}).encode("latin-1"),
         Raises(ParseError, ("l.csv:2", "not UTF-8", "0xe9"))),
    Case("csv-bad-utf8-after-64k", "b.csv",
         lambda: csv_bytes(*[{} for _ in range(900)]).replace(b"t-800,", b"t-800\xff,"),
         Raises(ParseError, ("b.csv:", "not valid utf-8", "encoding"))),
    Case("csv-binary-garbage", "g.csv", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8\xff" * 20,
         Raises(ParseError, ("g.csv", "not UTF-8"))),
    Case("csv-actually-xlsx", "book.csv", lambda: b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 200,
         Raises(ParseError, ("book.csv", "ZIP", ".xlsx"))),
    Case("kml-actually-kmz", "map.kml", lambda: b"PK\x03\x04\x14\x00\x08\x00doc.kml" + b"\x00" * 50,
         Raises(ParseError, ("map.kml", ".kmz"))),
    Case("json-gzipped", "events.json", lambda: b"\x1f\x8b\x08\x00" + b"\x00" * 40,
         Raises(ParseError, ("events.json", "gzip"))),
    Case("csv-field-over-8mb", "big.csv", lambda: one_bad(summary="x" * (8 * 1024 * 1024 + 10)),
         Raises(ParseError, ("big.csv:3", "field larger than field limit"))),
    # --- repairs (documented in events/io/_text.py and csv.py) ---
    Case("csv-utf8-bom", "bom.csv", lambda: codecs.BOM_UTF8 + csv_bytes({}), Repaired(_utf8_bom)),
    Case("csv-utf16-le-bom", "u16.csv", lambda: csv_text({}).encode("utf-16"), Repaired(_utf16)),
    Case("csv-utf16-be-bom", "u16be.csv", lambda: codecs.BOM_UTF16_BE + csv_text({}).encode("utf-16-be"),
         Repaired(_utf16)),
    Case("csv-utf16-le-no-bom", "u16n.csv", lambda: csv_text({}).encode("utf-16-le"), Repaired(_utf16)),
    Case("csv-cp1256-arabic-windows", "ar.csv", lambda: csv_text({}).encode("cp1256"),
         Repaired(lambda r: _arabic_title(r, "cp1256"))),
    Case("csv-excel-datetime-cells", "x.csv", lambda: csv_bytes({"date_start": "2017-08-26 00:00:00"}),
         Repaired(_excel_datetime)),
    Case("csv-multiline-field-keeps-line-numbers", "ml.csv",
         lambda: csv_bytes({"summary": "first\nsecond\nthird"}) + b"\n" + _body(csv_bytes({"id": "t-2", "date_start": "x"})),
         Repaired(_multiline)),
    # --- row problems (CSV): the row, the column, the value ---
    Case("csv-impossible-date-feb-30", "r.csv", lambda: one_bad(date_start="2017-02-30"),
         Rejects(3, "date_start", ("2017-02-30", "not a valid date"), imported=2)),
    Case("csv-five-digit-year", "r.csv", lambda: one_bad(date_start="20177-08-26"),
         Rejects(3, "date_start", ("20177-08-26",), imported=2)),
    Case("csv-month-31", "r.csv", lambda: one_bad(date_start="31/31/2017"), Rejects(3, "date_start", ("31/31/2017",))),
    Case("csv-year-out-of-range", "r.csv", lambda: one_bad(date_start="1017-08-26"),
         Rejects(3, "date_start", ("1017", "outside"))),
    Case("csv-end-before-start", "r.csv", lambda: one_bad(date_end="2017-08-01", date_precision="range"),
         Rejects(3, "date_end", ("2017-08-01", "before"))),
    Case("csv-end-without-start", "r.csv", lambda: one_bad(date_start="", date_end="2017-08-01"),
         Rejects(3, "date_start", ("required",))),
    Case("csv-day-precision-spanning-days", "r.csv", lambda: one_bad(date_end="2017-08-27"),
         Rejects(3, "date_precision", ("day", "range"))),
    Case("csv-point-in-paris", "r.csv", lambda: one_bad(lat="48.85", lon="2.35"),
         Rejects(3, "lat", ("48.85", "outside Syria"))),
    Case("csv-swapped-lat-lon", "r.csv", lambda: one_bad(lat="40.03", lon="35.44"),
         Rejects(3, "lat", ("swapped", "40.03"))),
    Case("csv-lat-nan", "r.csv", lambda: one_bad(lat="NaN"), Rejects(3, "lat", ("NaN", "finite"))),
    Case("csv-lon-inf", "r.csv", lambda: one_bad(lon="inf"), Rejects(3, "lon", ("inf", "finite"))),
    Case("csv-lat-overflow", "r.csv", lambda: one_bad(lat="1e400"), Rejects(3, "lat", ("1e400", "finite"))),
    Case("csv-lat-text", "r.csv", lambda: one_bad(lat="north"), Rejects(3, "lat", ("north", "number"))),
    Case("csv-lat-without-lon", "r.csv", lambda: one_bad(lon=""), Rejects(3, "lat", ("both",))),
    Case("csv-radius-negative", "r.csv", lambda: one_bad(radius_km="-5"), Rejects(3, "radius_km", ("-5",))),
    Case("csv-unknown-precision", "r.csv", lambda: one_bad(precision="exact"), Rejects(3, "precision", ("exact",))),
    Case("csv-unknown-event-type", "r.csv", lambda: one_bad(event_type="massacre"),
         Rejects(3, "event_type", ("massacre", "expected one of"))),
    Case("csv-unknown-status", "r.csv", lambda: one_bad(status="rumour"), Rejects(3, "status", ("rumour",))),
    Case("csv-html-in-id", "r.csv", lambda: one_bad(id="<script>alert(1)</script>"),
         Rejects(3, "id", ("<script>",))),
    Case("csv-empty-id", "r.csv", lambda: one_bad(id=""), Rejects(3, "id", ("required",))),
    Case("csv-duplicate-id", "r.csv", lambda: csv_bytes({"id": "dup"}, {"id": "x"}, {"id": "dup"}),
         Rejects(4, "id", ("dup", "first used at row 2"), imported=2)),
    Case("csv-nul-in-title", "r.csv", lambda: one_bad(title_en="bad\x00title"), Rejects(3, "title_en", ("NUL",))),
    Case("csv-very-long-title", "r.csv", lambda: one_bad(title_en="A" * 600),
         Rejects(3, "title_en", ("600", "limit"))),
    Case("csv-very-long-summary", "r.csv", lambda: one_bad(summary="ب" * 25_000),
         Rejects(3, "summary", ("25,000", "limit"))),
    Case("csv-negative-count", "r.csv", lambda: one_bad(count_min="-3"), Rejects(3, "count_min", ("-3",))),
    Case("csv-fractional-count", "r.csv", lambda: one_bad(count_min="12.5"),
         Rejects(3, "count_min", ("12.5", "whole"))),
    Case("csv-count-max-below-min", "r.csv", lambda: one_bad(count_min="9", count_max="3"),
         Rejects(3, "count_max", ("3", "below"))),
    Case("csv-javascript-url", "r.csv", lambda: one_bad(url="javascript:alert(1)"),
         Rejects(3, "url", ("javascript:alert(1)", "http"))),
    Case("csv-impossible-published", "r.csv", lambda: one_bad(published="2017-13-01"),
         Rejects(3, "published", ("2017-13-01",))),
    Case("csv-denies-itself", "r.csv", lambda: one_bad(id="t-2", denies="t-2"), Rejects(3, "denies", ("t-2",))),
    Case("csv-too-many-cells", "r.csv", lambda: csv_bytes({}) + b"t-2,clash,reported" + b",x" * 30 + b"\n",
         Rejects(3, "row", ("33 cells", "20 columns"))),
    Case("csv-too-few-cells", "r.csv", lambda: csv_bytes({}) + b"t-2,clash\n", Rejects(3, "row", ("2 cells",))),
    # --- JSON ---
    Case("json-truncated", "t.json", lambda: b'[{"id": "j-1",\n "title_en": ', Raises(ParseError, ("t.json:2", "JSON"))),
    Case("json-deeply-nested", "n.json", lambda: b"[" * 100_000 + b"]" * 100_000,
         Raises(ParseError, ("n.json", "nested too deeply"))),
    Case("json-top-level-string", "s.json", lambda: b'"just text"', Raises(ParseError, ("s.json", "JSON list"))),
    Case("json-geojson-given-as-json", "g.json", lambda: fc(feature((40.03, 35.44))), format="json",
         expect=Raises(ParseError, ("g.json", "geojson"))),
    Case("json-item-not-object", "i.json", lambda: json_list(RECORD, 42), Rejects(1, "row", ("42", "object"))),
    Case("json-unknown-key", "k.json", lambda: json_list({**RECORD, "date_strat": "2017-01-01"}),
         Rejects(0, "event", ("date_strat", "unknown key"))),
    Case("json-nan-latitude", "nan.json",
         lambda: json_list({**RECORD, "place": {**RECORD["place"], "lat": float("nan")}}),
         Rejects(0, "place.lat", ("nan", "finite"))),
    Case("json-deep-nesting-in-field", "f.json",
         lambda: b'[{"id": "j-1", "event_type": "clash", "status": "reported", "title_en": ' + b"[" * 500 + b"]" * 500
         + b"}]", Rejects(0, "title_en", ("must be text", "[[["))),
    Case("jsonl-one-broken-line", "l.jsonl",
         lambda: b"\n".join([json.dumps(RECORD).encode(), b'{"id": "j-2", ', json.dumps({**RECORD, "id": "j-3"}).encode()]),
         Rejects(2, "row", ("not valid JSON",), imported=2)),
    Case("json-duplicate-id", "dup.json", lambda: json_list(RECORD, RECORD), Rejects(1, "id", ("j-1", "duplicate"))),
    # --- GeoJSON ---
    Case("geojson-not-a-collection", "t.geojson", lambda: b'{"type": "Topology", "objects": {}}',
         Raises(ParseError, ("t.geojson", "FeatureCollection", "Topology"))),
    Case("geojson-features-not-list", "f.geojson", lambda: b'{"type": "FeatureCollection", "features": {}}',
         Raises(ParseError, ("f.geojson", "features"))),
    Case("geojson-polygon", "p.geojson",
         lambda: fc({**feature(None), "geometry": {"type": "Polygon", "coordinates": [[[40, 35], [41, 35], [40, 36], [40, 35]]]}}),
         Rejects(0, "geometry", ("Polygon", "Point"))),
    Case("geojson-string-coordinates", "s.geojson", lambda: fc(feature(("40.03", "35.44"))),
         Rejects(0, "geometry", ("40.03", "numbers"))),
    Case("geojson-infinite-coordinate", "i.geojson", lambda: fc(feature((40.03, 35.44))).replace(b"35.44", b"Infinity"),
         Rejects(0, "geometry", ("inf", "finite"))),
    Case("geojson-outside-syria", "o.geojson", lambda: fc(feature((2.35, 48.85))), Rejects(0, "lat", ("outside Syria",))),
    Case("geojson-lat-lon-order-swapped", "w.geojson", lambda: fc(feature((35.44, 40.03))),
         Rejects(0, "lat", ("swapped",))),
    Case("geojson-unknown-property", "u.geojson", lambda: fc(feature((40.03, 35.44), colour="red")),
         Rejects(0, "colour", ("unknown",))),
    Case("geojson-nested-property", "n.geojson", lambda: fc(feature((40.03, 35.44), title_en={"a": 1})),
         Rejects(0, "title_en", ("plain value",))),
    Case("geojson-utf16", "u16.geojson", lambda: fc(feature((40.03, 35.44), title_ar="اشتباك قرب الطريف")).decode()
         .encode("utf-16"), Repaired(_utf16)),
    # --- KML ---
    Case("kml-billion-laughs", "bl.kml",
         lambda: kml_doc("<Placemark><name>&lol4;</name></Placemark>", prolog=BILLION_LAUGHS),
         Raises(ParseError, ("bl.kml:1", "DOCTYPE", "refused"))),
    Case("kml-xxe-file", "xxe.kml", lambda: kml_doc("<Placemark><name>&xxe;</name></Placemark>", prolog=XXE),
         Raises(ParseError, ("xxe.kml", "DOCTYPE"))),
    Case("kml-entity-without-doctype", "ent.kml", lambda: kml_doc('<!ENTITY a "b"><Placemark/>'),
         Raises(ParseError, ("ent.kml", "ENTITY"))),
    Case("kml-malformed", "m.kml", lambda: kml_doc("<Placemark><name>unclosed</Placemark>\n"),
         Raises(ParseError, ("m.kml:1", "well-formed"))),
    Case("kml-html-not-kml", "h.kml", lambda: b"<html><body><script>alert(1)</script></body></html>",
         Raises(ParseError, ("h.kml", "KML", "html"))),
    Case("kml-bad-coordinates", "c.kml",
         lambda: kml_doc("<Placemark><name>x</name><Point><coordinates>east,north</coordinates></Point></Placemark>"),
         Rejects(0, "Point", ("east,north",))),
    Case("kml-bad-event-json", "j.kml",
         lambda: kml_doc('<Placemark><ExtendedData><Data name="event_json"><value>{"id": </value></Data>'
                         "</ExtendedData></Placemark>"), Rejects(0, "event_json", ("not valid JSON",))),
    Case("kml-point-outside-syria", "o.kml",
         lambda: kml_doc("<Placemark><name>x</name><Point><coordinates>2.35,48.85</coordinates></Point></Placemark>"),
         Rejects(0, "lat", ("outside Syria",))),
    # --- ACLED ---
    Case("acled-other-country", "a.csv", lambda: acled(country="Lebanon"), Rejects(3, "country", ("Lebanon",))),
    Case("acled-impossible-date", "a.csv", lambda: acled(event_date="31/31/2017"),
         Rejects(3, "event_date", ("31/31/2017",))),
    Case("acled-feb-30", "a.csv", lambda: acled(event_date="30 February 2017"), Rejects(3, "event_date", ("30 February",))),
    # a code the codebook does not define is kept with a data-quality flag, not refused
    Case("acled-geo-precision-7", "a.csv", lambda: acled(geo_precision="7"),
         Repaired(_flagged("unknown_code:geo_precision=7"))),
    Case("acled-time-precision-9", "a.csv", lambda: acled(time_precision="9"),
         Repaired(_flagged("unknown_code:time_precision=9"))),
    Case("acled-unknown-event-type", "a.csv", lambda: acled(event_type="Festivals", sub_event_type="Parade"),
         Rejects(3, "event_type", ("Festivals",))),
    Case("acled-negative-fatalities", "a.csv", lambda: acled(fatalities="-3"), Rejects(3, "fatalities", ("-3",))),
    Case("acled-swapped-coordinates", "a.csv", lambda: acled(latitude="40.03", longitude="35.44"),
         Rejects(3, "latitude", ("swapped",))),
    Case("acled-duplicate-id", "a.csv", lambda: acled(event_id_cnty="SYR1"),
         Rejects(3, "event_id_cnty", ("acled:SYR1", "duplicate"))),
    # --- UCDP ---
    # published quirks are kept with a data-quality flag (events/quality.py), not refused
    Case("ucdp-where-prec-9", "u.csv", lambda: ucdp(where_prec="9"), Repaired(_flagged("unknown_code:where_prec=9"))),
    Case("ucdp-feb-30", "u.csv", lambda: ucdp(date_start="2017-02-30 00:00:00.000"),
         Rejects(3, "date_start", ("2017-02-30",))),
    Case("ucdp-violence-type-4", "u.csv", lambda: ucdp(type_of_violence="4"),
         Repaired(_flagged("unknown_code:type_of_violence=4"))),
    Case("ucdp-best-above-high", "u.csv", lambda: ucdp(best="9"),
         Repaired(_flagged("best_outside_range:best=9,low=2,high=5"))),
    Case("ucdp-sentinel-source-date", "u.csv", lambda: ucdp(source_date="1753-01-01"),
         Repaired(_flagged("source_date_implausible:1753-01-01"))),
    Case("ucdp-nan-latitude", "u.csv", lambda: ucdp(latitude="nan"), Rejects(3, "latitude", ("nan", "finite"))),
    Case("ucdp-other-country", "u.csv", lambda: ucdp(country="Turkey"), Rejects(3, "country", ("Turkey",))),
]
