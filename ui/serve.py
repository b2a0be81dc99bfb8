"""``python -m ui.serve [options]``: ``streamlit run app.py [options]``, with the libraries the page's first
run needs imported in a thread while the server starts.

Why: Streamlit runs app.py only when a browser connects, so the first visitor of a freshly started server
waited for pandas, pyarrow, numpy and shapely to be imported (~0.5 s on 2 cores) before the script could
even read the store (issue 12, the cold first map). Here they are imported while the server boots and the
browser loads Streamlit's own page. Only third-party packages are warmed (none imports streamlit or this
project), so the thread shares no import lock with the page's first run beyond waiting for the same
library; a library that fails to import is left for the page to report.
"""
from __future__ import annotations

import sys
import threading

#: imported by the page's first run (ui/data.py, mapview/points.py, events/store/, events/geometry.py)
WARM = ("numpy", "pyarrow", "pandas", "shapely")


def _warm() -> None:
    import importlib
    for name in WARM:
        try:
            importlib.import_module(name)
        except Exception:      # noqa: BLE001 — the page's own import raises it where it can be shown
            return


def main(argv: list[str]) -> int:
    threading.Thread(target=_warm, name="evm-warm-imports", daemon=True).start()
    from streamlit.web import cli
    sys.argv = ["streamlit", "run", "app.py", *argv]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
