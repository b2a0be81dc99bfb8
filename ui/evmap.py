"""The dashboard's map: a Streamlit component (``mapview/evmap``, plain JS) fed the filtered events once.

Why a component and not streamlit-folium (README, "Why the map runs in the browser"): the old map
rebuilt and sent a folium layer on every slider move (5.9 MB of script at 100k events, 0.9–2.8 s).
Here the events matching the sidebar filters go to the browser once, as a binary file of typed
arrays under Streamlit's static serving (``static/cache/``, git-ignored), and the browser filters by
time, groups by zoom and paints a canvas. Each rerun sends only the component's small arguments
(window, selection, strings); the file is fetched again only when the filters or the store change.

The component reports back: ``select`` (an event position → the side panel), ``window`` (a brush,
date inputs or Play released → slider, table, permalink), ``view`` (the user's pan/zoom → permalink) and,
once per session, ``drawn`` (its first frame is painted → the page below the map, ui/dashboard.py).
"""
from __future__ import annotations

import functools
import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st
import streamlit.components.v1 as components

from events.query import Query
from mapview import cards, evmap_page
from mapview.points import PRECISIONS, STATUSES, TYPES, basemap_data, build_payload
from mapview.style import TYPE_COLORS
from ui import corroboration, data, map_cards, state
from ui.i18n import COUNTED, label, month_names, norm_lang

REPO = Path(__file__).resolve().parents[1]
FRONTEND = REPO / "mapview" / "evmap"
CACHE_DIR = REPO / "static" / "cache"
SERVED = "/app/static/cache/"
KEY = "evmap"
#: session_state: the map has drawn once in this session (its "drawn" report), so runs draw the page below it
DRAWN = "_evm_drawn"
#: the page's date slider (ui/timeline.py, key "window") as the browser finds it: the map follows its
#: thumbs without waiting for the rerun (mapview/evmap/evm-link.js)
SLIDER = '.st-key-window [data-testid="stSlider"] input[type="range"]'
_EPOCH = date(1970, 1, 1)
#: Up to this many events the payload also carries place names, fatalities and first actors (read from
#: the full frame); above it the browser still draws every event, without those three.
EXTRAS_MAX = 60_000



def _component_dir() -> Path:
    """The component's page with its scripts inlined (one request: mapview/evmap_page.py), written under
    static/cache for the current sources; the source folder itself when that cannot be written."""
    try:
        return evmap_page.bundle_dir(FRONTEND, CACHE_DIR)
    except (OSError, ValueError):
        return FRONTEND


@functools.lru_cache(maxsize=1)
def _component():
    """The component, declared on the first render: Streamlit registers a component with the runtime of the
    script run that declares it, so a module imported outside one (ui/warm.py at server start) must not
    declare it at import (the page then got a 404 for the component's source)."""
    return components.declare_component("evmap", path=str(_component_dir()))

