"""Screenshots of the running dashboard in Chromium, English and Arabic, on the real UCDP development file.

    .venv/bin/python bench/screenshots.py [--out bench/screenshots] [--store events.sqlite] [--sizes 1366x768,1600x1000]

Why a script: "look at what you built" has to be repeatable — the same data, viewports and wait
(the map painted, then its labels and groups settled) each time, so two sessions' pictures compare.
Without ``--store`` the real UCDP GED dev file in ``../shared`` is imported into a temporary store
(whole, no rows skipped); the script stops with a reason when it is absent. Writes
``dashboard_<lang>_<w>x<h>.png`` (the viewport, what a user sees first) and prints each path.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.dashboard_bench import start_server  # noqa: E402
from mapview.snapshot import CHROMIUM_ARGS, CHROMIUM_PATH  # noqa: E402

UCDP = REPO.parent / "shared" / "data" / "ucdp_ged_syria_dev" / "ged_syria_dev.csv"
SETTLE_MS = 2500   # town labels, river and governorate badges are drawn after the first frame


def import_ucdp(folder: Path) -> Path:
    if not UCDP.is_file():
        raise SystemExit(f"screenshots: {UCDP} absent (only in the project workspace); pass --store")
    path = folder / "ucdp.sqlite"
    run = subprocess.run([sys.executable, "-m", "events", "import", "--store", str(path), "--format", "ucdp",
                          str(UCDP)], cwd=REPO, capture_output=True, text=True, timeout=600)
    if run.returncode:
        raise SystemExit(f"screenshots: import failed: {run.stderr.strip().splitlines()[-1:]}")
    return path


def shoot(url: str, out: Path, sizes: list[tuple[int, int]]) -> list[Path]:
    from playwright.sync_api import sync_playwright
    from tests.ui.evm_helpers import wait_map
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        for lang in ("en", "ar"):
            for w, h in sizes:
                ctx = browser.new_context(viewport={"width": w, "height": h})
                page = ctx.new_page()
                page.goto(url + ("/?lang=ar" if lang == "ar" else "/"))
                wait_map(page, until=lambda s: s is not None and s["inWindow"] > 0, timeout=90)
                page.wait_for_timeout(SETTLE_MS)
                path = out / f"dashboard_{lang}_{w}x{h}.png"
                page.screenshot(path=str(path))
                written.append(path)
                ctx.close()
        browser.close()
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "screenshots")
    ap.add_argument("--store", type=Path, help="an existing store (default: the real UCDP dev file, imported)")
    ap.add_argument("--sizes", default="1366x768", help="viewports, comma-separated WxH")
    args = ap.parse_args()
    sizes = [tuple(int(v) for v in s.lower().split("x")) for s in args.sizes.split(",")]
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="shots-") as tmp:
        store = args.store or import_ucdp(Path(tmp))
        proc, url = start_server(store, wait_s=120.0)
        try:
            for path in shoot(url, args.out, sizes):
                print(path)
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
