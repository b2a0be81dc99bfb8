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


def _seed_places():
    """Every distinct place of the seed file (place, origin, destination), keyed by as_written."""
    places = {}
    for e in _events().values():
        for p in (e.place, e.origin, e.destination):
            if p is not None:
                assert places.setdefault(p.as_written, p) == p, f"two different places written {p.as_written!r}"
    return places


def test_every_seed_place_is_what_the_gazetteer_resolves():
    """The hand-entered P-codes/points and the gazetteer's areas agree with the gazetteer as it is now."""
    import shapely

    from gazetteer import get_gazetteer
    from gazetteer.model import ResolutionStatus
    from scripts.seed_events import resolve_as_written

    gz = get_gazetteer()
    places = _seed_places()
    assert len(places) == 8
    with_area = 0
    for written, p in places.items():
        res = resolve_as_written(gz, written)
        assert res.status is ResolutionStatus.RESOLVED, (written, res.note)
        assert res.precision is p.precision, written
        if p.pcode:
            assert res.place is not None and res.place.pcode == p.pcode, written
        point = shapely.Point(p.lon, p.lat)
        if res.area is not None and res.area.geometry_wkt:
            gz_shape = shapely.from_wkt(res.area.geometry_wkt)
            assert gz_shape.covers(point), written
        else:
            assert abs(res.lat - p.lat) < 0.01 and abs(res.lon - p.lon) < 0.01, written
        if p.area_wkt:
            with_area += 1
            stored = shapely.from_wkt(p.area_wkt)
            assert stored.is_valid and stored.covers(point), written
            # the stored shape is the gazetteer's, simplified by 0.01° and rounded to 4 decimals
            vertices = shapely.points(shapely.get_coordinates(gz_shape))
            assert float(shapely.distance(vertices, stored).max()) <= 0.0102, written
            assert stored.symmetric_difference(gz_shape).area <= 0.12 * gz_shape.area, written
            assert p.radius_km == round(res.area.radius_km, 1), written
            assert all(len(c.split(".")[-1]) <= 4 for c in p.area_wkt.replace("(", " ").replace(")", " ")
                       .replace(",", " ").split() if "." in c), written
    assert with_area == 3                          # al-Tarif's area, "شمال البلاد", "شمال سوريا"


def test_seed_file_stays_small_and_relative_places_carry_shapes():
    assert SEED_FILE.stat().st_size < 60_000
    places = _seed_places()
    tarif = next(p for p in places.values() if p.pcode == "C5133")
    assert tarif.area_wkt and shapely_area_contains(tarif.area_wkt, tarif.lat, tarif.lon)
    north = places["شمال البلاد"]
    assert north.area_wkt and north.precision is Precision.REGION
    assert shapely_area_contains(north.area_wkt, 36.53, 37.95)        # Manbij: north
    assert shapely_area_contains(north.area_wkt, 37.05, 41.22)        # Qamishli: north
    assert not shapely_area_contains(north.area_wkt, 33.51, 36.29)    # Damascus: not north


def test_the_script_fails_loudly_when_the_gazetteer_disagrees():
    import dataclasses

    import pytest

    from errors import GazetteerError
    from gazetteer import get_gazetteer
    from scripts.seed_events import KASRA, RAQQA_GOV, check_with_gazetteer

    gz = get_gazetteer()
    with pytest.raises(GazetteerError, match="P-code"):
        check_with_gazetteer(dataclasses.replace(KASRA, pcode="C1876"), gz)
    with pytest.raises(GazetteerError, match="precision"):
        check_with_gazetteer(dataclasses.replace(RAQQA_GOV, precision=Precision.DISTRICT), gz)
    with pytest.raises(GazetteerError, match="point"):
        check_with_gazetteer(dataclasses.replace(KASRA, lat=36.259705, lon=38.090698), gz)


def shapely_area_contains(wkt: str, lat: float, lon: float) -> bool:
    import shapely
    return shapely.from_wkt(wkt).covers(shapely.Point(lon, lat))
