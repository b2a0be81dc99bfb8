"""Dashboard: an uploaded UCDP file's place names are learned into the store, and the review page uses them."""
from __future__ import annotations

from pathlib import Path

from gazetteer.model import ResolutionStatus

FIXTURE = Path(__file__).resolve().parents[1] / "gazetteer" / "fixtures" / "ucdp_learn_sample.csv"


class _Upload:
    name = FIXTURE.name

    def getvalue(self) -> bytes:
        return FIXTURE.read_bytes()


def test_import_page_learns_places_and_review_resolves_them(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTS_STORE", str(tmp_path / "events.sqlite"))
    from ui import data, importer, review
    before = review._gazetteer().resolve("Zumurrud Qaryat village")
    assert before.status is not ResolutionStatus.RESOLVED
    summary = importer._learn_places(_Upload(), "ucdp")
    assert summary["aliases"] == 7 and summary["attached"] == 2
    assert data.store().aliases_revision == 1
    after = review._gazetteer().resolve("Zumurrud Qaryat village")     # a new aliases revision: rebuilt
    assert after.status is ResolutionStatus.RESOLVED and after.place.pcode.startswith("L")
