"""Every fixture article yields exactly its expected events (type, status, dates, places, counts, links)."""
from __future__ import annotations

import pytest

from events.ingest import ingest_article
from events.ingest.evaluate import load_expected, published_of, score_article
from events.serialize import event_from_dict, event_to_dict

from .conftest import article_text, expectation_files


@pytest.mark.parametrize("path", expectation_files(include_holdout=False),
                         ids=lambda p: p.name.replace(".expected.json", ""))
def test_fixture_article_gives_expected_events(path, gazetteer):
    expected = load_expected(path)
    text = article_text(path, expected)
    drafts = ingest_article(text, published=published_of(expected), outlet=expected.get("outlet"), gazetteer=gazetteer)
    score = score_article(drafts, expected, name=path.name)
    assert score.failures == []
    assert score.matched == score.expected == score.drafts


@pytest.mark.parametrize("path", expectation_files(), ids=lambda p: p.name.replace(".expected.json", ""))
def test_drafts_are_valid_records_traced_to_their_sentence(path, gazetteer):
    expected = load_expected(path)
    text = article_text(path, expected)
    drafts = ingest_article(text, published=published_of(expected), gazetteer=gazetteer)
    ids = [d.event.id for d in drafts]
    assert len(ids) == len(set(ids))
    for d in drafts:
        assert text[d.span[0]:d.span[1]] == d.sentence
        assert d.event.sources[0].quote == d.sentence
        assert 0.0 <= d.confidence <= 1.0
        assert event_from_dict(event_to_dict(d.event)) == d.event
        for target in d.event.denies + d.event.related:
            assert target in ids
        if d.event.place is not None and not d.event.place.located:
            assert any("place" in w for w in d.warnings)


@pytest.mark.parametrize("path", expectation_files(), ids=lambda p: p.name.replace(".expected.json", ""))
def test_reingesting_gives_the_same_ids(path, gazetteer):
    expected = load_expected(path)
    text = article_text(path, expected)
    first = [d.event.id for d in ingest_article(text, published=published_of(expected), gazetteer=gazetteer)]
    again = [d.event.id for d in ingest_article(text, published=published_of(expected), gazetteer=gazetteer)]
    assert first == again
