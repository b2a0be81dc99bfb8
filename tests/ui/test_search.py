"""Place search through the gazetteer: every known spelling of a place gives the same filter."""
from __future__ import annotations

from events.query import Query
from ui import search


def test_spellings_of_abu_kamal_give_one_place_box():
    hits = [search._resolve(text, "place") for text in ("Abu Kamal", "البوكمال", "Albu Kamal", "Al Bukamal")]
    assert all(h is not None for h in hits)
    assert len({h.bbox for h in hits}) == 1
    west, south, east, north = hits[0].bbox
    assert west < 40.91 < east and south < 34.45 < north and hits[0].name_ar == "البوكمال"


def test_within_the_district_is_a_wider_box():
    near, district = search._resolve("Abu Kamal", "place"), search._resolve("Abu Kamal", "district")
    assert district.scope == "district"
    assert (district.bbox[2] - district.bbox[0]) > (near.bbox[2] - near.bbox[0])


def test_text_that_is_no_place_stays_a_text_filter(monkeypatch):
    monkeypatch.setattr(search, "_resolve", lambda text, scope: None)
    q = Query(text="helicopter")
    assert search.place_filter(q) == (q, None)
