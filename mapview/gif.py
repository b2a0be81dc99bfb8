"""Animated GIF of the timeline: successive time windows rendered by the static renderer.

Why static frames: a browser per frame is slow and needs Chromium; the
static renderer draws the basemap once and only swaps the event artists
per frame, and Pillow assembles the frames. Bounds are fixed for the whole
animation (all events of the span) so the map does not jump.
"""
from __future__ import annotations

import io
from datetime import date, timedelta

import pandas as pd

from errors import ExportError

MAX_FRAMES = 120


def windows(date_from: date, date_to: date, *, frames: int = 12,
            window_days: int | None = None) -> list[tuple[date, date]]:
    """``frames`` windows stepping from date_from to date_to; each ``window_days`` long (default: one step)."""
    if date_to < date_from:
        raise ExportError("--to is before --from", field="date_to", value=str(date_to))
    if not 1 <= frames <= MAX_FRAMES:
        raise ExportError(f"frames must be 1..{MAX_FRAMES}", field="frames", value=frames)
    total = (date_to - date_from).days + 1
    step = max(total / frames, 1.0)
    length = window_days if window_days is not None else max(int(round(step)), 1)
    if length < 1:
        raise ExportError("window must be at least one day", field="window_days", value=window_days)
    out = []
    for i in range(frames):
        a = date_from + timedelta(days=int(i * step))
        if a > date_to:
            break
        b = min(a + timedelta(days=length - 1), date_to)
        out.append((a, b))
    return out


def in_window(frame: pd.DataFrame, a: date, b: date) -> pd.DataFrame:
    """Events whose [date_start, date_end] overlaps [a, b] (as events.query.Query defines it)."""
    start = pd.to_datetime(frame["date_start"])
    end = pd.to_datetime(frame["date_end"]).fillna(start)
    mask = (start <= pd.Timestamp(b)) & (end >= pd.Timestamp(a))
    return frame[mask.fillna(False).to_numpy(bool)]


def timeline_gif(frame: pd.DataFrame, *, date_from: date | None = None, date_to: date | None = None,
                 frames: int = 12, window_days: int | None = None, lang: str = "en", width: int = 900,
                 height: int = 650, title: str = "", frame_ms: int = 900, fmt: str = "gif") -> bytes:
    """GIF (or, with ``fmt="mp4"``, H.264 MP4) bytes: one frame per window; the subtitle shows its dates."""
    dated = frame[frame["date_start"].notna()]
    if date_from is None or date_to is None:
        if dated.empty:
            raise ExportError("no dated events to animate", field="frame", value=len(frame))
        date_from = date_from or pd.Timestamp(dated["date_start"].min()).date()
        date_to = date_to or pd.Timestamp(dated["date_end"].fillna(dated["date_start"]).max()).date()
    spans = windows(date_from, date_to, frames=frames, window_days=window_days)
    # matplotlib (1 s to import) only when a GIF is made: the dashboard imports this module for mp4_available
    from mapview.static import StaticMap, bounds_for
    sm = StaticMap(bounds=bounds_for(dated), lang=lang, width=width, height=height, title=title or " ",
                   subtitle=" ")
    images = []
    try:
        sub = sm.fig.texts[-1]
        for a, b in spans:
            sub.set_text(f"{a:%Y-%m-%d} – {b:%Y-%m-%d}")
            sm.draw_events(in_window(dated, a, b))
            images.append(sm.rgb().quantize(colors=128))
    finally:
        sm.close()
    if fmt == "mp4":
        return _mp4(images, frame_ms)
    buf = io.BytesIO()
    images[0].save(buf, format="GIF", save_all=True, append_images=images[1:], duration=frame_ms, loop=0,
                   optimize=False)
    return buf.getvalue()


def mp4_available() -> bool:
    """MP4 needs the ffmpeg program (Debian package ``ffmpeg``, scripts/system_deps.sh)."""
    import shutil
    return shutil.which("ffmpeg") is not None


def _mp4(images, frame_ms: int) -> bytes:
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise ExportError("MP4 needs ffmpeg (Debian package ffmpeg); GIF works without it", field="format",
                          value="mp4")
    with tempfile.TemporaryDirectory(prefix="em-mp4-") as tmp:
        for i, im in enumerate(images):
            rgb = im.convert("RGB")
            w, h = rgb.size
            rgb.crop((0, 0, w - w % 2, h - h % 2)).save(Path(tmp) / f"f{i:04d}.png")     # H.264 wants even sizes
        out = Path(tmp) / "timeline.mp4"
        run = subprocess.run([ffmpeg, "-loglevel", "error", "-y", "-framerate", f"{1000 / frame_ms:.4f}",
                              "-i", str(Path(tmp) / "f%04d.png"), "-c:v", "libx264", "-pix_fmt", "yuv420p",
                              "-r", "25", "-movflags", "+faststart", str(out)], capture_output=True, text=True,
                             timeout=300)
        if run.returncode or not out.is_file():
            raise ExportError(f"ffmpeg failed: {run.stderr[-300:]}", field="format", value="mp4")
        return out.read_bytes()
