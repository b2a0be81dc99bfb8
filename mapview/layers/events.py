"""event_layers: everything event-related for one map view, in ONE FeatureGroup.

Why one group: streamlit-folium's ``feature_group_to_add`` swaps a single
group in the live map (no iframe reload, view kept), so the time slider
only re-sends this group. Inside it, one GeoJSON layer per claim status
(style per layer), drawn bottom-up: uncertainty areas, denial links,
movement arrows, points, selection ring.

Above ``AGGREGATE_THRESHOLD`` located events, points become a few hundred
proportional circles (counts per grid cell and status, pandas groupby) and
areas/arrows/links are left out: at that density they are unreadable and
one Python object per event is too slow.
"""
from __future__ import annotations

import json

import folium
import numpy as np
import pandas as pd
import shapely

from errors import ValidationError
from events.model import ClaimStatus, EventType
from mapview.adminareas import admin_area_pcodes, admin_units, unit_groups
from mapview.escape import esc
from mapview.geometry import aggregate_grid, arrow_lines, denial_pairs, display_areas
from mapview.layers.element import EventDataLayer
from mapview.popup import date_text, popups_for
from mapview.style import (AGG_STYLE, STATUS_ORDER, STATUS_STYLES, TYPE_COLORS, check_lang, status_label,
                           type_label, word)

from mapview.view import AGGREGATE_THRESHOLD  # noqa: E402 — located events in view above which points are aggregated
CLUSTER_MIN = 400              # auto-cluster (MarkerCluster) from this many points up to the threshold
_ND = 5                        # coordinate decimals (~1 m)

REQUIRED = ("id", "status", "event_type", "lat", "lon")


def _style(status: ClaimStatus) -> dict:
    s = STATUS_STYLES[status]
    return {"status": status.value, "weight": s.weight, "fill": s.fill_opacity, "dash": s.dash,
            "radius": s.radius, "grey": s.grey, "ring": s.ring}


def _fc(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def _point(lat: float, lon: float, props: dict) -> dict:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(lon, _ND), round(lat, _ND)]},
            "properties": props}


