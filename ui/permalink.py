"""The current view ⇄ URL query parameters, so a copied link reopens the same view.

Why a pure module (no streamlit import): the URL is user input. Every
parameter is parsed and checked here, a bad one is dropped and reported as a
``ParamProblem`` (the page shows it as a warning) instead of crashing the
app or silently showing something else, and tests can round-trip views
without a browser.

Parameters (lists repeat the key, ``?status=claimed&status=denied``)::

    lang=en|ar  from=YYYY-MM-DD  to=YYYY-MM-DD  status  type  actor  gov  prec
    outlet  q=<text>  lat  lon  z  sel=<event id>
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Iterable, Mapping

from events.model import ClaimStatus, EventType
from events.query import Query
from events.textpolicy import for_terminal
from events.validate import ID_PATTERN, SYRIA_BBOX
from gazetteer.model import Precision
from mapview.view import MAX_ZOOM, MIN_ZOOM
from ui.i18n import LANGS

MAX_TEXT = 200
MAX_VALUES = 50
#: Parameters Streamlit itself puts in URLs; never reported as unknown.
_STREAMLIT_PARAMS = {"embed", "embed_options"}


@dataclass(frozen=True)
class ParamProblem:
    """One URL parameter that was ignored, and why."""
    name: str
    value: str
    reason: str


@dataclass(frozen=True)
class ViewState:
    """Everything a permalink restores: the filters, language, map view and the selected event."""
    query: Query = field(default_factory=Query)
    lang: str = "en"
    center: tuple[float, float] | None = None   # (lat, lon)
    zoom: int | None = None
    selected: str | None = None
    months: str | None = None                   # Arabic month names chosen by hand (None = the text's)


#: Values of the ``months`` parameter (ui.i18n.AR_MONTHS).
MONTH_STYLES = ("levantine", "egyptian")

#: After these characters a shown value gets a zero-width space, so no markdown renderer can find a
#: URL, a www. host or an e-mail address in it: a crafted link must not put a clickable link inside
#: the app's own warning box (issue 13).
_LINK_BREAKS = re.compile(r"([.:/@])")


def shown(text: str, limit: int = 60) -> str:
    """A URL parameter's value as the warning box shows it: bidi controls removed, control characters
    escaped, at most ``limit`` characters, and never a link (zero-width space after ``. : / @``).
    Markdown-escape the result (``ui.text.md_escape``) before rendering it."""
    return _LINK_BREAKS.sub("\\1\u200b", for_terminal(text, limit))


def _iso(d: date | None) -> list[str]:
    return [d.isoformat()] if d else []


def to_params(state: ViewState) -> dict[str, list[str]]:
    """Query parameters for ``state``; empty filters are left out so links stay short."""
    q = state.query
    params: dict[str, list[str]] = {
        "lang": [state.lang] if state.lang != "en" else [],
        "from": _iso(q.date_from),
        "to": _iso(q.date_to),
        "status": sorted(s.value for s in q.statuses),
        "type": sorted(t.value for t in q.types),
        "actor": sorted(q.actors),
        "gov": sorted(q.governorates),
        "prec": sorted(p.value for p in q.precisions),
        "outlet": sorted(q.outlets),
        "q": [q.text] if q.text else [],
        "sel": [state.selected] if state.selected else [],
        "months": [state.months] if state.months in MONTH_STYLES else [],
    }
    if state.center is not None and state.zoom is not None:
        params["lat"] = [f"{state.center[0]:.4f}"]
        params["lon"] = [f"{state.center[1]:.4f}"]
        params["z"] = [str(int(state.zoom))]
    return {k: v for k, v in params.items() if v}


def _last(values: Iterable[str]) -> str:
    values = list(values)
    return values[-1] if values else ""


def _date(name: str, raw: str, problems: list[ParamProblem]) -> date | None:
    try:
        if len(raw) != 10:
            raise ValueError
        value = date.fromisoformat(raw)
    except ValueError:
        problems.append(ParamProblem(name, raw, "not a date in YYYY-MM-DD form"))
        return None
    if not 1900 <= value.year <= 2100:
        problems.append(ParamProblem(name, raw, "year outside 1900–2100"))
        return None
    return value


def _enum_set(name: str, values: list[str], cls, problems: list[ParamProblem]) -> frozenset:
    out = set()
    for raw in values[:MAX_VALUES]:
        try:
            out.add(cls(raw))
        except ValueError:
            allowed = ", ".join(m.value for m in cls)
            problems.append(ParamProblem(name, raw, f"unknown value; expected one of {allowed}"))
    return frozenset(out)


def _text_set(name: str, values: list[str], problems: list[ParamProblem]) -> frozenset[str]:
    out = set()
    for raw in values[:MAX_VALUES]:
        if not raw.strip() or len(raw) > MAX_TEXT or "\x00" in raw:
            problems.append(ParamProblem(name, raw[:60], f"empty, or longer than {MAX_TEXT} characters"))
        else:
            out.add(raw)
    if len(values) > MAX_VALUES:
        problems.append(ParamProblem(name, f"{len(values)} values", f"more than {MAX_VALUES} values; extra ignored"))
    return frozenset(out)


def _float(name: str, raw: str, low: float, high: float, problems: list[ParamProblem]) -> float | None:
    try:
        value = float(raw)
    except ValueError:
        problems.append(ParamProblem(name, raw, "not a number"))
        return None
    if not math.isfinite(value) or not low <= value <= high:
        problems.append(ParamProblem(name, raw, f"outside {low}–{high}"))
        return None
    return value


def from_params(params: Mapping[str, Iterable[str]]) -> tuple[ViewState, list[ParamProblem]]:
    """Parse query parameters into a ViewState; every bad parameter is skipped and reported."""
    problems: list[ParamProblem] = []
    p = {k: [str(v) for v in vals] for k, vals in params.items()}
    known = {"lang", "from", "to", "status", "type", "actor", "gov", "prec", "outlet", "q", "lat", "lon", "z", "sel", "months"}
    for name in sorted(set(p) - known - _STREAMLIT_PARAMS):
        problems.append(ParamProblem(name, _last(p[name])[:60], "unknown parameter"))

    lang = "en"
    if p.get("lang"):
        raw = _last(p["lang"])
        if raw in LANGS:
            lang = raw
        else:
            problems.append(ParamProblem("lang", raw, f"expected one of {', '.join(LANGS)}"))

    date_from = _date("from", _last(p["from"]), problems) if p.get("from") else None
    date_to = _date("to", _last(p["to"]), problems) if p.get("to") else None
    if date_from and date_to and date_from > date_to:
        problems.append(ParamProblem("to", date_to.isoformat(), "is before 'from'; both dates ignored"))
        date_from = date_to = None

    text = _last(p.get("q", []))
    if len(text) > MAX_TEXT or "\x00" in text:
        problems.append(ParamProblem("q", text[:60], f"longer than {MAX_TEXT} characters"))
        text = ""

    query = Query(
        date_from=date_from, date_to=date_to,
        statuses=_enum_set("status", p.get("status", []), ClaimStatus, problems),
        types=_enum_set("type", p.get("type", []), EventType, problems),
        precisions=_enum_set("prec", p.get("prec", []), Precision, problems),
        actors=_text_set("actor", p.get("actor", []), problems),
        governorates=_text_set("gov", p.get("gov", []), problems),
        outlets=_text_set("outlet", p.get("outlet", []), problems),
        text=text.strip(),
    )

    center = zoom = None
    if any(k in p for k in ("lat", "lon", "z")):
        west, south, east, north = SYRIA_BBOX
        lat = _float("lat", _last(p.get("lat", [])), south - 5, north + 5, problems) if p.get("lat") else None
        lon = _float("lon", _last(p.get("lon", [])), west - 5, east + 5, problems) if p.get("lon") else None
        z = _float("z", _last(p.get("z", [])), MIN_ZOOM, MAX_ZOOM, problems) if p.get("z") else None
        if lat is not None and lon is not None and z is not None:
            center, zoom = (lat, lon), int(z)
        elif not problems or problems[-1].name not in ("lat", "lon", "z"):
            problems.append(ParamProblem("lat/lon/z", "", "map view needs all three of lat, lon and z"))

    selected = None
    if p.get("sel"):
        raw = _last(p["sel"])
        if ID_PATTERN.match(raw):
            selected = raw
        else:
            problems.append(ParamProblem("sel", raw[:60], "not a valid event id"))

    months = None
    if p.get("months"):
        raw = _last(p["months"])
        if raw in MONTH_STYLES:
            months = raw
        else:
            problems.append(ParamProblem("months", raw[:60], f"expected one of {', '.join(MONTH_STYLES)}"))

    return (ViewState(query=query, lang=lang, center=center, zoom=zoom, selected=selected, months=months),
            problems)


def with_window(state: ViewState, start: date | None, end: date | None) -> ViewState:
    return replace(state, query=replace(state.query, date_from=start, date_to=end))
