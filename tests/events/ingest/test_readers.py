"""Sentences, counts, actors/event types, stance and source chain readers."""
from __future__ import annotations

import pytest

from events.ingest.actors import find_actors, find_trigger
from events.ingest.counts import find_counts
from events.ingest.sentences import split_article, split_clauses
from events.ingest.sources import SourceTracker, canonical_outlet, outlet_from_article, published_from_signoff
from events.ingest.stance import attribution_span, points_back, stance
from events.model import ClaimStatus, EventType

ARTICLE = """عنوان الخبر بلا نقطة

قالت الوكالة إن القوات قصفت البلدة. وقال مصدر إن 3 مدنيين قتلوا في 07.09.2017.

قالت الوكالة إن القوات قصفت البلدة. وقال مصدر إن 3 مدنيين قتلوا في 07.09.2017.

ذكرت U.S. officials that the strike hit Gen. Smith's base, killing 2.5 percent? No.

سيريانيوز

07.09.2017 19:19"""


def test_article_layout_title_signoff_repeats_and_spans():
    layout = split_article(ARTICLE)
    assert layout.title == "عنوان الخبر بلا نقطة"
    assert layout.signoff == ("سيريانيوز", "07.09.2017 19:19")
    texts = [s.text for s in layout.sentences]
    assert texts[0] == "قالت الوكالة إن القوات قصفت البلدة."
    assert texts[1].endswith("07.09.2017.")                 # the dotted date does not split the sentence
    assert [s.repeated for s in layout.sentences][:4] == [False, False, True, True]
    assert "U.S. officials" in texts[4] and "Gen. Smith" in texts[4]
    for s in layout.sentences:
        assert ARTICLE[s.span[0]:s.span[1]] == s.text


def test_clauses_split_at_while():
    layout = split_article("عنوان\n\nقامت مروحيات بسحب قياديين من كسرة، بينما تم رصد عمليات مشابهة في الرقة.")
    clauses = split_clauses(layout.sentences[0])
    assert [c.text for c in clauses] == ["قامت مروحيات بسحب قياديين من كسرة", "تم رصد عمليات مشابهة في الرقة."]


@pytest.mark.parametrize("text, what, lo, hi, approx", [
    ('بإجلاء أكثر من 22 قياديا لـ"داعش"', "ISIS commanders", 23, None, False),
    ("حوالي 20 قياديا آخرين من التنظيم", "ISIS commanders", 15, 25, True),
    ("سحبت قياديين اثنين ميدانيين لداعش", "ISIS field commanders", 2, 2, False),
    ("نزوح نحو 500 عائلة", "families", 375, 625, True),
    ("مقتل خمسة مدنيين", "civilians", 5, 5, False),
    ("عشرات المدنيين", "civilians", 20, 99, True),
    ("killing at least 12 civilians", "civilians", 12, None, False),
    ("more than 30 people were killed", "people", 31, None, False),
    ("تجاوز ٣٠٠٠ شخص", "people", 3001, None, False),
    ("نزوح أكثر من 20 ألف شخص", "people", 20001, None, False),
    ("قتل 12 مدنيا على الأقل", "civilians", 12, None, False),
])
def test_counts(text, what, lo, hi, approx):
    [(count, span)] = find_counts(text)
    assert (count.what, count.min, count.max, count.approximate) == (what, lo, hi, approx)
    assert text[span[0]:span[1]] == count.as_written


def test_numbers_that_are_not_counts():
    assert find_counts("الفرقة 17 في عام 2014") == []
    assert find_counts("استمر نحو 3 سنوات") == []
    text = "ليلة 26 آب قتل مدنيون"
    assert find_counts(text, skip=[(0, 10)]) == []


@pytest.mark.parametrize("text, event_type", [
    ("بإجلاء أكثر من 22 قياديا", EventType.EVACUATION),
    ("من كسر حصار تنظيم داعش", EventType.SIEGE_BROKEN),
    ('يشار إلى أن "داعش" حاصر دير الزور، حيث شنت طائرات التحالف ضربات جوية', EventType.SIEGE),
    ("قصفت الطائرات الحربية البلدة", EventType.AIR_STRIKE),
    ("قصفت قوات النظام حي درعا البلد", EventType.SHELLING),
    ("Heavy clashes erupted near Manbij", EventType.CLASH),
    ("a car bomb exploded in Azaz", EventType.EXPLOSION),
    ("استعادت السيطرة على قرية الهبيط", EventType.TERRITORY),
    ("بنزوح نحو 500 عائلة", EventType.DISPLACEMENT),
    ("the army broke the three-year siege of the city", EventType.SIEGE_BROKEN),
])
def test_event_types(text, event_type):
    assert find_trigger(text)[0] is event_type


