"""``python -m bench``: run every benchmark script in this folder and print their tables.

Why scripts, not timed tests: timings depend on the machine; the numbers are
for humans (closing notes, README), while tests assert behaviour only.
Run one with ``python -m bench store`` (name without ``_bench``/``.py``).
"""
from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(p for p in HERE.glob("*.py") if not p.name.startswith("_"))
    wanted = [a for a in argv if not a.startswith("-")]
    if wanted:
        scripts = [p for p in scripts if any(w in p.stem for w in wanted)]
    if not scripts:
        print(f"bench: no benchmark matches {wanted}", file=sys.stderr)
        return 2
    for path in scripts:
        print(f"\n=== {path.stem} ===", flush=True)
        sys.argv = [str(path)]
        try:
            runpy.run_path(str(path), run_name="__main__")
        except SystemExit as exc:
            if exc.code not in (0, None):
                print(f"bench: {path.stem} exited with {exc.code}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    sys.exit(main(sys.argv[1:]))
