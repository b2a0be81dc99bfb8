"""Timeline playback: how the time window moves on each tick.

Why pure functions: the ticking itself is Streamlit's (a fragment with
``run_every``), but where the window goes next — slide, grow, stop at the
end — is plain date arithmetic that tests check without a browser.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum


class PlayMode(str, Enum):
    WINDOW = "window"          # a window of fixed width slides forward
    CUMULATIVE = "cumulative"  # the start stays, the end moves forward


#: Seconds between frames for each speed name.
SPEEDS: dict[str, float] = {"slow": 2.0, "normal": 1.0, "fast": 0.5}


@dataclass(frozen=True)
class Step:
    window: tuple[date, date]
    finished: bool   # the window reached the end of the data; playback stops


def start_window(window: tuple[date, date], bounds: tuple[date, date], *, mode: PlayMode, step_days: int) -> tuple[date, date]:
    """Where playback starts: from the beginning when the window is already at the end."""
    lo, hi = bounds
    start, end = window
    if end >= hi:
        width = end - start
        if mode is PlayMode.CUMULATIVE:
            return lo, min(hi, lo + timedelta(days=step_days - 1))
        return lo, min(hi, lo + width)
    return window


def advance(window: tuple[date, date], bounds: tuple[date, date], *, mode: PlayMode, step_days: int) -> Step:
    """Move ``window`` forward by ``step_days`` within ``bounds``; ``finished`` when its end reaches the last day."""
    if step_days < 1:
        raise ValueError(f"step_days must be at least 1, got {step_days}")
    lo, hi = bounds
    start, end = window
    delta = timedelta(days=step_days)
    new_end = min(hi, end + delta)
    if mode is PlayMode.CUMULATIVE:
        new_start = start
    else:
        new_start = min(new_end, start + (new_end - end))
    new_start = max(lo, new_start)
    return Step((new_start, new_end), finished=new_end >= hi)
