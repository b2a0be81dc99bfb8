"""Making user and article text safe to show.

Why: titles, quotes and place names come from articles and imported files.
Streamlit's markdown would render ``[x](…)`` or ``![](…)`` in them (links,
remote images: a network call), and HTML blocks would run their tags. So
text shown in HTML is ``html.escape``d, text shown in widget labels has its
markdown characters backslash-escaped, and only http(s) URLs become links.
"""
from __future__ import annotations

import html
import re
from urllib.parse import urlparse

from events.textpolicy import for_display

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")


def esc(value: object) -> str:
    """HTML-escape (quotes included), bidi overrides removed (events/textpolicy.py); None → empty."""
    return "" if value is None else html.escape(for_display(str(value)), quote=True)


def md_escape(value: object) -> str:
    """Backslash-escape markdown so a label shows the text literally (bidi overrides removed)."""
    return _MD_SPECIAL.sub(r"\\\1", "" if value is None else for_display(str(value)))


def is_arabic(text: str) -> bool:
    """True when most letters are Arabic (decides dir="rtl" for a quote)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    return sum(1 for c in letters if _ARABIC.match(c)) / len(letters) > 0.5


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s), else None (no javascript:, data:, file: links)."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    if parsed.scheme in ("http", "https") and parsed.netloc:
        return url.strip()
    return None


def dir_block(text: str, *, css_class: str = "evm-quote") -> str:
    """A <div> holding escaped ``text`` with the right direction (rtl for Arabic)."""
    direction = "rtl" if is_arabic(text) else "ltr"
    return f'<div class="{css_class}" dir="{direction}">{esc(text)}</div>'


def highlight_span(sentence: str, span: tuple[int, int] | None) -> str:
    """Escaped sentence with characters [start, end) wrapped in <mark>; the whole block gets its direction."""
    direction = "rtl" if is_arabic(sentence) else "ltr"
    if span and 0 <= span[0] < span[1] <= len(sentence):
        a, b = span
        body = f'{esc(sentence[:a])}<mark class="evm-span">{esc(sentence[a:b])}</mark>{esc(sentence[b:])}'
    else:
        body = esc(sentence)
    return f'<div class="evm-sentence" dir="{direction}">{body}</div>'
