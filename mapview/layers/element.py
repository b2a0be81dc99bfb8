"""EventDataLayer: one Leaflet GeoJSON layer per style, drawn by a small local JS runtime.

Why a custom element instead of folium.GeoJson + style_function: folium
calls ``style_function`` in Python for every feature and writes a style per
feature (STACK_NOTES: 118 s at 100k). Here a layer carries one style (its
claim status) and the colour comes from a tiny type→colour table applied in
the browser; popups/tooltips are pre-escaped strings in the properties,
bound lazily by Leaflet. The element only renders a ``script`` macro, which
is exactly what streamlit-folium's ``feature_group_to_add`` renders, so the
same layer works in the dashboard and in standalone exports.
"""
from __future__ import annotations

from folium.elements import JSCSSMixin
from folium.template import Template

from mapview.assets import CLUSTER_CSS, CLUSTER_JS, LocalAssetsMixin, links
from mapview.escape import js_json

RUNTIME_CSS = """
.em-popup{font:13px/1.4 "Noto Naskh Arabic","DejaVu Sans",Arial,sans-serif;max-width:340px}
.em-popup .em-k{color:#555;font-weight:bold}.em-popup .em-q{margin-top:4px;color:#444;font-style:italic}
.em-denied{background:rgba(122,122,122,.45);border:1.5px solid #555;border-radius:50%;color:#111;
 font:bold 13px/13px Arial,sans-serif;text-align:center}
.em-agg>div{border-radius:50%;text-align:center;font:bold 11px Arial,sans-serif;box-sizing:border-box;
 box-shadow:0 0 0 1px rgba(0,0,0,.3);opacity:.9}
.em-label{background:none;border:none;white-space:nowrap;text-align:center;pointer-events:none;
 font:bold 12px "Noto Naskh Arabic","DejaVu Sans",Arial,sans-serif;color:#333;
 text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 2px #fff}
.em-label.em-adm2{font-weight:normal;font-size:10.5px;color:#555}
.em-hide-adm2 .em-adm2{display:none}
"""

# Inputs reaching this code are JSON data (numbers, pre-escaped strings) and constants.
RUNTIME_JS = r"""
(function(){
if (window.emLayer) { return; }
var s = document.createElement('style'); s.id = 'em-style'; s.textContent = %(css)s;
document.head.appendChild(s);
var GREY = '#7a7a7a';
function base(st, c) {
  return {color: st.grey ? GREY : c, fillColor: st.grey ? GREY : c, weight: st.weight,
          fillOpacity: st.fill, dashArray: st.dash, opacity: 0.95};
}
function bind(f, l) {
  var p = f.properties || {};
  if (p.h) { l.bindPopup(p.h, {maxWidth: 360}); }
  if (p.tt) { l.bindTooltip(p.tt, {sticky: true}); }
}
window.emLayer = function(data, kind, st, colors) {
  var col = function(f) { return colors[(f.properties || {}).t] || '#555555'; };
  var o = {onEachFeature: bind};
  if (kind === 'point') {
    o.pointToLayer = function(f, ll) {
      if (st.grey) {
        return L.marker(ll, {icon: L.divIcon({className: 'em-denied', html: '&#215;', iconSize: [16, 16]})});
      }
      var p = base(st, col(f)); p.radius = st.radius;
      if (st.ring) { p.color = st.ring; }
      return L.circleMarker(ll, p);
    };
  } else if (kind === 'area') {
    var area = function(f) {
      var p = base(st, col(f)); p.fillOpacity = 0.07; p.weight = 1.2; p.dashArray = st.dash || '6 4';
      return p;
    };
    o.pointToLayer = function(f, ll) { var p = area(f); p.radius = f.properties.r; return L.circle(ll, p); };
    o.style = area;
  } else if (kind === 'line') {
    o.style = function(f) { var p = base(st, col(f)); p.fill = false; p.weight = 2.2; p.fillOpacity = 0; return p; };
  } else if (kind === 'link') {
    o.style = function() { return {color: '#333', weight: 1.3, dashArray: '4 4', opacity: 0.85, fill: false}; };
  } else if (kind === 'selected') {
    o.pointToLayer = function(f, ll) {
      return L.circleMarker(ll, {radius: 14, color: '#ffcc00', weight: 4, fill: false, opacity: 1});
    };
  } else if (kind === 'agg') {
    o.pointToLayer = function(f, ll) {
      var n = f.properties.n, d = Math.round(st.amin + (st.amax - st.amin) * Math.sqrt(n / st.nmax));
      var c = st.acolor;
      var border = st.ring ? '3px solid ' + st.ring : (st.dash ? '2px dashed ' + c : '1.5px solid #fff');
      var bg = st.fill < 0.3 ? 'rgba(255,255,255,.8)' : c;
      var fg = st.fill < 0.3 ? '#222' : '#fff';
      var html = '<div style="width:' + d + 'px;height:' + d + 'px;line-height:' + d + 'px;background:' + bg +
                 ';border:' + border + ';color:' + fg + '">' + n + '</div>';
      var a = [d / 2 + 2 + st.dx * d * 0.3, d / 2 + 2 + st.dy * d * 0.3];
      return L.marker(ll, {icon: L.divIcon({className: 'em-agg', html: html, iconSize: [d + 4, d + 4],
                                            iconAnchor: a}), zIndexOffset: -d});
    };
  }
  return L.geoJson(data, o);
};
})();
"""


def runtime_js() -> str:
    return RUNTIME_JS % {"css": js_json(RUNTIME_CSS)}


class EventDataLayer(LocalAssetsMixin, JSCSSMixin):
    """A set of GeoJSON FeatureCollections drawn with one style each, added to the parent (a FeatureGroup).

    ``parts``: list of ``(kind, style_dict, FeatureCollection)``; kinds:
    point, area, line, link, agg, selected. With ``cluster`` the point parts
    go into one ``L.markerClusterGroup`` (and the markercluster assets are
    declared); everything else is added directly.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this.runtime }}
        (function() {
            var colors = {{ this.colors_json }};
            var parts = {{ this.parts_json }};
            var parent = {{ this._parent.get_name() }};
            var cluster = {{ 'true' if this.cluster else 'false' }};
            // without the plugin (a page that never loaded it) fall back to plain layers rather than no map
            var mc = (cluster && L.markerClusterGroup) ? L.markerClusterGroup({
                                                     maxClusterRadius: 40, disableClusteringAtZoom: 14,
                                                     chunkedLoading: true}) : null;
            for (var i = 0; i < parts.length; i++) {
                var layer = window.emLayer(parts[i][2], parts[i][0], parts[i][1], colors);
                if (mc && parts[i][0] === 'point') { mc.addLayer(layer); } else { layer.addTo(parent); }
            }
            if (mc) { mc.addTo(parent); }
        })();
        {% endmacro %}
    """)

    def __init__(self, parts: list[tuple[str, dict, dict]], *, colors: dict[str, str], cluster: bool = False) -> None:
        super().__init__()
        self._name = "EventDataLayer"
        self.cluster = bool(cluster)
        self.js_names = CLUSTER_JS if self.cluster else ()
        self.css_names = CLUSTER_CSS if self.cluster else ()
        self.default_js = links(self.js_names, "served")
        self.default_css = links(self.css_names, "served")
        self.parts = parts
        self.parts_json = js_json([[k, s, fc] for k, s, fc in parts])
        self.colors_json = js_json(colors)
        self.runtime = runtime_js()

    def feature_count(self, kind: str | None = None) -> int:
        return sum(len(fc["features"]) for k, _, fc in self.parts if kind is None or k == kind)
