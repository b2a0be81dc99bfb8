"""Issue 13 item 3: ``-o`` writes only a regular file or a new path, for ``events export`` and ``mapview snapshot``.

Devices, FIFOs, sockets and folders are refused with one line and exit 2; a symbolic link is written
through only with ``--follow-symlinks``; a replaced file keeps its mode; both commands refuse a missing
parent folder unless ``--parents``; ``-o -`` writes to stdout.
"""
from __future__ import annotations

import json
import os
import socket
import stat
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from events.cli import cli as events_cli
from mapview.cli import cli as mapview_cli

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "events" / "seed.json"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("store") / "events.sqlite")
    r = CliRunner().invoke(events_cli, ["import", str(SEED), "--store", path, "--author", "t"])
    assert r.exit_code == 0, r.output
    return path


def export(store: str, out: str, *extra: str):
    return CliRunner().invoke(events_cli, ["export", "--store", store, "--format", "geojson", "-o", out, *extra])


def snapshot(store: str, out: str, *extra: str):
    return CliRunner().invoke(mapview_cli, ["snapshot", "--store", store, "--format", "geojson", "-o", out, *extra])


COMMANDS = [pytest.param(export, id="events-export"), pytest.param(snapshot, id="mapview-snapshot")]


def _one_line_refusal(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    for w in words:
        assert w in lines[0], lines[0]


@pytest.mark.parametrize("run", COMMANDS)
def test_fifo_is_refused_and_left_alone(run, store, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run(store, str(fifo))
    _one_line_refusal(result, "FIFO")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("run", COMMANDS)
def test_character_device_is_refused_and_left_alone(run, store, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("creating a device node needs root")
    dev = tmp_path / "null"
    os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))   # a private /dev/null twin
    result = run(store, str(dev))
    _one_line_refusal(result, "device")
    assert stat.S_ISCHR(os.lstat(dev).st_mode)


@pytest.mark.parametrize("run", COMMANDS)
def test_socket_is_refused(run, store):
    folder = tempfile.mkdtemp(prefix="so-")   # short path: AF_UNIX limits it to ~100 bytes
    path = os.path.join(folder, "s.sock")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(path)
        result = run(store, path)
        _one_line_refusal(result, "socket")
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
    finally:
        sock.close()
        os.unlink(path)
        os.rmdir(folder)


@pytest.mark.parametrize("run", COMMANDS)
def test_folder_is_refused(run, store, tmp_path):
    result = run(store, str(tmp_path))
    _one_line_refusal(result, "folder")


@pytest.mark.parametrize("run", COMMANDS)
def test_symlink_needs_follow_symlinks(run, store, tmp_path):
    target = tmp_path / "real.geojson"
    target.write_text("keep me")
    link = tmp_path / "link.geojson"
    link.symlink_to(target)
    result = run(store, str(link))
    _one_line_refusal(result, "symbolic link", "--follow-symlinks")
    assert link.is_symlink() and target.read_text() == "keep me"
    result = run(store, str(link), "--follow-symlinks")
    assert result.exit_code == 0, result.output
    assert link.is_symlink(), "the link itself must stay a link"
    assert json.loads(target.read_text())["type"] == "FeatureCollection"


@pytest.mark.parametrize("run", COMMANDS)
def test_symlink_to_a_fifo_is_refused_even_when_followed(run, store, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(fifo)
    _one_line_refusal(run(store, str(link), "--follow-symlinks"), "FIFO")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("run", COMMANDS)
def test_replacing_a_file_keeps_its_mode(run, store, tmp_path):
    out = tmp_path / "out.geojson"
    out.write_text("old")
    os.chmod(out, 0o640)
    result = run(store, str(out))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o640
    assert json.loads(out.read_text())["type"] == "FeatureCollection"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("run", COMMANDS)
def test_a_new_file_gets_the_umask_mode(run, store, tmp_path):
    out = tmp_path / "new.geojson"
    old = os.umask(0o022)
    try:
        assert run(store, str(out)).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o644


@pytest.mark.parametrize("run", COMMANDS)
def test_missing_parent_folder_is_refused_unless_parents(run, store, tmp_path):
    out = tmp_path / "a" / "b" / "out.geojson"
    _one_line_refusal(run(store, str(out)), "does not exist", "--parents")
    assert not (tmp_path / "a").exists()
    result = run(store, str(out), "--parents")
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["type"] == "FeatureCollection"


@pytest.mark.parametrize("run", COMMANDS)
def test_dash_writes_to_stdout(run, store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(store, "-")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["type"] == "FeatureCollection"
    assert not (tmp_path / "-").exists()


def test_write_failure_is_one_line(store, tmp_path, monkeypatch):
    """A full disk while writing: one line, exit 2, the old file untouched (no temp file left)."""
    import errno

    import safe_output
    out = tmp_path / "out.geojson"
    out.write_text("old")
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(safe_output.os, "fsync", full)
    try:
        _one_line_refusal(export(store, str(out)), "No space left on device")
    finally:
        monkeypatch.setattr(safe_output.os, "fsync", real_fsync)
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.geojson"]
