"""Fixed page styles: right-to-left layout for Arabic, and the look of the side panel.

Why fixed strings: these go into the page with ``unsafe_allow_html``, so they
never contain user or article text — only this module's constants.
"""
from __future__ import annotations

import streamlit as st

_BASE = """
<style>
.evm-quote { border-inline-start: 3px solid #999; padding: 0.2rem 0.6rem; margin: 0.3rem 0; }
.evm-quote[dir="rtl"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", serif; font-size: 1.05rem; }
.evm-chain { margin: 0; padding-inline-start: 1.1rem; }
.evm-badge { display: inline-block; padding: 0 0.45rem; border-radius: 0.6rem; font-size: 0.8rem;
             border: 1px solid #888; margin-inline-end: 0.3rem; }
.evm-badge.denied { border-color: #b2182b; color: #b2182b; }
.evm-badge.claimed { border-color: #e08214; color: #b35806; }
.evm-badge.confirmed { border-color: #1a9850; color: #1a7040; }
.evm-badge.reported { border-color: #2166ac; color: #2166ac; }
mark.evm-span { background: #ffe08a; padding: 0 0.1rem; }
.evm-sentence { line-height: 1.9; }
/* The map above the fold at 1366x768: a compact title, slider and caption (issue 12). */
[data-testid="stMainBlockContainer"] { padding-top: 2.4rem; padding-bottom: 1rem; }
h1.evm-title { font-size: 1.45rem; margin: 0; padding: 0 0 0.1rem 0; line-height: 1.3; }
p.evm-span-words { margin: -0.4rem 0 0 0; font-size: 0.9rem; color: #444; }
[data-testid="stMain"] [data-testid="stSlider"] { padding-bottom: 0; }
</style>
"""

_RTL = """
<style>
section.main, [data-testid="stMain"], [data-testid="stSidebar"], [data-testid="stMainBlockContainer"] {
  direction: rtl; text-align: right;
}
/* the sidebar on the right, as an Arabic reader expects */
[data-testid="stAppViewContainer"] { flex-direction: row-reverse; }
h1.evm-title, p.evm-span-words, [data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"] {
  direction: rtl; text-align: right;
}
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] label,
[data-testid="stSidebar"] p, [data-testid="stSidebar"] label {
  font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Source Sans Pro", sans-serif;
}
/* Text typed or quoted keeps its own direction (an English article in the Arabic UI stays LTR). */
[data-testid="stMain"] textarea, [data-testid="stMain"] input[type="text"] { unicode-bidi: plaintext; text-align: start; }
.evm-sentence[dir="ltr"], .evm-quote[dir="ltr"], .evm-title[dir="ltr"] { direction: ltr; text-align: left; }
/* Widgets whose internals assume left-to-right (slider track, map, charts, tables) stay LTR. */
[data-testid="stSlider"] [data-baseweb="slider"], [data-testid="stIFrame"], iframe,
[data-testid="stVegaLiteChart"], [data-testid="stDataFrame"], [data-testid="stArrowVegaLiteChart"] {
  direction: ltr;
}
</style>
"""


def apply(lang: str) -> None:
    """Inject the fixed stylesheet; the RTL rules only for Arabic."""
    st.markdown(_BASE + (_RTL if lang == "ar" else ""), unsafe_allow_html=True)
