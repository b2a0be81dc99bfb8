"""Map furniture as Leaflet controls: legend, title/date span, north arrow, attribution.

Why controls (not page HTML): they render in the map's own script, so they
show in the streamlit-folium iframe, in standalone HTML and in browser
snapshots alike. HTML handed in must already be escaped (legend_html is).
"""
from __future__ import annotations

from folium.elements import MacroElement
from folium.template import Template

from mapview.escape import esc, js_json
from mapview.style import LEGEND_CSS

NORTH_ARROW_SVG = ('<svg width="34" height="46" viewBox="0 0 34 46" role="img" aria-label="North">'
                   '<text x="17" y="12" text-anchor="middle" font-family="Arial" font-weight="bold" font-size="12">N</text>'
                   '<path d="M17 15 L26 42 L17 35 L8 42 Z" fill="#222"/><path d="M17 15 L17 35 L8 42 Z" fill="#888"/></svg>')


class HtmlControl(MacroElement):
    """A Leaflet control holding a fixed (already escaped) HTML block."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            if (!document.getElementById('em-legend-css')) {
                var s = document.createElement('style'); s.id = 'em-legend-css';
                s.textContent = {{ this.css_json }}; document.head.appendChild(s);
            }
            var c = L.control({position: {{ this.position_json }}});
            c.onAdd = function() {
                var d = L.DomUtil.create('div', {{ this.cls_json }});
                d.innerHTML = {{ this.html_json }};
                L.DomEvent.disableScrollPropagation(d); L.DomEvent.disableClickPropagation(d);
                return d;
            };
            c.addTo(map);
        })();
        {% endmacro %}
    """)

    def __init__(self, html: str, *, position: str = "bottomright", cls: str = "em-control") -> None:
        super().__init__()
        self._name = "HtmlControl"
        self.html_json = js_json(html)
        self.position_json = js_json(position)
        self.cls_json = js_json(cls)
        self.css_json = js_json(LEGEND_CSS + TITLE_CSS)


TITLE_CSS = """
.em-title{background:rgba(255,255,255,.93);padding:5px 10px;border-radius:5px;box-shadow:0 1px 4px rgba(0,0,0,.35);
 font:15px/1.35 "Noto Naskh Arabic","DejaVu Sans",Arial,sans-serif;color:#111;max-width:60vw}
.em-title b{font-size:16px}.em-north{background:rgba(255,255,255,.85);border-radius:5px;padding:2px}
"""


def title_html(title: str, subtitle: str = "", *, lang: str = "en") -> str:
    d = "rtl" if lang == "ar" else "ltr"
    sub = f'<br><bdi dir="ltr">{esc(subtitle)}</bdi>' if subtitle else ""
    return f'<div dir="{d}"><b>{esc(title)}</b>{sub}</div>'


class Attribution(MacroElement):
    """Adds an (escaped) attribution string to the map's attribution control."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.setPrefix(false);
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text_json }});
        {% endmacro %}
    """)

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text_json = js_json(esc(text))
