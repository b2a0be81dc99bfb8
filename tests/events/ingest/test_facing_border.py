"""An event placed by the foreign town across the border (issue 11, item 4), on sentences written for the test.

abroad.py ``join_facing``: «في المنطقة الحدودية في سوريا المقابلة لمدينة كيليس» is one place phrase, the Syrian
side facing Kilis; the Turkish town is neither the event's place nor a reason to call the event abroad.
"""
from __future__ import annotations

from datetime import date

from events.ingest import ingest

PUBLISHED = date(2015, 8, 1)


def test_strikes_on_the_syrian_side_facing_a_turkish_town_are_placed_there(gazetteer):
    text = "قصفت مدفعية الجيش التركي أمس مواقع لتنظيم داعش في المنطقة الحدودية في سوريا المقابلة لمدينة كيليس."
    result = ingest(text, published=PUBLISHED, gazetteer=gazetteer, language="ar")
    assert len(result.drafts) == 1 and not [n for n in result.notes if n.kind == "outside_syria"]
    place = result.drafts[0].event.place
    assert place.located and place.admin1_pcode == "SY02"          # Aleppo's border strip, not Turkey
    assert place.precision.value == "near" and "كيليس" in place.as_written


def test_an_event_in_the_turkish_town_itself_stays_abroad(gazetteer):
    text = "سقطت قذائف أمس على مدينة كيليس التركية."
    result = ingest(text, published=PUBLISHED, gazetteer=gazetteer, language="ar")
    assert not result.drafts