#: The component's words (en, ar); plural forms follow Arabic rules (1, 2, 3–10, 11–99, 100+).
STRINGS: dict[str, tuple[str, str]] = {
    "from": ("From", "من"), "to": ("To", "إلى"), "play": ("▶ Play", "▶ تشغيل"), "pause": ("⏸ Pause", "⏸ إيقاف مؤقت"),
    "step": ("Step", "الخطوة"), "mode": ("Playback", "طريقة العرض"), "speed": ("Speed", "السرعة"),
    "step_day": ("+1 day", "+يوم"), "step_week": ("+1 week", "+أسبوع"), "step_month": ("+30 days", "+30 يومًا"),
    "mode_window": ("moving window", "نافذة متحركة"), "mode_cumulative": ("cumulative", "تراكمي"),
    "speed_slow": ("slow", "بطيء"), "speed_normal": ("normal", "عادي"), "speed_fast": ("fast", "سريع"),
    "playing_window": ("Playing: a {days}-day window moves {step} day(s) every {speed} s; Pause keeps it",
                       "تشغيل: نافذة من {days} يومًا تتقدم {step} يومًا كل {speed} ثانية؛ الإيقاف يثبّتها"),
    "playing_cumulative": ("Playing: the end moves {step} day(s) every {speed} s from the start; Pause keeps it",
                           "تشغيل: تتقدم النهاية {step} يومًا كل {speed} ثانية من البداية؛ الإيقاف يثبّتها"),
    "play_done": ("Reached the last day.", "وصل العرض إلى اليوم الأخير."),
    "brush_hint": ("Drag to choose the dates; drag the window to move it, its edges to resize",
                   "اسحب لاختيار التواريخ؛ اسحب النافذة لتحريكها وحوافها لتغيير مداها"),
    "scroll_hint": ("Click the map to zoom with the mouse wheel", "انقر على الخريطة للتكبير بعجلة الفأرة"),
    "in_view": ("{events} in view", "في العرض: {events}"),
    "here": ("{events} at this place", "في هذا المكان: {events}"),
    "and_more": ("and {n} more", "و{n} غيرها"),
    "deaths": ("{n} killed", "{n} قتيل"),
    "by_type": ("By type (window)", "حسب النوع (الفترة)"), "by_actor": ("By actor (window)", "حسب الطرف (الفترة)"),
    "gov_level_badge": ("{n} by gov.", "{n} بالمحافظة"),
    "gov_level_title": ("{events} placed only in {name} governorate", "{events} محددة بمحافظة {name} فقط"),
    "gov_level": ("placed only at governorate level", "محدد بالمحافظة فقط"),
    "country_level_title": ("{events} placed only at region or country level",
                            "{events} محددة بالإقليم أو البلد فقط"),
    "imprecise_note": ("Not points: {gov} placed only by governorate (hatched), {other} only by region/country",
                       "ليست نقاطًا: {gov} بدقة المحافظة فقط (مظللة)، و{other} بدقة الإقليم أو البلد فقط"),
    "list_them": ("List them", "اعرضها"),
    "show_imprecise": ("Governorate-level events (hatched)", "أحداث على مستوى المحافظة (مظللة)"),
    "size_by": ("Size:", "الحجم:"), "size_none": ("uniform", "موحّد"), "size_fatalities": ("by fatalities", "حسب عدد القتلى"),
    "rivers": ("Rivers", "الأنهار"),
    "online_tiles": ("Online street map (OSM)", "خريطة شوارع عبر الإنترنت (OSM)"),
    "legend": ("Legend", "دليل الخريطة"), "layers": ("Layers", "الطبقات"), "groups_by_status": ("Groups: ring = claim status mix",
                                                            "المجموعات: الحلقة = نسب حالات الادعاء"),
    "single_events": ("Single events (colour = type)", "أحداث مفردة (اللون = النوع)"),
    "approx_place": ("placed near a town / in a district", "قرب بلدة أو ضمن منطقة"),
    "stack": ("several events at one place (click for the list)", "عدة أحداث في مكان واحد (انقر للقائمة)"),
    "type_colour": ("Event type", "نوع الحدث"),
    "card_sources": ("Sources", "المصادر"), "card_actors": ("Actors", "الأطراف"),
    "card_more": ("+{n} more in the side panel", "و{n} غيرها في اللوحة الجانبية"),
    "card_close": ("Close", "إغلاق"),
    "attribution": ("Boundaries and places: OCHA (HDX) · rivers: GSHHG · events: project data",
                    "الحدود والأماكن: OCHA (HDX) · الأنهار: GSHHG · الأحداث: بيانات المشروع"),
}


def day_number(d: date) -> int:
    return (d - _EPOCH).days


def from_day(n: int) -> date:
    return _EPOCH + timedelta(days=int(n))


def map_query(base_q: Query) -> Query:
    """All dates, located events only: the browser filters time itself."""
    return replace(base_q, date_from=None, date_to=None, include_undated=False, include_unlocated=False)


#: payload files kept under static/cache (oldest removed first): one per filter combination seen recently
KEEP_FILES = 40


