"""The project's one exception hierarchy.

Why one module: every layer (gazetteer, events, map, UI, CLI) raises and
catches the same small set of errors, so the UI and the CLIs can turn any of
them into a clear message without knowing where it came from. Each error
names the bad value and where it came from (file, line, field), because an
analyst fixing a 10,000-row CSV needs "row 4,812, field date_start:
'2017-02-30' is not a real date", not a stack trace.
"""
from __future__ import annotations

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
        if self.value is not None and repr(self.value) not in text:
            shown = repr(self.value)
            if len(shown) > 80:
                shown = shown[:77] + "..."
            text = f"{text} (got {shown})"
        return f"{prefix}: {text}" if prefix else text


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
