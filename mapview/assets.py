"""Local Leaflet assets: where they live and how a page refers to them.

Why: the dashboard and its exports make no network call at run time, but
folium points every map and plugin at CDNs. Each element this package
renders declares its assets by *name*; the name resolves either to a URL
under Streamlit's static serving (``/app/static/vendor/...``, mode
"served", same origin as the streamlit-folium iframe) or to a ``data:`` URL
holding the file itself (mode "inline", for standalone HTML opened from
disk). Files come from ``scripts/fetch_assets.sh`` (npm registry, pinned).
"""
from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

from errors import ExportError

REPO = Path(__file__).resolve().parent.parent
VENDOR_DIR = REPO / "static" / "vendor"
SERVED_PREFIX = "/app/static/vendor/"
ASSET_MODES = ("served", "inline")

#: name -> path under static/vendor (versions pinned in scripts/fetch_assets.sh)
ASSETS: dict[str, str] = {
    "leaflet": "leaflet/leaflet.js",
    "leaflet_css": "leaflet/leaflet.css",
    "jquery": "jquery/jquery.min.js",
    "markerclusterjs": "leaflet.markercluster/leaflet.markercluster.js",
    "markerclustercss": "leaflet.markercluster/MarkerCluster.css",
    "markerclusterdefaultcss": "leaflet.markercluster/MarkerCluster.Default.css",
}

MAP_JS = ("leaflet", "jquery")
MAP_CSS = ("leaflet_css",)
CLUSTER_JS = ("markerclusterjs",)
CLUSTER_CSS = ("markerclustercss", "markerclusterdefaultcss")


def check_mode(asset_mode: str) -> str:
    if asset_mode not in ASSET_MODES:
        raise ExportError(f"asset_mode must be one of {ASSET_MODES}", field="asset_mode", value=asset_mode)
    return asset_mode


def asset_path(name: str) -> Path:
    path = VENDOR_DIR / ASSETS[name]
    if not path.is_file():
        raise ExportError(f"local map asset missing: {path}; run `make assets` (scripts/fetch_assets.sh)",
                          field="asset", value=name)
    return path


@lru_cache(maxsize=None)
def _data_url(name: str) -> str:
    path = asset_path(name)
    raw = path.read_bytes()
    if path.suffix == ".css":
        raw = _inline_css_images(raw.decode("utf-8"), path.parent).encode("utf-8")
        mime = "text/css"
    else:
        mime = "text/javascript"
    return f"data:{mime};charset=utf-8;base64,{base64.b64encode(raw).decode('ascii')}"


def _inline_css_images(css: str, base: Path) -> str:
    """Replace relative ``url(images/x.png)`` in a stylesheet with data URLs (a data: CSS has no base)."""
    def repl(m: re.Match) -> str:
        ref = m.group(1).strip("'\"")
        if ref.startswith(("data:", "#")):
            return m.group(0)
        file = (base / ref).resolve()
        if not file.is_file() or file.suffix != ".png":
            return "url()"
        return f"url(data:image/png;base64,{base64.b64encode(file.read_bytes()).decode('ascii')})"
    return re.sub(r"url\(([^)]*)\)", repl, css)


def asset_url(name: str, asset_mode: str) -> str:
    check_mode(asset_mode)
    if asset_mode == "served":
        return SERVED_PREFIX + ASSETS[name]
    return _data_url(name)


def links(names: tuple[str, ...], asset_mode: str) -> list[tuple[str, str]]:
    """``[(name, url)]`` in folium's ``default_js``/``default_css`` shape."""
    return [(n, asset_url(n, asset_mode)) for n in names]


def figure_mode(element) -> str:
    """The asset mode build_map stamped on the element's root figure ("served" if none)."""
    try:
        root = element.get_root()
    except Exception:  # noqa: BLE001 - an unattached element renders with defaults
        return "served"
    return getattr(root, "_eventmap_asset_mode", "served")


class LocalAssetsMixin:
    """Mixin for folium JSCSSMixin elements: resolve ``js_names``/``css_names`` at render time.

    ``default_js``/``default_css`` hold served URLs from construction (what
    streamlit-folium collects without rendering); rendering inside a figure
    that build_map marked "inline" swaps them to data URLs.
    """
    js_names: tuple[str, ...] = ()
    css_names: tuple[str, ...] = ()

    def _set_links(self, asset_mode: str) -> None:
        self.default_js = links(self.js_names, asset_mode)
        self.default_css = links(self.css_names, asset_mode)

    def render(self, **kwargs):
        self._set_links(figure_mode(self))
        return super().render(**kwargs)
