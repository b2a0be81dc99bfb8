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


def test_the_gazetteer_side_reads_the_same_tables(store_url):
    """``python -m gazetteer`` opens a store's alias tables without the event store (gazetteer.aliasdb)."""
    from gazetteer.aliasdb import open_alias_storage
    with open_alias_storage(store_url) as direct:
        direct.save_learned_aliases([_alias()], author="gazetteer-cli")
    with open_store(store_url) as store:
        assert [a.name for a in store.learned_aliases()] == ["Kufayr Ubaysh village"]
        store.save_learned_aliases([_alias("Tall Zuhur", 35.9, 38.9)], author="events-cli")
        assert store.aliases_revision == 2
    with open_alias_storage(store_url) as direct:
        assert len(direct.learned_aliases()) == 2 and direct.aliases_revision == 2


def test_events_import_learn_places(store_url):
    """``events import FILE --format ucdp --learn-places``: the file's strings resolve through the store."""
    from pathlib import Path

    from click.testing import CliRunner

    from events.cli import cli as events_cli
    from gazetteer.learned import gazetteer_for
    from gazetteer.model import ResolutionStatus
    fixture = Path(__file__).parents[2] / "gazetteer" / "fixtures" / "ucdp_learn_sample.csv"
    out = CliRunner().invoke(events_cli, ["import", str(fixture), "--format", "ucdp", "--store", store_url,
                                          "--learn-places"])
    assert out.exit_code == 0, out.output
    assert "imported 11" in out.output and "learned 7 place strings" in out.output
    with open_store(store_url) as store:
        gz = gazetteer_for(store)
        res = gz.resolve("Kufayr Ubaysh village")
        assert res.status is ResolutionStatus.RESOLVED and res.place.pcode == "C1106"
        assert gz.resolve("Wadi Nakhil oil field").place.kind.value == "oil_field"


def test_events_ingest_resolves_with_the_stores_learned_aliases(store_url, tmp_path):
    """An article naming a learned place: ``events ingest --store`` places it (the plain gazetteer cannot)."""
    from pathlib import Path

    from click.testing import CliRunner

    from events.cli import cli as events_cli
    fixture = Path(__file__).parents[2] / "gazetteer" / "fixtures" / "ucdp_learn_sample.csv"
    article = tmp_path / "a.txt"
    article.write_text("Government forces shelled the village of Zumurrud Qaryat on Monday, killing two civilians.\n",
                       encoding="utf-8")
    run = CliRunner().invoke
    assert run(events_cli, ["import", str(fixture), "--format", "ucdp", "--store", store_url,
                            "--learn-places"]).exit_code == 0
    out = run(events_cli, ["ingest", str(article), "--published", "2016-03-08", "--json", "--store", store_url])
    assert out.exit_code == 0, out.output
    assert "LCC9BA984" in out.output              # the learned place's own code
    plain = run(events_cli, ["ingest", str(article), "--published", "2016-03-08", "--json",
                             "--store", str(tmp_path / "empty.sqlite")])
    assert "LCC9BA984" not in plain.output
