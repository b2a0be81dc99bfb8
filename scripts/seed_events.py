"""Write ``data/events/seed.json``: the seed article's events, entered by hand.

Why a script rather than a hand-edited JSON file: the records are built
through the same model and validation as every import, so the built-in
dataset can never hold a value the store would refuse. Summaries are our own
words; the article itself stays in ``../shared/seed/`` (not redistributed).
Coordinates and P-codes are the OCHA facts in ``data/places.csv`` and
``data/admin/``, entered by hand; the script asks the gazetteer about every
place as written and stops with an error when its answer disagrees (other
P-code, other precision, or the point outside its area). The shapes of the
relative/regional places (al-Tarif's countryside area, "north of the
country") are the gazetteer's, simplified (0.01°) and rounded (4 decimals)
so the file stays small. ``tests/events/test_seed_data.py`` repeats the
check against the written file.
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import shapely  # noqa: E402

from errors import GazetteerError  # noqa: E402
from events.model import (ClaimStatus, Count, DatePrecision, Event, EventDate, EventType, Place, Source)  # noqa: E402
from events.serialize import event_to_dict  # noqa: E402
from events.validate import validate_event  # noqa: E402
from gazetteer import get_gazetteer  # noqa: E402
from gazetteer.model import Precision, Resolution, ResolutionStatus  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "data" / "events" / "seed.json"
PUBLISHED = date(2017, 9, 7)
TITLE = 'اتهامات للقوات الأمريكية باجلاء أكثر من 22 قياديا لـ"داعش" من دير الزور ..والتحالف ينفي'
RIA = Source(outlet="SyriaNews (سيريانيوز)", agency="RIA Novosti (وكالة نوفوستي الروسية)",
             source="unnamed military-diplomatic source (مصدر عسكري دبلوماسي)", published=PUBLISHED,
             title=TITLE, language="ar")
OWN = Source(outlet="SyriaNews (سيريانيوز)", published=PUBLISHED, title=TITLE, language="ar")
COALITION = Source(outlet="SyriaNews (سيريانيوز)", agency="US-led international coalition (التحالف الدولي)",
                   published=PUBLISHED, title=TITLE, language="ar")
DEZ = dict(admin1_pcode="SY09", admin1_en="Deir-ez-Zor", admin1_ar="دير الزور", admin2_pcode="SY0901")
US_ISIS = ("US forces", "ISIS")

TARIF = Place("المنطقة التابعة لبلدة الطريف في ريف مدينة دير الزور الشمالي الغربي", 35.545471, 39.856506,
              Precision.NEAR, "Tarif", "الطريف", "C5133", radius_km=10.0, admin3_pcode="SY090104", **DEZ)
BULEEL = Place("منطقة البو ليل جنوب غربي مدينة دير الزور", 35.203491, 40.362671, Precision.NEAR,
               "Qetet Elbuleil (al-Buleel area)", "قطعة البوليل", "C5126", radius_km=15.0,
               admin3_pcode="SY090103", **DEZ)
KASRA = Place("بلدة كسرة في محافظة دير الزور", 35.569519, 39.913879, Precision.POINT, "Kasra", "الكسرة",
              "C5096", admin3_pcode="SY090101", **DEZ)
RAQQA_GOV = Place("محافظة الرقة", 36.02304, 38.92059, Precision.GOVERNORATE, "Ar-Raqqa governorate",
                  "محافظة الرقة", "SY11", radius_km=110.0, admin1_pcode="SY11", admin1_en="Ar-Raqqa",
                  admin1_ar="الرقة")
DEZ_GOV = Place("محافظة دير الزور", 35.20098, 40.29511, Precision.GOVERNORATE, "Deir-ez-Zor governorate",
                "محافظة دير الزور", "SY09", radius_km=150.0, admin1_pcode="SY09", admin1_en="Deir-ez-Zor",
                admin1_ar="دير الزور")
NORTH = Place("شمال البلاد", 36.3, 39.0, Precision.REGION, "northern Syria", "شمال سوريا", radius_km=220.0)
NORTH_SYRIA = Place("شمال سوريا", 36.3, 39.0, Precision.REGION, "northern Syria", "شمال سوريا", radius_km=220.0)
DEZ_CITY = Place("مدينة دير الزور", 35.331909, 40.146118, Precision.POINT, "Deir-ez-Zor", "دير الزور", "C5086",
                 admin3_pcode="SY090100", **DEZ)
HAND_PLACES = (TARIF, BULEEL, KASRA, RAQQA_GOV, DEZ_GOV, NORTH, NORTH_SYRIA, DEZ_CITY)


#: Places whose shape (area_wkt) and covering radius are taken from the gazetteer's area.
AREA_FROM_GAZETTEER = frozenset({TARIF.as_written, NORTH.as_written, NORTH_SYRIA.as_written})
SIMPLIFY_DEG = 0.01
WKT_DECIMALS = 4
POINT_TOLERANCE_DEG = 0.01
_IN_GOVERNORATE = re.compile(r"\s+في\s+(?:ال)?محافظة\s")


def resolve_as_written(gz, as_written: str) -> Resolution:
    """The gazetteer's answer for a place as the article writes it.

    Read the way ingestion reads it: the whole phrase first; if that is not
    resolved, "X في محافظة Y" is asked as X with the whole phrase as context.
    """
    res = gz.resolve(as_written)
    m = _IN_GOVERNORATE.search(as_written)
    if res.status is not ResolutionStatus.RESOLVED and m:
        res = gz.resolve(as_written[:m.start()], context=as_written)
    return res


def seed_area_wkt(geometry_wkt: str) -> str:
    """A gazetteer shape made small for the seed file: simplified by 0.01°, snapped to 4 decimals, valid."""
    geom = shapely.from_wkt(geometry_wkt).simplify(SIMPLIFY_DEG)
    geom = shapely.set_precision(geom, 10.0 ** -WKT_DECIMALS)
    return shapely.to_wkt(geom, rounding_precision=WKT_DECIMALS, trim=True)


def check_with_gazetteer(place: Place, gz) -> Place:
    """``place`` as entered, with the gazetteer's area where AREA_FROM_GAZETTEER says so.

    Raises GazetteerError when the gazetteer disagrees with the hand-entered
    facts: not resolved, another precision, another P-code, or the point
    outside the gazetteer's area (or more than 0.01° from its point).
    """
    where = f"scripts/seed_events.py: place {place.as_written!r}"
    res = resolve_as_written(gz, place.as_written)

    def fail(message: str, value: object) -> GazetteerError:
        return GazetteerError(f"gazetteer disagrees with the hand-entered seed place: {message}",
                              field="place", value=value, where=where)

    if res.status is not ResolutionStatus.RESOLVED:
        raise fail(f"not resolved ({res.note})", res.status.value)
    if res.precision is not place.precision:
        raise fail(f"precision {res.precision} instead of {place.precision.value}", res.precision)
    got_pcode = res.place.pcode if res.place is not None else ""
    if place.pcode and got_pcode != place.pcode:
        raise fail(f"P-code {got_pcode!r} instead of {place.pcode!r}", got_pcode)
    area = res.area
    if area is not None and area.geometry_wkt:
        if not shapely.from_wkt(area.geometry_wkt).covers(shapely.Point(place.lon, place.lat)):
            raise fail("the entered point lies outside the gazetteer's area", (place.lat, place.lon))
    elif abs(res.lat - place.lat) > POINT_TOLERANCE_DEG or abs(res.lon - place.lon) > POINT_TOLERANCE_DEG:
        raise fail("the entered point is not the gazetteer's point", (res.lat, res.lon))
    if place.as_written not in AREA_FROM_GAZETTEER:
        return place
    if area is None or not area.geometry_wkt:
        raise fail("no area shape to take", res.note)
    return dataclasses.replace(place, area_wkt=seed_area_wkt(area.geometry_wkt),
                               radius_km=round(float(area.radius_km), 1))


def seed_events() -> list[Event]:
    gz = get_gazetteer()
    (TARIF, BULEEL, KASRA, RAQQA_GOV, DEZ_GOV, NORTH, NORTH_SYRIA, DEZ_CITY) = (  # noqa: N806
        check_with_gazetteer(p, gz) for p in HAND_PLACES)
    late_aug = EventDate(date(2017, 8, 21), date(2017, 8, 31), DatePrecision.RANGE, "أواخر آب الماضي")
    return [
        Event("seed-2017-08-late-dez-evacuations", EventType.EVACUATION, ClaimStatus.CLAIMED,
              "US forces said to have evacuated over 22 ISIS commanders from Deir ez-Zor",
              "إجلاء أكثر من 22 قياديا لداعش من دير الزور", 
              "Umbrella claim: in late August 2017 US aircraft airlifted more than 22 ISIS commanders out of "
              "Deir ez-Zor governorate to the north of the country.",
              late_aug, DEZ_GOV, DEZ_GOV, NORTH, US_ISIS, (Count("ISIS commanders", 23, None, False, "أكثر من 22"),),
              (RIA,)),
        Event("seed-2017-08-26-tarif-evacuation", EventType.EVACUATION, ClaimStatus.CLAIMED,
              "US helicopter said to lift two ISIS field commanders out of the al-Tarif area",
              "مروحية أمريكية تسحب قياديين اثنين لداعش من منطقة الطريف",
              "On the night of 26 August 2017 a US helicopter reportedly took two European-born ISIS field "
              "commanders and their families from the area of al-Tarif, north-western countryside of Deir ez-Zor city.",
              EventDate(date(2017, 8, 26), date(2017, 8, 27), DatePrecision.NIGHT, "ليلة 26 آب"), TARIF, TARIF, None,
              US_ISIS, (Count("ISIS field commanders", 2, 2, False, "قياديين اثنين"),), (RIA,),
              related=("seed-2017-08-late-dez-evacuations",)),
        Event("seed-2017-08-28-buleel-evacuation", EventType.EVACUATION, ClaimStatus.CLAIMED,
              "Several US helicopters said to evacuate about 20 ISIS commanders from the al-Buleel area",
              "مروحيات أمريكية تجلي نحو 20 قياديا من داعش من منطقة البو ليل",
              "On 28 August 2017 US forces reportedly used several helicopters to move about 20 ISIS commanders and "
              "fighters close to them from the al-Buleel area, south-west of Deir ez-Zor city as reported, to "
              "northern Syria. The only gazetteer match (Qetet Elbuleil) lies south-east of the city, so the place "
              "is an area, not a point.",
              EventDate(date(2017, 8, 28), date(2017, 8, 28), DatePrecision.DAY, "يوم 28 من الشهر ذاته"), BULEEL,
              BULEEL, NORTH_SYRIA, US_ISIS, (Count("ISIS commanders", 15, 25, True, "حوالي 20"),), (RIA,),
              related=("seed-2017-08-late-dez-evacuations",)),
        Event("seed-2017-05-kasra-evacuation", EventType.EVACUATION, ClaimStatus.CLAIMED,
              "US helicopters said to have pulled ISIS field commanders out of Kasra in May 2017",
              "مروحيات أمريكية تسحب قياديين ميدانيين من بلدة كسرة",
              "During May 2017 US helicopters reportedly withdrew ISIS field commanders and fighters of European "
              "origin from the town of Kasra, Deir ez-Zor governorate.",
              EventDate(date(2017, 5, 1), date(2017, 5, 31), DatePrecision.MONTH, "خلال شهر أيار الماضي"), KASRA,
              KASRA, None, US_ISIS, (), (RIA,)),
        Event("seed-2017-06-raqqa-evacuations", EventType.EVACUATION, ClaimStatus.CLAIMED,
              "Similar evacuations of ISIS members said to be observed in Raqqa governorate, June–July 2017",
              "رصد عمليات مشابهة لإجلاء عناصر التنظيم في محافظة الرقة",
              "Similar evacuations of ISIS members were reportedly observed in Raqqa governorate during June and "
              "July 2017.",
              EventDate(date(2017, 6, 1), date(2017, 7, 31), DatePrecision.RANGE, "خلال شهري حزيران وتموز"),
              RAQQA_GOV, RAQQA_GOV, None, US_ISIS, (), (RIA,)),
        Event("seed-2017-09-07-coalition-denial", EventType.EVACUATION, ClaimStatus.DENIED,
              "US-led coalition denies evacuating ISIS commanders from Deir ez-Zor",
              "التحالف الدولي ينفي إجلاء قياديين من داعش من دير الزور",
              "The US-led coalition denied reports that it evacuated more than 22 ISIS commanders from Deir ez-Zor "
              "to the north of the country in late August, calling them false.",
              late_aug, DEZ_GOV, DEZ_GOV, NORTH, ("US-led coalition",), (), (COALITION,),
              denies=("seed-2017-08-late-dez-evacuations", "seed-2017-08-26-tarif-evacuation",
                      "seed-2017-08-28-buleel-evacuation")),
        Event("seed-2017-09-05-dez-siege-broken", EventType.SIEGE_BROKEN, ClaimStatus.REPORTED,
              "Syrian army breaks the ISIS siege of Deir ez-Zor city",
              "الجيش السوري يكسر حصار داعش على مدينة دير الزور",
              "On Tuesday 5 September 2017 the Syrian army broke the ISIS siege of Deir ez-Zor city, in place "
              "since 2014 (about three years).",
              EventDate(date(2017, 9, 5), date(2017, 9, 5), DatePrecision.DAY, "يوم الثلاثاء"), DEZ_CITY, DEZ_CITY,
              None, ("Syrian army", "ISIS"), (), (OWN,), tags=("siege since 2014",)),
    ]


def main() -> int:
    records = [event_to_dict(validate_event(e)) for e in seed_events()]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=OUT.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(records, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, OUT)
    print(f"seed_events: {len(records)} events written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
