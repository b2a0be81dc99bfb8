"""Learned place aliases live with the store: same behaviour on SQLite and PostGIS."""
from __future__ import annotations

import pytest

from errors import ValidationError
from events.store import open_store
from gazetteer.learned import AliasStorage, LearnedAlias


def _alias(name="Kufayr Ubaysh village", lat=35.991, lon=37.2225, events=2, source="a.csv", **kw) -> LearnedAlias:
    return LearnedAlias(name=name, lat=lat, lon=lon, dataset="ucdp", source=source, events=events, precision=1,
                        admin1="Aleppo Governorate", **kw)


def test_empty_store_has_no_aliases(store):
    assert isinstance(store, AliasStorage)
    assert store.learned_aliases() == []
    assert store.aliases_revision == 0


def test_save_list_and_revision(store):
    rev0 = store.revision
    n = store.save_learned_aliases([_alias(), _alias("Wadi Nakhil oil field", 35.1, 40.4, kind="oil_field",
                                                     radius_km=5.0)], author="tester")
    assert n == 2
    got = store.learned_aliases()
    assert [a.name for a in got] == ["Kufayr Ubaysh village", "Wadi Nakhil oil field"]
    assert got[1].kind == "oil_field" and got[1].radius_km == 5.0 and got[0].events == 2
    assert all(a.id > 0 for a in got)
    assert store.aliases_revision == 1
    assert store.revision == rev0, "learning aliases does not touch the events' revision"


def test_relearning_the_same_file_updates_instead_of_doubling(store):
    store.save_learned_aliases([_alias(events=2)], author="t")
    store.save_learned_aliases([_alias(events=5, pcode="C1106")], author="t")
    got = store.learned_aliases()
    assert len(got) == 1 and got[0].events == 5 and got[0].pcode == "C1106"
    assert store.aliases_revision == 2
    store.save_learned_aliases([_alias(source="b.csv")], author="t")   # another file: its own row
    assert len(store.learned_aliases()) == 2


def test_remove_by_id_source_name_and_all(store):
    store.save_learned_aliases([_alias(), _alias("Tall Zuhur", 35.9, 38.9), _alias("X", 35.0, 38.0, source="b.csv")],
                               author="t")
    ids = {a.name: a.id for a in store.learned_aliases()}
    rev = store.aliases_revision
    assert store.remove_learned_aliases(ids=[ids["Tall Zuhur"]], author="t") == 1
    assert store.aliases_revision == rev + 1
    assert store.remove_learned_aliases(source="b.csv", author="t") == 1
    assert store.remove_learned_aliases(name="nothing like this", author="t") == 0
    assert store.aliases_revision == rev + 2, "a removal that removes nothing is not a change"
    assert store.remove_learned_aliases(everything=True, author="t") == 1
    assert store.learned_aliases() == []
    with pytest.raises(ValidationError):
        store.remove_learned_aliases(author="t")


def test_bad_alias_is_refused_before_anything_is_written(store):
    with pytest.raises(ValidationError):
        store.save_learned_aliases([_alias(), _alias(name="  ")], author="t")
    with pytest.raises(ValidationError):
        store.save_learned_aliases([_alias(lat=123.0)], author="t")
    with pytest.raises(ValidationError):
        store.save_learned_aliases([_alias()], author=" ")
    assert store.learned_aliases() == []


def test_aliases_are_shared_through_the_store(store_url):
    """What one process (or analyst) learns, another opening the same store sees."""
    with open_store(store_url) as one:
        one.save_learned_aliases([_alias()], author="ana")
    with open_store(store_url) as two:
        assert [a.name for a in two.learned_aliases()] == ["Kufayr Ubaysh village"]
        assert two.aliases_revision == 1
