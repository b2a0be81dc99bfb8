"""A cold first run of the dashboard does not import what only exports need (folium and its Jinja
templates, matplotlib): on a cold server they cost ~0.5 s before the first map (issue 12)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.ui.conftest import REPO

_PROBE = """
import json, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=60)
at.run()
assert not at.exception, at.exception
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def test_first_run_leaves_folium_and_matplotlib_unimported(seeded_store_path):
    env = dict(os.environ, EVENTS_STORE=str(seeded_store_path))
    run = subprocess.run([sys.executable, "-c", _PROBE, str(REPO / "app.py")], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    loaded = set(json.loads(run.stdout.strip().splitlines()[-1]))
    assert "mapview" in loaded and "streamlit" in loaded          # the probe did run the page
    assert not loaded & {"folium", "branca", "jinja2", "matplotlib"}, loaded & {"folium", "branca", "jinja2", "matplotlib"}
    from ui.serve import WARM           # what the launcher imports while the server starts is what this run needs
    assert set(WARM) <= loaded, set(WARM) - loaded


def test_the_lazy_package_names_still_resolve():
    import mapview
    from mapview.layers.events import AGGREGATE_THRESHOLD as in_layers
    assert mapview.build_map.__module__ == "mapview.mapbuild" and mapview.MapView.__module__ == "mapview.view"
    assert mapview.AGGREGATE_THRESHOLD == in_layers == 3000
    assert set(mapview.__all__) <= set(dir(mapview)) | set(mapview._LAZY)
