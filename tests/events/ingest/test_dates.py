"""Dates relative to the publication day, with honest precision (events.ingest.dates)."""
from __future__ import annotations

from datetime import date

import pytest

from events.ingest.dates import DateReader, last_weekday
from events.model import DatePrecision as P

PUB = date(2017, 9, 7)  # a Thursday


def one(text: str, published: date = PUB, reader: DateReader | None = None):
    found = (reader or DateReader(published)).find(text)
    assert len(found) == 1, [m.date for m in found]
    return found[0]


@pytest.mark.parametrize("text, start, end, precision", [
    ("سحبت، ليلة 26 آب ، قياديين", date(2017, 8, 26), date(2017, 8, 27), P.NIGHT),
    ("قامت، أواخر آب الماضي، بإجلاء", date(2017, 8, 21), date(2017, 8, 31), P.RANGE),
    ("خلال شهر أيار الماضي، بسحب", date(2017, 5, 1), date(2017, 5, 31), P.MONTH),
    ("في محافظة الرقة خلال شهري حزيران وتموز", date(2017, 6, 1), date(2017, 7, 31), P.RANGE),
    ("تمكن يوم الثلاثاء، من كسر الحصار", date(2017, 9, 5), date(2017, 9, 5), P.DAY),
    ("جرى خلال الأسبوع الماضي من شهر آب", date(2017, 8, 25), date(2017, 8, 31), P.WEEK),
    ("يوم 11 أغسطس", date(2017, 8, 11), date(2017, 8, 11), P.DAY),
    ("في 3 كانون الثاني", date(2017, 1, 3), date(2017, 1, 3), P.DAY),
    ("كانون الأول الماضي", date(2016, 12, 1), date(2016, 12, 31), P.MONTH),
    ("مطلع تشرين الأول 2015", date(2015, 10, 1), date(2015, 10, 10), P.RANGE),
    ("فجر اليوم", PUB, PUB, P.DAY),
    ("مساء أمس", date(2017, 9, 6), date(2017, 9, 6), P.DAY),
    ("ليلة أمس", date(2017, 9, 6), date(2017, 9, 7), P.NIGHT),
    ("أمس الأول", date(2017, 9, 5), date(2017, 9, 5), P.DAY),
    ("منذ 3 أيام", date(2017, 9, 4), date(2017, 9, 4), P.DAY),
    ("on Tuesday", date(2017, 9, 5), date(2017, 9, 5), P.DAY),
    ("last Thursday", date(2017, 8, 31), date(2017, 8, 31), P.DAY),
    ("on Monday night", date(2017, 9, 4), date(2017, 9, 5), P.NIGHT),
    ("yesterday", date(2017, 9, 6), date(2017, 9, 6), P.DAY),
    ("last week", date(2017, 8, 31), date(2017, 9, 6), P.WEEK),
    ("late August", date(2017, 8, 21), date(2017, 8, 31), P.RANGE),
    ("in mid-March 2016", date(2016, 3, 11), date(2016, 3, 20), P.RANGE),
    ("on the night of 26 August", date(2017, 8, 26), date(2017, 8, 27), P.NIGHT),
    ("Aug. 28, 2017", date(2017, 8, 28), date(2017, 8, 28), P.DAY),
    ("in June and July", date(2017, 6, 1), date(2017, 7, 31), P.RANGE),
    ("in May 2016", date(2016, 5, 1), date(2016, 5, 31), P.MONTH),
    ("last month", date(2017, 8, 1), date(2017, 8, 31), P.MONTH),
    ("the 12th of October", date(2016, 10, 12), date(2016, 10, 12), P.DAY),
    ("استهدفت مساء الأحد حي الرميلة", date(2017, 9, 3), date(2017, 9, 3), P.DAY),
    ("ليلة الخميس الماضي", date(2017, 8, 31), date(2017, 9, 1), P.NIGHT),
    ("في منتصف تشرين الثاني الماضي", date(2016, 11, 11), date(2016, 11, 20), P.RANGE),
    ("since early August", date(2017, 8, 1), PUB, P.RANGE),
    ("منذ مطلع الشهر الجاري", date(2017, 9, 1), PUB, P.RANGE),
])
def test_phrases(text, start, end, precision):
    m = one(text)
    assert (m.date.start, m.date.end, m.date.precision) == (start, end, precision)
    assert m.date.as_written and m.date.as_written in text


def test_same_month_refers_to_the_last_month_read():
    reader = DateReader(PUB)
    reader.find("ليلة 26 آب")
    m = one("ونوه المصدر أنه في يوم 28 من الشهر ذاته نفذت", reader=reader)
    assert m.date.start == m.date.end == date(2017, 8, 28)


def test_same_month_without_a_month_read_warns():
    m = one("في يوم 2 من الشهر ذاته")
    assert m.date.start == date(2017, 9, 2)
    assert any("same month" in w for w in m.warnings)


def test_year_inferred_with_warning_and_never_after_publication():
    m = one("في 26 أيلول")  # 26 September is after 7 September 2017: the previous year
    assert m.date.start == date(2016, 9, 26)
    assert m.warnings == ("date inferred: no year given, took 2016 from publication date",)
    assert one("في 26 أيلول 2017").warnings == ()


def test_since_and_duration_are_kinds_of_their_own():
    since = one("حاصر دير الزور منذ العام 2014")
    assert since.kind == "since" and since.date.precision is P.YEAR and since.date.start == date(2014, 1, 1)
    duration = one("الذي استمر نحو 3 سنوات")
    assert duration.kind == "duration" and duration.duration_days == 3 * 365


def test_weekday_rule_is_on_or_before_publication():
    assert last_weekday(PUB, 3) == PUB                       # Thursday itself
    assert last_weekday(PUB, 3, strictly_before=True) == date(2017, 8, 31)
    assert last_weekday(PUB, 1) == date(2017, 9, 5)          # يوم الثلاثاء
    assert one("يوم الخميس الماضي").date.start == date(2017, 8, 31)


def test_counts_and_bare_words_are_not_dates():
    assert DateReader(PUB).find("قياديين اثنين") == []
    assert DateReader(PUB).find("أكثر من 22 قياديا") == []
    assert DateReader(PUB).find("you may leave") == []


def test_numeric_dates_and_impossible_ones():
    assert one("07.09.2017").date.start == PUB
    assert DateReader(PUB).find("31.02.2017") == []
