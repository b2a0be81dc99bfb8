"""The project's one exception hierarchy.

Why one module: every layer (gazetteer, events, map, UI, CLI) raises and
catches the same small set of errors, so the UI and the CLIs can turn any of
them into a clear message without knowing where it came from. Each error
names the bad value and where it came from (file, line, field), because an
analyst fixing a 10,000-row CSV needs "row 4,812, field date_start:
'2017-02-30' is not a real date", not a stack trace.
"""
from __future__ import annotations

import sqlite3
from typing import Any


class EventMapError(Exception):
    """Base class: every error the product raises on purpose.

    ``where`` says where the value came from (a file and line, a CLI
    argument, a form field); ``field`` and ``value`` name what was wrong.
    """

    def __init__(self, message: str, *, field: str | None = None, value: Any = None,
                 where: str | None = None) -> None:
        self.message = message
        self.field = field
        self.value = value
        self.where = where
        super().__init__(self.__str__())

    def __str__(self) -> str:
        parts = []
        if self.where:
            parts.append(str(self.where))
        if self.field:
            parts.append(f"field {self.field!r}")
        prefix = ", ".join(parts)
        text = self.message
        if self.value is not None:
            shown = safe_repr(self.value)
            if shown not in text:
                if len(shown) > 80:
                    shown = shown[:77] + "..."
                text = f"{text} (got {shown})"
        return f"{prefix}: {text}" if prefix else text


def safe_repr(value: Any) -> str:
    """``repr(value)``, also for an integer too long for ``repr`` (Python refuses over 4,300 digits)."""
    try:
        return repr(value)
    except ValueError:
        if isinstance(value, int):
            return f"<an integer of about {value.bit_length() * 30103 // 100000 + 1:,} digits>"
        return f"<{type(value).__name__}>"


class InputError(EventMapError):
    """Something a user or a file gave us is wrong; nothing was stored."""


class ValidationError(InputError):
    """A value is present but not acceptable (impossible date, lat outside Syria...)."""


class ParseError(InputError):
    """A file or text could not be read at all (malformed CSV/GeoJSON/KML, bad encoding)."""


class FileTooLargeError(InputError):
    """An input exceeds the documented size limit; rejected before reading it whole."""


class GazetteerError(EventMapError):
    """The gazetteer's reference data is missing or broken (not: a name was not found)."""


class StoreError(EventMapError):
    """The event store could not be opened, read or written."""


class NotFoundError(StoreError):
    """An event id, or an audit revision, does not exist in the store."""


class ConflictError(StoreError):
    """A write collided with the store's content (duplicate id, stale revision)."""


class ExportError(EventMapError):
    """A map or data export could not be produced."""


#: Failures that come from the machine or from a value Python cannot convert, not from a bug in our
#: code: a full disk, a permission, a locked or read-only store, an integer of 5,000 digits, a lone
#: surrogate that cannot be encoded. Layers turn them into the errors above where they can name the
#: value; CLIs and the dashboard catch what is left with ``describe_failure`` as one line (issue 13).
ENVIRONMENT_FAILURES: tuple[type[BaseException], ...] = (OSError, ValueError, OverflowError, UnicodeError,
                                                         MemoryError, RecursionError, sqlite3.Error)


def describe_failure(exc: BaseException, limit: int = 300) -> str:
    """One printable line for ``exc`` (an EventMapError as itself), never a traceback nor a multi-line dump."""
    import errno
    if isinstance(exc, EventMapError):
        text = str(exc)
    elif isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        text = f"the disk is full ({exc.strerror})" + (f": {exc.filename!r}" if exc.filename else "")
    elif isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        text = f"permission denied ({exc.strerror})" + (f": {exc.filename!r}" if exc.filename else "")
    elif isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror + (f": {exc.filename!r}" if exc.filename else "")
    else:
        detail = str(exc)
        if type(exc).__module__ == "sqlite3":
            lowered = detail.lower()
            if "disk is full" in lowered or "disk i/o" in lowered:
                detail = f"the disk is full or failing ({detail}); nothing was written"
            elif "locked" in lowered or "busy" in lowered:
                detail = f"the store is locked by another writer ({detail}); try again"
            elif "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
                detail = f"permission denied ({detail})"
        text = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    return printable(text, limit)


def printable(text: str, limit: int = 300) -> str:
    """``text`` safe to print on one terminal line: whitespace runs (newlines too) become one space;
    control characters (ESC, OSC-8 links, C1), bidi overrides and lone surrogates become ``\\xNN``/``\\uNNNN``
    escapes; at most ``limit`` characters."""
    text = " ".join(str(text).split())
    if not text.isprintable():
        text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
