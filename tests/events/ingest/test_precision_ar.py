"""Arabic precision rules for real reporting (issue 11, third pass), each on sentences written for the test."""
from __future__ import annotations

from datetime import date

from events.ingest import ingest
from events.model import EventType

PUB = date(2015, 7, 24)  # a Friday


def _run(text, gazetteer, **kw):
    return ingest(text, published=kw.pop("published", PUB), gazetteer=gazetteer, language="ar", **kw)


# -- a later telling dates an undated first one -------------------------------------------------------
def test_a_later_dated_retelling_dates_the_first_telling_and_is_merged(gazetteer):
    text = ("قتل عشرة مدنيين في غارة جوية على سوق في مدينة أريحا.\n"
            "وقال ناشطون إن الطيران الحربي شن أمس غارة على مدينة أريحا.")
    got = _run(text, gazetteer)
    assert [d.event.event_type for d in got.drafts] == [EventType.AIR_STRIKE]
    d = got.drafts[0]
    assert d.span[0] < text.index("\n") + 1  # the first telling stays the event
    assert (d.event.date.start, d.event.date.end) == (date(2015, 7, 23), date(2015, 7, 23))
    assert d.date_source == "stated"


def test_a_dated_strike_elsewhere_is_not_merged(gazetteer):
    text = ("قتل عشرة مدنيين في غارة جوية على سوق في مدينة أريحا.\n"
            "وشن الطيران الحربي أمس غارة على مدينة الرقة.")
    assert len(_run(text, gazetteer).drafts) == 2
