"""UI text in English and Arabic, and the labels of the domain's enum values.

Why one module with two complete tables: every visible string of the
dashboard goes through ``t()``, so switching language switches *all* of it,
and a test can check both tables have the same keys (a missing Arabic string
is a bug, not a silent English fallback). Domain values (event types, claim
statuses, precisions) keep their enum value in the data and in URLs; only
their label is translated here.
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from mapview.style import TYPE_LABELS
from ui.i18n_text import AR, EN
from ui.i18n_forms import (  # noqa: F401 (re-exported: callers import them from ui.i18n)
    AR_MONTHS, MONTH_STYLES, month_names, month_style_of, COUNT_KINDS_AR, count_kind,
    format_day, format_span, plural_form, COUNTED, counted, events_noun,
)

Lang = Literal["en", "ar"]
LANGS: tuple[str, ...] = ("en", "ar")
LANG_NAMES = {"en": "English", "ar": "العربية"}

TABLES: dict[str, dict[str, str]] = {"en": EN, "ar": AR}

#: Labels of enum values (event type, claim status, place/date precision), by language. Event types
#: use the map legend's words (mapview.style.TYPE_LABELS), so a filter, the table and the legend agree.
VALUE_LABELS: dict[str, dict[str, str]] = {
    "en": {
        **{kind.value: en for kind, (en, _ar) in TYPE_LABELS.items()},
        "reported": "Reported", "claimed": "Claimed", "denied": "Denied", "confirmed": "Confirmed",
        "point": "Exact place", "near": "Near a place", "subdistrict": "Sub-district", "district": "District",
        "governorate": "Governorate", "region": "Region", "country": "Country only",
        "day": "Day", "night": "Night", "week": "Week", "month": "Month", "range": "Date range", "year": "Year",
    },
    "ar": {
        **{kind.value: ar for kind, (_en, ar) in TYPE_LABELS.items()},
        "reported": "مُبلَّغ عنه", "claimed": "ادعاء", "denied": "منفي", "confirmed": "مؤكَّد",
        "point": "مكان محدد", "near": "قرب مكان", "subdistrict": "ناحية", "district": "منطقة",
        "governorate": "محافظة", "region": "إقليم", "country": "البلد فقط",
        "day": "يوم", "night": "ليلة", "week": "أسبوع", "month": "شهر", "range": "فترة", "year": "سنة",
    },
}

def norm_lang(lang: str | None) -> str:
    return lang if lang in TABLES else "en"


def t(key: str, lang: str, **kwargs: object) -> str:
    """The UI string ``key`` in ``lang``, formatted with ``kwargs``; KeyError for an unknown key (a bug)."""
    text = TABLES[norm_lang(lang)][key]
    return text.format(**kwargs) if kwargs else text


def label(value: str | None, lang: str) -> str:
    """Label of an enum value (``"denied"`` → "Denied" / "منفي"); unknown values are shown as is."""
    if value is None:
        return ""
    return VALUE_LABELS[norm_lang(lang)].get(str(value), str(value))


def span_in_words(start: date, end: date, n: int, lang: str, *, months: str | None = None) -> str:
    return t("span_words", lang, span=format_span(start, end, lang, months=months), events=counted(n, "event", lang))


def visible_of_total(visible: int, total: int, lang: str) -> str:
    return t("visible_of_total", lang, visible=f"{visible:,}", total=f"{total:,}", noun=events_noun(total, lang))
