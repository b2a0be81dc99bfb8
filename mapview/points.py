"""Compact point payload for the browser map (``mapview/evmap``): the window's events sent once.

Why a binary blob of typed arrays: the measured cost of the old map was the
server building and sending a layer (5.9 MB of script at 100k events for a
one-month move). The browser only needs, per event, where (lon, lat), when
(first/last day), what (status, type, precision, governorate) and how bad
(fatalities); everything else (titles, sources) is read on click by the side
panel. 24 bytes per event: 2.4 MB at 100k, read with zero parsing as
``Float32Array``/``Int32Array`` views; time filtering, grouping and drawing
then happen in the browser, so a slider move sends a window (two numbers),
not a layer.

Layout (little-endian), ``n`` events, every block starting 4-byte aligned::

    Int32[4]   magic 0x45564D31 ("EVM1"), n, flags (bit 0: fatalities known), 0
    Float32[n] lon        Float32[n] lat
    Int32[n]   first day  Int32[n]   last day     (days since 1970-01-01)
    Uint16[n]  place code Uint16[n]  fatalities   (65535: unknown)
    Uint16[n]  actor code (65535: none)  + 2 bytes pad when n is odd
    Uint8[n]   status     Uint8[n]   type   Uint8[n] precision   Uint8[n] governorate (255: none)

Codes index the lists in the JSON ``meta`` (:func:`payload_meta`).
This module knows pandas and the events model, never streamlit.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from events.model import ClaimStatus, EventType
from gazetteer.model import Precision

MAGIC = 0x45564D31
NO_U16 = 65535
NO_U8 = 255
STATUSES = tuple(s.value for s in ClaimStatus)
TYPES = tuple(t.value for t in EventType)
PRECISIONS = tuple(p.value for p in Precision)
#: placed no better than these: drawn as their unit's outline (governorate) or listed in a strip (region, country)
IMPRECISE = ("governorate", "region", "country")
_EPOCH = np.datetime64("1970-01-01", "D")


@dataclass(frozen=True)
class Payload:
    blob: bytes
    meta: dict            # code lists: places, actors, governorates (pcode, en, ar); n; day span
    digest: str           # content hash (cache-busting file name)


def _days(col: pd.Series) -> np.ndarray:
    values = pd.to_datetime(col).to_numpy(dtype="datetime64[D]")
    return (values - _EPOCH).astype(np.int64)


def _codes(values, book: tuple[str, ...] | None = None, *, missing: int) -> tuple[np.ndarray, list[str]]:
    """Integer codes for string values; ``book`` fixed (enum order) or learned (first-seen order)."""
    s = pd.Series(values, dtype="object").fillna("")
    if book is not None:
        lookup = {v: i for i, v in enumerate(book)}
        codes = s.map(lookup).fillna(missing).to_numpy(dtype=np.int64)
        return codes, list(book)
    cat = pd.Categorical(s)
    cats = list(map(str, cat.categories))
    codes = cat.codes.astype(np.int64)
    if "" in cats:
        empty = cats.index("")
        codes = np.where(codes == empty, -1, codes)
    codes = np.where(codes < 0, missing, codes)
    return codes, cats


def build_payload(light: pd.DataFrame, extras: pd.DataFrame | None = None, *,
                  lang: str = "en") -> Payload:
    """``light``: located, dated events (LIGHT_COLUMNS); ``extras`` (optional, same rows): ``count_max``,
    ``place_en``/``place_ar``, ``actors``, only affordable for small windows (fatalities and names then show).

    Row ``i`` of the blob is row ``i`` of ``light``: the browser reports clicks by that position.
    """
    n = len(light)
    lon = light["lon"].to_numpy(dtype=np.float32)
    lat = light["lat"].to_numpy(dtype=np.float32)
    d0 = _days(light["date_start"]).astype(np.int32)
    d1 = _days(light["date_end"].fillna(light["date_start"])).astype(np.int32)
    d1 = np.maximum(d0, d1)
    status, _ = _codes(light["status"], STATUSES, missing=0)
    etype, _ = _codes(light["event_type"], TYPES, missing=len(TYPES) - 1)
    prec, _ = _codes(light["precision"], PRECISIONS, missing=PRECISIONS.index("country"))
    admin = light["admin1_pcode"].fillna("").astype(str).to_numpy(dtype=object)
    unknown = (admin == "") & (light["precision"].to_numpy(dtype=object) == "governorate")
    if unknown.any():           # imports that give coordinates but no P-code (UCDP): find the unit
        admin[unknown] = governorate_of(lon[unknown], lat[unknown])
    gov, gov_book = _codes(admin, missing=NO_U8)
    if len(gov_book) >= NO_U8:           # more than 254 units: not governorates; draw no outlines
        gov, gov_book = np.full(n, NO_U8, np.int64), []
    flags = 0
    place = np.full(n, NO_U16, np.int64)
    fat = np.full(n, NO_U16, np.int64)
    actor = np.full(n, NO_U16, np.int64)
    places: list[str] = []
    actors: list[str] = []
    if extras is not None and len(extras) == n and n:
        name = extras.get("place_ar" if lang == "ar" else "place_en")
        if name is not None:
            other = extras.get("place_en" if lang == "ar" else "place_ar")
            name = name.where(name.fillna("") != "", other if other is not None else name)
            name = name.where(name.fillna("") != "", extras.get("place_as_written", name))
            place, places = _codes(name.to_numpy(), missing=NO_U16)
            if len(places) >= NO_U16:
                place, places = np.full(n, NO_U16, np.int64), []
        if "count_max" in extras:
            counts = pd.to_numeric(extras["count_max"], errors="coerce")
            fat = np.where(counts.isna(), NO_U16, counts.fillna(0).clip(0, NO_U16 - 1)).astype(np.int64)
            flags |= 1
        if "actors" in extras:
            first = extras["actors"].fillna("").astype(str).str.split(";").str[0].str.strip()
            actor, actors = _codes(first.to_numpy(), missing=NO_U16)
            if len(actors) >= NO_U16:
                actor, actors = np.full(n, NO_U16, np.int64), []
    parts = [np.array([MAGIC, n, flags, 0], dtype="<i4").tobytes(),
             lon.astype("<f4").tobytes(), lat.astype("<f4").tobytes(),
             d0.astype("<i4").tobytes(), d1.astype("<i4").tobytes(),
             place.astype("<u2").tobytes(), fat.astype("<u2").tobytes(), actor.astype("<u2").tobytes(),
             b"\0\0" if n % 2 else b"",
             status.astype("u1").tobytes(), etype.astype("u1").tobytes(), prec.astype("u1").tobytes(),
             gov.astype("u1").tobytes()]
    blob = b"".join(parts)
    meta = {"n": n, "places": places, "actors": actors, "governorates": gov_book,
            "statuses": list(STATUSES), "types": list(TYPES), "precisions": list(PRECISIONS),
            "imprecise": list(IMPRECISE),
            "span": [int(d0.min()), int(d1.max())] if n else None}
    digest = hashlib.sha1(blob + json.dumps(meta, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
    return Payload(blob, meta, digest)


def read_payload(blob: bytes) -> dict[str, np.ndarray]:
    """The arrays back from a blob (tests and the bench check the layout with it)."""
    magic, n, flags, _ = np.frombuffer(blob[:16], dtype="<i4")
    if magic != MAGIC:
        raise ValueError(f"not an EVM1 payload (magic {magic:#x})")
    off = 16
    out: dict[str, np.ndarray] = {"flags": np.array([flags])}
    for name, dtype, size in (("lon", "<f4", 4), ("lat", "<f4", 4), ("d0", "<i4", 4), ("d1", "<i4", 4),
                              ("place", "<u2", 2), ("fat", "<u2", 2), ("actor", "<u2", 2)):
        out[name] = np.frombuffer(blob, dtype=dtype, count=n, offset=off)
        off += size * n
    off += 2 if n % 2 else 0
    for name in ("status", "type", "prec", "gov"):
        out[name] = np.frombuffer(blob, dtype="u1", count=n, offset=off)
        off += n
    return out


@lru_cache(maxsize=1)
def _adm1_tree():
    import shapely
    from mapview.basedata import admin_geojson
    feats = admin_geojson(1)["features"]
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in feats])
    return shapely.STRtree(geoms), np.array([f["properties"].get("p", "") for f in feats], dtype=object)


def governorate_of(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """ADM1 P-code containing each point ("" outside Syria's governorates)."""
    import shapely
    tree, codes = _adm1_tree()
    out = np.full(len(lon), "", dtype=object)
    pts, geoms = tree.query(shapely.points(np.asarray(lon, float), np.asarray(lat, float)), predicate="within")
    out[pts] = codes[geoms]
    return out


# ---- the base map: boundaries, town labels by importance, governorate labels off the cities ----

@lru_cache(maxsize=None)
def basemap_data() -> dict:
    """Governorate/district outlines, governorate label points placed away from their towns, and town
    labels with a rank (0 = governorate capital … 4 = any community) from ``data/places.csv``.

    Why a rank and not population: the OCHA list has no population; being a governorate, district or
    sub-district seat (its name is the unit's name) and the number of neighbourhoods are what it has.
    """
    import csv

    import shapely
    from mapview.basedata import ADMIN_DIR, admin_geojson
    adm1, adm2 = admin_geojson(1), admin_geojson(2)
    towns = []
    path = ADMIN_DIR.parent / "places.csv"
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (TypeError, ValueError):
                continue
            en, ar = row.get("name_en") or "", row.get("name_ar") or ""
            try:
                hoods = int(row.get("neighbourhoods") or 0)
            except ValueError:
                hoods = 0
            folded = en.casefold()
            if row.get("kind") == "city" or folded == (row.get("admin1_en") or "").casefold():
                rank = 0
            elif folded == (row.get("admin2_en") or "").casefold():
                rank = 1
            elif folded == (row.get("admin3_en") or "").casefold():
                rank = 2
            elif hoods > 0:
                rank = 3
            else:
                rank = 4
            towns.append([round(lon, 5), round(lat, 5), en, ar, rank, hoods])
    # most important first: the browser places labels greedily in this order
    towns.sort(key=lambda t: (t[4], -t[5]))
    capitals = np.array([[t[0], t[1]] for t in towns if t[4] <= 1]) if towns else np.zeros((0, 2))
    gov_labels = []
    for f in adm1["features"]:
        geom = shapely.from_geojson(json.dumps(f["geometry"]))
        gov_labels.append([*_label_point(geom, capitals), f["properties"].get("nEn", ""),
                           f["properties"].get("nAr", ""), f["properties"].get("p", "")])
    from mapview.basedata import rivers_geojson       # optional (data/SOURCES.md): None without the file
    return {"adm1": _rounded(adm1), "adm2": _rounded(adm2), "towns": towns, "gov_labels": gov_labels,
            "rivers": rivers_geojson()}


def _label_point(geom, towns: np.ndarray) -> tuple[float, float]:
    """A point well inside the polygon and at least ~25 km from any district seat, so the governorate's
    name does not read as a town's (the old label sat on Deir ez-Zor city's outskirts)."""
    import shapely
    from shapely.ops import polylabel
    geom = geom.buffer(0)
    best = polylabel(geom if geom.geom_type == "Polygon" else max(geom.geoms, key=lambda g: g.area),
                                 tolerance=0.01)
    minx, miny, maxx, maxy = geom.bounds
    xs, ys = np.meshgrid(np.linspace(minx, maxx, 25), np.linspace(miny, maxy, 25))
    cand = shapely.points(xs.ravel(), ys.ravel())
    inside = shapely.contains(geom, cand)
    if not inside.any():
        return round(best.x, 4), round(best.y, 4)
    pts = np.column_stack([xs.ravel()[inside], ys.ravel()[inside]])
    edge = shapely.distance(geom.boundary, shapely.points(pts[:, 0], pts[:, 1]))
    if len(towns):
        d = np.sqrt(((pts[:, None, :] - towns[None, :, :]) ** 2).sum(-1)).min(1)
    else:
        d = np.full(len(pts), 1.0)
    score = np.minimum(edge, 0.6) + np.minimum(d, 0.35) * 1.5
    i = int(np.argmax(score))
    if d[i] < 0.2 and edge.max() > 0:      # small governorate (Damascus, Quneitra): keep the pole of inaccessibility
        return round(best.x, 4), round(best.y, 4)
    return round(float(pts[i, 0]), 4), round(float(pts[i, 1]), 4)


def _rounded(fc: dict) -> dict:
    """Coordinates to 4 decimals (~10 m): halves the JSON the browser parses."""
    def walk(c):
        return [walk(x) for x in c] if isinstance(c[0], list) else [round(c[0], 4), round(c[1], 4)]
    feats = []
    for f in fc["features"]:
        g = f["geometry"]
        feats.append({"type": "Feature", "properties": {k: f["properties"].get(k) for k in ("p", "nEn", "nAr")},
                      "geometry": {"type": g["type"], "coordinates": walk(g["coordinates"])}})
    return {"type": "FeatureCollection", "features": feats}
