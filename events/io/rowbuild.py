"""Flat row (our CSV columns) → validated Event: the million-row path.

Why a compiled builder: a 1M-row CSV import spends its time here, once per
row. ``RowBuilder(header)`` works out once where each column sits, then
each row is a list of cells picked with one ``itemgetter`` call: no dict
per row. Dates repeat a lot in real files (a few thousand distinct days), so
parsed dates are cached. The domain rules are not repeated here: the built
Event goes through ``events.validate.validate_event`` like every other way
in, and field names in its errors are translated to flat column names.

Rules of the flat row (also documented in csv.py): required id,
event_type, status; empty means "not given"; dates ``YYYY-MM-DD`` (an
Excel time part ``00:00:00`` is accepted and dropped); counts accept
``12.0``; list columns are split on ";" (spaces around items trimmed);
a place/origin/destination/count/source exists when any of its columns is
non-empty; apostrophe-neutralised text cells are restored (see flat).
"""
from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Any, Mapping, Sequence

from errors import ValidationError
from events.io.flat import CSV_COLUMNS, TEXT_COLUMNS, column_of, unneutralise
from events.model import ClaimStatus, Count, DatePrecision, Event, EventDate, EventType, Place, Source
from events.validate import validate_event
from gazetteer.model import Precision

_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_WHOLE_FLOAT = re.compile(r"^\s*-?\d+\.0*\s*$")
#: The columns _build unpacks, in its order (named here, so a column added to FRAME_COLUMNS cannot shift them).
_ORDER = ("id", "event_type", "status", "title_en", "title_ar", "summary", "date_start", "date_end",
          "date_precision", "date_as_written", "lat", "lon", "precision", "radius_km", "area_wkt",
          "place_as_written", "place_en", "place_ar", "pcode", "admin1_pcode", "admin1_en", "admin1_ar",
          "origin_lat", "origin_lon", "origin_en", "dest_lat", "dest_lon", "dest_en", "actors", "count_min",
          "count_max", "count_text", "outlet", "agency", "source", "published", "url", "quote", "denies", "related",
          "count_what", "tags", "flags")
assert set(_ORDER) <= set(CSV_COLUMNS), sorted(set(_ORDER) - set(CSV_COLUMNS))
_APOSTROPHES = repeat("'")
_TYPES = {m.value: m for m in EventType}
_STATUSES = {m.value: m for m in ClaimStatus}
_DATE_PRECISIONS = {m.value: m for m in DatePrecision}
_PRECISIONS = {m.value: m for m in Precision}


def _enum(table: Mapping[str, Any], value: str, column: str) -> Any:
    try:
        return table[value]
    except KeyError:
        if not value:
            raise ValidationError("is required", field=column, value=value) from None
        raise ValidationError(f"unknown value; expected one of: {', '.join(table)}", field=column,
                              value=value) from None


def _float(value: str, column: str) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise ValidationError("must be a number", field=column, value=value) from None
    if not math.isfinite(number):
        raise ValidationError("must be a finite number", field=column, value=value)
    return number


def _int(value: str, column: str) -> int | None:
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        if _WHOLE_FLOAT.match(value):  # "12.0", as spreadsheets write whole numbers
            return int(float(value))
        raise ValidationError("must be a whole number", field=column, value=value) from None


@lru_cache(maxsize=65_536)
def _date_or_none(text: str) -> date | None:
    match = _ISO_DATETIME.match(text.strip())
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _date(value: str, column: str) -> date:
    parsed = _date_or_none(value)
    if parsed is None:
        raise ValidationError("is not a valid date (expected YYYY-MM-DD)", field=column, value=value)
    return parsed


def _split(value: str) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(part.strip(" ") for part in value.split(";") if part.strip(" "))


