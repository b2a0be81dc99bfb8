"""Popup and tooltip text for events: date, place, counts, claim status, source chain.

Why built here as strings: one pre-escaped HTML string per event travels in
the layer's GeoJSON properties and Leaflet binds it lazily, so no folium
Popup object is made per event. Every value from the data goes through
``esc`` (HTML + JS template literal contexts) — article text is hostile
until proven otherwise.
"""
from __future__ import annotations

import pandas as pd

from events.model import ClaimStatus, EventType
from mapview.escape import esc
from mapview.geometry import split_ids
from mapview.style import status_label, type_label, word


def _day(v) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if pd.isna(v):
        return ""
    return pd.Timestamp(v).strftime("%Y-%m-%d")


def date_text(start, end, as_written: str = "") -> str:
    a, b = _day(start), _day(end)
    span = a if (a == b or not b) else f"{a} – {b}"
    if as_written:
        span = f"{span} ({as_written})" if span else str(as_written)
    return span


def _txt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    return "" if pd.isna(v) else str(v)


def _enum_label(kind, value: str, lang: str) -> str:
    try:
        return status_label(ClaimStatus(value), lang) if kind is ClaimStatus else type_label(EventType(value), lang)
    except ValueError:
        return str(value)


def denied_by_map(frame: pd.DataFrame) -> dict[str, list[str]]:
    """claim id → ids of denials in ``frame`` that deny it."""
    ids = split_ids(frame["denies"]) if "denies" in frame else pd.Series(dtype=object)
    out: dict[str, list[str]] = {}
    if ids.empty:
        return out
    for denial, claim in zip(frame.loc[ids.index, "id"].to_numpy(), ids.to_numpy()):
        out.setdefault(str(claim), []).append(str(denial))
    return out


def event_title(row: dict, lang: str) -> str:
    if lang == "ar":
        return _txt(row.get("title_ar")) or _txt(row.get("title_en")) or _txt(row.get("id"))
    return _txt(row.get("title_en")) or _txt(row.get("title_ar")) or _txt(row.get("id"))


PRECISION_AR = {"point": "نقطة", "near": "محيط", "subdistrict": "ناحية", "district": "منطقة",
                "governorate": "محافظة", "region": "إقليم", "country": "البلد"}


def _bdi(text: str, *, ltr: bool = False) -> str:
    """One escaped value, isolated so Arabic/Latin/digits in neighbouring values cannot reorder it."""
    return f'<bdi dir="ltr">{esc(text)}</bdi>' if ltr else f"<bdi>{esc(text)}</bdi>"


def place_parts(row: dict, lang: str) -> list[str]:
    name = _txt(row.get("place_ar" if lang == "ar" else "place_en")) or _txt(row.get("place_en")) \
        or _txt(row.get("place_ar"))
    written = _txt(row.get("place_as_written"))
    parts = [_bdi(name or written)] if (name or written) else []
    if written and name and written != name:
        parts.append(_bdi(f"«{written}»"))
    prec = _txt(row.get("precision"))
    r = row.get("radius_km")
    if prec and prec != "point":
        label = PRECISION_AR.get(prec, prec) if lang == "ar" else prec
        parts.append(_bdi(f"[{label}]"))
        if r is not None and r == r:
            parts.append(_bdi(f"±{float(r):.0f} km", ltr=True))
    return parts


def place_text(row: dict, lang: str) -> str:
    """Plain-text place (tooltips, static labels)."""
    name = _txt(row.get("place_ar" if lang == "ar" else "place_en")) or _txt(row.get("place_en"))
    return name or _txt(row.get("place_as_written"))


def count_range(row: dict) -> str:
    lo, hi = row.get("count_min"), row.get("count_max")
    lo = None if lo is None or (isinstance(lo, float) and lo != lo) else int(lo)
    hi = None if hi is None or (isinstance(hi, float) and hi != hi) else int(hi)
    if lo is None and hi is None:
        return ""
    if lo == hi:
        return f"{lo}"
    if hi is None:
        return f"{lo}+"
    if lo is None:
        return f"0–{hi}"
    return f"{lo}–{hi}"


def count_text(row: dict) -> str:
    rng, written = count_range(row), _txt(row.get("count_text"))
    return f"{rng} ({written})" if written and rng else (rng or written)


def source_chain(row: dict) -> str:
    parts = [_txt(row.get(k)) for k in ("outlet", "agency", "source")]
    chain = " → ".join(p for p in parts if p)
    pub = _day(row.get("published"))
    return f"{chain} ({pub})" if chain and pub else chain


