import io
import json

import pytest
from PIL import Image

from errors import ExportError
from mapview import MapView
from mapview.export import EXPORT_FORMATS, export_view
from mapview.standalone import external_refs, standalone_html
from mapview.view import bounds_for_view, view_for_bounds


def test_bounds_for_view_inverts_view_for_bounds():
    view = view_for_bounds(34.0, 38.0, 36.0, 41.0, width_px=1000, height_px=700)
    s, w, n, e = bounds_for_view(view, width_px=1000, height_px=700)
    assert s <= 34.0 and w <= 38.0 and n >= 36.0 and e >= 41.0          # the box fits in the view
    assert (e - w) < 2 * 3.0 * 2.01                                        # ...without being far too wide


@pytest.mark.parametrize("fmt", ["html", "geojson", "csv", "kml", "gif"])
def test_export_view_formats(seed_frame, fmt):
    data = export_view(seed_frame, fmt=fmt, width=400, height=300, frames=3)
    assert data
    if fmt == "html":
        assert external_refs(data.decode("utf-8")) == []
    if fmt == "geojson":
        assert len(json.loads(data)["features"]) == len(seed_frame)
    if fmt == "gif":
        assert Image.open(io.BytesIO(data)).n_frames == 3


def test_static_png_of_a_view(seed_frame):
    png = export_view(seed_frame, fmt="png", renderer="static", view=MapView(center=(35.3, 40.1), zoom=8),
                      width=500, height=400)
    assert Image.open(io.BytesIO(png)).size == (500, 400)


def test_export_view_rejects_unknown_format_and_renderer(seed_frame):
    with pytest.raises(ExportError, match="format"):
        export_view(seed_frame, fmt="pdf")
    with pytest.raises(ExportError, match="renderer"):
        export_view(seed_frame, fmt="png", renderer="gpu")
    assert "png" in EXPORT_FORMATS and "kml" in EXPORT_FORMATS


def test_export_legend_lists_only_types_in_view(seed_frame):
    html = standalone_html(seed_frame)
    assert "Evacuation / airlift" in html and "Siege broken" in html
    assert "Air / drone strike" not in html
