"""Static renderer (geopandas + matplotlib): PNG maps for the CLI, GIF frames, and machines without a browser.

Why a second renderer: Chromium is ~500 MB and not on every analyst's
machine, and the GIF needs many frames fast. It draws the same things as
the browser map — admin basemap, per-status event styles, uncertainty
areas, movement arrows, denial links, aggregation above the threshold — and
the furniture a printed map needs: title, date span, legend, scale bar,
north arrow, attribution. Arabic: matplotlib 3.11 shapes Arabic itself with
a font that has the glyphs, so no reshaper/bidi pass is added (that would
reverse it a second time; STACK_NOTES).
"""
from __future__ import annotations

import io
import math
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.collections import LineCollection, PolyCollection  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from errors import ExportError  # noqa: E402
from events.model import ClaimStatus, EventType  # noqa: E402
from mapview.adminareas import admin_area_pcodes, admin_shapes, polygon_rings, unit_groups  # noqa: E402
from mapview.geometry import (aggregate_grid, arrow_lines, circle_rings, denial_pairs, display_areas,  # noqa: E402
                              event_extent)
from mapview.layers.basemap import ADMIN_DIR, LAND, SEA  # noqa: E402
from mapview.layers.events import AGGREGATE_THRESHOLD  # noqa: E402
from mapview.style import (AGG_STYLE, DENIED_GREY, STATUS_ORDER, STATUS_STYLES, TYPE_COLORS,  # noqa: E402
                           check_lang, status_label, type_label, word)

FONT_FAMILY = ["Noto Naskh Arabic", "DejaVu Sans"]
SYRIA_BOUNDS = (32.2, 35.5, 37.45, 42.5)      # south, west, north, east
_TYPE_COLOR = {t.value: c for t, c in TYPE_COLORS.items()}


@lru_cache(maxsize=None)
def _admin(level: int):
    import geopandas as gpd
    return gpd.read_file(ADMIN_DIR / f"adm{level}.geojson")


def bounds_for(frame: pd.DataFrame, *, min_span: float = 1.2, pad: float = 0.1) -> tuple[float, float, float, float]:
    """(south, west, north, east) around the events, their areas (up to 60 km) and move ends; Syria if none."""
    box = event_extent(frame)
    if box is None:
        return SYRIA_BOUNDS
    s, w, n, e = box
    cy, cx = (s + n) / 2, (w + e) / 2
    hy, hx = max(n - s, min_span) / 2 * (1 + pad), max(e - w, min_span) / 2 * (1 + pad)
    return cy - hy, cx - hx, cy + hy, cx + hx


def _nice_km(km: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500):
        if step >= km:
            return float(step)
    return 1000.0


