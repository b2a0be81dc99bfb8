"""Language forms that are not a string table: month names (Arabic in its Levantine and Egyptian forms),
day and span formatting, plural classes and counted nouns, and the Arabic names of count kinds.

Why apart from ``ui/i18n.py``: the string tables are data that grows with every page, while these are
small rules with their own tests (CLDR plural classes, the two Arabic month forms); ``ui.i18n``
re-exports every name here, so callers keep importing from one place. Any ``lang`` other than "ar"
is English, as ``ui.i18n.norm_lang`` reads it.
"""
from __future__ import annotations

from datetime import date


#: Arabic month names in the two forms Arabic news uses: Levantine (Syriac) names, as Syrian, Lebanese,
#: Jordanian and Iraqi outlets write them, and Egyptian (transliterated Gregorian) names, as Egyptian and
#: Gulf outlets do. A setting picks one; by default, the form the stored events' own text uses.
AR_MONTHS: dict[str, list[str]] = {
    "levantine": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                  "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    "egyptian": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
                 "أكتوبر", "نوفمبر", "ديسمبر"],
}
MONTH_STYLES: tuple[str, ...] = tuple(AR_MONTHS)
_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "ar": AR_MONTHS["levantine"],
}


def month_names(lang: str, style: str | None = None) -> list[str]:
    """The twelve month names for ``lang``; Arabic in ``style`` ("levantine" default, or "egyptian")."""
    if lang != "ar":
        return _MONTHS["en"]
    return AR_MONTHS.get(style or "levantine", AR_MONTHS["levantine"])


def month_style_of(texts, *, limit: int = 2000) -> str:
    """"egyptian" when the Arabic month names in ``texts`` (at most ``limit`` of them) are mostly
    Egyptian forms (يناير، فبراير…), else "levantine" (كانون الثاني، شباط…, and when there are none:
    the Syrian press's own form)."""
    from events.ingest.datewords import GREGORIAN_AR_MONTHS, LEVANTINE_MONTHS
    lev = egy = 0
    for i, text in enumerate(texts):
        if i >= limit:
            break
        if not isinstance(text, str) or not text:
            continue
        text = text[:5000]
        lev += sum(text.count(name) for name in LEVANTINE_MONTHS)
        egy += sum(text.count(name) for name in GREGORIAN_AR_MONTHS)
    return "egyptian" if egy > lev else "levantine"


#: Arabic names of the count kinds the importers and the article reader write (events/ingest/counts.py
#: normalises to these English nouns; UCDP/ACLED imports write "deaths"/"fatalities"). Others show as written.
COUNT_KINDS_AR: dict[str, str] = {
    "deaths": "قتلى", "fatalities": "قتلى", "killed": "قتلى", "wounded": "جرحى", "families": "عائلات",
    "people": "أشخاص", "fighters": "مقاتلون", "children": "أطفال", "women": "نساء", "soldiers": "جنود",
    "air strikes": "غارات جوية", "strikes": "ضربات", "shells": "قذائف", "missiles": "صواريخ",
    "rockets": "صواريخ", "barrel bombs": "براميل متفجرة", "displaced people": "نازحون", "houses": "منازل",
    "detainees": "معتقلون", "helicopters": "مروحيات", "commanders": "قادة", "civilians": "مدنيون",
    "residents": "سكان", "members": "عناصر",
}


def count_kind(what: str, lang: str) -> str:
    """A count's kind in ``lang`` ("deaths" → «قتلى»); unknown kinds as written."""
    if lang == "ar":
        return COUNT_KINDS_AR.get((what or "").strip().casefold(), what)
    return what


def format_day(d: date, lang: str, *, with_year: bool = True, months: str | None = None) -> str:
    month = month_names(lang, months)[d.month - 1]
    return f"{d.day} {month} {d.year}" if with_year else f"{d.day} {month}"


def format_span(start: date, end: date, lang: str, *, months: str | None = None) -> str:
    """"26 Aug – 5 Sep 2017", "25–29 Aug 2017" (the year, and the month, once when both ends share it);
    ``months``: the Arabic month style (see AR_MONTHS)."""
    if start == end:
        return format_day(start, lang, months=months)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_day(end, lang, months=months)}"
    same_year = start.year == end.year
    return (f"{format_day(start, lang, with_year=not same_year, months=months)} – "
            f"{format_day(end, lang, months=months)}")


def plural_form(n: int, lang: str) -> str:
    """The count's plural class (CLDR): English one/other; Arabic zero, one, two, few (3–10 after the
    hundreds), many (11–99 after the hundreds), other (100, 101, 102…)."""
    if lang != "ar":
        return "one" if n == 1 else "other"
    r = n % 100
    if n == 0:
        return "zero"
    if n == 1:
        return "one"
    if n == 2:
        return "two"
    if 3 <= r <= 10:
        return "few"
    if 11 <= r <= 99:
        return "many"
    return "other"


#: Counted nouns: the whole phrase per plural class (Arabic says "حدثان", not "2 حدث"; 1 is "حدث واحد").
COUNTED: dict[str, dict[str, dict[str, str]]] = {
    "event": {"en": {"one": "1 event", "other": "{n} events"},
              "ar": {"zero": "لا أحداث", "one": "حدث واحد", "two": "حدثان", "few": "{n} أحداث",
                     "many": "{n} حدثًا", "other": "{n} حدث"}},
    "article": {"en": {"one": "1 article", "other": "{n} articles"},
                "ar": {"zero": "لا مقالات", "one": "مقال واحد", "two": "مقالان", "few": "{n} مقالات",
                       "many": "{n} مقالًا", "other": "{n} مقال"}},
    "source": {"en": {"one": "1 independent source", "other": "{n} independent sources"},
               "ar": {"zero": "لا مصادر مستقلة", "one": "مصدر مستقل واحد", "two": "مصدران مستقلان",
                      "few": "{n} مصادر مستقلة", "many": "{n} مصدرًا مستقلًا", "other": "{n} مصدر مستقل"}},
    "killed": {"en": {"one": "1 killed", "other": "{n} killed"},
               "ar": {"zero": "لا قتلى", "one": "قتيل واحد", "two": "قتيلان", "few": "{n} قتلى",
                      "many": "{n} قتيلًا", "other": "{n} قتيل"}},
}


def counted(n: int, noun: str, lang: str) -> str:
    """"7 events" / «7 أحداث», «حدثان», «12 حدثًا»; thousands separated by "," in both languages, as the
    map's own counts are (Western digits, as the Syrian press prints them)."""
    forms = COUNTED[noun]["ar" if lang == "ar" else "en"]
    text = forms.get(plural_form(n, lang), forms["other"])
    return text.format(n=f"{n:,}")


def events_noun(n: int, lang: str) -> str:
    """The noun after a number: "events"/"event"; Arabic by the count's plural class
    (1 حدث، 2 حدثين، 3–10 أحداث، 11–99 حدثًا، 100+ حدث)."""
    if lang != "ar":
        return "event" if n == 1 else "events"
    form = plural_form(n, lang)
    return {"two": "حدثين", "few": "أحداث", "many": "حدثًا"}.get(form, "حدث")
