"""scripts/build_foreign_cities.py: which GeoNames towns become foreign places, and which only count
with their country named (records written for the test)."""
from __future__ import annotations

from scripts.build_foreign_cities import arabic_names, build


def _rec(gid, name, code, pop, *alts):
    return {"geonameid": gid, "name": name, "countrycode": code, "population": pop, "alternatenames": list(alts)}


def test_arabic_names_keep_arabic_script_of_four_letters_or_more():
    rec = _rec(1, "Zakho", "IQ", 0, "Zakho", "زاخو", "زاخۆ", "حي", "الحي", "زاخو")
    # Latin, Kurdish letters (ۆ), and names of three letters or fewer besides the article are dropped
    assert arabic_names(rec) == ["زاخو"]
    assert arabic_names(_rec(2, "Qom", "IR", 0, "قمی شهر")) == ["قمي شهر"]  # Persian ی read as ي


def test_strict_for_small_towns_namesakes_and_everyday_words():
    cities = {
        1: _rec(1, "Big", "IQ", 300_000, "مدينة كبيرة"),
        2: _rec(2, "Small", "IQ", 1_000, "قرية صغيرة"),
        3: _rec(3, "Twin", "IQ", 300_000, "بلدة توأم"),
        4: _rec(4, "Word", "EG", 100_000, "العبور"),
        5: _rec(5, "Syrian", "SY", 900_000, "مدينة سورية"),
        6: _rec(6, "Far", "FR", 50_000, "بلدة بعيدة"),
        7: _rec(7, "Paris", "FR", 2_000_000, "باريس"),
    }
    rows = build(cities, syrian_knows=lambda name: name == "بلدة توأم")
    strict = {r["name_en"]: bool(r["strict"]) for r in rows}
    assert strict == {"Paris": False, "Big": False, "Twin": True, "Word": True, "Small": True}
    assert {r["country"] for r in rows if r["name_en"] == "Paris"} == {"France"}
