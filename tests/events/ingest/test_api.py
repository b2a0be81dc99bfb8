"""The public API: ingest_article's arguments, errors and behaviour on repeated or odd input."""
from __future__ import annotations

from datetime import date

import pytest

from errors import FileTooLargeError, InputError, ValidationError
from events.ingest import Draft, ingest_article
from events.model import ClaimStatus, EventType

from .test_places import FakeGazetteer

GZ = FakeGazetteer({})


def test_bad_inputs_are_named():
    with pytest.raises(InputError, match="empty"):
        ingest_article("   ", published=date(2020, 1, 1), gazetteer=GZ)
    with pytest.raises(ValidationError, match="published"):
        ingest_article("text", published="2020-01-01", gazetteer=GZ)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="language"):
        ingest_article("text", published=date(2020, 1, 1), gazetteer=GZ, language="fr")
    with pytest.raises(FileTooLargeError):
        ingest_article("x" * 300_000, published=date(2020, 1, 1), gazetteer=GZ)


def test_repeated_paragraph_gives_no_duplicate():
    para = "قصفت قوات النظام، فجر اليوم، بلدة المجهولة، ما أدى إلى مقتل خمسة مدنيين."
    once = ingest_article("عنوان\n\n" + para, published=date(2020, 1, 5), outlet="X", gazetteer=GZ)
    twice = ingest_article("عنوان\n\n" + para + "\n\n" + para, published=date(2020, 1, 5), outlet="X", gazetteer=GZ)
    assert len(once) == len(twice) == 1
    assert isinstance(twice[0], Draft) and twice[0].event == once[0].event


def test_reporting_day_is_not_the_event_date():
    text = ("عنوان\n\nقال المرصد، يوم الخميس، إن اشتباكات عنيفة اندلعت، ليلة 3 آذار، في بلدة المجهولة.")
    [d] = ingest_article(text, published=date(2020, 3, 6), outlet="X", gazetteer=GZ)
    assert d.event.event_type is EventType.CLASH and d.event.status is ClaimStatus.CLAIMED
    assert (d.event.date.start, d.event.date.end) == (date(2020, 3, 3), date(2020, 3, 4))


def test_denial_in_english_links_to_the_claim_and_takes_its_date():
    text = ("Title line\n\nActivists said Russian warplanes struck the village of Nowhere on Sunday, killing 4 civilians. "
            "The Russian Defence Ministry denied that its aircraft had carried out any strikes in the area.")
    claim, denial = ingest_article(text, published=date(2019, 5, 14), outlet="X", gazetteer=GZ)
    assert claim.event.status is ClaimStatus.CLAIMED and claim.event.date.start == date(2019, 5, 12)
    assert denial.event.status is ClaimStatus.DENIED and denial.event.denies == (claim.event.id,)
    assert denial.event.actors == ("Russian MoD",) and denial.event.date == claim.event.date


def test_no_events_in_plain_background():
    assert ingest_article("A title\n\nThe weather was mild and markets were open.", published=date(2020, 1, 1),
                          outlet="X", gazetteer=GZ) == []


def test_language_can_be_forced():
    text = "Title\n\nClashes erupted in the town of Nowhere on Monday, residents said."
    [d] = ingest_article(text, published=date(2020, 1, 8), outlet="X", gazetteer=GZ, language="en")
    assert d.event.sources[0].language == "en" and d.event.date.start == date(2020, 1, 6)


def test_a_part_the_validator_refuses_is_dropped_with_a_warning_not_the_event():
    from gazetteer.model import GazPlace, PlaceKind, Resolution, ResolutionStatus
    abroad = GazPlace("X1", "Faraway", "بعيد", PlaceKind.COMMUNITY, 51.5, -0.1)
    gz = FakeGazetteer({"the town of Faraway": Resolution("q", ResolutionStatus.RESOLVED, place=abroad)})
    text = "Title\n\nMore than 99999999999 people were killed in air strikes on the town of Faraway on Monday."
    [d] = ingest_article(text, published=date(2020, 1, 8), outlet="X", gazetteer=gz)
    assert d.event.place is None and d.event.counts == ()
    assert any(w.startswith("dropped place") and "outside Syria" in w for w in d.warnings)
    assert d.event.date.start == date(2020, 1, 6)


def test_a_second_event_in_one_sentence_gets_its_own_draft_with_the_first_ones_place():
    from gazetteer.model import GazPlace, PlaceKind, Resolution, ResolutionStatus
    town = GazPlace("C1", "Town", "البلدة", PlaceKind.COMMUNITY, 36.0, 38.0)
    city = GazPlace("C2", "City", "المدينة", PlaceKind.CITY, 35.9, 39.0)
    gz = FakeGazetteer({"مدينة تل الورد": Resolution("q", ResolutionStatus.RESOLVED, place=town),
                        "مدينة الكبرى": Resolution("q", ResolutionStatus.RESOLVED, place=city)})
    text = ("عنوان\n\nقالت مصادر محلية إن القوات سيطرت، صباح الأحد، على مدينة تل الورد بعد اشتباكات مع المدافعين، "
            "ما أدى إلى نزوح آلاف المدنيين باتجاه مدينة الكبرى.")
    taken, fled = ingest_article(text, published=date(2019, 10, 15), outlet="X", gazetteer=gz)
    assert taken.event.event_type is EventType.TERRITORY and taken.event.place.pcode == "C1"
    assert fled.event.event_type is EventType.DISPLACEMENT
    assert (fled.event.origin.pcode, fled.event.destination.pcode) == ("C1", "C2")
    assert fled.event.date == taken.event.date and fled.event.counts[0].min == 2000
    assert fled.span == taken.span  # the same sentence


def test_background_after_the_main_event_is_not_an_event():
    text = ('عنوان\n\nيشار إلى أن "داعش" حاصر بلدة المجهولة منذ العام 2014، حيث شنت طائرات التحالف ضربات جوية على مواقعه.')
    [d] = ingest_article(text, published=date(2017, 9, 7), outlet="X", gazetteer=GZ)
    assert d.event.event_type is EventType.SIEGE and d.event.actors == ("ISIS",)


def test_a_day_after():
    text = "Title\n\nDrones struck positions near the town of Nowhere early Thursday, a day after rebels retook the town, officials said."
    strike, taken = ingest_article(text, published=date(2020, 2, 27), outlet="X", gazetteer=GZ)
    assert strike.event.date.start == date(2020, 2, 27)
    assert taken.event.event_type is EventType.TERRITORY and taken.event.date.start == date(2020, 2, 26)
    assert taken.event.actors == ("Opposition factions",)
