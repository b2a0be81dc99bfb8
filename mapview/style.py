"""How events look: claim status → line/fill treatment, event type → colour, and the legend.

Why status and type on different channels: an analyst must read *who says
so* (status) and *what happened* (type) at a glance, so status changes the
marker's treatment (solid / hollow dashed / grey struck / bold ring) and
type changes its colour. Styles are per layer (one per status), never per
point from Python (STACK_NOTES: per-feature style_function is the trap).
"""
from __future__ import annotations

from dataclasses import dataclass

from events.model import ClaimStatus, EventType
from mapview.escape import esc

LANGS = ("en", "ar")


@dataclass(frozen=True)
class StatusStyle:
    """Leaflet path options for one claim status (colour is the event type's, except when ``grey``)."""
    label_en: str
    label_ar: str
    weight: float
    fill_opacity: float
    dash: str | None
    radius: float
    grey: bool = False
    ring: str | None = None      # outer ring colour (confirmed)


STATUS_STYLES: dict[ClaimStatus, StatusStyle] = {
    ClaimStatus.REPORTED: StatusStyle("Reported", "مُبلَّغ عنه", 1.5, 0.85, None, 7),
    ClaimStatus.CLAIMED: StatusStyle("Claimed (unconfirmed)", "ادعاء غير مؤكد", 2.5, 0.12, "4 3", 7),
    ClaimStatus.DENIED: StatusStyle("Denied", "نفي", 1.5, 0.35, None, 7, grey=True),
    ClaimStatus.CONFIRMED: StatusStyle("Confirmed", "مؤكد", 3.5, 0.9, None, 8, ring="#111111"),
}
#: drawing order, bottom to top
STATUS_ORDER = (ClaimStatus.DENIED, ClaimStatus.CLAIMED, ClaimStatus.REPORTED, ClaimStatus.CONFIRMED)
DENIED_GREY = "#7a7a7a"
AGG_BLUE = "#1f77b4"
#: aggregated circles mix event types, so they use the legend's status swatch (blue; grey for denied),
#: each status nudged to its own quadrant of the cell so all four stay visible: (colour, offset)
AGG_STYLE: dict[ClaimStatus, tuple[str, tuple[int, int]]] = {
    ClaimStatus.REPORTED: (AGG_BLUE, (-1, -1)), ClaimStatus.CLAIMED: (AGG_BLUE, (1, -1)),
    ClaimStatus.DENIED: (DENIED_GREY, (-1, 1)), ClaimStatus.CONFIRMED: (AGG_BLUE, (1, 1)),
}

TYPE_COLORS: dict[EventType, str] = {
    EventType.EVACUATION: "#1f77b4", EventType.SIEGE_BROKEN: "#2ca02c", EventType.SIEGE: "#8c564b",
    EventType.AIR_STRIKE: "#d62728", EventType.SHELLING: "#ff7f0e", EventType.CLASH: "#9467bd",
    EventType.ATTACK: "#e377c2", EventType.EXPLOSION: "#bcbd22", EventType.TERRITORY: "#17becf",
    EventType.ARREST: "#393b79", EventType.PROTEST: "#637939", EventType.DISPLACEMENT: "#843c39",
    EventType.OTHER: "#555555",
}
TYPE_LABELS: dict[EventType, tuple[str, str]] = {
    EventType.EVACUATION: ("Evacuation / airlift", "إجلاء"),
    EventType.SIEGE_BROKEN: ("Siege broken", "فك حصار"),
    EventType.SIEGE: ("Siege", "حصار"),
    EventType.AIR_STRIKE: ("Air / drone strike", "غارة جوية"),
    EventType.SHELLING: ("Shelling", "قصف"),
    EventType.CLASH: ("Armed clash", "اشتباك"),
    EventType.ATTACK: ("Attack", "هجوم"),
    EventType.EXPLOSION: ("Explosion / IED", "انفجار"),
    EventType.TERRITORY: ("Territory change", "سيطرة على أرض"),
    EventType.ARREST: ("Arrests", "اعتقالات"),
    EventType.PROTEST: ("Protest", "احتجاج"),
    EventType.DISPLACEMENT: ("Displacement", "نزوح"),
    EventType.OTHER: ("Other", "أخرى"),
}

