"""Domain checks on an Event, run before anything is written.

Why separate from parsing: every way in (JSON, CSV, GeoJSON, ACLED, UCDP,
the review form, ingestion) ends in the same checks, so a bad value is
refused with the same message wherever it came from. Checks name the field
and the value; ``where`` (file and row) is added by the caller.
"""
from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import date

from errors import ValidationError
from events.geometry import MAX_AREA_CHARS, check_area, simplified_tag
from events.model import DatePrecision, Event, Place
from events.textpolicy import needs_normalising, normalised, text_problem

#: Syria's extent with a ~50 km margin: events just across a border (Lebanon,
#: Turkey, Iraq, Jordan) are still accepted; a swapped lat/lon is not.
SYRIA_BBOX = (35.2, 31.8, 42.9, 37.8)  # west, south, east, north
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_TEXT = 20_000
MAX_SHORT = 500
#: ``\Z``, not ``$``: ``$`` also matches before a final newline, so "evt-1\n" passed as a second "evt-1".
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,127}\Z")
#: How many items each list field may hold (a 1M-tag event is not data).
MAX_ITEMS = {"actors": 200, "counts": 100, "sources": 200, "denies": 1_000, "related": 1_000, "tags": 200,
             "flags": 100}
MAX_TAG = 200


def check_coordinates(lat: object, lon: object, *, field: str = "place", where: str | None = None) -> None:
    """Reject NaN/inf, out-of-range and outside-Syria points, spotting swapped lat/lon."""
    for name, value in (("lat", lat), ("lon", lon)):
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
            raise ValidationError("coordinate must be a finite number", field=f"{field}.{name}", value=value, where=where)
    west, south, east, north = SYRIA_BBOX
    if not (south <= lat <= north and west <= lon <= east):  # type: ignore[operator]
        if south <= lon <= north and west <= lat <= east:  # type: ignore[operator]
            raise ValidationError(f"lat/lon look swapped (lat={lat}, lon={lon}); Syria is about lat 32–37, lon 35–42",
                                  field=field, value=(lat, lon), where=where)
        raise ValidationError(f"point lat={lat}, lon={lon} is outside Syria (lat {south}–{north}, lon {west}–{east})",
                              field=field, value=(lat, lon), where=where)


def check_date(value: date, *, field: str, where: str | None = None) -> None:
    if not (MIN_YEAR <= value.year <= MAX_YEAR):
        raise ValidationError(f"year {value.year} is outside {MIN_YEAR}–{MAX_YEAR}", field=field, value=value.isoformat(), where=where)


def check_text(value: str, *, field: str, limit: int = MAX_SHORT, where: str | None = None) -> bool:
    """Refuse non-text, text over ``limit`` and text the policy refuses (events/textpolicy.py: lone
    surrogates, NUL, C0/C1 controls but tab and newline). Returns whether it needs NFC/newline normalising."""
    if not isinstance(value, str):
        raise ValidationError("must be text", field=field, value=value, where=where)
    if len(value) > limit:
        raise ValidationError(f"text is {len(value):,} characters; the limit is {limit:,}", field=field,
                              value=value[:40] + "…", where=where)
    if value.isascii() and value.isprintable():
        return False
    problem = text_problem(value)
    if problem is not None:
        raise ValidationError(problem, field=field, value=value[:40], where=where)
    return needs_normalising(value)


def _check_list(items: tuple, name: str, where: str | None) -> None:
    if not isinstance(items, (tuple, list)):
        raise ValidationError("must be a list", field=name, value=type(items).__name__, where=where)
    if len(items) > MAX_ITEMS[name]:
        raise ValidationError(f"has {len(items):,} items; the limit is {MAX_ITEMS[name]:,}", field=name,
                              value=len(items), where=where)


def _check_place(place: Place, field: str, where: str | None) -> tuple[Place, float | None]:
    """Check ``place``; returns it, or a copy whose area was simplified to the vertex budget (and the tolerance)."""
    check_text(place.as_written, field=f"{field}.as_written", where=where)
    for name in ("admin1_pcode", "admin1_en", "admin1_ar", "admin2_pcode", "admin3_pcode"):
        check_text(getattr(place, name), field=f"{field}.{name}", where=where)
    if (place.lat is None) != (place.lon is None):
        raise ValidationError("lat and lon must both be given or both be empty", field=field,
                              value=(place.lat, place.lon), where=where)
    if place.located:
        check_coordinates(place.lat, place.lon, field=field, where=where)
    if place.radius_km is not None:
        r = place.radius_km
        if not isinstance(r, (int, float)) or not math.isfinite(r) or r < 0 or r > 1000:
            raise ValidationError("radius_km must be a number from 0 to 1000", field=f"{field}.radius_km", value=r, where=where)
    for name in ("name_en", "name_ar", "pcode"):
        check_text(getattr(place, name), field=f"{field}.{name}", where=where)
    if place.area_wkt is not None:
        check_text(place.area_wkt, field=f"{field}.area_wkt", limit=MAX_AREA_CHARS, where=where)
        area, tolerance = check_area(place.area_wkt, field=f"{field}.area_wkt", where=where)
        if tolerance is not None:
            return replace(place, area_wkt=area), tolerance
    return place, None


