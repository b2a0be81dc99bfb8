"""The place phrases of the seed report, read from the article itself (../shared), resolve as expected."""
from __future__ import annotations

import pytest

from gazetteer.model import Precision, ResolutionStatus

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def article(request):
    from tests.conftest import SHARED
    files = sorted((SHARED / "seed").glob("*.txt"))
    if not files:
        pytest.skip(f"seed article folder {SHARED / 'seed'} is absent (only in the project workspace/CI)")
    return files[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("phrase, check", [
    ("محافظة دير الزور", lambda r: r.place.pcode == "SY09" and r.precision is Precision.GOVERNORATE),
    ("شمال البلاد", lambda r: r.precision is Precision.REGION),
    ("شرق سوريا", lambda r: r.precision is Precision.REGION),
    ("المنطقة التابعة لبلدة الطريف في ريف مدينة دير الزور الشمالي الغربي",
     lambda r: r.place.pcode == "C5133" and r.precision is Precision.NEAR and "consistent" in r.note),
    ("منطقة البو ليل جنوب غربي مدينة دير الزور",
     lambda r: r.place.pcode == "C5126" and r.precision is Precision.NEAR and "conflict" in r.note),
    ("شمال سوريا", lambda r: r.precision is Precision.REGION),
    ("بلدة كسرة", lambda r: r.status is ResolutionStatus.AMBIGUOUS),
    ("محافظة الرقة", lambda r: r.place.pcode == "SY11" and r.precision is Precision.GOVERNORATE),
    ("مدينة دير الزور", lambda r: r.place.pcode == "C5086" and r.precision is Precision.POINT),
])
def test_phrase_is_in_the_article_and_resolves(gz, article, phrase, check):
    assert phrase in article, f"{phrase!r} no longer appears in the seed article"
    res = gz.resolve(phrase)
    assert check(res), (res.status, res.precision, res.note)


def test_kisreh_with_the_articles_own_context_resolves(gz, article):
    sentence = next(s for s in article.split(".") if "بلدة كسرة" in s)
    res = gz.resolve("بلدة كسرة", context=sentence)
    assert res.status is ResolutionStatus.RESOLVED and res.place.pcode == "C5096"