def popup_html(row: dict, lang: str, *, titles: dict[str, str] | None = None,
               denied_by: list[str] | None = None) -> str:
    """One event's popup (all values escaped; ``titles`` maps ids to titles for denial links).

    Each value is its own ``<bdi>`` so Arabic popups keep dates, counts and
    Latin names in order; chains use ← in Arabic (read right to left).
    """
    titles = titles or {}
    rtl = lang == "ar"
    arrow = " ← " if rtl else " → "
    lines = [f'<div class="em-popup" dir="{"rtl" if rtl else "ltr"}"><b>{esc(event_title(row, lang))}</b>']

    def add(key: str, parts: list[str], sep: str = " ") -> None:
        parts = [p for p in parts if p]
        if parts:
            lines.append(f'<div><span class="em-k">{esc(word(key, lang))}:</span> {sep.join(parts)}</div>')

    add("status", [_bdi(_enum_label(ClaimStatus, _txt(row.get("status")), lang))])
    add("type", [_bdi(_enum_label(EventType, _txt(row.get("event_type")), lang))])
    span = date_text(row.get("date_start"), row.get("date_end"))
    written = _txt(row.get("date_as_written"))
    add("date", [_bdi(span, ltr=True) if span else "", _bdi(f"({written})") if written else ""])
    add("place", place_parts(row, lang))
    if _txt(row.get("origin_en")) or _txt(row.get("dest_en")):
        add("movement", [_bdi(_txt(row.get("origin_en")) or "?"), _bdi(_txt(row.get("dest_en")) or "?")], arrow)
    rng, cwritten = count_range(row), _txt(row.get("count_text"))
    add("count", [_bdi(rng, ltr=True) if rng else "", _bdi(f"({cwritten})") if cwritten else ""])
    add("actors", [_bdi(a.strip()) for a in _txt(row.get("actors")).split(";") if a.strip()], "، " if rtl else ", ")
    chain = [_bdi(_txt(row.get(k))) for k in ("outlet", "agency", "source") if _txt(row.get(k))]
    pub = _day(row.get("published"))
    if chain:
        add("source", [arrow.join(chain), _bdi(f"({pub})", ltr=True) if pub else ""])
    denies = [i.strip() for i in _txt(row.get("denies")).split(";") if i.strip()]
    add("denies", [_bdi(titles.get(i, i)) for i in denies], "; ")
    add("denied_by", [_bdi(titles.get(i, i)) for i in (denied_by or [])], "; ")
    quote = _txt(row.get("quote"))
    if quote:
        lines.append(f'<div class="em-q">{_bdi(quote[:400])}</div>')
    lines.append("</div>")
    return "".join(lines)


def tooltip_text(row: dict, lang: str) -> str:
    """Short hover text, escaped: title · date."""
    date = date_text(row.get("date_start"), row.get("date_end"))
    title = event_title(row, lang)
    return esc(f"{title} · {date}" if date else title)


_POPUP_COLUMNS = ("id", "title_en", "title_ar", "status", "event_type", "date_as_written", "place_en", "place_ar",
                  "place_as_written", "precision", "radius_km", "origin_en", "dest_en", "count_min", "count_max",
                  "count_text", "actors", "outlet", "agency", "source", "denies", "quote")


def _plain_rows(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain Python values (None for missing), dates pre-formatted, without pandas per cell."""
    n = len(frame)
    cols: dict[str, list] = {}
    for c in _POPUP_COLUMNS:
        if c not in frame:
            cols[c] = [None] * n
            continue
        col = frame[c]
        cols[c] = col.astype(object).where(col.notna(), None).tolist()
    for c in ("date_start", "date_end", "published"):
        if c in frame:
            col = pd.to_datetime(frame[c])
            cols[c] = col.dt.strftime("%Y-%m-%d").where(col.notna(), None).tolist()
        else:
            cols[c] = [None] * n
    names = list(cols)
    return [dict(zip(names, values)) for values in zip(*(cols[c] for c in names))]


def popups_for(frame: pd.DataFrame, lang: str) -> tuple[list[str], list[str]]:
    """Popup HTML and tooltip for every row of ``frame`` (called only below the aggregation threshold)."""
    records = _plain_rows(frame)
    by = denied_by_map(frame)
    titles = {str(r["id"]): event_title(r, lang) for r in records} if by or frame["denies"].astype(bool).any() else {}
    pops = [popup_html(r, lang, titles=titles, denied_by=by.get(str(r["id"]))) for r in records]
    tips = [tooltip_text(r, lang) for r in records]
    return pops, tips