def validate_event(event: Event, *, where: str | None = None) -> Event:
    """Return ``event`` if acceptable, else raise ValidationError naming the field.

    The one change made: an area over the vertex budget (events.geometry) comes back simplified, with
    the tolerance in a tag; callers store the returned event.
    """
    if not isinstance(event.id, str) or not ID_PATTERN.match(event.id):
        raise ValidationError("id must be 1–128 characters of letters, digits, '_', '-', '.', ':'",
                              field="id", value=event.id, where=where)
    for name in ("title_en", "title_ar"):
        check_text(getattr(event, name), field=name, where=where)
    check_text(event.summary, field="summary", limit=MAX_TEXT, where=where)
    if event.date is not None:
        d = event.date
        check_date(d.start, field="date_start", where=where)
        check_date(d.end, field="date_end", where=where)
        if d.end < d.start:
            raise ValidationError(f"date_end {d.end} is before date_start {d.start}", field="date_end",
                                  value=d.end.isoformat(), where=where)
        if d.precision is DatePrecision.DAY and d.end != d.start:
            raise ValidationError("a day-precision date must start and end on the same day; use 'range'",
                                  field="date_precision", value=d.precision.value, where=where)
        check_text(d.as_written, field="date_as_written", where=where)
    simplified: dict[str, Place] = {}
    tags: list[str] = []
    for name in ("place", "origin", "destination"):
        place = getattr(event, name)
        if place is not None:
            checked, tolerance = _check_place(place, name, where)
            if tolerance is not None:
                simplified[name] = checked
                tags.append(simplified_tag(tolerance))
    for name in MAX_ITEMS:
        _check_list(getattr(event, name), name, where)
    for i, actor in enumerate(event.actors):
        check_text(actor, field=f"actors[{i}]", where=where)
    for name in ("tags", "related"):
        for i, item in enumerate(getattr(event, name)):
            check_text(item, field=f"{name}[{i}]", limit=MAX_TAG, where=where)
    for i, count in enumerate(event.counts):
        check_text(count.what, field=f"counts[{i}].what", limit=MAX_TAG, where=where)
        check_text(count.as_written, field=f"counts[{i}].as_written", where=where)
        if not isinstance(count.approximate, bool):   # "no" is not False, and must not become True
            raise ValidationError("must be true or false", field=f"counts[{i}].approximate",
                                  value=count.approximate, where=where)
        for bound in ("min", "max"):
            v = getattr(count, bound)
            if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0 or v > 10_000_000):
                raise ValidationError("count must be a whole number from 0 to 10,000,000",
                                      field=f"counts[{i}].{bound}", value=v, where=where)
        if count.min is not None and count.max is not None and count.max < count.min:
            raise ValidationError(f"count max {count.max} is below min {count.min}", field=f"counts[{i}].max",
                                  value=count.max, where=where)
    for i, src in enumerate(event.sources):
        for name in ("outlet", "agency", "source", "title", "url", "language"):
            check_text(getattr(src, name), field=f"sources[{i}].{name}", limit=2_000, where=where)
        check_text(src.quote, field=f"sources[{i}].quote", limit=MAX_TEXT, where=where)
        if src.url and not re.match(r"^https?://", src.url, re.I):
            raise ValidationError("url must start with http:// or https://", field=f"sources[{i}].url",
                                  value=src.url, where=where)
        if src.published is not None:
            check_date(src.published, field=f"sources[{i}].published", where=where)
    for i, target in enumerate(event.denies):
        if not ID_PATTERN.match(target):
            raise ValidationError("denies must list event ids", field=f"denies[{i}]", value=target, where=where)
        if target == event.id:
            raise ValidationError("an event cannot deny itself", field=f"denies[{i}]", value=target, where=where)
    for i, flag in enumerate(event.flags):
        check_text(flag, field=f"flags[{i}]", limit=200, where=where)
    if simplified:
        event = replace(event, tags=tuple(dict.fromkeys((*event.tags, *tags))), **simplified)
    return _nfc(event)


def _nfc(event: Event) -> Event:
    """``event`` with every string NFC and newlines as ``\\n`` (checked cheaply: ASCII needs nothing)."""
    texts = [event.title_en, event.title_ar, event.summary, *event.actors, *event.tags, *event.related,
             *event.flags]
    for p in (event.place, event.origin, event.destination):
        if p is not None:
            texts += (p.as_written, p.name_en, p.name_ar, p.pcode, p.admin1_pcode, p.admin1_en, p.admin1_ar,
                      p.admin2_pcode, p.admin3_pcode)
    texts += [t for s in event.sources for t in (s.outlet, s.agency, s.source, s.title, s.url, s.quote, s.language)]
    texts += [t for c in event.counts for t in (c.what, c.as_written)]
    if event.date is not None:
        texts.append(event.date.as_written)
    return normalised(event) if needs_normalising("\x1f".join(texts)) else event
