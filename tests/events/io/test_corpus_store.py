"""The whole bad-input corpus through ``python -m events import`` into a seeded store.

Why a second pass over the corpus: the readers' tests prove each file gets
the promised error; this proves the promise users care about — after any
rejected import the store file (and its WAL) is byte-for-byte what it was,
and the CLI says what was wrong in one place, with exit status 2.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from events.cli import cli
from tests.events.io.bad_inputs import CASES, Raises, Rejects

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "data" / "events" / "seed.json"
REFUSED = [c for c in CASES if isinstance(c.expect, (Raises, Rejects))]


def _digest(store: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(store.parent.glob(store.name + "*")):   # the file, -wal and -shm
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def seeded_template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    store = folder / "events.sqlite"
    result = CliRunner().invoke(cli, ["import", str(SEED), "--store", str(store), "--author", "tester"])
    assert result.exit_code == 0, result.output
    return store


@pytest.mark.parametrize("case", REFUSED, ids=[c.name for c in REFUSED])
def test_refused_file_leaves_the_store_unchanged(case, seeded_template, tmp_path):
    store = tmp_path / "events.sqlite"
    for path in seeded_template.parent.glob(seeded_template.name + "*"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    before = _digest(store)
    data = tmp_path / case.filename
    data.write_bytes(case.make())
    args = ["import", str(data), "--store", str(store)]
    if case.format:
        args += ["--format", case.format]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.strip(), "a refused import must say why on stderr"
    if isinstance(case.expect, Rejects):
        assert f"row {case.expect.row}" in result.stderr
    assert _digest(store) == before
    count = CliRunner().invoke(cli, ["list", "--store", str(store), "--count"])
    assert count.stdout.strip() == "7"
