import io
from datetime import date

import numpy as np
import pytest
from PIL import Image

from errors import ExportError
from mapview.gif import in_window, timeline_gif, windows
from mapview.static import static_png
from mapview.synthetic import synthetic_frame


def _image(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


def _non_blank(im: Image.Image) -> None:
    arr = np.asarray(im.convert("RGB"), dtype="float64")
    assert arr.std() > 10
    assert len(np.unique(arr.reshape(-1, 3), axis=0)) > 50


def test_static_png_decodes_has_requested_size_and_content(seed_frame):
    im = _image(static_png(seed_frame, width=800, height=600, title="Seed", subtitle="2017"))
    assert im.format == "PNG" and im.size == (800, 600)
    _non_blank(im)


def test_static_png_scale_multiplies_pixels(seed_frame):
    assert _image(static_png(seed_frame, width=400, height=300, scale=2)).size == (800, 600)


def test_static_png_draws_the_events(seed_frame):
    """Same view with and without events must differ where the events are."""
    from mapview.static import bounds_for
    b = bounds_for(seed_frame)
    with_ev = np.asarray(_image(static_png(seed_frame, width=600, height=400, bounds=b)).convert("RGB"), "int16")
    without = np.asarray(_image(static_png(seed_frame.iloc[:0], width=600, height=400, bounds=b)).convert("RGB"),
                         "int16")
    assert (np.abs(with_ev - without).sum(axis=2) > 60).mean() > 0.01


def test_static_png_arabic_and_aggregated(seed_frame):
    _non_blank(_image(static_png(seed_frame, lang="ar", title="ادعاءات الإجلاء", width=500, height=400)))
    _non_blank(_image(static_png(synthetic_frame(4000), width=500, height=400)))


def test_static_png_rejects_bad_size(seed_frame):
    with pytest.raises(ExportError, match="width"):
        static_png(seed_frame, width=10, height=10)


def test_windows_step_through_the_span():
    spans = windows(date(2017, 1, 1), date(2017, 12, 31), frames=12)
    assert len(spans) == 12 and spans[0][0] == date(2017, 1, 1) and spans[-1][1] <= date(2017, 12, 31)
    assert all(a <= b for a, b in spans)
    with pytest.raises(ExportError):
        windows(date(2017, 2, 1), date(2017, 1, 1))


def test_in_window_uses_span_overlap(seed_frame):
    late_aug = in_window(seed_frame, date(2017, 8, 25), date(2017, 8, 25))
    assert "seed-2017-08-late-dez-evacuations" in set(late_aug["id"])      # 21–31 Aug overlaps 25 Aug
    assert "seed-2017-05-kasra-evacuation" not in set(late_aug["id"])


def test_timeline_gif_has_several_distinct_frames(seed_frame):
    data = timeline_gif(seed_frame, frames=5, window_days=40, width=400, height=300, lang="ar")
    im = _image(data)
    assert im.format == "GIF" and im.n_frames == 5
    frames = []
    for i in range(im.n_frames):
        im.seek(i)
        frames.append(np.asarray(im.convert("RGB")))
    assert any(not np.array_equal(frames[0], f) for f in frames[1:])


def test_timeline_gif_without_dates_is_a_clear_error(seed_frame):
    frame = seed_frame.copy()
    frame["date_start"] = None
    with pytest.raises(ExportError, match="dated"):
        timeline_gif(frame)