class StaticMap:
    """One matplotlib figure: basemap drawn once, event artists replaceable (GIF frames reuse the base)."""

    def __init__(self, *, bounds: tuple[float, float, float, float] = SYRIA_BOUNDS, lang: str = "en",
                 width: int = 1200, height: int = 800, scale: float = 1.0, title: str = "",
                 subtitle: str = "") -> None:
        check_lang(lang)
        if not (100 <= width <= 8000 and 100 <= height <= 8000):
            raise ExportError("width/height must be 100..8000 px", field="size", value=(width, height))
        if not 0.5 <= scale <= 4:
            raise ExportError("scale must be 0.5..4", field="scale", value=scale)
        self.lang, self.dpi = lang, 100 * scale
        plt.rcParams["font.family"] = FONT_FAMILY
        self.fig = plt.figure(figsize=(width / 100, height / 100), dpi=self.dpi, facecolor="white")
        self.ax = self.fig.add_axes((0.01, 0.01, 0.98, 0.90) if (title or subtitle) else (0.01, 0.01, 0.98, 0.98))
        self._events: list = []
        self._fit(bounds, width / height)
        self._draw_base()
        self._draw_furniture(title, subtitle)

    def _fit(self, bounds, ratio: float) -> None:
        s, w, n, e = bounds
        self.coslat = math.cos(math.radians((s + n) / 2))
        cx, cy = (w + e) / 2, (s + n) / 2
        box = self.ax.get_position()
        ratio = ratio * box.width / box.height
        half_x, half_y = (e - w) / 2 * self.coslat, (n - s) / 2      # in "km-ish" equal units
        if half_x / half_y < ratio:
            half_x = half_y * ratio
        else:
            half_y = half_x / ratio
        self.ax.set_xlim(cx - half_x / self.coslat, cx + half_x / self.coslat)
        self.ax.set_ylim(cy - half_y, cy + half_y)
        self.ax.set_aspect(1 / self.coslat, adjustable="box")
        self.ax.set_facecolor(SEA)
        self.ax.set_xticks([])
        self.ax.set_yticks([])

    def _draw_base(self) -> None:
        xlim, ylim = self.ax.get_xlim(), self.ax.get_ylim()
        _admin(2).plot(ax=self.ax, aspect=None, facecolor=LAND, edgecolor="#b9b2a3", linewidth=0.5, zorder=1)
        self._draw_rivers()
        _admin(1).boundary.plot(ax=self.ax, aspect=None, color="#7d7566", linewidth=1.2, zorder=2)
        key = "nAr" if self.lang == "ar" else "nEn"
        adm1 = _admin(1)
        for lat, lon, name in zip(adm1["lat"], adm1["lon"], adm1[key]):
            if xlim[0] < lon < xlim[1] and ylim[0] < lat < ylim[1]:
                self.ax.text(lon, lat, str(name), ha="center", va="center", fontsize=9, color="#333",
                             zorder=3, fontweight="bold", alpha=0.8, clip_on=True)
        self.ax.set_xlim(xlim)
        self.ax.set_ylim(ylim)
        self.ax.set_xlabel("")
        self.ax.set_ylabel("")

    def _draw_rivers(self) -> None:
        from matplotlib.collections import LineCollection

        from mapview.basedata import rivers_geojson
        from mapview.layers.basemap import RIVER_BLUE
        rivers = rivers_geojson()
        if not rivers:
            return
        lines = [f["geometry"]["coordinates"] for f in rivers["features"]
                 if f.get("geometry", {}).get("type") == "LineString"]
        self.ax.add_collection(LineCollection(lines, colors=RIVER_BLUE, linewidths=0.9, alpha=0.85, zorder=1.5))

    def _draw_furniture(self, title: str, subtitle: str) -> None:
        ax, lang = self.ax, self.lang
        rtl = lang == "ar"
        if title:
            self.fig.text(0.99 if rtl else 0.01, 0.965, title, ha="right" if rtl else "left", va="center",
                          fontsize=15, fontweight="bold")
        if subtitle:
            self.fig.text(0.99 if rtl else 0.01, 0.925, subtitle, ha="right" if rtl else "left", va="center",
                          fontsize=11, color="#333")
        # north arrow (top left of the map)
        ax.annotate("N", xy=(0.04, 0.95), xytext=(0.04, 0.85), xycoords="axes fraction", ha="center",
                    va="center", fontsize=11, fontweight="bold", zorder=9,
                    arrowprops={"arrowstyle": "-|>", "color": "#222", "lw": 2})
        # scale bar (bottom left): a round number of km about a fifth of the map width
        x0, x1 = ax.get_xlim()
        y0, y1 = ax.get_ylim()
        km_per_deg = 111.32 * self.coslat
        km = _nice_km((x1 - x0) * km_per_deg / 5)
        bx, by = x0 + 0.03 * (x1 - x0), y0 + 0.05 * (y1 - y0)
        ax.plot([bx, bx + km / km_per_deg], [by, by], color="#111", lw=3, solid_capstyle="butt", zorder=9)
        ax.text(bx + km / km_per_deg / 2, by + 0.012 * (y1 - y0), f"{km:g} km", ha="center", va="bottom",
                fontsize=9, zorder=9)
        ax.text(0.995, 0.005, word("attribution", lang), transform=ax.transAxes, ha="right", va="bottom",
                fontsize=7, color="#444", zorder=9, bbox={"facecolor": "white", "alpha": 0.7, "lw": 0, "pad": 1})

    # --- events -----------------------------------------------------------------------------------
    def clear_events(self) -> None:
        for artist in self._events:
            artist.remove()
        self._events = []

    def draw_events(self, frame: pd.DataFrame, *, aggregate_threshold: int = AGGREGATE_THRESHOLD) -> bool:
        """Draw ``frame``'s events (replacing previous ones); returns True when aggregated."""
        self.clear_events()
        loc = frame[frame["lat"].notna() & frame["lon"].notna()]
        aggregated = len(loc) > aggregate_threshold
        if aggregated:
            self._draw_aggregated(loc)
        else:
            self._draw_areas(loc)
            self._draw_links(loc)
            self._draw_moves(loc)
            self._draw_points(loc)
        self._draw_legend(loc, aggregated)
        return aggregated

    def _add(self, artist) -> None:
        self._events.append(artist)

    def _draw_areas(self, loc: pd.DataFrame) -> None:
        """Own shapes (area_wkt), else admin-unit polygons (one per unit and status), else circles."""
        coarse = loc[loc["precision"].notna() & (loc["precision"] != "point")]
        if coarse.empty:
            return
        wkt = coarse["area_wkt"].fillna("").astype(str) if "area_wkt" in coarse else pd.Series("", index=coarse.index)
        has_wkt = (wkt.str.len() > 0).to_numpy()
        unit = admin_area_pcodes(coarse)
        keyed = unit.notna().to_numpy()
        radius = coarse["radius_km"].to_numpy("float64")
        circ = ~has_wkt & ~keyed & np.isfinite(radius) & (radius > 0)
        rings, types, statuses = [], [], []
        if circ.any():
            c = coarse[circ]
            rings += list(circle_rings(c["lat"], c["lon"], c["radius_km"]))
            types += list(c["event_type"])
            statuses += list(c["status"])
        if has_wkt.any():
            w = coarse[has_wkt]
            r, owner = polygon_rings(np.array(display_areas(wkt[has_wkt].to_numpy()), dtype=object))
            rings += r
            types += list(w["event_type"].to_numpy()[owner])
            statuses += list(w["status"].to_numpy()[owner])
        if keyed.any():
            groups = unit_groups(unit[keyed], coarse.loc[keyed, "status"], coarse.loc[keyed, "event_type"])
            r, owner = polygon_rings(admin_shapes(groups["p"]))
            rings += r
            types += list(groups["t"].to_numpy()[owner])
            statuses += list(groups["s"].to_numpy()[owner])
        if not rings:
            return
        colors = [_TYPE_COLOR.get(t, "#555") for t in types]
        dashed = [s == ClaimStatus.CLAIMED.value for s in statuses]
        self._add(self.ax.add_collection(PolyCollection(
            rings, facecolors=colors, edgecolors=colors, alpha=0.10, linewidths=1.0, zorder=4)))
        self._add(self.ax.add_collection(PolyCollection(
            rings, facecolors="none", edgecolors=colors, linewidths=1.0, zorder=4,
            linestyles=[(0, (4, 3)) if d else "solid" for d in dashed])))

    def _draw_links(self, loc: pd.DataFrame) -> None:
        pairs = denial_pairs(loc).dropna()
        if not pairs.empty:
            segs = np.stack([pairs[["d_lon", "d_lat"]].to_numpy("float64"),
                             pairs[["c_lon", "c_lat"]].to_numpy("float64")], axis=1)
            self._add(self.ax.add_collection(LineCollection(segs, colors="#333", linewidths=1.0,
                                                            linestyles=(0, (3, 3)), zorder=5)))

    def _draw_moves(self, loc: pd.DataFrame) -> None:
        keep, left, right = arrow_lines(loc["origin_lat"], loc["origin_lon"], loc["dest_lat"], loc["dest_lon"])
        if not keep.any():
            return
        mv = loc[keep]
        o = mv[["origin_lon", "origin_lat"]].to_numpy("float64")
        d = mv[["dest_lon", "dest_lat"]].to_numpy("float64")
        lb, rb = left[keep][:, ::-1], right[keep][:, ::-1]
        segs = np.concatenate([np.stack([o, d], 1), np.stack([lb, d], 1), np.stack([rb, d], 1)])
        colors = [_TYPE_COLOR.get(t, "#555") for t in mv["event_type"]] * 3
        self._add(self.ax.add_collection(LineCollection(segs, colors=colors, linewidths=2.0, zorder=6)))

    def _draw_points(self, loc: pd.DataFrame) -> None:
        for status in STATUS_ORDER:
            rows = loc[loc["status"] == status.value]
            if rows.empty:
                continue
            s = STATUS_STYLES[status]
            x, y = rows["lon"].to_numpy("float64"), rows["lat"].to_numpy("float64")
            colors = [_TYPE_COLOR.get(t, "#555") for t in rows["event_type"]]
            size = (s.radius * 2) ** 2
            if status is ClaimStatus.DENIED:
                # on top: a denial usually sits on the claim it denies
                self._add(self.ax.scatter(x, y, s=size, c=DENIED_GREY, alpha=0.8, edgecolors="#444", zorder=8.5))
                self._add(self.ax.scatter(x, y, s=size * 0.5, c="#111", marker="x", linewidths=1.6, zorder=8.6))
            elif status is ClaimStatus.CLAIMED:
                self._add(self.ax.scatter(x, y, s=size, facecolors="white", edgecolors=colors, linewidths=2.0,
                                          linestyles="--", zorder=7, alpha=0.9))
            elif status is ClaimStatus.CONFIRMED:
                self._add(self.ax.scatter(x, y, s=size * 1.3, c=colors, edgecolors="#111", linewidths=2.5, zorder=8))
            else:
                self._add(self.ax.scatter(x, y, s=size, c=colors, edgecolors="white", linewidths=1.0, zorder=7))

    def _draw_aggregated(self, loc: pd.DataFrame) -> None:
        agg = aggregate_grid(loc)
        nmax = max(int(agg["count"].max()), 1) if len(agg) else 1
        cell = float(agg["cell_deg"].iloc[0]) if len(agg) else 0.2
        for status in STATUS_ORDER:
            rows = agg[agg["status"] == status.value].sort_values("count", ascending=False)
            if rows.empty:
                continue
            color, (dx, dy) = AGG_STYLE[status]
            st = STATUS_STYLES[status]
            n = rows["count"].to_numpy("float64")
            d_pt = 10 + 22 * np.sqrt(n / nmax)                     # diameter in points
            x = rows["lon"].to_numpy("float64") + dx * cell * 0.18
            y = rows["lat"].to_numpy("float64") - dy * cell * 0.18 * self.coslat
            face = "white" if st.fill_opacity < 0.3 else color
            edge = st.ring or (color if st.dash else "white")
            self._add(self.ax.scatter(x, y, s=d_pt ** 2, c=face, edgecolors=edge, alpha=0.88, zorder=7,
                                      linewidths=2.5 if st.ring else 1.5, linestyles="--" if st.dash else "solid"))
            for xi, yi, ni, di in zip(x, y, n.astype(int), d_pt):
                if di >= 12:
                    self._add(self.ax.text(xi, yi, str(ni), ha="center", va="center", fontsize=7, zorder=8,
                                           color="#111" if face == "white" else "white", fontfamily="DejaVu Sans"))

    def _draw_legend(self, loc: pd.DataFrame, aggregated: bool) -> None:
        lang = self.lang
        h = []
        for status in STATUS_ORDER[::-1]:
            s = STATUS_STYLES[status]
            if status is ClaimStatus.DENIED:
                h.append(Line2D([], [], marker="X", ls="", color=DENIED_GREY, markeredgecolor="#111", markersize=10))
            elif status is ClaimStatus.CLAIMED:
                h.append(Line2D([], [], marker="o", ls="", markerfacecolor="white", markeredgecolor="#1f77b4",
                                markeredgewidth=2, markersize=10))
            else:
                h.append(Line2D([], [], marker="o", ls="", color="#1f77b4",
                                markeredgecolor=s.ring or "white", markeredgewidth=2.5 if s.ring else 1, markersize=10))
        labels = [status_label(st, lang) for st in STATUS_ORDER[::-1]]
        present = [t for t in EventType if t.value in set(loc["event_type"])] if not aggregated else []
        for t in present:
            h.append(Line2D([], [], marker="s", ls="", color=TYPE_COLORS[t], markersize=9))
            labels.append(type_label(t, lang))
        if not aggregated:
            h.append(Line2D([], [], color="#1f77b4", lw=1, ls="--", marker="o", markersize=12,
                            markerfacecolor=(0.12, 0.47, 0.71, 0.1), markevery=[0]))
            labels.append(word("area", lang))
            h.append(Line2D([], [], color="#1f77b4", lw=2, marker=">", markevery=[-1]))
            labels.append(word("movement", lang))
            h.append(Line2D([], [], color="#333", lw=1, ls=(0, (3, 3))))
            labels.append(word("denial_link", lang))
        else:
            h.append(Line2D([], [], marker="o", ls="", color="#1f77b4", markersize=14))
            labels.append(word("aggregated", lang))
        leg = self.ax.legend(h, labels, loc="lower right", bbox_to_anchor=(1.0, 0.035), fontsize=9,
                             title=word("legend", lang),
                             title_fontsize=10, framealpha=0.92, markerfirst=lang != "ar")
        leg.set_zorder(10)
        self._add(leg)

    def png(self) -> bytes:
        buf = io.BytesIO()
        self.fig.savefig(buf, format="png", dpi=self.dpi)
        return buf.getvalue()

    def rgb(self):
        """The current figure as a Pillow RGB image (GIF frames)."""
        from PIL import Image
        self.fig.canvas.draw()
        return Image.frombuffer("RGBA", self.fig.canvas.get_width_height(physical=True),
                                self.fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1).convert("RGB")

    def close(self) -> None:
        plt.close(self.fig)


def static_png(frame: pd.DataFrame, *, lang: str = "en", width: int = 1200, height: int = 800,
               scale: float = 1.0, title: str = "", subtitle: str = "",
               bounds: tuple[float, float, float, float] | None = None) -> bytes:
    """PNG bytes of ``frame`` on the admin basemap with title, legend, scale bar, north arrow, attribution."""
    sm = StaticMap(bounds=bounds or bounds_for(frame), lang=lang, width=width, height=height, scale=scale,
                   title=title, subtitle=subtitle)
    try:
        sm.draw_events(frame)
        return sm.png()
    finally:
        sm.close()
