"""Seed expectations for plain names: spelling variants, ranking, ambiguity, statuses."""
from __future__ import annotations

import pytest

from errors import ValidationError
from gazetteer.model import PlaceKind, Precision, ResolutionStatus

RESOLVED, AMBIGUOUS, UNRESOLVED = (ResolutionStatus.RESOLVED, ResolutionStatus.AMBIGUOUS,
                                   ResolutionStatus.UNRESOLVED)


@pytest.mark.parametrize("name", ["الطريف", "بلدة الطريف", "Tarif", "al-Tarif", "At Tarif", "Al Tareef",
                                  "الطَّرِيف", "قرية الطريف", "town of al-Tarif"])
def test_tarif_variants_resolve_to_c5133(gz, name):
    res = gz.resolve(name)
    assert res.status is RESOLVED, res.note
    assert res.place.pcode == "C5133"
    assert res.precision is Precision.POINT
    assert res.place.admin3.pcode == "SY090104" and res.place.admin1.pcode == "SY09"
    assert (res.lat, res.lon) == pytest.approx((35.545471, 39.856506))


@pytest.mark.parametrize("name", ["كسرة", "بلدة كسرة"])
def test_kisreh_with_governorate_context_resolves_to_deir_ez_zor_one(gz, name):
    res = gz.resolve(name, context="في محافظة دير الزور")
    assert res.status is RESOLVED
    assert res.place.pcode == "C5096"
    assert res.candidates[0].place.pcode == "C5096"
    assert "context governorate" in res.candidates[0].reasons


def test_kisreh_without_context_is_ambiguous_with_every_namesake(gz):
    res = gz.resolve("كسرة")
    assert res.status is AMBIGUOUS and res.place is None and res.lat is None
    codes = [c.place.pcode for c in res.candidates]
    assert {"C1876", "C5022", "C5096", "SY090101"} <= set(codes[:5])


def test_kisreh_with_aleppo_context_picks_aleppo(gz):
    res = gz.resolve("كسرة", context="ريف حلب الشرقي، منطقة منبج")
    assert res.status is RESOLVED and res.place.pcode == "C1876"


def test_near_point_breaks_a_tie(gz):
    res = gz.resolve("كسرة", near=(36.95, 40.4))  # next to Ras al-Ain
    assert res.status is RESOLVED and res.place.pcode == "C5022"


@pytest.mark.parametrize("name", ["دير الزور", "Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor", "Deir-ez-Zor",
                                  "Dair al-Zour", "مدينة دير الزور"])
def test_bare_deir_ez_zor_is_the_city(gz, name):
    res = gz.resolve(name)
    assert res.status is RESOLVED and res.place.pcode == "C5086"
    assert res.place.kind is PlaceKind.CITY and res.precision is Precision.POINT


@pytest.mark.parametrize("name", ["محافظة دير الزور", "Deir ez-Zor governorate", "governorate of Dayr az Zawr"])
def test_governorate_qualifier_gives_the_governorate_area(gz, name):
    res = gz.resolve(name)
    assert res.status is RESOLVED and res.place.pcode == "SY09"
    assert res.precision is Precision.GOVERNORATE
    assert res.area is not None and res.area.geometry_wkt.startswith(("POLYGON", "MULTIPOLYGON"))
    assert 50 < res.area.radius_km < 250
    assert gz.reverse(res.lat, res.lon)[0].pcode == "SY09"  # representative point is inside


def test_kind_argument_works_like_a_qualifier(gz):
    assert gz.resolve("دير الزور", kind=PlaceKind.GOVERNORATE).place.pcode == "SY09"
    assert gz.resolve("Deir ez-Zor", kind=PlaceKind.DISTRICT).place.pcode == "SY0901"


@pytest.mark.parametrize("name", ["البو ليل", "البوليل", "بو ليل", "al-Buleel", "Al Bulayl"])
def test_buleel_is_a_near_area_on_qetet_elbuleil(gz, name):
    res = gz.resolve(name)
    assert res.status is RESOLVED
    assert res.place.pcode == "C5126"
    assert res.precision is Precision.NEAR            # partial match: never a confident point
    assert res.radius_km and res.radius_km >= 3
    assert "partial" in res.note
    assert any(c.place.pcode == "C7867" for c in res.candidates)  # the Hama Bleel was considered


