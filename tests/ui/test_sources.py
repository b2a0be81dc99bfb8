"""UCDP's packed source string is shown as one escaped line per article (issue 12: "source text shown raw")."""
from __future__ import annotations

from events.io.ucdp_articles import parse_articles
from tests.ui.conftest import run_app
from ui.i18n import counted, plural_form
from ui.sources import article_list_html
from ui.text import esc

def test_html_escapes_every_part_and_keeps_the_headline_direction():
    html = article_list_html(parse_articles('"<b>Out</b>,2017-09-07,<script>alert(1)</script> عنوان"'), esc)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;Out" in html
    assert '<span dir="auto">' in html and html.count("<li>") == 1


def test_arabic_counts_take_their_plural_class():
    assert [plural_form(n, "ar") for n in (0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111)] == [
        "zero", "one", "two", "few", "few", "many", "many", "other", "other", "few", "many"]
    assert counted(2, "event", "ar") == "حدثان" and counted(1, "article", "ar") == "مقال واحد"
    assert counted(5, "killed", "ar") == "5 قتلى" and counted(12, "killed", "ar") == "12 قتيلًا"
    assert counted(9824, "event", "en") == "9,824 events" and counted(1, "event", "en") == "1 event"


def test_side_panel_lists_a_packed_chain_as_articles(tmp_path, monkeypatch):
    from dataclasses import replace

    from events.model import Source
    from events.store import open_store, seed_store
    path = tmp_path / "events.sqlite"
    packed = '"Wire One,2017-09-01,Shelling near the bridge, two hurt";"<i>Paper</i>,2017-09-02,Follow-up"'
    with open_store(path) as store:
        seed_store(store)
        base = store.get("seed-2017-09-05-dez-siege-broken")
        store.add([replace(base, id="packed-chain", sources=(Source(outlet="Wire One;<i>Paper</i>", source=packed,
                                                                     title="Shelling near the bridge, two hurt;Follow-up"),))],
                  author="t")
    at = run_app(monkeypatch, path, sel="packed-chain")
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "2 articles" in html and html.count("<li>") >= 2
    assert "<b>Wire One</b> · <span class=\"evm-date\">2017-09-01</span>" in html
    assert "&lt;i&gt;Paper&lt;/i&gt;" in html and "<i>Paper</i>" not in html
    assert packed not in html and "&quot;Wire One" not in html          # the packed string is not shown


def test_table_shows_each_outlet_of_a_packed_list_once():
    import pandas as pd

    from ui.table import _outlets
    assert _outlets("SOHR;SOHR;Reuters News") == "SOHR, Reuters News"
    assert _outlets("SANA") == "SANA" and _outlets(None) is None and pd.isna(_outlets(pd.NA))


def test_count_kinds_are_named_in_arabic_and_unknown_ones_kept():
    from ui.i18n import count_kind
    assert count_kind("deaths", "ar") == "قتلى" and count_kind("Wounded", "ar") == "جرحى"
    assert count_kind("ISIS commanders", "ar") == "ISIS commanders" and count_kind("deaths", "en") == "deaths"


def test_arabic_panel_names_flags_and_counts_sources_in_arabic(tmp_path, monkeypatch):
    from dataclasses import replace

    from events.store import open_store, seed_store
    path = tmp_path / "events.sqlite"
    with open_store(path) as store:
        seed_store(store)
        base = store.get("seed-2017-09-05-dez-siege-broken")
        store.add([replace(base, id="flagged", flags=("admin_name_missing", "best_outside_range:best=9,low=1,high=3"))],
                  author="t")
    at = run_app(monkeypatch, path, sel="flagged", lang="ar")
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "لا اسم للمحافظة في البيانات" in html and "<bdi>best=9,low=1,high=3</bdi>" in html
    assert "أورده مصدر مستقل واحد" in html or "مصدران مستقلان" in html or "مصادر مستقلة" in html
    assert "independent source" not in html


def test_side_panel_shows_a_count_range_that_starts_at_zero(tmp_path, monkeypatch):
    # UCDP "best 0, high 1" is deaths 0–1: the panel wrote "–1" (a falsy 0 dropped), read as minus one
    from dataclasses import replace

    from events.model import Count
    from events.store import open_store, seed_store
    path = tmp_path / "events.sqlite"
    with open_store(path) as store:
        seed_store(store)
        base = store.get("seed-2017-09-05-dez-siege-broken")
        store.add([replace(base, id="zero-to-one", counts=(Count(what="deaths", min=0, max=1, approximate=True,
                                                                 as_written="best 0"),))], author="t")
    at = run_app(monkeypatch, path, sel="zero-to-one")
    html = " ".join(h.proto.body for h in at.get("html"))
    assert "deaths: 0–1" in html and "deaths: –1" not in html
