"""The map component's page with its own scripts and stylesheet inlined: one request instead of fourteen.

Why: ``mapview/evmap/index.html`` loads twelve ``evm-*.js`` files and ``evmap.css`` (one concern per file,
no build step). On a cold first map they are fetched from the Streamlit process while it is still running
the page's script, and took 0.15–0.31 s between the iframe's navigation and its first render (100k events,
2 cores). Inlined, the same bytes come in the iframe's one response. Leaflet stays linked from
``/app/static/vendor`` (its CSS refers to its images by relative URL, and it is cached by the browser).

``bundle_dir`` writes the inlined page once per version of the sources, under a folder named by their
hash (``static/cache/evmap-<hash>/index.html``, git-ignored), so a changed script can never be served
stale; the standalone export inlines the same files in the same order (``script_names``).
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

_SCRIPT = re.compile(r'<script src="(evm-[a-z]+\.js)"></script>')
_STYLE = '<link rel="stylesheet" href="evmap.css">'


def script_names(frontend: Path) -> list[str]:
    """The component's scripts in index.html's order (one shared scope: the order matters)."""
    return _SCRIPT.findall((frontend / "index.html").read_text(encoding="utf-8"))


def inlined_page(frontend: Path) -> str:
    """index.html with each ``evm-*.js`` and ``evmap.css`` replaced by its content.

    Raises ValueError naming the file when a source holds ``</script`` or ``</style`` (it would end
    the inline element early); the caller then serves the files one by one.
    """
    html = (frontend / "index.html").read_text(encoding="utf-8")
    if _STYLE not in html:
        raise ValueError(f"{frontend / 'index.html'}: no {_STYLE!r} to inline")

    def body(name: str, closer: str) -> str:
        text = (frontend / name).read_text(encoding="utf-8")
        if closer in text.lower():
            raise ValueError(f"{frontend / name} contains {closer!r}: cannot be inlined")
        return text

    html = html.replace(_STYLE, "<style>\n" + body("evmap.css", "</style") + "\n</style>")
    return _SCRIPT.sub(lambda m: "<script>\n" + body(m.group(1), "</script") + "\n</script>", html)


def bundle_dir(frontend: Path, out_root: Path) -> Path:
    """A folder holding the inlined index.html for the current sources (written when missing).

    Raises OSError (folder not writable) or ValueError (see ``inlined_page``).
    """
    page = inlined_page(frontend)
    digest = hashlib.sha1(page.encode("utf-8")).hexdigest()[:12]
    folder = out_root / f"evmap-{digest}"
    target = folder / "index.html"
    if target.is_file() and not target.is_symlink():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".index.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(page)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return folder
