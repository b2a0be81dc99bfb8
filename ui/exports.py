"""Export buttons (filled in when events.io / mapview snapshot land)."""
from __future__ import annotations

import streamlit as st


def render(visible, q, window, lang) -> None:
    pass