def _located(frame: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise ValidationError("event frame lacks required columns", field="frame", value=missing,
                              where="mapview.event_layers")
    located = frame[frame["lat"].notna() & frame["lon"].notna()]
    known = located["status"].isin([s.value for s in ClaimStatus])
    if not known.all():               # never drop an event silently: an unknown status draws as "reported"
        located = located.assign(status=located["status"].where(known, ClaimStatus.REPORTED.value))
    return located


def _point_parts(sub: pd.DataFrame, lang: str) -> list[tuple[str, dict, dict]]:
    pops, tips = popups_for(sub, lang)
    sub = sub.assign(_h=pops, _tt=tips)
    parts = []
    for status in STATUS_ORDER:
        rows = sub[sub["status"] == status.value]
        if rows.empty:
            continue
        feats = [_point(la, lo, {"t": t, "id": str(i), "h": h, "tt": tt}) for la, lo, t, i, h, tt in
                 zip(rows["lat"].to_numpy(), rows["lon"].to_numpy(), rows["event_type"].to_numpy(),
                     rows["id"].to_numpy(), rows["_h"].to_numpy(), rows["_tt"].to_numpy())]
        parts.append(("point", _style(status), _fc(feats)))
    return parts


def _area_parts(sub: pd.DataFrame) -> list[tuple[str, dict, dict]]:
    """Areas for places coarser than a point: the event's own shape (area_wkt), else its admin unit's
    polygon (governorate/district/subdistrict with a known P-code; one feature per unit and status),
    else a circle (radius_km)."""
    coarse = sub[sub["precision"].notna() & (sub["precision"] != "point")] if "precision" in sub else sub.iloc[:0]
    unit = admin_area_pcodes(coarse)
    wkt_all = coarse["area_wkt"] if "area_wkt" in coarse else pd.Series(index=coarse.index, dtype=object)
    has_wkt_all = wkt_all.notna() & (wkt_all.astype(str).str.len() > 0)
    units = admin_units()
    parts = []
    for status in STATUS_ORDER:
        in_status = (coarse["status"] == status.value).to_numpy()
        rows = coarse[in_status]
        feats = []
        wkt, has_wkt = wkt_all[in_status], has_wkt_all[in_status]
        if has_wkt.any():
            geoms = display_areas(wkt[has_wkt].to_numpy())
            for g, t in zip(geoms, rows.loc[has_wkt, "event_type"].to_numpy()):
                if g is not None and not g.is_empty:
                    feats.append({"type": "Feature", "geometry": json.loads(shapely.to_geojson(g)),
                                  "properties": {"t": t}})
        keyed = unit[in_status].notna()
        if keyed.any():
            groups = unit_groups(unit[in_status][keyed], rows.loc[keyed, "status"], rows.loc[keyed, "event_type"])
            feats += [{"type": "Feature", "geometry": g, "properties": {"t": t, "p": p}}
                      for p, t, g in zip(groups["p"], groups["t"], units["geojson"].reindex(groups["p"]))]
        circ = rows[~has_wkt & ~keyed & rows["radius_km"].notna() & (rows["radius_km"] > 0)] \
            if "radius_km" in rows else rows.iloc[:0]
        feats += [_point(la, lo, {"t": t, "r": round(float(r) * 1000.0)}) for la, lo, t, r in
                  zip(circ["lat"].to_numpy(), circ["lon"].to_numpy(), circ["event_type"].to_numpy(),
                      circ["radius_km"].to_numpy())]
        if feats:
            parts.append(("area", _style(status), _fc(feats)))
    return parts


def _movement_parts(sub: pd.DataFrame) -> list[tuple[str, dict, dict]]:
    if not {"origin_lat", "origin_lon", "dest_lat", "dest_lon"} <= set(sub.columns):
        return []
    keep, left, right = arrow_lines(sub["origin_lat"], sub["origin_lon"], sub["dest_lat"], sub["dest_lon"])
    moved = sub[keep]
    left, right = left[keep], right[keep]
    parts = []
    for status in STATUS_ORDER:
        m = (moved["status"] == status.value).to_numpy()
        if not m.any():
            continue
        rows = moved[m]
        feats = []
        for (olat, olon, dlat, dlon, t), (l1, l2), (r1, r2) in zip(
                rows[["origin_lat", "origin_lon", "dest_lat", "dest_lon", "event_type"]].itertuples(index=False),
                left[m], right[m]):
            d = [round(dlon, _ND), round(dlat, _ND)]
            feats.append({"type": "Feature", "properties": {"t": t}, "geometry": {"type": "MultiLineString", "coordinates": [
                [[round(olon, _ND), round(olat, _ND)], d], [[round(l2, _ND), round(l1, _ND)], d, [round(r2, _ND), round(r1, _ND)]]]}})
        parts.append(("line", _style(status), _fc(feats)))
    return parts


def _link_parts(sub: pd.DataFrame, lang: str) -> list[tuple[str, dict, dict]]:
    pairs = denial_pairs(sub).dropna()
    if pairs.empty:
        return []
    tip = esc(word("denial_link", lang))
    feats = [{"type": "Feature", "properties": {"tt": tip},
              "geometry": {"type": "LineString", "coordinates": [[round(a, _ND), round(b, _ND)], [round(c, _ND), round(d, _ND)]]}}
             for b, a, d, c in pairs[["d_lat", "d_lon", "c_lat", "c_lon"]].itertuples(index=False)]
    return [("link", {}, _fc(feats))]


def _aggregate_parts(sub: pd.DataFrame, lang: str) -> list[tuple[str, dict, dict]]:
    agg = aggregate_grid(sub)
    nmax = int(agg["count"].max()) if len(agg) else 1
    parts = []
    for status in STATUS_ORDER:
        rows = agg[agg["status"] == status.value].sort_values("count", ascending=False)
        if rows.empty:
            continue
        label = status_label(status, lang)
        feats = []
        for la, lo, n, t, a, b in rows[["lat", "lon", "count", "event_type", "date_start", "date_end"]].itertuples(index=False):
            try:
                tname = type_label(EventType(t), lang)
            except ValueError:
                tname = str(t)
            text = f"{int(n)} {word('events', lang)} · {label} · {tname}… · {date_text(a, b)}"
            feats.append(_point(float(la), float(lo), {"t": t, "n": int(n), "tt": esc(text)}))
        color, (dx, dy) = AGG_STYLE[status]
        style = {**_style(status), "acolor": color, "dx": dx, "dy": dy, "nmax": nmax, "amin": 16, "amax": 44}
        parts.append(("agg", style, _fc(feats)))
    return parts


def event_layers(frame: pd.DataFrame, *, lang: str = "en", selected_id: str | None = None,
                 cluster: bool | None = None, aggregate_threshold: int = AGGREGATE_THRESHOLD,
                 name: str = "events") -> folium.FeatureGroup:
    """All event layers for ``frame`` (FRAME_COLUMNS) in one FeatureGroup.

    ``cluster``: None = MarkerCluster when there are CLUSTER_MIN or more
    points; True/False forces it. Above ``aggregate_threshold`` located
    events, grid aggregation replaces points (``fg.aggregated`` says so).
    """
    check_lang(lang)
    sub = _located(frame)
    fg = folium.FeatureGroup(name=name)
    aggregated = len(sub) > aggregate_threshold
    if aggregated:
        parts = _aggregate_parts(sub, lang)
        clustered = False
    else:
        clustered = (len(sub) >= CLUSTER_MIN) if cluster is None else bool(cluster)
        parts = _area_parts(sub) + _link_parts(sub, lang) + _movement_parts(sub) + _point_parts(sub, lang)
        if selected_id is not None:
            sel = sub[sub["id"].astype(str) == str(selected_id)]
            if not sel.empty:
                parts.append(("selected", {}, _fc([_point(float(sel["lat"].iloc[0]), float(sel["lon"].iloc[0]),
                                                          {"id": str(selected_id)})])))
    layer = EventDataLayer(parts, colors={t.value: c for t, c in TYPE_COLORS.items()}, cluster=clustered)
    layer.add_to(fg)
    fg.aggregated = aggregated
    fg.clustered = clustered
    fg.event_count = int(len(sub))
    fg.data_layer = layer
    return fg
