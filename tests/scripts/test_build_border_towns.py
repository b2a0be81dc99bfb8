"""scripts/build_border_towns.py: which neighbouring towns are kept, and where their Arabic names come from
(records written for the test)."""
from __future__ import annotations

from scripts.build_border_towns import MIN_POP, build, latin_key, listed_arabic_names


def _rec(gid, name, code, pop, lat, lon, *alts):
    return {"geonameid": gid, "name": name, "countrycode": code, "population": pop,
            "latitude": lat, "longitude": lon, "alternatenames": list(alts)}


def test_latin_key_ignores_accents_case_and_dotless_i():
    assert latin_key("Akçakale") == latin_key("AKCAKALE") == "akcakale"
    assert latin_key("Ceylanpınar") == "ceylanpinar"
    assert latin_key("Al Qā’im") == "alqaim"


def test_listed_names_are_found_by_any_latin_spelling(tmp_path):
    f = tmp_path / "foreign.csv"
    f.write_text("name_en,name_ar,alt_en,alt_ar\nSuruc,سروج,Suruç;Soruç,\n", encoding="utf-8")
    listed = listed_arabic_names([f])
    assert listed[latin_key("Suruç")] == ["سروج"] == listed["soruc"]


def test_build_keeps_near_neighbouring_towns_biggest_first():
    near = lambda lat, lon: 0.0 if lat < 40 else 100.0   # noqa: E731  (lat ≥ 40 is far from Syria)
    cities = {
        1: _rec(1, "Smalltown", "TR", 3_000, 36.7, 37.1, "بلدة صغيرة"),
        2: _rec(2, "Bigtown", "TR", 90_000, 36.8, 38.0),
        3: _rec(3, "Faraway", "TR", 500_000, 41.0, 29.0, "بعيدة"),
        4: _rec(4, "Hamlet", "IQ", MIN_POP - 1, 34.4, 41.0),
        5: _rec(5, "Syrian", "SY", 50_000, 36.0, 37.0),
        6: _rec(6, "Cairo", "EG", 9_000_000, 30.0, 31.2),
    }
    rows = build(cities, near, {"bigtown": ["المدينة الكبيرة", "الكبيرة"]})
    assert [r["name_en"] for r in rows] == ["Bigtown", "Smalltown"]
    big, small = rows
    assert (big["name_ar"], big["alt_ar"], big["country"]) == ("المدينة الكبيرة", "الكبيرة", "Turkey")
    assert small["name_ar"] == "بلدة صغيرة" and small["population"] == "3000"
