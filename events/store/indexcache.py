"""A copy of the embedded store's in-memory index on disk, beside the store, so a restarted server skips the build.

Why: on a cold dashboard the first map waited for ``MemIndex.build`` — at 100k events a SQLite scan of
14 columns (0.56 s), tuples to columns (0.12 s) and the numpy build (0.64 s), ~1.3 s of the first
script run, ~8 s at 1M. The index is a handful of arrays (14 MB at 100k), which load from a file in tens
of milliseconds.

Format: one uncompressed ``.npz`` (a zip of ``.npy`` members; ``np.load(..., allow_pickle=False)``, so
no pickle is ever read). Strings (ids, search text) are stored as Arrow's offsets + UTF-8 bytes, the code
books and posting names as JSON in a ``meta`` member. Members must be stored, not deflated (no zip bomb),
and the zip's CRC-32 catches a torn or truncated write.

Why it can never be stale: the file records the revision it was built at and that revision's row of the
``revisions`` table (time, author, action). It is used only when that row is still in the store and its
revision is not newer than the store's; the events changed since are then patched in from the audit
log (``changes``), exactly as a running server patches its index after a write, and the result must
agree with the table's ``count(*)`` and ``max(seq)``. The file also carries a hash of the code that
derives the index (this module, ``memindex``, ``quality``). Any mismatch, a missing, corrupt, truncated
or non-regular file, or a failed check → ``None``: the caller builds from SQLite as before and writes a
fresh copy. Writes go to a temporary file in the same folder, then ``os.replace`` (atomic; concurrent
servers at worst write the same content twice); a folder that cannot be written is simply not cached.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pyarrow as pa

from events.store.memindex import _NO_START, MemIndex

#: Bump when the layout below changes (old files are then ignored and rewritten).
FORMAT = 1
_CODED = ("type", "status", "precision", "admin1")
_POSTINGS = ("actors", "outlets", "flags")
_ARRAYS = {"rowid": np.int64, "start": np.int64, "end": np.int64, "lat": np.float64, "lon": np.float64}
_log = logging.getLogger(__name__)
_code_hash: str | None = None


def cache_path(store_path: Path) -> Path:
    """Where the index copy of the store file ``store_path`` lives: ``<name>-index.npz`` beside it."""
    return store_path.with_name(store_path.name + "-index.npz")


def code_hash() -> str:
    """SHA-1 of the sources that decide what the index holds: a code change invalidates old files."""
    global _code_hash
    if _code_hash is None:
        from events import quality
        from events.store import memindex
        h = hashlib.sha1()
        for module in (memindex, quality):
            h.update(Path(module.__file__).read_bytes())
        h.update(Path(__file__).read_bytes())
        _code_hash = h.hexdigest()
    return _code_hash


def _strings(arr: pa.Array) -> dict[str, np.ndarray]:
    """A large_string array as offsets (from 0), UTF-8 bytes and, when it has nulls, a null mask."""
    arr = arr.cast(pa.large_string())
    _, off_buf, data_buf = arr.buffers()
    offsets = np.frombuffer(off_buf, dtype=np.int64)[arr.offset:arr.offset + len(arr) + 1] if off_buf else np.zeros(1, np.int64)
    data = np.frombuffer(data_buf, dtype=np.uint8) if data_buf else np.zeros(0, np.uint8)
    out = {"off": offsets - offsets[0], "data": data[offsets[0]:offsets[-1]]}
    if arr.null_count:
        out["null"] = arr.is_null().to_numpy(zero_copy_only=False)
    return out


def _from_strings(offsets: np.ndarray, data: np.ndarray, null: np.ndarray | None, n: int, what: str) -> pa.Array:
    if offsets.dtype != np.int64 or data.dtype != np.uint8 or len(offsets) != n + 1 or offsets[0] != 0 \
            or offsets[-1] != len(data) or (n and np.any(np.diff(offsets) < 0)):
        raise ValueError(f"{what}: bad string offsets")
    bitmap = None
    if null is not None:
        if null.dtype != np.bool_ or len(null) != n:
            raise ValueError(f"{what}: bad null mask")
        bitmap = pa.py_buffer(np.packbits(~null, bitorder="little"))
    arr = pa.LargeStringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(data), bitmap)
    arr.validate(full=True)   # UTF-8 and offsets, or ArrowInvalid
    return arr


def save(path: Path, index: MemIndex, stamp: list[Any]) -> bool:
    """Write ``index`` (at revision ``stamp[0]``, whose revisions row is ``stamp[1:]``) to ``path``.

    Returns False (and leaves no temporary file) when the folder cannot be written or ``path`` exists
    as anything but a regular file: the cache is an optimisation, never a reason to fail.
    """
    try:
        if path.is_symlink() or (path.exists() and not stat.S_ISREG(path.lstat().st_mode)):
            _log.info("index cache %s is not a regular file; not written", path)
            return False
        arrays: dict[str, np.ndarray] = {name: getattr(index, name) for name in _ARRAYS}
        meta: dict[str, Any] = {"format": FORMAT, "code": code_hash(), "stamp": list(stamp), "n": len(index),
                                "books": {}, "postings": {}}
        for name in _CODED:
            book = getattr(index, f"{name}_book")
            meta["books"][name] = sorted(book, key=book.__getitem__)
            arrays[f"{name}_code"] = getattr(index, f"{name}_code")
        for name in _POSTINGS:
            postings = getattr(index, name) or {}
            names = sorted(postings)
            meta["postings"][name] = names
            lists = [postings[k] for k in names]
            arrays[f"{name}_pos"] = np.concatenate(lists).astype(np.int64) if lists else np.zeros(0, np.int64)
            arrays[f"{name}_off"] = np.cumsum([0] + [len(x) for x in lists]).astype(np.int64)
        for name in ("search", "ids"):
            for part, values in _strings(getattr(index, name)).items():
                arrays[f"{name}_{part}"] = values
        arrays["meta"] = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez(f, **arrays)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return True
    except (OSError, ValueError) as exc:
        _log.info("index cache %s not written: %s", path, exc)
        return False


def load(path: Path, stamp_of: Callable[[int], list[Any] | None]) -> MemIndex | None:
    """The index stored at ``path``, if it is sound and belongs to this store; else None.

    ``stamp_of(rev)`` returns the store's ``[rev, at, author, action]`` for revision ``rev`` (None when
    the store has no such revision). The caller patches the result from its revision to the current one.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None          # missing (the usual first run), a symbolic link, unreadable
    try:
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                return None
            return _read(f, stamp_of)
    except Exception as exc:   # noqa: BLE001 — any damage to an optional cache means "rebuild"
        _log.info("index cache %s ignored: %s: %s", path, type(exc).__name__, exc)
        return None


