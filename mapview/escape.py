"""Escaping for text that ends up in a map page.

Why two contexts: a popup/tooltip string is HTML (so ``<``, ``&``, quotes
must be entities) *and* folium writes it into a JavaScript template literal
(so a backtick ends the literal and ``${...}`` is evaluated). ``esc`` makes a
string inert in both: drop bidi embedding/override controls (U+202A–E,
U+2066–9, which would make "gpj.exe" read "exe.jpg"), HTML-escape, then turn backtick, ``$``, backslash and
braces (Jinja ``{{``, see js_json) into entities, which browsers render as the same characters. ``js_json``
serialises data for a ``<script>`` block so that no value can close the
script element or break out of the JS string.
"""
from __future__ import annotations

import html
import json
import math
import re
from typing import Any

import pandas as pd

from events.textpolicy import BIDI_CONTROLS

_EXTRA = (("`", "&#96;"), ("$", "&#36;"), ("\\", "&#92;"), ("{", "&#123;"), ("}", "&#125;"),
          ("\u2028", " "), ("\u2029", " "))
_EXTRA_CHARS = frozenset(c for c, _ in _EXTRA)


def esc(value: Any) -> str:
    """Text → HTML safe in an element, an attribute, and a JS template literal. None/NaN → ""."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if value is pd.NA or value is pd.NaT:
        return ""
    text = str(value)
    if not text.isascii():
        text = BIDI_CONTROLS.sub("", text)   # U+202E must not flip "gpj.exe" into "exe.jpg" (events/textpolicy.py)
    text = html.escape(text, quote=True)
    if not _EXTRA_CHARS.isdisjoint(text):          # chained replace: far faster than str.translate
        for char, entity in _EXTRA:
            text = text.replace(char, entity)
    return text


_JS_UNSAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
              ("\u2029", "\\u2029"), ("`", "\\u0060"))


# In compact JSON a structural "{" is followed by '"' or "}", so "{" before "{", "%" or "#" is inside a string.
_JINJA_OPEN = re.compile(r"\{(?=[{%#])")


def js_json(data: Any) -> str:
    """JSON for inclusion in a ``<script>`` block: ``</script>``/``<!--`` cannot occur.

    Also no ``{{``/``{%``/``{#``: branca re-parses every rendered element
    script as a Jinja template (``Element(script)`` → ``Template``), so a
    value containing ``{{ … }}`` would otherwise be *evaluated on the
    server* while the map renders.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    if not text.isascii():
        text = BIDI_CONTROLS.sub("", text)   # display data: bidi overrides removed (they occur only in strings)
    for char, code in _JS_UNSAFE:
        text = text.replace(char, code)
    return _JINJA_OPEN.sub(r"\\u007b", text)
