"""Words that name no place after a preposition (issue 11, item 4: «قوات», «المكان», «المنطقة» alone), on
sentences written for the test: what a strike left («دمار كبير»), and an area noun followed by no name."""
from __future__ import annotations

from events.ingest.phrases import find_place_phrases


def _texts(sentence: str) -> list[str]:
    return [p.text for p in find_place_phrases(sentence)]


def test_what_a_strike_left_is_no_place():
    assert not any("دمار" in t for t in _texts("قصف الطيران البلدة ما أدى إلى دمار كبير في المنازل"))
    assert not any("أضرار" in t for t in _texts("سقطت قذائف على الحي وأسفرت عن أضرار مادية"))


def test_an_area_noun_followed_by_no_name_is_no_place():
    for sentence in ("يسعى التنظيم إلى توسيع مناطق نفوذها في الشمال",
                     "انسحب المقاتلون من المنطقة من قوات المعارضة",
                     "تتقدم القوات نحو مناطق أكثر أهمية"):
        assert not any(t.startswith(("مناطق", "المنطقة")) for t in _texts(sentence)), sentence


def test_an_area_noun_followed_by_a_name_is_still_a_place():
    assert any("القلمون" in t for t in _texts("اشتباكات عنيفة في منطقة القلمون الشرقي"))
    assert any("حوش" in t for t in _texts("قصف الطيران مناطق في حوش الضواهرة"))


def test_other_areas_in_a_named_place_keep_the_place():
    assert any("جبل التركمان" in t for t in _texts("غارات على قرية الزويك ومناطق أخرى في جبل التركمان"))