def test_no_event_in_background_sentences():
    assert find_trigger("كل ذلك يسهم في إنجاح العملية الهجومية") is None


def test_actors_longest_name_wins_and_the_organisation_means_isis():
    names = [a for a, _ in find_actors("نفى التحالف الدولي الذي تقوده الولايات المتحدة الأنباء")]
    assert names == ["US-led coalition"]
    names = [a for a, _ in find_actors("مروحية تابعة للقوات الجوية الأمريكية سحبت عناصر التنظيم",
                                       organisation_means="ISIS")]
    assert names == ["US forces", "ISIS"]
    assert [a for a, _ in find_actors("عناصر التنظيم")] == []
    assert [a for a, _ in find_actors("وكان الجيش النظامي تمكن")] == ["Syrian army"]
    assert [a for a, _ in find_actors("مقاتلو الجيش السوري الحر")] == ["Opposition factions"]
    assert [a for a, _ in find_actors("an attack on the rebel-held town")] == []  # who holds it, not who acted


@pytest.mark.parametrize("text, status", [
    ("في حين نفى التحالف الدولي هذه الأنباء", ClaimStatus.DENIED),
    ("مؤكدا أن هذه التقارير كاذبة", ClaimStatus.DENIED),
    ("The ministry denied that its jets struck the market", ClaimStatus.DENIED),
    ("The coalition confirmed on Monday that its strike hit", ClaimStatus.CONFIRMED),
    ("قالت وكالة نوفوستي نقلا عن مصدر إن القوات", ClaimStatus.CLAIMED),
    ("activists said", ClaimStatus.CLAIMED),
    ("إن الغارات استهدفت مواقع للتنظيم فقط، نافيا سقوط ضحايا مدنيين", ClaimStatus.DENIED),
    ("with heavy air strikes reported across the enclave", ClaimStatus.REPORTED),
    ("وكان الجيش النظامي تمكن يوم الثلاثاء من كسر الحصار", ClaimStatus.REPORTED),
])
def test_stance(text, status):
    assert stance(text) is status


def test_attribution_span_holds_the_reporting_day_only():
    text = "قالت وكالة نوفوستي الروسية نقلا عن مصدر عسكري دبلوماسي، يوم الخميس، إن القوات قامت، أواخر آب الماضي، بإجلاء"
    a, b = attribution_span(text)
    assert "يوم الخميس" in text[a:b] and "أواخر آب" not in text[a:b]
    trig = text.index("بإجلاء")
    sent = "Activists had reported an air strike on the school on June 2, saying that more than 30 were killed"
    a, b = attribution_span(sent, triggers=[(sent.index("air strike"), sent.index("air strike") + 10)])
    assert sent[a:b] == "saying that"
    assert trig > 0


def test_points_back():
    assert points_back("في حين نفى التحالف الدولي هذه الأنباء")
    assert points_back("فيما نفت فصائل المعارضة ذلك")
    assert not points_back("نفى الجيش قصف البلدة")


def test_source_chain_is_carried_by_the_source_and_reset_by_plain_reporting():
    tracker = SourceTracker()
    first = tracker.chain_for("قالت وكالة نوفوستي الروسية نقلا عن مصدر عسكري دبلوماسي إن", speech=True)
    assert first.agency == "RIA Novosti (وكالة نوفوستي الروسية)"
    assert first.source == "unnamed military-diplomatic source (مصدر عسكري دبلوماسي)"
    assert tracker.chain_for("وأوضح المصدر أن مروحية", speech=True) == first
    again = tracker.chain_for("وأوضح المصدر، حسب وكالة (نوفوستي) الروسية أنه", speech=True)
    assert again == first
    assert not tracker.chain_for("وكان الجيش النظامي تمكن", speech=False).attributed


def test_outlet_and_publication_from_signoff_and_dateline():
    assert outlet_from_article(("سيريانيوز", "07.09.2017 19:19"), "") == "SyriaNews (سيريانيوز)"
    assert published_from_signoff(("سيريانيوز", "07.09.2017 19:19")).isoformat() == "2017-09-07"
    assert outlet_from_article((), "", "BEIRUT, Oct 12 (Reuters) -") == "Reuters"
    assert canonical_outlet("Some Local Paper") == "Some Local Paper"
    assert SourceTracker().chain_for("the army recaptured the town, state media said", speech=True).agency == \
        "Syrian state media (state media)"
