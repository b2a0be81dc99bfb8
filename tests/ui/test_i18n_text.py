"""UI strings exist in both languages; user text is escaped before it reaches HTML."""
from __future__ import annotations

from datetime import date

from events.model import ClaimStatus, DatePrecision, EventType
from gazetteer.model import Precision
from ui.i18n import TABLES, VALUE_LABELS, format_span, span_in_words, t, visible_of_total
from ui.text import dir_block, highlight_span, md_escape, safe_url


def test_both_tables_have_the_same_keys():
    assert set(TABLES["en"]) == set(TABLES["ar"])
    for enum in (EventType, ClaimStatus, Precision, DatePrecision):
        for member in enum:
            assert member.value in VALUE_LABELS["en"] and member.value in VALUE_LABELS["ar"]


def test_placeholders_match_between_languages():
    import string
    fmt = string.Formatter()
    for key in TABLES["en"]:
        en = {f for _, f, _, _ in fmt.parse(TABLES["en"][key]) if f}
        ar = {f for _, f, _, _ in fmt.parse(TABLES["ar"][key]) if f}
        assert en == ar, key


def test_span_in_words():
    assert span_in_words(date(2017, 8, 26), date(2017, 9, 5), 6, "en") == "26 Aug – 5 Sep 2017, 6 events"
    assert span_in_words(date(2017, 8, 26), date(2017, 8, 26), 1, "en") == "26 Aug 2017, 1 event"
    assert format_span(date(2016, 12, 30), date(2017, 1, 2), "en") == "30 Dec 2016 – 2 Jan 2017"
    assert "آب" in format_span(date(2017, 8, 26), date(2017, 9, 5), "ar")
    assert t("visible_of_total", "ar", visible=3, total=7, noun="أحداث").startswith("3 من أصل 7")
    # Arabic plural classes by count (issue 12: "one count is ungrammatical")
    assert visible_of_total(3, 7, "ar") == "3 من أصل 7 أحداث معروضة"
    assert visible_of_total(3, 16446, "ar").endswith("16,446 حدثًا معروضة")   # separated like the map's counts
    assert visible_of_total(3, 100, "ar").endswith("100 حدث معروضة")
    assert span_in_words(date(2017, 8, 1), date(2017, 8, 31), 12, "ar").endswith("12 حدثًا")


def test_quote_is_escaped_and_rtl():
    html = dir_block('قال مصدر عسكري دبلوماسي <script>x</script> "إجلاء"')
    assert 'dir="rtl"' in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_highlight_wraps_span_in_mark_and_escapes():
    sentence = "a <b> ليلة 26 آب"
    html = highlight_span(sentence, (2, 5))
    assert '<mark class="evm-span">&lt;b&gt;</mark>' in html
    assert highlight_span("x", (5, 9)).count("<mark") == 0     # out-of-range span: no mark, no crash


def test_only_http_links_and_markdown_escaped():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert md_escape("[x](http://e)") == r"\[x\]\(http\:\/\/e\)".replace(r"\/", "/")
