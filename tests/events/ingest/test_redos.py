"""Issue 13 item 2: a time budget for text. Ingestion of 100,000 characters of any shape is linear.

The pipeline reads 100k-character articles of pathological shapes end to end, and the CPU time
is bounded (2 s each; the process's own CPU, so other work on the machine does not count).
"""
from __future__ import annotations

import time
from datetime import date

import pytest

from events.ingest import ingest_article
from events.ingest.dates import DateReader

N = 100_000
PUBLISHED = date(2017, 9, 7)


def _fill(unit: str, n: int = N) -> str:
    return (unit * (n // len(unit) + 1))[:n]


#: Pathological but plausible shapes of pasted text (our own words, not from any outlet).
SHAPES = {
    "spaces": "قصفت الطائرات " + " " * (N - 30) + " منذ 3 ساعات",
    "duration-spaces": "منذ 3" + " " * (N - 10) + "ساعات",
    "tabs-nbsp-zwnj": "قصف" + _fill("\t\u00a0\u200c ", N - 6) + "حلب",
    "dots": _fill("."),
    "dots-spaced": _fill(". "),
    "abbreviations": _fill("A. "),
    "repeated-word-ar": _fill("قصف "),
    "repeated-words-en": _fill("shelling in Aleppo "),
    "mixed-scripts": _fill("abc قصف 12 ، حلبaleppo "),
    "arabic-letter-run": _fill("ب"),
    "tatweel": _fill("قـــــــ"),
    "diacritics": _fill("قَصَفَ "),
    "digits": _fill("1"),
    "commas": _fill("، "),
    "dates": _fill("يوم 26 آب "),
    "counts": _fill("3 قتلى و "),
    "datelines": _fill("DAMASCUS, Aug. 26 (Wire) - "),
    "triggers-mixed": _fill("قصف اشتباك غارة "),
    "place-phrases-ar": _fill("قصف في مدينة حلب بريف "),
    "place-phrases-en": _fill("shelling hit the town of Afes in the countryside of Idlib, "),
    "motives": _fill("ردا، ردا على نصرة ل "),
    "motive-comma-runs": "قصف ردا" + _fill("، بحسب ", N - 20) + " على",
    "ordinal-days": _fill("الرابع من الحادي والعشرين من تموز "),
    "barrel-bombardment": _fill("قصف عنيف قصف بالبراميل "),
    "rockets": _fill("سقط صاروخ إطلاق صواريخ "),
    "anaphors": _fill("مناطق في محيط البلدتين و "),
    "weekdays": _fill("اليوم (الخميس أمس الجمعة ( الخميس، "),
    "pluperfect-opinion": _fill("وكانت ورأى انسحاب "),
    "quotes": _fill('قرى "بيت "فارس" «'),
    "relative-pronouns": _fill("قصف البلدة التي الذي الجوية التي كان "),
}


@pytest.fixture(scope="module")
def gazetteer():
    from gazetteer import get_gazetteer
    g = get_gazetteer()
    ingest_article("قصفت الطائرات مدينة حلب يوم 26 آب.", published=PUBLISHED, gazetteer=g)  # compile every rule
    return g


@pytest.mark.parametrize("shape", list(SHAPES))
def test_100k_characters_of_any_shape_are_read_within_2_s(shape, gazetteer):
    text = SHAPES[shape]
    assert len(text) >= N - 10
    cpu, wall = time.process_time(), time.perf_counter()
    ingest_article(text, published=PUBLISHED, gazetteer=gazetteer)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    assert cpu <= 2.0, f"{shape}: {cpu:.2f} s CPU ({wall:.2f} s wall)"


def test_the_duration_rule_is_linear_in_a_run_of_spaces():
    """The known one: two optional whitespace parts side by side; 2,000 spaces took 120 s."""
    reader = DateReader(PUBLISHED)
    t = time.process_time()
    mentions = reader.find("منذ 3" + " " * 20_000 + "ساعات")
    assert time.process_time() - t < 0.5
    assert mentions == [] or all(m.kind for m in mentions)



def test_a_sentence_without_full_stops_is_cut_at_spaces_and_keeps_every_word():
    from events.ingest.sentences import MAX_SENTENCE_CHARS, split_article
    text = " ".join(f"كلمة{i}" for i in range(2_000))
    sentences = split_article(text).sentences
    assert len(sentences) > 1 and all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert " ".join(s.text for s in sentences).split() == text.split()