def _prune(*, keep: int) -> None:
    import time
    files = sorted(CACHE_DIR.glob("evm-*.bin"), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        if old.stat().st_mtime > time.time() - 3600:      # a page may still be about to fetch it
            continue
        for f in (old, old.with_suffix(".json"), *CACHE_DIR.glob(f"evc-{old.stem[4:]}-*.json")):
            f.unlink(missing_ok=True)


@st.cache_resource(max_entries=8, show_spinner=False)
def _payload(location: str, rev: object, key: tuple, lang: str, _q: Query) -> dict:
    light = data.get_store(location).light_frame(_q)
    light["_pos"] = np.arange(len(light))        # row positions in _q's result: the card shards read by them
    keep = light["lat"].notna().to_numpy() & light["lon"].notna().to_numpy() & light["date_start"].notna().to_numpy()
    light = light.loc[keep].reset_index(drop=True)
    light = corroboration.apply(light, once=True)   # one dot per corroboration group; the sources filter
    extras = None
    if 0 < len(light) <= EXTRAS_MAX:
        full = data.get_store(location).frame(_q)
        full = full.loc[full["lat"].notna() & full["lon"].notna() & full["date_start"].notna()].reset_index(drop=True)
        full = corroboration.apply(full, once=True)
        if len(full) == len(light) and (full["id"].to_numpy() == light["id"].to_numpy()).all():
            extras = full[["place_en", "place_ar", "place_as_written", "count_max", "actors"]]
    p = build_payload(light, extras, lang=lang)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    name = f"evm-{p.digest}"
    bin_path, meta_path = CACHE_DIR / f"{name}.bin", CACHE_DIR / f"{name}.json"
    if not bin_path.exists():
        tmp = bin_path.with_suffix(".tmp")
        tmp.write_bytes(p.blob)
        tmp.replace(bin_path)
    if not meta_path.exists():
        tmp = meta_path.with_suffix(".jtmp")
        tmp.write_text(json.dumps(p.meta, ensure_ascii=False), encoding="utf-8")
        tmp.replace(meta_path)
    _prune(keep=KEEP_FILES)
    ids = light["id"].to_numpy(dtype=object)
    stem = map_cards.stem_for(p.digest, lang, ids)
    if len(light):
        map_cards.start(data.get_store(location), _q, light["_pos"].to_numpy(dtype=np.int64), CACHE_DIR, stem, lang)
    return {"data_url": SERVED + bin_path.name, "meta_url": SERVED + meta_path.name, "ids": ids,
            "cards_url": SERVED + stem + "-",
            "pos": {v: i for i, v in enumerate(ids)} if len(ids) <= 200_000 else None,
            "n": len(light), "bytes": len(p.blob)}


@st.cache_resource(show_spinner=False)
def _basemap_url() -> str:
    """The base map's JSON under static/cache, named by a hash of its sources (boundaries, places, the
    code that builds it): a restarted server reuses the file instead of rebuilding it (~1.4 s)."""
    import hashlib
    from mapview import points
    from mapview.basedata import ADMIN_DIR, RIVERS_PATH
    h = hashlib.sha1()
    for src in (ADMIN_DIR / "adm1.geojson", ADMIN_DIR / "adm2.geojson", ADMIN_DIR.parent / "places.csv",
                RIVERS_PATH, Path(points.__file__)):
        if src.is_file():
            h.update(src.read_bytes())
    name = f"basemap-{h.hexdigest()[:12]}.json"
    path = CACHE_DIR / name
    if not path.exists():
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".jtmp")
        tmp.write_text(json.dumps(basemap_data(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        tmp.replace(path)
    return SERVED + name


def basemap_url() -> str:
    """The served URL of the base map's JSON (built once per source set; ui/warm.py asks for it at start)."""
    return _basemap_url()


def payload(base_q: Query, lang: str) -> dict:
    q = map_query(base_q)
    return _payload(data.store_location(), data.revision(), data.query_key(q) + corroboration.cache_key(),
                    norm_lang(lang), q)


def _index_of(p: dict, event_id: str | None) -> int:
    if not event_id:
        return -1
    if p["pos"] is not None:
        return p["pos"].get(event_id, -1)
    hits = np.flatnonzero(p["ids"] == event_id)
    return int(hits[0]) if len(hits) else -1


def strings(lang: str) -> dict[str, str]:
    i = 1 if norm_lang(lang) == "ar" else 0
    return {k: v[i] for k, v in STRINGS.items()}


def apply_reports(base_q: Query, span: tuple[date, date] | None) -> None:
    """Act on what the map reported since the last run, before any widget is drawn (the slider's
    value can only be set before the slider exists)."""
    ss = st.session_state
    value = ss.get(KEY)
    if not isinstance(value, dict) or value.get("seq") == ss.get("_evm_seq"):
        return
    ss["_evm_seq"] = value.get("seq")
    event = value.get("event")
    if event == "drawn":
        ss[DRAWN] = True
    elif event == "window" and span is not None and value.get("window"):
        a, b = (from_day(x) for x in value["window"])
        ss["window"] = (min(a, b), max(a, b))
    elif event == "select":
        p = payload(base_q, state.lang())
        i = value.get("index")
        if isinstance(i, int) and 0 <= i < p["n"]:
            ss["selected"] = str(p["ids"][i])
            ss["_zoom_to_selected"] = False        # a marker click never moves the map
    if isinstance(value.get("view"), dict):      # every report carries the view the user moved to
        v = value["view"]
        try:
            ss["view_center"] = (round(float(v["lat"]), 4), round(float(v["lng"]), 4))
            ss["view_zoom"] = int(v["zoom"])
        except (KeyError, TypeError, ValueError):
            pass


def _args(p: dict, window, span, lang: str, *, height: int, side_list: bool) -> dict:
    ss = st.session_state
    return dict(
        data_url=p["data_url"], meta_url=p["meta_url"], basemap_url=basemap_url(), lang=lang,
        cards_url=p.get("cards_url"), cards_shard=cards.SHARD,
        window=[day_number(window[0]), day_number(window[1])] if window else None,
        bounds=[day_number(span[0]), day_number(span[1])] if span else None,
        selected=_index_of(p, ss.get("selected")), view=ss.get("_evm_initial_view"), height=height,
        strings=strings(lang), plural=COUNTED["event"][norm_lang(lang)],
        months=month_names(lang, state.month_style()),
        pluralKilled=COUNTED["killed"][norm_lang(lang)],
        labels={v: label(v, lang) for v in (*STATUSES, *TYPES, *PRECISIONS)},
        typeColors={t.value: c for t, c in TYPE_COLORS.items()}, side=side_list,
        ack=ss.get("_evm_seq") if isinstance(ss.get("_evm_seq"), int) else 0,
        slider=SLIDER, report_drawn=not ss.get(DRAWN),
    )


def standalone_html(base_q: Query, window, span, lang: str, *, title: str = "", picture: bool = False) -> str:
    """One offline HTML file with this map, its timeline brush, date inputs and Play working: Leaflet,
    the map's script and the events are inlined (the events as the same binary payload, base64)."""
    import base64
    import html as _html
    from mapview.assets import asset_path
    lang = norm_lang(lang)
    p = payload(base_q, lang)
    blob = (CACHE_DIR / Path(p["data_url"]).name).read_bytes()
    meta = json.loads((CACHE_DIR / Path(p["meta_url"]).name).read_text(encoding="utf-8"))
    args = _args(p, window, span, lang, height=800, side_list=True)
    args.update(inline_data=base64.b64encode(blob).decode("ascii"), meta=meta, inline_basemap=basemap_data(),
                view=None, selected=-1, data_url="inline", meta_url=None, basemap_url=None, cards_url=None)
    if picture:     # the PNG export: the map and its legend only, as the dashboard draws it
        c, z = ss_view()
        args.update(side=False, legendOpen=True, view={"center": list(c), "zoom": int(z)} if c and z else None)
    doc = json.dumps(args, ensure_ascii=False).replace("</", "<\\/")
    css = asset_path("leaflet_css").read_text(encoding="utf-8") + (FRONTEND / "evmap.css").read_text(encoding="utf-8")
    js = asset_path("leaflet").read_text(encoding="utf-8")
    own = "\n".join(f.read_text(encoding="utf-8") for f in script_files())
    direction = "rtl" if lang == "ar" else "ltr"
    return (f'<!doctype html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
            f'<title>{_html.escape(title or "Syria events map")}</title><style>{css}</style>'
            f'<script>{js}</script></head><body{" class=evm-export" if picture else ""}><div id="evm-root"></div>'
            f'<script>window.EVM_STANDALONE = {doc};</script><script>{own}</script></body></html>')


def script_files() -> list[Path]:
    """The component's scripts in index.html's order (one concern per file, one shared scope): the
    standalone export inlines the same files in the same order, so the two pages cannot drift apart."""
    return [FRONTEND / name for name in evmap_page.script_names(FRONTEND)]


def ss_view():
    ss = st.session_state
    return ss.get("view_center"), ss.get("view_zoom")


def render(base_q: Query, window: tuple[date, date] | None, span: tuple[date, date] | None, lang: str, *,
           height: int = 600, side_list: bool = True) -> dict:
    """Draw the map; returns the payload info (n events sent, bytes) for captions and the bench."""
    ss = st.session_state
    p = payload(base_q, lang)
    if "_evm_initial_view" not in ss:
        c, z = ss.get("view_center"), ss.get("view_zoom")
        ss["_evm_initial_view"] = {"center": list(c), "zoom": int(z)} if c and z else None
    lang = norm_lang(lang)
    args = _args(p, window, span, lang, height=height, side_list=side_list)
    _component()(key=KEY, default=None, **args)
    return p
