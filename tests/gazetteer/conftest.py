"""One gazetteer for the whole test session (building it is the slow part)."""
from __future__ import annotations

import pytest

from gazetteer import get_gazetteer


@pytest.fixture(scope="session")
def gz():
    return get_gazetteer()
