"""Find dates in report text and turn them into EventDates relative to the publication day.

Why rules: reports date events relative to when they were published
("ليلة 26 آب", "يوم 28 من الشهر ذاته", "أواخر آب الماضي", "on Tuesday"),
which dateparser does not read. Each rule returns the honest precision:
a night, a day, a week, a month, a range ("late August" = 21–31) or a year.

Conventions (documented for analysts):
- No year given → the latest such date on or before publication
  ("26 آب" in a report of 7 Sep 2017 → 26 Aug 2017; "كانون الأول" → Dec 2016),
  with the warning "date inferred: no year given, took YYYY from publication date".
  "الماضي" with the publication month itself ("أيلول الماضي" in September) → previous year.
- A weekday ("يوم الثلاثاء", "on Tuesday") → the last such weekday on or before
  publication (Tuesday in a report published Thursday 7 Sep 2017 → Tue 5 Sep 2017);
  with "الماضي"/"last" it is strictly before publication.
- "الشهر ذاته/نفسه" → the month of the last date read in the article.
- early / mid / late month → days 1–10 / 11–20 / 21–end (RANGE).
- last week (الأسبوع الماضي) → the seven days before publication (WEEK).
- "منذ العام 2014" / "since 2014" → kind "since" (YEAR 2014): when something began.
- "منذ مطلع الشهر الجاري" / "since early December" → a RANGE from then to publication.
- "نحو 3 سنوات" → kind "duration" (how long something lasted); "منذ 3 أيام" → N units before publication.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from events.ingest.datewords import (DUAL_UNITS, DURATION_UNIT_DAYS, DURATION_UNIT_RE, MONTH_RE, MONTHS,
                                     NUMBER_WORD_RE, ORDINAL_DAY_RE, ORDINAL_DAY_VALUE, WEEKDAY_NUM, WEEKDAY_RE,
                                     number_value)
from events.ingest.normalize import fold, fold_pattern, words
from events.model import DatePrecision, EventDate

P = DatePrecision
_PAST = r"(?:\s+(?:الماضي|المنصرم|السابق))"
_CURRENT = r"(?:\s+(?:الجاري|الحالي))"
# Every quantifier below is possessive (``\s++``) or separated from its neighbour by a required word, so
# no run of spaces can be split between two quantifiers: each rule is linear in the text (issue 13).
_YEAR = r"(?:(?:\s*+,)?\s++(?:من\s++)?(?:(?:عام|العام|سنة)\s*+)?(?P<year>(?:19|20)\d\d))"
_DAY = r"(?P<day>[0-3]?\d)"
_SINCE_BEFORE = re.compile(r"(?<![\w])(?:منذ|since)\s++$")
#: How far before a date "since" is looked for (characters; whitespace is already collapsed by fold).
_SINCE_WINDOW = 64
_PRE = r"(?<![\w])"  # not inside a word (\w covers Arabic letters)
_WD_AR = words([k for k in WEEKDAY_NUM if not k.isascii()])  # Arabic weekday names (a bare one is a date)
_POST = r"(?![\w])"


@dataclass(frozen=True)
class DateMention:
    """One date phrase in a text: ``span`` is relative to the text that was searched."""
    date: EventDate
    span: tuple[int, int]
    kind: str = "event"           # "event" | "since" | "duration"
    duration_days: int | None = None
    warnings: tuple[str, ...] = ()


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def last_weekday(published: date, weekday: int, *, strictly_before: bool = False) -> date:
    """The last ``weekday`` (Monday = 0) on or before ``published`` (strictly before with ``strictly_before``)."""
    delta = (published.weekday() - weekday) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return published - timedelta(days=delta)


@dataclass
class DateReader:
    """Reads dates in article order; remembers the last month read for "the same month".

    Mutable on purpose and private to one ingest call: "يوم 28 من الشهر ذاته"
    only has a meaning after the sentence that named the month.
    """
    published: date
    last_month: tuple[int, int] | None = None  # (year, month)
    _rules: list[tuple[re.Pattern[str], Callable]] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        m = MONTH_RE
        wd = WEEKDAY_RE
        r = [
            # "ليل الخميس - الجمعة", "the night of Thursday to Friday": the night that starts on the first day
            (rf"(?:ليل|ليلة)\s+(?:يوم\s+)?(?P<wd>{wd})\s*(?:-|–|/|و|الى)\s*(?:يوم\s+)?(?P<wd2>{wd})"
             rf"|(?:the\s+)?night\s+(?:of|between)\s+(?P<wd3>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:to|and)\s+\w+day",
             self._night_pair),
            # «اليوم (الخميس)», «أمس الجمعة», «صباح هذا اليوم»: the relative day, its weekday only confirming it
            (rf"(?:(?:فجر|صباح|مساء|ظهر|عصر)\s+)?(?:هذا\s+)?اليوم\s*(?:\(\s*)?(?:{wd})\s*\)?|(?:فجر|صباح|مساء|ظهر|عصر)\s+هذا\s+اليوم",
             self._relative(0)),
            (rf"(?:(?P<part>ليلة|ليل|مساء|فجر|صباح|ظهر)\s+)?(?:يوم\s+)?امس\s*(?:\(\s*)?(?:{wd})\s*\)?", self._relative(-1)),
            (r"(?P<part>ليلة|ليل)\s+(?:يوم\s+)?(?:اول|أول)\s+(?:من\s+)?(?:امس|أمس)|الليلة\s+(?:ما\s+)?قبل\s+الماضية",
             self._relative(-2, night=True)),
            (r"(?:يوم\s+)?(?:اول|أول)\s+(?:من\s+)?(?:امس|أمس)", self._relative(-2)),
            (r"(?:خلال|في|طيلة|طوال)\s+(?:الـ?\s*)?(?P<n>\d+)\s+(?:ساعة|ساعات)\s+(?:ال)?(?:ماضية|اخيرة|المنصرمة)"
             r"|(?:in|during|over|within)\s+the\s+(?:past|last)\s+(?P<n2>\d+)\s+hours", self._past_hours),
            (r"(?:خلال|في|طيلة|طوال)\s+(?:ال)?ايام\s+(?:ال)?(?:قليلة\s+)?(?:ال)?(?:ماضية|اخيرة)|منذ\s+(?:بضعة\s+|عدة\s+)?ايام"
             r"|(?:in|during|over)\s+the\s+(?:past|last)\s+(?:few\s+)?days|(?:a\s+few\s+)?days\s+ago", self._past_days),
            (r"(?:خلال\s+|في\s+)?(?:هذا\s+(?:الاسبوع|الأسبوع)|(?:الاسبوع|الأسبوع)\s+(?:الجاري|الحالي))|this\s+week|earlier\s+this\s+week",
             self._this_week),
            (rf"(?P<d>\d{{1,2}})[./](?P<m>\d{{1,2}})[./](?P<y>(?:19|20)\d\d)|(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)",
             self._numeric),
            # Arabic: "ليلة 26 آب", "يوم 28 آب الماضي", "فجر الثلاثاء 5 أيلول 2017"
            (rf"(?:(?P<part>ليلة|ليل|فجر|صباح|مساء|ظهر|عصر|the night of|night of)\s+)?(?:يوم\s+)?(?:{wd},?\s+)?(?:ال)?{_DAY}\s+(?:من\s+)?(?:شهر\s+)?"
             rf"(?P<month>{m}){_POST}(?P<past>{_PAST})?{_CURRENT}?{_YEAR}?", self._day_month),
            # «في الرابع من تموز الماضي», «الحادي والعشرين من آب»: the day as an ordinal word
            (rf"(?:(?P<part>ليلة|ليل|فجر|صباح|مساء|ظهر|عصر)\s+)?(?:يوم\s+)?(?P<oday>{ORDINAL_DAY_RE})\s+من\s+(?:شهر\s+)?"
             rf"(?P<month>{m}){_POST}(?P<past>{_PAST})?{_CURRENT}?{_YEAR}?", self._day_month),
            # English: "the 26th of August", "(on) Aug. 28, 2017", "Tuesday, September 5"
            (rf"(?:(?P<part>the night of|night of)\s+)?(?:the\s+)?{_DAY}(?:st|nd|rd|th)\s+(?:of\s+)?(?P<month>{m})\.?{_POST}"
             rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?", self._day_month),
            (rf"(?:(?P<part>the night of|night of)\s+)?(?:{wd},?\s+)?(?P<month>{m})\.?\s+{_DAY}(?:st|nd|rd|th)?{_POST}"
             rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?", self._day_month),
            (rf"(?:في\s+)?(?:يوم\s+)?(?:ال)?{_DAY}\s+من\s+(?:ال)?شهر\s+(?P<which>ذاته|نفسه|ذاك|الجاري|الحالي|الماضي|المنصرم)",
             self._day_of_known_month),
            (rf"(?:الاسبوع|الأسبوع)\s+(?P<nth>الاخير|الماضي|الاول|الثاني|الثالث|الرابع)\s+(?:من\s+)?(?:شهر\s+)?"
             rf"(?P<month>{m}){_POST}(?P<past>{_PAST})?{_YEAR}?", self._week_of_month),
            (rf"the\s+(?P<nth>last|first|second|third|fourth)\s+week\s+of\s+(?P<month>{m}){_POST}(?:\s+(?P<year>(?:19|20)\d\d))?",
             self._week_of_month),
            (rf"(?P<part>اواخر|نهاية|اخر|اوائل|مطلع|بداية|اول|منتصف|اواسط)\s+(?:شهر\s+)?(?P<month>{m}){_POST}"
             rf"(?P<past>{_PAST})?{_CURRENT}?{_YEAR}?", self._month_part),
            (rf"(?P<part>late|early|mid|the end of|end of|the beginning of|beginning of|the start of|start of|the middle of)"
             rf"[\s-]+(?P<month>{m}){_POST}(?:,?\s+(?P<year>(?:19|20)\d\d))?", self._month_part),
            (rf"(?:شهري|بين شهري|بين)\s+(?P<month>{m})\s+و\s*(?:شهر\s+)?(?P<month2>{m}){_POST}(?P<past>{_PAST})?{_YEAR}?",
             self._two_months),
            (rf"(?:between|in|during|from)\s+(?P<month>{m})\s+(?:and|to|-|through)\s+(?P<month2>{m}){_POST}"
             rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?", self._two_months),
            (rf"(?:(?:خلال|في|منذ|طيلة|طوال)\s+)?شهر\s+(?P<month>{m}){_POST}(?P<past>{_PAST})?{_CURRENT}?{_YEAR}?",
             self._month),
            (rf"(?:(?:خلال|في|منذ)\s+)?(?P<month>{m})(?:(?P<past>{_PAST})|{_CURRENT}|{_YEAR})", self._month),
            (rf"(?:خلال|في)\s+(?P<month>{m}){_POST}", self._month),
            (rf"(?:in|during|since|last|of|this)\s+(?P<month>{m}){_POST}(?:,?\s+(?P<year>(?:19|20)\d\d))?", self._month),
            (rf"(?P<month>{m})\s+(?P<year>(?:19|20)\d\d)", self._month),
            (rf"(?:(?P<part>ليلة|ليل|فجر|صباح|مساء|ظهر|عصر)\s+)?يوم\s+(?P<wd>{wd})(?P<past>{_PAST})?|(?P<wd2>{wd})(?P<past2>{_PAST})"
             rf"|(?P<part2>ليلة|ليل|فجر|صباح|مساء|ظهر|عصر)\s+(?P<wd3>{wd})(?P<past3>{_PAST})?",
             self._weekday),
            # a weekday alone after a verb or between commas: «سيطر، الخميس، على», «قصفت الطائرات الخميس مواقع»
            (rf"(?P<wd>{_WD_AR})(?!\s+عشر)", self._weekday),
            (rf"(?:(?P<last>last)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?P<part>\s+night|\s+morning|\s+evening|\s+afternoon)?", self._weekday),
            (r"(?:يوم\s+)?(?:ما\s+)?قبل\s+(?:يوم\s+)?امس|امس\s+الاول|the day before yesterday", self._relative(-2)),
            (r"(?P<part>ليلة|ليل|مساء|فجر|صباح|ظهر)\s+(?:يوم\s+)?(?:امس|البارحة)|الليلة\s+الماضية|(?:last night|overnight)",
             self._relative(-1, night=True)),
            (r"(?:يوم\s+)?امس|البارحة|yesterday", self._relative(-1)),
            (r"(?:فجر|صباح|مساء|ظهر|عصر|ليلة)\s+(?:يوم\s+)?اليوم|(?:this|early|earlier this)\s+(?:morning|afternoon|evening)|today|tonight",
             self._relative(0)),
            # a bare «اليوم» right after a verb in the past («استأنفت اليوم», «قتل 5 مدنيين اليوم»: the word before
            # ends the clause's verb phrase); not «حتى اليوم», «إلى اليوم», «منذ … اليوم» (up to now) nor «سوريا اليوم»
            (r"(?<=[تنالفء]\s)(?<!يا\s)(?<!حتى\s)(?<!الى\s)(?<!ليوم\s)اليوم(?!\s*(?:\(|هو|هي|ال))", self._relative(0)),
            (r"(?:خلال\s+)?(?:الاسبوع|الأسبوع)\s+(?:الماضي|المنصرم)|last week", self._last_week),
            (r"(?:خلال\s+)?الشهر\s+(?:الماضي|المنصرم)|last month", self._other_month(-1)),
            (r"(?:خلال\s+|مطلع\s+)?الشهر\s+(?:الجاري|الحالي)|(?:earlier\s+)?this month", self._other_month(0)),
            (r"(?:منذ|since)\s+(?:(?:مطلع|بداية|اوائل)\s+)?(?:(?:ال)?عام\s+|سنة\s+)?(?P<year>(?:19|20)\d\d)", self._since),
            (r"(?:(?:خلال|في)\s+)?(?:ال)?عام\s+(?P<year>(?:19|20)\d\d)|(?:in|during)\s+(?P<year2>(?:19|20)\d\d)", self._year),
            (r"(?:خلال\s+|في\s+)?العام\s+الماضي|last year", self._last_year),
            # each optional part owns the spaces after it: two optional "\s*" side by side made this rule
            # cubic in a run of spaces (2,000 spaces took 120 s)
            (rf"(?:(?P<since>منذ|قبل)\s++)?(?:(?P<approx>نحو|حوالي|قرابة|زهاء|ما\s+يقارب|اكثر\s+من|about|nearly|almost|around"
             rf"|more than|over)\s*+)?(?:(?P<n>\d+|{NUMBER_WORD_RE})\s*+)?(?P<unit>{DURATION_UNIT_RE}){_POST}(?P<ago>\s+ago)?",
             self._duration),
        ]
        self._rules = [(re.compile(fold_pattern(_PRE + pattern + _POST)), handler) for pattern, handler in r]

    # -- year inference ---------------------------------------------------------------------
    def _year_for(self, month: int, day: int | None, year: str | None, past: bool) -> tuple[int, tuple[str, ...]]:
        if year:
            return int(year), ()
        pub = self.published
        y = pub.year
        if (month, day or 1) > (pub.month, pub.day) or (past and month == pub.month and day is None):
            y -= 1
        return y, (f"date inferred: no year given, took {y} from publication date",)

    def _remember(self, d: date) -> None:
        self.last_month = (d.year, d.month)

    # -- handlers: each returns (EventDate, kind, duration_days, warnings) or None -------------
    def _numeric(self, m: re.Match, text: str):
        try:
            if m.group("y"):
                d = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            else:
                d = date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        except ValueError:
            return None
        self._remember(d)
        return EventDate.day(d, text), "event", None, ()

    def _day_month(self, m: re.Match, text: str):
        month = MONTHS[m.group("month")]
        day = int(m.group("day")) if m.groupdict().get("day") else ORDINAL_DAY_VALUE[m.group("oday")]
        year, warn = self._year_for(month, day, m.group("year"), bool(m.groupdict().get("past")))
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        self._remember(d)
        part = (m.group("part") or "").strip()
        if part in ("ليلة", "ليل", "the night of", "night of"):
            return EventDate(d, d + timedelta(days=1), P.NIGHT, text), "event", None, warn
        return EventDate.day(d, text), "event", None, warn

    def _day_of_known_month(self, m: re.Match, text: str):
        which = m.group("which")
        day = int(m.group("day"))
        pub = self.published
        warn: tuple[str, ...] = ()
        if which in ("ذاته", "نفسه", "ذاك"):
            if self.last_month is None:
                year, month = pub.year, pub.month
                warn = ("date inferred: 'the same month' with no month named before; took the publication month",)
            else:
                year, month = self.last_month
        elif which in ("الجاري", "الحالي"):
            year, month = pub.year, pub.month
        else:
            first = pub.replace(day=1) - timedelta(days=1)
            year, month = first.year, first.month
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        self._remember(d)
        return EventDate.day(d, text), "event", None, warn

    def _week_of_month(self, m: re.Match, text: str):
        month = MONTHS[m.group("month")]
        year, warn = self._year_for(month, None, m.group("year"), bool(m.groupdict().get("past")))
        end = _month_end(year, month)
        nth = m.group("nth")
        if nth in ("الاخير", "الماضي", "last"):
            start = end - timedelta(days=6)
        else:
            k = {"الاول": 0, "first": 0, "الثاني": 1, "second": 1, "الثالث": 2, "third": 2, "الرابع": 3, "fourth": 3}[nth]
            start = date(year, month, 1 + 7 * k)
            end = start + timedelta(days=6)
        self._remember(start)
        return EventDate(start, end, P.WEEK, text), "event", None, warn

    def _month_part(self, m: re.Match, text: str):
        month = MONTHS[m.group("month")]
        year, warn = self._year_for(month, None, m.group("year"), bool(m.groupdict().get("past")))
        part = m.group("part")
        end = _month_end(year, month)
        if part in ("اواخر", "نهاية", "اخر", "late", "the end of", "end of"):
            start = date(year, month, 21)
        elif part in ("منتصف", "اواسط", "mid", "the middle of"):
            start, end = date(year, month, 11), date(year, month, 20)
        else:
            start, end = date(year, month, 1), date(year, month, 10)
        self._remember(start)
        return EventDate(start, end, P.RANGE, text), "event", None, warn

    def _two_months(self, m: re.Match, text: str):
        m1, m2 = MONTHS[m.group("month")], MONTHS[m.group("month2")]
        y2, warn = self._year_for(m2, None, m.group("year"), bool(m.groupdict().get("past")))
        y1 = y2 if m1 <= m2 else y2 - 1
        start, end = date(y1, m1, 1), _month_end(y2, m2)
        self._remember(end)
        return EventDate(start, end, P.RANGE, text), "event", None, warn

    def _month(self, m: re.Match, text: str):
        month = MONTHS[m.group("month")]
        year, warn = self._year_for(month, None, m.groupdict().get("year"), bool(m.groupdict().get("past")))
        start = date(year, month, 1)
        self._remember(start)
        return EventDate(start, _month_end(year, month), P.MONTH, text), "event", None, warn

    def _weekday(self, m: re.Match, text: str):
        g = m.groupdict()
        name = g.get("wd") or g.get("wd2") or g.get("wd3")
        past = bool(g.get("past") or g.get("past2") or g.get("past3") or g.get("last"))
        d = last_weekday(self.published, WEEKDAY_NUM[name], strictly_before=past)
        part = (g.get("part") or g.get("part2") or "").strip()
        if part in ("ليلة", "ليل", "night"):  # «بعد منتصف ليل الخميس»: the night from Thursday into Friday
            return EventDate(d, d + timedelta(days=1), P.NIGHT, text), "event", None, ()
        return EventDate.day(d, text), "event", None, ()

    def _relative(self, days: int, night: bool = False):
        def handler(m: re.Match, text: str):
            d = self.published + timedelta(days=days)
            part = (m.groupdict().get("part") or "").strip()
            is_night = night and (part in ("ليلة", "ليل", "") or "night" in text.lower())
            if is_night or part == "ليلة":
                return EventDate(d, d + timedelta(days=1), P.NIGHT, text), "event", None, ()
            return EventDate.day(d, text), "event", None, ()
        return handler

    def _last_week(self, m: re.Match, text: str):
        pub = self.published
        return EventDate(pub - timedelta(days=7), pub - timedelta(days=1), P.WEEK, text), "event", None, ()

    def _other_month(self, offset: int):
        def handler(m: re.Match, text: str):
            pub = self.published
            if offset < 0:
                last = pub.replace(day=1) - timedelta(days=1)
                return EventDate(last.replace(day=1), last, P.MONTH, text), "event", None, ()
            return EventDate(pub.replace(day=1), pub, P.MONTH, text), "event", None, ()
        return handler

    def _night_pair(self, m: re.Match, text: str):
        name = m.group("wd") or m.group("wd3")
        d = last_weekday(self.published - timedelta(days=1), WEEKDAY_NUM[name]) if m.group("wd3") is None else \
            last_weekday(self.published - timedelta(days=1), WEEKDAY_NUM[name])
        return EventDate(d, d + timedelta(days=1), P.NIGHT, text), "event", None, ()

    def _past_hours(self, m: re.Match, text: str):
        hours = int(m.group("n") or m.group("n2"))
        days = max(1, -(-hours // 24))
        return EventDate(self.published - timedelta(days=days), self.published, P.RANGE, text), "event", None, ()

    def _past_days(self, m: re.Match, text: str):
        pub = self.published
        return EventDate(pub - timedelta(days=7), pub, P.RANGE, text), "event", None, ()

    def _this_week(self, m: re.Match, text: str):
        pub = self.published
        return EventDate(pub - timedelta(days=6), pub, P.WEEK, text), "event", None, ()

    def _since(self, m: re.Match, text: str):
        y = int(m.group("year"))
        return EventDate(date(y, 1, 1), date(y, 12, 31), P.YEAR, text), "since", None, ()

    def _year(self, m: re.Match, text: str):
        y = int(m.group("year") or m.group("year2"))
        return EventDate(date(y, 1, 1), date(y, 12, 31), P.YEAR, text), "event", None, ()

    def _last_year(self, m: re.Match, text: str):
        y = self.published.year - 1
        return EventDate(date(y, 1, 1), date(y, 12, 31), P.YEAR, text), "event", None, ()

    def _duration(self, m: re.Match, text: str):
        unit = m.group("unit")
        n_text = m.group("n")
        if n_text is None and unit not in DUAL_UNITS:
            return None
        n = 1 if n_text is None else number_value(n_text)
        if n is None:
            return None
        days = n * DURATION_UNIT_DAYS[unit]
        if m.group("since") or m.group("ago"):
            d = self.published - timedelta(days=days)
            unit_days = DURATION_UNIT_DAYS[unit] if unit not in DUAL_UNITS else DURATION_UNIT_DAYS[unit] // 2
            if unit_days >= 365:
                return EventDate(date(d.year, 1, 1), date(d.year, 12, 31), P.YEAR, text), "since", days, ()
            if unit_days >= 30:
                return EventDate(d.replace(day=1), _month_end(d.year, d.month), P.MONTH, text), "since", days, ()
            return EventDate.day(d, text), "event", None, ()
        pub = self.published
        return EventDate(pub, pub, P.DAY, text), "duration", days, ()

    # -- public ------------------------------------------------------------------------------
    def find(self, text: str) -> list[DateMention]:
        """Every date phrase in ``text`` (left to right), each matched by the most specific rule."""
        folded = fold(text)
        work = folded.text
        found: list[tuple[int, int, DateMention]] = []
        for pattern, handler in self._rules:
            new: list[tuple[int, int]] = []
            for m in pattern.finditer(work):
                if not m.group(0).strip():
                    continue
                a, b = folded.span(m.start(), m.end())
                result = handler(m, text[a:b].strip())
                if result is None:
                    continue
                event_date, kind, duration, warn = result
                start = m.start()
                since = _SINCE_BEFORE.search(work, max(0, m.start() - _SINCE_WINDOW), m.start())
                if kind == "event" and since and event_date.start <= self.published:
                    # "since early December", "منذ مطلع الشهر الجاري": from then until publication
                    start = since.start()
                    a, b = folded.span(start, m.end())
                    event_date = EventDate(event_date.start, self.published, P.RANGE, text[a:b].strip())
                found.append((start, m.end(), DateMention(event_date, (a, b), kind, duration, warn)))
                new.append((start, m.end()))
            if new:  # blank this rule's matches in one pass (re-blanking every match per rule was quadratic)
                pieces, at = [], 0
                for s, e in new:
                    s = max(s, at)
                    pieces += [work[at:s], " " * (e - s)]
                    at = e
                work = "".join(pieces) + work[at:]
        found.sort(key=lambda t: t[0])
        return [mention for _, _, mention in found]
