"""Event ⇄ plain dict (the project's JSON format, also the store's record).

Why hand-written and strict: imports come from analysts' files and other
tools. Every field is type-checked on the way in and a wrong one is named
(``date.start: '2017-02-30' is not a valid ISO date``), instead of a
TypeError deep in the map code later. Unknown keys are rejected too, so a
typo ("date_strat") does not silently drop data.
"""
from __future__ import annotations

import math
from datetime import date
from typing import Any, Mapping

from errors import ValidationError
from events.model import (ClaimStatus, Count, DatePrecision, Event, EventDate, EventType, Place, Source)
from events.validate import validate_event
from gazetteer.model import Precision

SCHEMA_VERSION = 1


def _enum(cls, value: Any, field: str, where: str | None):
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in cls)
        raise ValidationError(f"unknown value; expected one of: {allowed}", field=field, value=value, where=where) from None


def parse_iso_date(value: Any, *, field: str, where: str | None = None) -> date:
    """ISO ``YYYY-MM-DD`` only; names impossible dates such as 2017-02-30 or year 20177."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValidationError("date must be text in YYYY-MM-DD form", field=field, value=value, where=where)
    text = value.strip()
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError("is not a valid date (expected YYYY-MM-DD)", field=field, value=value, where=where) from None


def _opt_float(value: Any, field: str, where: str | None) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError("must be a number", field=field, value=value, where=where)
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError("must be a number", field=field, value=value, where=where) from None
    except OverflowError:   # an integer of 309+ digits
        raise ValidationError("must be a finite number", field=field, value=f"{str(value)[:20]}… (too large)",
                              where=where) from None
    if not math.isfinite(number):
        raise ValidationError("must be a finite number", field=field, value=value, where=where)
    return number


def _opt_int(value: Any, field: str, where: str | None) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str, float)):
        raise ValidationError("must be a whole number", field=field, value=value, where=where)
    try:
        number = int(value) if not isinstance(value, float) else value
    except ValueError:
        raise ValidationError("must be a whole number", field=field, value=value, where=where) from None
    if isinstance(number, float):
        if not math.isfinite(number) or number != int(number):
            raise ValidationError("must be a whole number", field=field, value=value, where=where)
        number = int(number)
    return number


def _str(d: Mapping[str, Any], key: str, field: str, where: str | None) -> str:
    value = d.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError("must be text", field=field, value=value, where=where)
    return value


def _bool(value: Any, field: str, where: str | None) -> bool:
    """JSON true/false only (None: false). ``"no"`` is refused: ``bool("no")`` would store True."""
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ValidationError("must be true or false", field=field, value=value, where=where)
    return value


def _str_tuple(value: Any, field: str, where: str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ValidationError("must be a list of text", field=field, value=value, where=where)
    return tuple(value)


def _check_keys(d: Any, allowed: set[str], field: str, where: str | None) -> None:
    if not isinstance(d, Mapping):
        raise ValidationError("must be an object", field=field, value=d, where=where)
    extra = sorted(set(d) - allowed)
    if extra:
        raise ValidationError(f"unknown key(s) {', '.join(map(repr, extra))}; allowed: {', '.join(sorted(allowed))}",
                              field=field, value=extra[0], where=where)


_PLACE_KEYS = {"as_written", "lat", "lon", "precision", "name_en", "name_ar", "pcode", "radius_km", "area_wkt",
               "admin1_pcode", "admin1_en", "admin1_ar", "admin2_pcode", "admin3_pcode"}
_SOURCE_KEYS = {"outlet", "agency", "source", "published", "title", "url", "quote", "language"}
_COUNT_KEYS = {"what", "min", "max", "approximate", "as_written"}
_DATE_KEYS = {"start", "end", "precision", "as_written"}
_EVENT_KEYS = {"id", "event_type", "status", "title_en", "title_ar", "summary", "date", "place", "origin",
               "destination", "actors", "counts", "sources", "denies", "related", "tags", "flags", "schema"}


def place_from_dict(d: Any, *, field: str = "place", where: str | None = None) -> Place | None:
    if d is None:
        return None
    _check_keys(d, _PLACE_KEYS, field, where)
    precision = d.get("precision")
    return Place(
        as_written=_str(d, "as_written", f"{field}.as_written", where),
        lat=_opt_float(d.get("lat"), f"{field}.lat", where),
        lon=_opt_float(d.get("lon"), f"{field}.lon", where),
        precision=None if precision in (None, "") else _enum(Precision, precision, f"{field}.precision", where),
        name_en=_str(d, "name_en", f"{field}.name_en", where),
        name_ar=_str(d, "name_ar", f"{field}.name_ar", where),
        pcode=_str(d, "pcode", f"{field}.pcode", where),
        radius_km=_opt_float(d.get("radius_km"), f"{field}.radius_km", where),
        area_wkt=d.get("area_wkt") or None,
        admin1_pcode=_str(d, "admin1_pcode", f"{field}.admin1_pcode", where),
        admin1_en=_str(d, "admin1_en", f"{field}.admin1_en", where),
        admin1_ar=_str(d, "admin1_ar", f"{field}.admin1_ar", where),
        admin2_pcode=_str(d, "admin2_pcode", f"{field}.admin2_pcode", where),
        admin3_pcode=_str(d, "admin3_pcode", f"{field}.admin3_pcode", where),
    )


def place_to_dict(p: Place | None) -> dict[str, Any] | None:
    if p is None:
        return None
    out: dict[str, Any] = {"as_written": p.as_written, "lat": p.lat, "lon": p.lon,
                           "precision": p.precision.value if p.precision else None}
    for key in ("name_en", "name_ar", "pcode", "radius_km", "area_wkt", "admin1_pcode", "admin1_en", "admin1_ar",
                "admin2_pcode", "admin3_pcode"):
        value = getattr(p, key)
        if value not in ("", None):
            out[key] = value
    return out


def event_from_dict(d: Any, *, where: str | None = None) -> Event:
    """Parse and validate one event record; raises ValidationError naming the field."""
    _check_keys(d, _EVENT_KEYS, "event", where)
    if "id" not in d:
        raise ValidationError("is required", field="id", where=where)
    ev_date = None
    if d.get("date") is not None:
        dd = d["date"]
        _check_keys(dd, _DATE_KEYS, "date", where)
        start = parse_iso_date(dd.get("start"), field="date.start", where=where)
        end = parse_iso_date(dd.get("end", dd.get("start")), field="date.end", where=where)
        ev_date = EventDate(start, end, _enum(DatePrecision, dd.get("precision", "day"), "date.precision", where),
                            _str(dd, "as_written", "date.as_written", where))
    counts = []
    for i, c in enumerate(d.get("counts") or []):
        f = f"counts[{i}]"
        _check_keys(c, _COUNT_KEYS, f, where)
        counts.append(Count(what=_str(c, "what", f"{f}.what", where), min=_opt_int(c.get("min"), f"{f}.min", where),
                            max=_opt_int(c.get("max"), f"{f}.max", where), approximate=_bool(c.get("approximate"), f"{f}.approximate", where),
                            as_written=_str(c, "as_written", f"{f}.as_written", where)))
    sources = []
    for i, s in enumerate(d.get("sources") or []):
        f = f"sources[{i}]"
        _check_keys(s, _SOURCE_KEYS, f, where)
        published = s.get("published")
        sources.append(Source(
            outlet=_str(s, "outlet", f"{f}.outlet", where), agency=_str(s, "agency", f"{f}.agency", where),
            source=_str(s, "source", f"{f}.source", where),
            published=None if not published else parse_iso_date(published, field=f"{f}.published", where=where),
            title=_str(s, "title", f"{f}.title", where), url=_str(s, "url", f"{f}.url", where),
            quote=_str(s, "quote", f"{f}.quote", where), language=_str(s, "language", f"{f}.language", where)))
    ev_id = d["id"]
    if not isinstance(ev_id, str):
        raise ValidationError("must be text", field="id", value=ev_id, where=where)
    event = Event(
        id=ev_id,
        event_type=_enum(EventType, d.get("event_type", "other"), "event_type", where),
        status=_enum(ClaimStatus, d.get("status", "reported"), "status", where),
        title_en=_str(d, "title_en", "title_en", where), title_ar=_str(d, "title_ar", "title_ar", where),
        summary=_str(d, "summary", "summary", where), date=ev_date,
        place=place_from_dict(d.get("place"), field="place", where=where),
        origin=place_from_dict(d.get("origin"), field="origin", where=where),
        destination=place_from_dict(d.get("destination"), field="destination", where=where),
        actors=_str_tuple(d.get("actors"), "actors", where), counts=tuple(counts), sources=tuple(sources),
        denies=_str_tuple(d.get("denies"), "denies", where), related=_str_tuple(d.get("related"), "related", where),
        tags=_str_tuple(d.get("tags"), "tags", where), flags=_str_tuple(d.get("flags"), "flags", where))
    return validate_event(event, where=where)


def event_to_dict(e: Event) -> dict[str, Any]:
    """The canonical JSON record; ``event_from_dict(event_to_dict(e)) == e``."""
    out: dict[str, Any] = {"schema": SCHEMA_VERSION, "id": e.id, "event_type": e.event_type.value,
                           "status": e.status.value, "title_en": e.title_en, "title_ar": e.title_ar,
                           "summary": e.summary}
    out["date"] = None if e.date is None else {
        "start": e.date.start.isoformat(), "end": e.date.end.isoformat(), "precision": e.date.precision.value,
        "as_written": e.date.as_written}
    out["place"] = place_to_dict(e.place)
    out["origin"] = place_to_dict(e.origin)
    out["destination"] = place_to_dict(e.destination)
    out["actors"] = list(e.actors)
    out["counts"] = [{"what": c.what, "min": c.min, "max": c.max, "approximate": c.approximate,
                      "as_written": c.as_written} for c in e.counts]
    out["sources"] = [{"outlet": s.outlet, "agency": s.agency, "source": s.source,
                       "published": s.published.isoformat() if s.published else None, "title": s.title,
                       "url": s.url, "quote": s.quote, "language": s.language} for s in e.sources]
    out["denies"] = list(e.denies)
    out["related"] = list(e.related)
    out["tags"] = list(e.tags)
    if e.flags:   # only when set: records of unflagged events stay as they were
        out["flags"] = list(e.flags)
    return out
