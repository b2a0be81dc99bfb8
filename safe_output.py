"""Where ``-o`` may write: a regular file or a new path, never a device, FIFO, socket or folder.

Why one module for every CLI (``events export -o``, ``mapview snapshot -o``):
the rules must be the same wherever a user names an output, and an export
run as root must not turn ``/dev/null`` or ``/dev/stdout`` into a regular
file, nor reset an existing file's mode. So:

* ``-`` writes to stdout (no temp file, nothing replaced);
* an existing regular file is replaced atomically (temp file in the same
  folder, ``os.replace``), keeping its permission bits (and its owner, when we
  may set it);
* a new path is created with the usual ``0666 & ~umask`` mode;
* a device, FIFO, socket or folder is refused with one line;
* a symbolic link is refused unless ``follow_symlinks``, and then its final
  target is written (and checked by the same rules);
* a missing parent folder is refused unless ``parents`` (CLI ``--parents``)
  asks to create it.

Write failures (disk full, permission denied) become ``errors.ExportError``
naming the path, so CLIs print one line and exit 2.
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from errors import ExportError

STDOUT = "-"

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"))


def _refuse(path: Path | str, message: str) -> ExportError:
    return ExportError(message, where=f"-o {str(path)!r}")


def _kind(mode: int) -> str | None:
    for test, name in _KINDS:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def _stat(how, path: Path, given: Path, what: str) -> os.stat_result | None:
    """``how(path)`` (lstat or stat); None when nothing is there; ExportError when it cannot be inspected."""
    try:
        return how(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _refuse(given, f"cannot inspect {what}: {exc.strerror}") from None


def check_output(path: str | os.PathLike, *, follow_symlinks: bool = False, parents: bool = False) -> Path:
    """The path to write (a symlink's target when following it), or ExportError saying why not."""
    given = Path(path)
    target = given
    st = _stat(os.lstat, given, given, "the output path")
    if st is not None and stat.S_ISLNK(st.st_mode):
        if not follow_symlinks:
            raise _refuse(given, "is a symbolic link; pass --follow-symlinks to write through it")
        target = Path(os.path.realpath(given))
        st = _stat(os.stat, target, given, "the link's target")
    if st is not None:
        kind = _kind(st.st_mode)
        if kind is not None:
            shown = "" if target == given else f" (the link's target {str(target)!r})"
            raise _refuse(given, f"is {kind}{shown}; write to a regular file or a new path")
        return target
    parent = target.parent
    if not parent.is_dir():
        if parent.exists() or parent.is_symlink():
            raise _refuse(given, f"folder {str(parent)!r} is not a folder")
        if not parents:
            raise _refuse(given, f"folder {str(parent)!r} does not exist; create it or pass --parents")
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _refuse(given, f"cannot create folder {str(parent)!r}: {exc.strerror}") from None
    return target


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def open_output(path: str | os.PathLike, *, follow_symlinks: bool = False,
                parents: bool = False) -> Iterator[IO[bytes]]:
    """A binary stream for ``path`` under the module's rules; committed (renamed into place) on success.

    On any error the temp file is removed and what was at ``path`` is untouched.
    """
    if str(path) == STDOUT:
        out = sys.stdout.buffer
        try:
            yield out
            out.flush()
        except OSError as exc:
            raise ExportError(f"cannot write to stdout: {exc.strerror or exc}", where="-o '-'") from None
        return
    target = check_output(path, follow_symlinks=follow_symlinks, parents=parents)
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _refuse(path, f"cannot write in {str(target.parent)!r}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        if old is not None:
            os.chmod(tmp, stat.S_IMODE(old.st_mode))
            try:
                os.chown(tmp, old.st_uid, old.st_gid)
            except OSError:
                pass   # not ours to give away: the mode is kept, the owner becomes us
        else:
            os.chmod(tmp, _umask_mode())
        check_output(target, follow_symlinks=False, parents=False)   # nothing swapped in meanwhile
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise _refuse(path, f"cannot write: {exc.strerror or exc}") from None
        raise


def write_output(path: str | os.PathLike, data: bytes, *, follow_symlinks: bool = False,
                 parents: bool = False) -> Path | str:
    """Write ``data`` to ``path`` (or stdout for ``-``) under the module's rules."""
    with open_output(path, follow_symlinks=follow_symlinks, parents=parents) as out:
        out.write(data)
    return path if str(path) == STDOUT else Path(path)
