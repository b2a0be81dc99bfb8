"""The built-in dataset: the seed article's events, valid and reproducible from their script."""
from __future__ import annotations

import json

from events.model import ClaimStatus, DatePrecision
from events.serialize import event_from_dict
from gazetteer.model import Precision
from scripts.seed_events import seed_events
from tests.conftest import REPO

SEED_FILE = REPO / "data" / "events" / "seed.json"


def _events():
    return {e.id: e for e in (event_from_dict(r) for r in json.loads(SEED_FILE.read_text(encoding="utf-8")))}


def test_seed_file_is_what_the_script_writes():
    assert list(_events().values()) == seed_events()


def test_seed_events_dates_and_places():
    ev = _events()
    tarif = ev["seed-2017-08-26-tarif-evacuation"]
    assert tarif.date.precision is DatePrecision.NIGHT and str(tarif.date.start) == "2017-08-26"
    assert tarif.place.pcode == "C5133" and tarif.place.precision is Precision.NEAR
    buleel = ev["seed-2017-08-28-buleel-evacuation"]
    assert str(buleel.date.start) == "2017-08-28" and buleel.place.precision is Precision.NEAR
    assert buleel.destination is not None and buleel.destination.precision is Precision.REGION
    kasra = ev["seed-2017-05-kasra-evacuation"]
    assert kasra.date.precision is DatePrecision.MONTH and (str(kasra.date.start), str(kasra.date.end)) == ("2017-05-01", "2017-05-31")
    raqqa = ev["seed-2017-06-raqqa-evacuations"]
    assert (str(raqqa.date.start), str(raqqa.date.end)) == ("2017-06-01", "2017-07-31")
    assert raqqa.place.precision is Precision.GOVERNORATE and raqqa.place.pcode == "SY11"
    siege = ev["seed-2017-09-05-dez-siege-broken"]
    assert str(siege.date.start) == "2017-09-05" and siege.date.start.weekday() == 1  # a Tuesday
    assert siege.status is ClaimStatus.REPORTED


def test_denial_links_to_existing_claims():
    ev = _events()
    denial = ev["seed-2017-09-07-coalition-denial"]
    assert denial.status is ClaimStatus.DENIED
    assert denial.denies and all(ev[i].status is ClaimStatus.CLAIMED for i in denial.denies)


def test_source_chain_outlet_agency_source():
    src = _events()["seed-2017-08-26-tarif-evacuation"].sources[0]
    assert "SyriaNews" in src.outlet and "RIA Novosti" in src.agency and "military-diplomatic" in src.source
    assert str(src.published) == "2017-09-07"
