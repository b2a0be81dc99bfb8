"""The one Arabic clitic / settlement-noun table (gazetteer/arabic_lexicon.py) and its readers."""
from hypothesis import given, strategies as st

from gazetteer import arabic_lexicon as lex
from gazetteer import context, cooccur, phrases, structured_ar
from gazetteer.arabic_lexicon import bare, fold_word, settlement_noun


def test_bare_takes_off_clitic_and_article():
    nouns = {"ريف", "مدينه", "قري"}
    assert bare(fold_word("بريف"), nouns) == "ريف"
    assert bare(fold_word("للمدينة"), nouns) == "مدينه"
    assert bare(fold_word("وبالقرى"), nouns) == "قري"
    assert bare(fold_word("كالمدينة"), nouns) == "مدينه"
    assert bare(fold_word("وفريف"), nouns) == "ريف"
    assert bare(fold_word("المدينة"), nouns) == "مدينه"     # the article alone: folding removes it
    assert bare(fold_word("بنش"), nouns) is None


def test_bare_keeps_a_word_that_is_itself_in_the_vocabulary():
    assert bare("بلده", {"بلده", "لده"}) == "بلده"          # never «ب» + «لده»


def test_bare_accepts_a_predicate():
    assert bare(fold_word("وشمال"), lambda w: w.startswith("شمال")) == "شمال"


def test_article_letters():
    assert lex.article_letters("وبال") == "وب"
    assert lex.article_letters("لل") == "ل"
    assert lex.article_letters("ولل") == "ول"
    assert lex.article_letters("وب") == "وب"


def test_settlement_noun_forms():
    assert settlement_noun("وقريتي") == "قريتي"
    assert settlement_noun("بالقرية") == "قريه"
    assert settlement_noun("ببلدة") == "بلده"
    assert settlement_noun("قريتين") == "قريتين"
    assert settlement_noun("سراقب") is None


def test_definite_dual_is_a_name_not_a_noun():
    # «القريتين» is a town (al-Qaryatayn); «قريتين» is "two villages"
    assert settlement_noun("القريتين") is None
    assert settlement_noun("بالقريتين") is None
    assert settlement_noun("للقريتين") is None


def test_every_reader_uses_the_one_table():
    assert phrases._AR_SETTLEMENT is lex.SETTLEMENT_NOUNS
    assert phrases._AR_PLURAL_AROUND is lex.PLURAL_AROUND
    assert lex.SETTLEMENT_NOUNS <= structured_ar._AR_TYPE_WORDS
    for name in ("_CLITICS", "_AR_CLITICS", "_SETTLEMENT_NOUNS"):
        for module in (phrases, structured_ar, context, cooccur):
            assert not hasattr(module, name), f"{module.__name__}.{name} is a second copy of the table"
    # the same glued forms are read the same way by each reader
    assert context._unit_word(fold_word("وبريف"))
    assert cooccur._is_settlement_noun("وفبلدة") is cooccur._is_settlement_noun("فبلدة") is True
    assert structured_ar._bare("وبريف") == "ريف"


_AR_LETTERS = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآءؤئ", min_size=0, max_size=12)


@given(_AR_LETTERS)
def test_bare_returns_a_vocabulary_suffix_or_none(word):
    vocab = {"ريف", "مدينه", "بلده", "حي"}
    out = bare(word, vocab)
    assert out is None or (out in vocab and word.endswith(out))


@given(_AR_LETTERS)
def test_settlement_noun_never_crashes(word):
    out = settlement_noun(word)
    assert out is None or out in lex.SETTLEMENT_NOUNS
