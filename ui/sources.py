"""Show an event's sources as a reader expects: one line per article (outlet · date · headline).

Why: shown as UCDP packs it (``"SOHR,2016-06-26,Warplanes kill…";"Reuters News,…"``), the side panel
repeated the same headline in quotes and commas. ``events.io.ucdp_articles`` reads the string back
into its articles; here each is rendered escaped.
"""
from __future__ import annotations

from events.io.ucdp_articles import Article


def article_list_html(articles: list[Article], esc) -> str:
    """``<ol>`` of "outlet · date · headline" (``esc`` escapes each part; the headline keeps its direction)."""
    rows = []
    for a in articles:
        head = f'<b>{esc(a.outlet)}</b>' if a.outlet else ""
        date = f' · <span class="evm-date">{esc(a.published)}</span>' if a.published else ""
        line = f' · <span dir="auto">{esc(a.headline)}</span>' if a.headline else ""
        rows.append(f"<li>{head}{date}{line}</li>")
    return '<ol class="evm-chain evm-articles">' + "".join(rows) + "</ol>"
