"""Shared fixtures for ingestion tests: the real gazetteer (built once) and the fixture articles."""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"


@pytest.fixture(scope="session")
def gazetteer():
    from gazetteer import get_gazetteer
    return get_gazetteer()


def expectation_files(*, include_holdout: bool = True) -> list[Path]:
    """Expectation files; held-out ones (``"holdout": true``) measure the rules in the bench, not in tests."""
    import json
    paths = sorted(FIXTURES.glob("*.expected.json"))
    if include_holdout:
        return paths
    return [p for p in paths if not json.loads(p.read_text(encoding="utf-8")).get("holdout")]


def article_text(expected_path: Path, expected: dict) -> str:
    """The article for an expectation file: NAME.txt next to it, or the shared seed."""
    if "shared_text" in expected:
        path = SHARED / expected["shared_text"]
        if not path.exists():
            pytest.skip(f"shared seed article not found at {path} (../shared is absent)")
        return path.read_text(encoding="utf-8")
    return expected_path.with_name(expected_path.name.replace(".expected.json", ".txt")).read_text(encoding="utf-8")
