"""Shared test helpers: where the repo and the optional ../shared folder are."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the repo; tests that need it skip on a user's machine without it."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"reference folder {SHARED} is absent (only present in the project workspace/CI)")
    return SHARED
