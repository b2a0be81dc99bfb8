"""A bare name told again with its container in the same clause (events/ingest/locate.py ``_retold_fuller``,
issue 11 item 4), on sentences written for the test: «أما في جوبر، … في حي جوبر الدمشقي» is Damascus's Jobar,
not the village of that name in Homs that the bare «جوبر» finds."""
from __future__ import annotations

from datetime import date

from events.ingest import ingest_article
from gazetteer.geometry import haversine_km


def test_the_fuller_phrase_wins_over_a_far_bare_namesake(gazetteer):
    text = "أما في جوبر، فقد أفاد ناشطون بأن قوات المعارضة تمكنت أمس من السيطرة على مبنى في حي جوبر الدمشقي."
    [draft] = ingest_article(text, published=date(2015, 7, 27), gazetteer=gazetteer, language="ar")
    place = draft.event.place
    assert place.as_written == "حي جوبر الدمشقي"
    assert haversine_km(place.lat, place.lon, 33.51, 36.29) < 15       # Damascus, not Jober in Homs (134 km)


def test_a_bare_name_alone_is_still_read(gazetteer):
    [draft] = ingest_article("سيطرت قوات المعارضة أمس على جوبر.", published=date(2015, 7, 27),
                             gazetteer=gazetteer, language="ar")
    assert draft.event.place is not None and draft.event.place.as_written == "جوبر"