#: UI words in both languages (popups, legend, overlays)
WORDS: dict[str, tuple[str, str]] = {
    "legend": ("Legend", "دليل الخريطة"), "status": ("Claim status", "حالة الادعاء"),
    "type": ("Event type", "نوع الحدث"), "date": ("Date", "التاريخ"), "place": ("Place", "المكان"),
    "count": ("Count", "العدد"), "source": ("Source chain", "سلسلة المصادر"), "actors": ("Actors", "الأطراف"),
    "area": ("Uncertainty area", "منطقة عدم اليقين"), "movement": ("Movement (origin → destination)", "حركة (من ← إلى)"),
    "denial_link": ("Denial ↔ claim", "نفي ↔ ادعاء"), "denies": ("Denies", "ينفي"),
    "denied_by": ("Denied by", "نفاه"), "precision": ("Precision", "الدقة"), "events": ("events", "أحداث"),
    "aggregated": ("Many events: count per area", "أحداث كثيرة: العدد في كل منطقة"),
    "from": ("From", "من"), "to": ("To", "إلى"), "quote": ("Quote", "الاقتباس"),
    "attribution": ("Boundaries: OCHA COD-AB (HDX) · rivers: GSHHG · events: project data",
                    "الحدود: OCHA COD-AB (HDX) · الأنهار: GSHHG · الأحداث: بيانات المشروع"),
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        from errors import ValidationError
        raise ValidationError(f"lang must be one of {LANGS}", field="lang", value=lang)
    return lang


def word(key: str, lang: str) -> str:
    en, ar = WORDS[key]
    return ar if lang == "ar" else en


def status_label(status: ClaimStatus, lang: str) -> str:
    s = STATUS_STYLES[status]
    return s.label_ar if lang == "ar" else s.label_en


def type_label(event_type: EventType, lang: str) -> str:
    en, ar = TYPE_LABELS[event_type]
    return ar if lang == "ar" else en


def status_swatch(status: ClaimStatus, color: str = "#1f77b4") -> str:
    """Inline SVG of the marker for a status (legend and docs)."""
    s = STATUS_STYLES[status]
    c = DENIED_GREY if s.grey else color
    dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
    ring = f'<circle cx="10" cy="10" r="8.5" fill="none" stroke="{s.ring}" stroke-width="2"/>' if s.ring else ""
    cross = ('<path d="M5 5 L15 15 M15 5 L5 15" stroke="#222" stroke-width="2"/>' if s.grey else "")
    return (f'<svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">'
            f'<circle cx="10" cy="10" r="6.5" fill="{c}" fill-opacity="{s.fill_opacity}" stroke="{c}" '
            f'stroke-width="{min(s.weight, 2.5)}"{dash}/>{ring}{cross}</svg>')


def legend_html(lang: str = "en", *, aggregated: bool = True, types: tuple[EventType, ...] | None = None) -> str:
    """The legend as a self-contained HTML block (statuses, types, areas, arrows, denial links).

    ``types`` limits the type list (e.g. to the types in view); default all.
    """
    check_lang(lang)
    direction = "rtl" if lang == "ar" else "ltr"
    rows = [f'<div class="em-legend-h">{esc(word("status", lang))}</div>']
    for st in STATUS_ORDER[::-1]:
        rows.append(f'<div class="em-legend-row">{status_swatch(st)}<span>{esc(status_label(st, lang))}</span></div>')
    rows.append(f'<div class="em-legend-h">{esc(word("type", lang))}</div>')
    for et in (types if types is not None else tuple(EventType)):
        rows.append(f'<div class="em-legend-row"><svg width="20" height="12" aria-hidden="true"><rect x="3" y="1" '
                    f'width="14" height="10" rx="2" fill="{TYPE_COLORS[et]}"/></svg>'
                    f'<span>{esc(type_label(et, lang))}</span></div>')
    rows.append('<div class="em-legend-h"></div>')
    rows.append('<div class="em-legend-row"><svg width="20" height="20" aria-hidden="true"><circle cx="10" cy="10" '
                'r="8" fill="#1f77b4" fill-opacity="0.12" stroke="#1f77b4" stroke-dasharray="3 2"/></svg>'
                f'<span>{esc(word("area", lang))}</span></div>')
    rows.append('<div class="em-legend-row"><svg width="20" height="20" aria-hidden="true"><path d="M2 16 L17 4 M17 4 '
                'L10 5 M17 4 L15 11" stroke="#1f77b4" stroke-width="2" fill="none"/></svg>'
                f'<span>{esc(word("movement", lang))}</span></div>')
    rows.append('<div class="em-legend-row"><svg width="20" height="20" aria-hidden="true"><path d="M2 10 L18 10" '
                'stroke="#444" stroke-width="1.5" stroke-dasharray="3 3"/></svg>'
                f'<span>{esc(word("denial_link", lang))}</span></div>')
    if aggregated:
        rows.append('<div class="em-legend-row"><svg width="20" height="20" aria-hidden="true"><circle cx="10" '
                    f'cy="10" r="8.5" fill="{AGG_BLUE}" stroke="#fff"/><text x="10" y="14" font-size="10" '
                    'text-anchor="middle" fill="#fff" font-family="Arial">n</text></svg>'
                    f'<span>{esc(word("aggregated", lang))}</span></div>')
    return (f'<div class="em-legend" dir="{direction}" lang="{lang}">'
            f'<div class="em-legend-title">{esc(word("legend", lang))}</div>{"".join(rows)}</div>')


#: MarkerCluster's own icons are green/yellow/orange by size, colours the legend never explains; in
#: exports they take the legend's "count per area" swatch instead (blue disc, white number).
CLUSTER_LEGEND_CSS = f"""
.marker-cluster-small, .marker-cluster-medium, .marker-cluster-large {{ background-color: rgba(31,119,180,.3) !important; }}
.marker-cluster-small div, .marker-cluster-medium div, .marker-cluster-large div {{
 background-color: {AGG_BLUE} !important; color: #fff !important; font-weight: bold; }}
"""

LEGEND_CSS = """
.em-legend{background:rgba(255,255,255,.93);padding:6px 9px;border-radius:5px;box-shadow:0 1px 4px rgba(0,0,0,.35);
 font:12px/1.35 "Noto Naskh Arabic","DejaVu Sans",Arial,sans-serif;color:#222;max-height:70vh;overflow:auto}
.em-legend-title{font-weight:bold;font-size:13px;margin-bottom:2px}
.em-legend-h{font-weight:bold;margin-top:4px;color:#444}
.em-legend-row{display:flex;align-items:center;gap:5px;white-space:nowrap}
"""