class RowBuilder:
    """Builds Events from cell lists laid out as ``header``; unknown header names are ignored here."""

    def __init__(self, header: Sequence[str], *, unescape: bool = True) -> None:
        position = {name: i for i, name in enumerate(header)}
        missing = len(header)  # rows get one "" appended: absent columns read it
        self._pick = itemgetter(*(position.get(c, missing) for c in _ORDER))
        self._text_positions = tuple(position[c] for c in CSV_COLUMNS if c in TEXT_COLUMNS and c in position)
        self._unescape = unescape

    def __call__(self, cells: list[str]) -> Event:
        """``cells`` is consumed (an "" is appended, neutralised text restored in place)."""
        cells.append("")
        if self._unescape and any(map(str.startswith, cells, _APOSTROPHES)):  # C-level scan; rarely true
            for i in self._text_positions:
                if cells[i][:1] == "'":
                    cells[i] = unneutralise(cells[i])
        try:
            return validate_event(self._build(self._pick(cells)))
        except ValidationError as err:
            err.field = column_of(err.field or "row")
            raise

    @staticmethod
    def _build(values: tuple[str, ...]) -> Event:
        (ev_id, ev_type, status, title_en, title_ar, summary, d_start, d_end, d_prec, d_written,
         lat, lon, precision, radius, wkt, p_written, p_en, p_ar, pcode, a1_pcode, a1_en, a1_ar,
         o_lat, o_lon, o_en, t_lat, t_lon, t_en, actors, c_min, c_max, c_text,
         outlet, agency, source, published, url, quote, denies, related, c_what, tags, flags) = values
        kind = _enum(_TYPES, ev_type, "event_type")
        claim = _enum(_STATUSES, status, "status")
        if not ev_id:
            raise ValidationError("is required", field="id", value="")
        when = None
        if d_start or d_end:
            if not d_start:
                raise ValidationError("is required when date_end is given", field="date_start", value="")
            start = _date(d_start, "date_start")
            when = EventDate(start, _date(d_end, "date_end") if d_end else start,
                             _enum(_DATE_PRECISIONS, d_prec or "day", "date_precision"), d_written)
        place = None
        if lat or lon or precision or radius or wkt or p_written or p_en or p_ar or pcode or a1_pcode or a1_en or a1_ar:
            place = Place(as_written=p_written, lat=_float(lat, "lat"), lon=_float(lon, "lon"),
                          precision=_enum(_PRECISIONS, precision, "precision") if precision else None,
                          name_en=p_en, name_ar=p_ar, pcode=pcode, radius_km=_float(radius, "radius_km"),
                          area_wkt=wkt or None, admin1_pcode=a1_pcode, admin1_en=a1_en, admin1_ar=a1_ar)
        origin = destination = None
        if o_lat or o_lon or o_en:
            origin = Place(as_written=o_en, lat=_float(o_lat, "origin_lat"), lon=_float(o_lon, "origin_lon"),
                           name_en=o_en)
        if t_lat or t_lon or t_en:
            destination = Place(as_written=t_en, lat=_float(t_lat, "dest_lat"), lon=_float(t_lon, "dest_lon"),
                                name_en=t_en)
        counts: tuple[Count, ...] = ()
        if c_min or c_max or c_text or c_what:
            counts = (Count(what=c_what, min=_int(c_min, "count_min"), max=_int(c_max, "count_max"),
                            as_written=c_text),)
        sources: tuple[Source, ...] = ()
        if outlet or agency or source or published or url or quote:
            sources = (Source(outlet=outlet, agency=agency, source=source,
                              published=_date(published, "published") if published else None, url=url,
                              quote=quote),)
        return Event(id=ev_id, event_type=kind, status=claim, title_en=title_en, title_ar=title_ar,
                     summary=summary, date=when, place=place, origin=origin, destination=destination,
                     actors=_split(actors), counts=counts, sources=sources, denies=_split(denies),
                     related=_split(related), tags=_split(tags), flags=_split(flags))


_DICT_BUILDERS = {True: RowBuilder(CSV_COLUMNS, unescape=True), False: RowBuilder(CSV_COLUMNS, unescape=False)}


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return value if isinstance(value, str) else str(value)


def row_to_event(row: Mapping[str, Any], *, unescape: bool = True) -> Event:
    """A flat row as a dict (GeoJSON properties, KML ExtendedData, a frame row) → validated Event."""
    return _DICT_BUILDERS[unescape]([_plain(row.get(c)) for c in CSV_COLUMNS])