def test_buleel_with_hama_context_does_not_pick_deir_ez_zor(gz):
    res = gz.resolve("البو ليل", context="في ريف حماة")
    assert res.candidates[0].place.pcode == "C7867"
    assert not (res.status is RESOLVED and res.place.pcode == "C5126")


def test_raqqa_governorate_and_city(gz):
    gov = gz.resolve("محافظة الرقة")
    assert gov.place.pcode == "SY11" and gov.precision is Precision.GOVERNORATE and gov.area.geometry_wkt
    assert gz.resolve("Raqqa governorate").place.pcode == "SY11"
    city = gz.resolve("الرقة")
    assert city.status is RESOLVED and city.place.pcode == "C5710" and city.precision is Precision.POINT


@pytest.mark.parametrize("name", ["Xyzzyville", "قرية لا وجود لها", "Qwrtpzk"])
def test_unknown_names_are_unresolved_without_candidates(gz, name):
    res = gz.resolve(name)
    assert res.status is UNRESOLVED and res.candidates == () and res.lat is None


def test_a_typo_is_found_but_not_as_a_confident_point(gz):
    res = gz.resolve("Tarrifa")  # close to Tharifa / Tarif, exact to neither
    assert res.status is not RESOLVED or res.precision is not Precision.POINT or res.candidates[0].score >= 85


def test_empty_name_is_a_validation_error(gz):
    with pytest.raises(ValidationError) as err:
        gz.resolve("   ")
    assert err.value.field == "name"


def test_results_are_cached_and_equal(gz):
    assert gz.resolve("Tarif") is gz.resolve("Tarif")
    assert gz.resolve("Tarif") == gz.resolve_uncached("Tarif")


def test_concurrent_resolves_agree(gz):
    from concurrent.futures import ThreadPoolExecutor
    names = ["Tarif", "كسرة", "ريف حلب الغربي", "Deir ez-Zor", "Xyzzyville"] * 40
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda n: gz.resolve(n, context=f"ctx {hash(n) % 7}"), names))
    for name, res in zip(names, results):
        assert res == gz.resolve_uncached(name, context=f"ctx {hash(name) % 7}")


def test_arbitrary_text_never_crashes(gz):
    import random
    rng = random.Random(3)
    alphabet = "abcdefghijklmnopqrstuvwxyz '-ʿ" + "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأإآؤئـًٌٍَُِّْ" + "0123456789،.()«»"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        if not text.strip():
            continue
        res = gz.resolve_uncached(text, context=text)
        assert res.status in ResolutionStatus
        if res.status is RESOLVED:
            assert res.lat is not None and 32 < res.lat < 38 and 35 < res.lon < 43


def test_overlong_name_is_rejected(gz):
    with pytest.raises(ValidationError, match="longer than"):
        gz.resolve("ا" * 400)


def test_near_accepts_a_list_and_rejects_nonsense(gz):
    assert gz.resolve("كسرة", near=[36.95, 40.4]).place.pcode == "C5022"
    with pytest.raises(ValidationError) as err:
        gz.resolve("كسرة", near=(float("nan"), 40.0))
    assert err.value.field == "near"
    with pytest.raises(ValidationError):
        gz.resolve("كسرة", near="36,40")


@pytest.mark.parametrize("name, pcode, precision", [
    ("Kisreh sub-district", "SY090101", Precision.SUBDISTRICT), ("ناحية كسرة", "SY090101", Precision.SUBDISTRICT),
    ("Deir ez-Zor district", "SY0901", Precision.DISTRICT), ("Idlib province", "SY07", Precision.GOVERNORATE),
])
def test_admin_qualifiers_pick_the_admin_level(gz, name, pcode, precision):
    res = gz.resolve(name)
    assert res.status is RESOLVED and res.place.pcode == pcode and res.precision is precision
    assert res.area.geometry_wkt and gz.reverse(res.lat, res.lon)[0].pcode == pcode[:4]
