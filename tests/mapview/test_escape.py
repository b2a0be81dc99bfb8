import json
import re

import pytest

from events.textpolicy import for_display
from mapview.escape import esc, js_json
from tests.corpus_payloads import HOSTILE_STRINGS


@pytest.mark.parametrize("payload", HOSTILE_STRINGS)
def test_esc_leaves_no_markup_or_template_breakout(payload):
    out = esc(payload)
    assert "<" not in out and ">" not in out
    assert "`" not in out and "${" not in out and "$" not in out and "{" not in out
    assert '"' not in out and "'" not in out
    assert "\\" not in out


def test_esc_keeps_arabic_and_plain_text_readable():
    assert esc("دير الزور") == "دير الزور"
    assert esc("a & b") == "a &amp; b"
    assert esc(None) == "" and esc(float("nan")) == ""


@pytest.mark.parametrize("payload", HOSTILE_STRINGS)
def test_js_json_cannot_close_a_script_and_round_trips(payload):
    text = js_json({"v": payload})
    assert "</" not in text and "<!--" not in text and "`" not in text
    assert json.loads(text) == {"v": for_display(payload)}   # display data: bidi overrides removed (issue 13)


def test_js_json_rejects_nan():
    with pytest.raises(ValueError):
        js_json({"x": float("nan")})


def test_esc_output_has_only_entities_for_specials():
    out = esc("`${x}` <b>\\")
    assert re.fullmatch(r"[^<>`$\\]*", out)


def test_esc_neutralises_jinja_braces():
    assert "{" not in esc("{{7*7}}") and "}" not in esc("{%x%}")


@pytest.mark.parametrize("payload", ["{{ 'QX' ~ 'JINJA' }}", "{% if true %}QX{% endif %}JINJA", "QX{# c #}JINJA",
                                     "{{ cycler.__init__.__globals__.os.getcwd() }}"])
def test_jinja_in_event_text_is_not_evaluated_when_the_map_renders(seed_frame, payload):
    """branca re-parses rendered scripts as Jinja templates: data must never reach it as template code."""
    import os

    from mapview import build_map, event_layers
    from mapview.standalone import standalone_html
    frame = seed_frame.copy()
    frame["title_en"] = payload
    frame["outlet"] = payload
    m = build_map()
    event_layers(frame).add_to(m)
    html = m.get_root().render()
    assert "QXJINJA" not in html and os.getcwd() not in html
    html = standalone_html(frame, title=payload, subtitle=payload)
    assert "QXJINJA" not in html and os.getcwd() not in html
