"""One text policy for every string field of an Event, on every way in and on every backend.

Why one policy: a value the embedded store accepts must also be accepted by PostGIS (so a store can
always be copied between them, ``python -m events copy``), by every writer (UTF-8 encoding) and by
every reader of the exports (JSON Lines, spreadsheets, terminals). Issue 13 found a lone surrogate
that passed validation and then failed in ``store.add``, a NUL in a tag that SQLite took and
PostgreSQL refused, and ESC/OSC-8 sequences reaching the terminal through ``events list``. So:

* stored text is NFC-normalised, with ``\\r\\n``/``\\r`` as ``\\n`` (``normalised``);
* lone surrogates, NUL and the other C0/C1 controls (and DEL) are refused in every field; tab and
  newline are kept (``text_problem``);
* bidi embedding/override/isolate controls (U+202A–E, U+2066–9) may be stored (pasted Arabic text
  carries them) but are removed for display: map popups and terminal output (``for_display``);
* terminal output also escapes anything unprintable (``for_terminal``).
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any

from errors import printable

#: Refused anywhere in stored text: C0 controls but tab/newline/CR, DEL, C1 controls, lone surrogates.
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
#: Bidi embeddings, overrides and isolates: they can reorder what a reader sees ("gpj.exe" as "exe.jpg").
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

_NAMES = {"\x00": "a NUL character", "\x1b": "an ESC control character", "\x7f": "a DEL control character"}


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be stored, or None."""
    bad = _BAD.search(value)
    if bad is None:
        return None
    ch = bad.group()
    code = f"U+{ord(ch):04X}"
    if "\ud800" <= ch <= "\udfff":
        return f"text contains a lone surrogate ({code}), which is not valid Unicode"
    kind = _NAMES.get(ch) or ("a C1 control character" if ord(ch) >= 0x80 else "a control character")
    return f"text contains {kind} ({code}) at position {bad.start()}; only tab and newline are allowed"


def _norm(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def needs_normalising(text: str) -> bool:
    return "\r" in text or (not text.isascii() and not unicodedata.is_normalized("NFC", text))


def normalised(value: Any) -> Any:
    """``value`` (a str, a tuple of them, or a frozen dataclass of them) with every string NFC and ``\\n``."""
    if isinstance(value, str):
        return _norm(value)
    if isinstance(value, tuple):
        return tuple(normalised(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            if isinstance(old, (str, tuple)) or (dataclasses.is_dataclass(old) and not isinstance(old, type)):
                new = normalised(old)
                if new != old:
                    changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def for_display(text: str) -> str:
    """``text`` without bidi embedding/override/isolate controls (for popups, tables, titles)."""
    return BIDI_CONTROLS.sub("", text) if text else text


def for_terminal(text: str, limit: int = 10_000) -> str:
    """``text`` for one terminal line: bidi controls removed, whitespace runs as one space, anything else
    unprintable escaped (so ESC, OSC-8 hyperlinks and C1 controls never reach the terminal)."""
    return printable(for_display(text or ""), limit)
