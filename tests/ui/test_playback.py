"""Playback: the window slides or grows by the step and stops at the last day."""
from __future__ import annotations

from datetime import date

import pytest

from ui.playback import PlayMode, advance, start_window

BOUNDS = (date(2017, 8, 1), date(2017, 8, 31))


def test_window_mode_slides_keeping_width():
    step = advance((date(2017, 8, 1), date(2017, 8, 7)), BOUNDS, mode=PlayMode.WINDOW, step_days=3)
    assert step.window == (date(2017, 8, 4), date(2017, 8, 10))
    assert not step.finished


def test_cumulative_mode_grows_the_end():
    step = advance((date(2017, 8, 1), date(2017, 8, 7)), BOUNDS, mode=PlayMode.CUMULATIVE, step_days=7)
    assert step.window == (date(2017, 8, 1), date(2017, 8, 14))


def test_stops_at_last_day():
    step = advance((date(2017, 8, 20), date(2017, 8, 29)), BOUNDS, mode=PlayMode.WINDOW, step_days=5)
    assert step.window == (date(2017, 8, 22), date(2017, 8, 31))
    assert step.finished


def test_restart_from_beginning_when_at_end():
    assert start_window((date(2017, 8, 25), date(2017, 8, 31)), BOUNDS, mode=PlayMode.WINDOW, step_days=1) == \
        (date(2017, 8, 1), date(2017, 8, 7))
    assert start_window((date(2017, 8, 3), date(2017, 8, 9)), BOUNDS, mode=PlayMode.WINDOW, step_days=1) == \
        (date(2017, 8, 3), date(2017, 8, 9))


def test_step_must_be_positive():
    with pytest.raises(ValueError):
        advance(BOUNDS, BOUNDS, mode=PlayMode.WINDOW, step_days=0)
