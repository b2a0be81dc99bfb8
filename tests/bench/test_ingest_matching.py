"""bench/ingest_real.best_pairs: the pairing of drafts with labelled incidents is an optimal assignment."""
from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.ingest_real import best_pairs

SCORES = st.integers(min_value=1, max_value=3).flatmap(
    lambda nd: st.integers(min_value=0, max_value=4).flatmap(
        lambda ni: st.lists(st.lists(st.sampled_from([0, 0, 2, 3, 5, 8, 9]), min_size=ni, max_size=ni),
                            min_size=nd, max_size=nd)))


def _brute(scores):
    nd, ni = len(scores), len(scores[0])
    best = (0, 0)
    for targets in itertools.product(range(-1, ni), repeat=nd):
        chosen = [(i, j) for i, j in enumerate(targets) if j >= 0 and scores[i][j] > 0]
        if len({j for _, j in chosen}) < len(chosen):
            continue
        best = max(best, (len(chosen), sum(scores[i][j] for i, j in chosen)))
    return best


@settings(max_examples=200, deadline=None)
@given(SCORES)
def test_best_pairs_match_the_most_incidents_with_the_best_total(scores):
    pairs = best_pairs(scores)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(scores[i][j] > 0 for i, j in pairs)
    assert (len(pairs), sum(scores[i][j] for i, j in pairs)) == _brute(scores)


def test_a_tie_goes_to_the_earlier_draft():
    assert best_pairs([[5], [5]]) == [(0, 0)]
    assert best_pairs([]) == [] and best_pairs([[]]) == []
