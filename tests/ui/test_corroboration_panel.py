"""The side panel shows data-quality flags and the corroboration group; the sources filter is offered."""
from __future__ import annotations

from dataclasses import replace

from tests.ui.conftest import run_app

from events.corroborate.storage import corroborate_store
from events.model import Source
from events.store import open_store, seed_store



def test_panel_lists_flags_and_independent_sources(tmp_path, monkeypatch):
    path = tmp_path / "events.sqlite"
    with open_store(path) as store:
        seed_store(store)
        claim = store.get("seed-2017-09-05-dez-siege-broken")
        copy = replace(claim, id="copy-siege-broken", flags=("admin_name_missing",),
                       sources=(Source(outlet="Second Paper", url="https://example.org/second"),))
        store.add([copy], author="t")
        groups, _ = corroborate_store(store, author="t")
        assert any({"seed-2017-09-05-dez-siege-broken", "copy-siege-broken"} <= set(g.members) for g in groups)
    at = run_app(monkeypatch, path, sel="copy-siege-broken")
    html = " ".join(h.proto.body for h in at.get("html"))
    assert 'data-testid="evm-flags"' in html and "admin" in html
    assert 'data-testid="evm-corr"' in html and "independent source" in html
    assert any(b.label.replace("\\", "").startswith("↪ seed-2017-09-05-dez-siege-broken") for b in at.button)
    assert at.radio(key="f_corr").options == ["all", "single source", "corroborated", "contested"]
    at.radio(key="f_corr").set_value("corroborated").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table[table.columns[-1]]) == {"seed-2017-09-05-dez-siege-broken", "copy-siege-broken"}


def test_sources_filter_also_narrows_the_table_of_a_large_view(tmp_path, monkeypatch):
    """Above FULL_FRAME_MAX the table reads rows of the light frame: the filter must pick those rows too."""
    import ui.dashboard as dashboard
    path = tmp_path / "events.sqlite"
    with open_store(path) as store:
        seed_store(store)
        claim = store.get("seed-2017-09-05-dez-siege-broken")
        store.add([replace(claim, id="copy-siege-broken",
                           sources=(Source(outlet="Second Paper", url="https://example.org/second"),))], author="t")
        corroborate_store(store, author="t")
    monkeypatch.setattr(dashboard, "FULL_FRAME_MAX", 0)        # every view takes the large-view path
    monkeypatch.setattr(dashboard, "AGGREGATE_THRESHOLD", 0)
    at = run_app(monkeypatch, path)
    assert len(at.dataframe[0].value) > 2
    at.radio(key="f_corr").set_value("corroborated").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table[table.columns[-1]]) == {"seed-2017-09-05-dez-siege-broken", "copy-siege-broken"}
