"""UCDP's packed source string read back into its articles (events/io/ucdp_articles.py): shape,
refusal of other shapes, caps, time bound, and a round trip (property-based)."""
from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from events.io.ucdp_articles import MAX_ARTICLES, Article, parse_articles

TWO = ('"Outlet One,2016-05-13,First headline, with a comma; and a semicolon";'
       '"Daily Paper,2016-06-16,Second one"')


def test_two_articles_are_read_back_with_their_commas_and_semicolons():
    assert parse_articles(TWO) == [Article("Outlet One", "2016-05-13", "First headline, with a comma; and a semicolon"),
                                   Article("Daily Paper", "2016-06-16", "Second one")]


def test_text_not_in_ucdp_shape_is_left_to_the_plain_chain():
    assert parse_articles("SANA, quoting a military source") == []
    assert parse_articles('"no date here"') == []
    assert parse_articles('"A,2016-01-01,x";"B without date"') == []
    assert parse_articles("") == [] and parse_articles(None) == []


def test_many_articles_are_capped():
    text = ";".join(f'"O{i},2016-01-01,h{i}"' for i in range(200))
    assert len(parse_articles(text)) == MAX_ARTICLES


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses_quickly_and_each_article_has_an_iso_date(text):
    out = parse_articles(text)
    assert all(len(a.published) == 10 and a.published[4] == "-" for a in out)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="ABC xyz", min_size=1, max_size=12),
                          st.text(alphabet="abc ,;.-", max_size=40)), min_size=1, max_size=8))
def test_round_trip_of_written_chains(items):
    text = ";".join(f'"{o},2018-03-04,{h}"' for o, h in items)
    got = parse_articles(text)
    want = [(o.strip(), h.strip()) for o, h in items if o.strip() or h.strip()]
    assert [(a.outlet, a.headline) for a in got] == want


def test_hostile_long_text_is_bounded():
    t0 = time.perf_counter()
    parse_articles('"' + "a," * 20_000 + '"')
    parse_articles('"' + ",2016-01-0" * 3000 + '"')
    assert time.perf_counter() - t0 < 0.5
