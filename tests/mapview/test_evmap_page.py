"""The map component's page with its scripts inlined (mapview/evmap_page.py): the same scripts in the
same order as index.html, one folder per version of the sources, and a refusal (not a broken page) when
a source cannot be inlined."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mapview import evmap_page

FRONTEND = Path(__file__).resolve().parents[2] / "mapview" / "evmap"


def test_the_page_inlines_every_script_in_order_and_keeps_leaflet_linked():
    page = evmap_page.inlined_page(FRONTEND)
    names = evmap_page.script_names(FRONTEND)
    assert len(names) >= 10 and '<script src="evm-' not in page and 'href="evmap.css"' not in page
    at = [page.index((FRONTEND / n).read_text(encoding="utf-8")) for n in names]
    assert at == sorted(at)                                  # one shared scope: the order is kept
    assert (FRONTEND / "evmap.css").read_text(encoding="utf-8") in page
    assert '<script src="/app/static/vendor/leaflet/leaflet.js"></script>' in page


def test_one_folder_per_version_of_the_sources(tmp_path):
    src = tmp_path / "evmap"
    shutil.copytree(FRONTEND, src)
    first = evmap_page.bundle_dir(src, tmp_path / "cache")
    assert (first / "index.html").read_text(encoding="utf-8") == evmap_page.inlined_page(src)
    assert evmap_page.bundle_dir(src, tmp_path / "cache") == first
    core = src / "evm-core.js"
    core.write_text(core.read_text(encoding="utf-8") + "\n// changed\n", encoding="utf-8")
    second = evmap_page.bundle_dir(src, tmp_path / "cache")
    assert second != first and "// changed" in (second / "index.html").read_text(encoding="utf-8")
    assert not list((tmp_path / "cache").rglob("*.tmp"))


def test_a_script_that_would_close_its_element_is_refused(tmp_path):
    src = tmp_path / "evmap"
    shutil.copytree(FRONTEND, src)
    (src / "evm-card.js").write_text('var s = "</SCRIPT><b>";\n', encoding="utf-8")
    with pytest.raises(ValueError, match="evm-card.js"):
        evmap_page.bundle_dir(src, tmp_path / "cache")


def test_the_dashboard_declares_the_component_on_the_inlined_page():
    from ui import evmap
    folder = Path(evmap._component_dir())
    assert folder.name.startswith("evmap-") and '<script src="evm-' not in (folder / "index.html").read_text(encoding="utf-8")
