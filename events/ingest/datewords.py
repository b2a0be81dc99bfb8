"""Calendar vocabulary for date rules: month and weekday names, number words.

Why a table of our own: dateparser knows Levantine months only with
``locales=['ar-SY']`` and nothing of "ليلة 26 آب" or "أواخر آب الماضي", so
the rules in dates.py match these names themselves. Names are folded
(normalize.fold: أ/إ/آ → ا, ى → ي) like the text they are matched against.
"""
from __future__ import annotations

from events.ingest.normalize import fold_text, words

#: Levantine (Syriac) month names used in Syria, Lebanon, Jordan, Iraq.
LEVANTINE_MONTHS = {
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8,
    "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
}
#: Egyptian / Gregorian transliterated names (Egyptian and Gulf media, SANA English-style copy).
GREGORIAN_AR_MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12,
}
ENGLISH_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTHS = {fold_text(k): v for table in (LEVANTINE_MONTHS, GREGORIAN_AR_MONTHS, ENGLISH_MONTHS)
          for k, v in table.items()}
#: Regex alternation of every month name (folded, longest first).
MONTH_RE = words(list(MONTHS))

#: Python weekday numbers (Monday = 0).
WEEKDAYS = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
WEEKDAY_NUM = {fold_text(k): v for k, v in WEEKDAYS.items()}
WEEKDAY_RE = words(list(WEEKDAYS))

#: Small cardinal numbers written as words (Arabic masculine/feminine/dual, English).
NUMBER_WORDS = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3,
    "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8,
    "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30,
    "ثلاثون": 30, "أربعين": 40, "أربعون": 40, "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "a": 1, "an": 1,
}
NUMBER_WORD_VALUE = {fold_text(k): v for k, v in NUMBER_WORDS.items()}
NUMBER_WORD_RE = words([k for k in NUMBER_WORDS if k not in ("a", "an")])

#: Duration units → (days, precision of a date N units ago).
DURATION_UNITS = {
    "سنوات": 365, "سنة": 365, "سنين": 365, "أعوام": 365, "عاما": 365, "عام": 365, "سنتين": 730, "عامين": 730,
    "أشهر": 30, "شهور": 30, "شهرا": 30, "شهرين": 60, "أسابيع": 7, "أسبوعين": 14, "أيام": 1, "يوما": 1, "يومين": 2,
    "years": 365, "year": 365, "months": 30, "month": 30, "weeks": 7, "week": 7, "days": 1, "day": 1,
}
DURATION_UNIT_DAYS = {fold_text(k): v for k, v in DURATION_UNITS.items()}
DURATION_UNIT_RE = words(list(DURATION_UNITS))
#: Dual units already carry their number ("سنتين" = two years).
DUAL_UNITS = {fold_text(k) for k in ("سنتين", "عامين", "شهرين", "أسبوعين", "يومين")}


_UNITS_ORD = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
#: Ordinal days of the month as words: «الرابع من تموز», «الحادي والعشرين من آب», «الثلاثين من أيار».
ORDINAL_DAYS = {**{w: i + 1 for i, w in enumerate(_UNITS_ORD)}, "العاشر": 10, "الحادي عشر": 11, "العشرين": 20,
                "الثلاثين": 30, "الحادي والثلاثين": 31,
                **{f"{w} عشر": 11 + i for i, w in enumerate(["الحادي"] + _UNITS_ORD[1:])},
                **{f"{w} والعشرين": 21 + i for i, w in enumerate(["الحادي"] + _UNITS_ORD[1:])}}
ORDINAL_DAY_VALUE = {fold_text(k): v for k, v in ORDINAL_DAYS.items()}
ORDINAL_DAY_RE = words(list(ORDINAL_DAYS))


def number_value(token: str) -> int | None:
    """'3', '٣' (already folded to '3'), 'ثلاث', 'three' → 3; None when not a number."""
    token = token.strip()
    if token.isdigit():
        return int(token)
    return NUMBER_WORD_VALUE.get(fold_text(token))
