"""``python -m ui.serve [options]``: ``streamlit run app.py [options]``, with the libraries the page's first
run needs imported in a thread while the server starts.

Why: Streamlit runs app.py only when a browser connects, so the first visitor of a freshly started server
waited for pandas, pyarrow, numpy and shapely to be imported (~0.5 s on 2 cores) before the script could
even read the store (issue 12, the cold first map). Here they are imported while the server boots and the
browser loads Streamlit's own page. These are third-party packages (none imports streamlit or this
project), so while the server boots the thread shares no import lock with it beyond waiting for the same
library; a library that fails to import is left for the page to report.

Then, once this thread has imported Streamlit's CLI (so Streamlit is loaded before any of the project's
modules), a second thread fills the caches of the view a visitor without a permalink opens
(``ui/warm.py``): the window's light frame and the map's payload at once (``st.cache_resource``, kept in
the process), the store's facets, span and total once Streamlit's runtime exists (``st.cache_data`` lives
in the runtime's storage). It imports the project's modules in the page's own order, so a page run that
starts meanwhile waits for a module at most, never in a cycle. ``EVM_NO_WARM=1`` turns that off.
"""
from __future__ import annotations

import os
import sys
import threading
import time

#: imported by the page's first run (ui/data.py, mapview/points.py, events/store/, events/geometry.py)
WARM = ("numpy", "pyarrow", "pandas", "shapely")


#: how long the warm-up waits for Streamlit's runtime before giving up (the page then computes everything)
RUNTIME_WAIT_S = 60.0


def _warm_libraries() -> None:
    import importlib
    for name in WARM:
        try:
            importlib.import_module(name)
        except Exception:      # noqa: BLE001 — the page's own import raises it where it can be shown
            return


def _runtime_exists() -> bool:
    runtime = sys.modules.get("streamlit.runtime")   # imported by the server's own thread, never here first
    return runtime is not None and bool(getattr(runtime, "exists", lambda: False)())


def _warm_page(libraries: threading.Thread) -> None:
    """The default view's values (ui/warm.py): the cache_resource ones at once (they need no runtime), the
    cache_data ones once Streamlit's runtime exists (their storage is the runtime's)."""
    if os.environ.get("EVM_NO_WARM", "").strip() not in ("", "0"):
        return
    libraries.join()
    try:
        from ui import warm
        if not warm.warm_resources():
            return
        deadline = time.monotonic() + RUNTIME_WAIT_S
        while not _runtime_exists():
            if time.monotonic() > deadline:
                return
            time.sleep(0.05)
        warm.warm_data()
    except Exception:          # noqa: BLE001 — never take the server down: the page computes what it needs
        return


def main(argv: list[str]) -> int:
    libraries = threading.Thread(target=_warm_libraries, name="evm-warm-imports", daemon=True)
    libraries.start()
    from streamlit.web import cli    # Streamlit itself is imported here, before the page's modules are
    threading.Thread(target=_warm_page, args=(libraries,), name="evm-warm-page", daemon=True).start()
    sys.argv = ["streamlit", "run", "app.py", *argv]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
