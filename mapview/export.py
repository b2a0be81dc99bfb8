"""export_view: the current view as bytes in any export format (for download buttons and the CLI).

Why one entry point: the dashboard's download buttons and ``python -m
mapview snapshot`` must produce the same files from the same (frame, view,
window) — map formats are rendered here, data formats go to ``events.io``
(one writer per format, shared with ``python -m events export``).
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from errors import ExportError
from mapview.view import MapView, bounds_for_view

MAP_FORMATS = ("png", "html", "gif")
DATA_FORMATS = ("geojson", "csv", "kml")
EXPORT_FORMATS = MAP_FORMATS + DATA_FORMATS
RENDERERS = ("browser", "static")
MIME_TYPES = {"png": "image/png", "html": "text/html", "gif": "image/gif", "geojson": "application/geo+json",
              "csv": "text/csv", "kml": "application/vnd.google-earth.kml+xml"}


def default_renderer() -> str:
    from mapview.snapshot import chromium_available
    return "browser" if chromium_available() else "static"


def export_view(frame: pd.DataFrame, *, fmt: str, lang: str = "en", title: str = "", subtitle: str = "",
                view: MapView | None = None, width: int = 1200, height: int = 800, scale: float = 1.0,
                renderer: str | None = None, date_from: date | None = None, date_to: date | None = None,
                frames: int = 12, window_days: int | None = None) -> bytes:
    """Bytes of ``frame`` (the events in view) as ``fmt``.

    ``view`` (centre/zoom) frames PNG/HTML like the dashboard map; without
    it the export fits the events. ``renderer`` (PNG): "browser" (Chromium)
    or "static" (matplotlib); default browser when Chromium is installed.
    GIF: ``frames`` windows between date_from and date_to.
    """
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"format must be one of {EXPORT_FORMATS}", field="format", value=fmt)
    if fmt in DATA_FORMATS:
        from events.io import dumps_events
        return dumps_events(frame, format=fmt)
    if fmt == "html":
        from mapview.standalone import standalone_html
        return standalone_html(frame, lang=lang, view=view, title=title, subtitle=subtitle, width=width,
                               height=height).encode("utf-8")
    if fmt == "gif":
        from mapview.gif import timeline_gif
        return timeline_gif(frame, date_from=date_from, date_to=date_to, frames=frames, window_days=window_days,
                            lang=lang, width=width, height=height, title=title)
    renderer = renderer or default_renderer()
    if renderer not in RENDERERS:
        raise ExportError(f"renderer must be one of {RENDERERS}", field="renderer", value=renderer)
    if renderer == "browser":
        from mapview.snapshot import browser_png
        return browser_png(frame, lang=lang, view=view, title=title, subtitle=subtitle, width=width,
                           height=height, scale=scale)
    from mapview.static import static_png
    bounds = bounds_for_view(view, width_px=width, height_px=height) if view else None
    return static_png(frame, lang=lang, title=title, subtitle=subtitle, width=width, height=height, scale=scale,
                      bounds=bounds)