def _read(f, stamp_of) -> MemIndex | None:
    with zipfile.ZipFile(f) as z:
        if any(info.compress_type != zipfile.ZIP_STORED for info in z.infolist()):
            raise ValueError("compressed members")
    f.seek(0)
    with np.load(f, allow_pickle=False) as z:
        meta = json.loads(z["meta"].tobytes().decode("utf-8"))
        if meta.get("format") != FORMAT or meta.get("code") != code_hash():
            return None
        stamp = meta["stamp"]
        if stamp_of(int(stamp[0])) != stamp:
            return None      # another store now lives at this path, or its history was rewritten
        n = int(meta["n"])
        cols = {name: z[name] for name in _ARRAYS}
        for name, dtype in _ARRAYS.items():
            if cols[name].dtype != dtype or cols[name].shape != (n,):
                raise ValueError(f"{name}: bad array")
        coded = {}
        for name in _CODED:
            codes, labels = z[f"{name}_code"], meta["books"][name]
            if codes.dtype != np.int32 or codes.shape != (n,) or (n and (codes.min() < -1 or codes.max() >= len(labels))):
                raise ValueError(f"{name}_code: bad codes")
            coded[name] = (codes, {str(v): i for i, v in enumerate(labels)})
        postings = {}
        for name in _POSTINGS:
            pos, off, names = z[f"{name}_pos"], z[f"{name}_off"], meta["postings"][name]
            if pos.dtype != np.int64 or off.dtype != np.int64 or len(off) != len(names) + 1 or off[0] != 0 \
                    or off[-1] != len(pos) or np.any(np.diff(off) <= 0) or (len(pos) and (pos.min() < 0 or pos.max() >= n)):
                raise ValueError(f"{name}: bad postings")
            postings[name] = {str(k): pos[off[i]:off[i + 1]] for i, k in enumerate(names)}
            if any(len(v) > 1 and np.any(np.diff(v) < 0) for v in postings[name].values()):
                raise ValueError(f"{name}: postings not sorted")
        strings = {name: _from_strings(z[f"{name}_off"], z[f"{name}_data"],
                                       z[f"{name}_null"] if f"{name}_null" in z.files else None, n, name)
                   for name in ("search", "ids")}
    start, end = cols["start"], cols["end"]
    if n and np.any((np.diff(start) < 0)):
        raise ValueError("start: not sorted")
    return MemIndex(int(stamp[0]), cols["rowid"], start, end, np.maximum.accumulate(end) if n else end,
                    cols["lat"], cols["lon"], *coded["type"], *coded["status"], *coded["precision"],
                    *coded["admin1"], postings["actors"], postings["outlets"], strings["search"], strings["ids"],
                    int(np.count_nonzero(start != _NO_START)), postings["flags"])
