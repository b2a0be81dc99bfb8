/* evm-basemap: the offline base map drawn from mapview/points.py's basemap_data(): boundaries
 * (Leaflet canvas vectors) and town/governorate labels by importance, appearing with zoom. */
"use strict";
function paintLabels(ctx, size) {
  if (!B) return;
  var z = map.getZoom(), boxes = [], ar = A.lang === "ar";
  function free(x0, y0, x1, y1) {
    for (var i = 0; i < boxes.length; i++) {
      var b = boxes[i]; if (x0 < b[2] && x1 > b[0] && y0 < b[3] && y1 > b[1]) return false;
    }
    boxes.push([x0, y0, x1, y1]); return true;
  }
  ctx.textBaseline = "middle";
  // governorate names: spaced grey capitals (Latin) or a grey, larger face (Arabic), placed away from towns
  if (z <= 8) {
    ctx.font = (ar ? "15px " : "bold 12px ") + "'Noto Naskh Arabic', 'DejaVu Sans', Arial, sans-serif";
    ctx.textAlign = "center";
    B.gov_labels.forEach(function (g) {
      if (g[4] === "SY01") return;           // Damascus governorate is the city: its town label says it
      var p = map.latLngToContainerPoint([g[1], g[0]]);
      var text = ar ? g[3] : g[2].toUpperCase().split("").join("\u2009");
      var w = ctx.measureText(text).width;
      if (!free(p.x - w / 2, p.y - 9, p.x + w / 2, p.y + 9)) return;
      ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.8)"; ctx.strokeText(text, p.x, p.y);
      ctx.fillStyle = "rgba(90,80,70,0.75)"; ctx.fillText(text, p.x, p.y);
    });
  }
  var maxRank = z >= 12 ? 4 : z >= 10 ? 3 : z >= 9 ? 2 : z >= 7 ? 1 : 0;
  var placed = 0, bounds = map.getBounds().pad(0.05);
  for (var i = 0; i < B.towns.length && placed < 260; i++) {
    var t = B.towns[i];
    if (t[4] > maxRank) break;                // sorted by rank: nothing more to show at this zoom
    if (!bounds.contains([t[1], t[0]])) continue;
    var p = map.latLngToContainerPoint([t[1], t[0]]);
    var text = (ar ? t[3] : t[2]) || t[2];
    var big = t[4] === 0;
    ctx.font = (big ? "bold 13px " : "12px ") + "'Noto Naskh Arabic', 'DejaVu Sans', Arial, sans-serif";
    var w = ctx.measureText(text).width;
    var x0 = ar ? p.x - 5 - w : p.x + 5;
    if (!free(x0 - 6, p.y - 8, x0 + w + 6, p.y + 8)) continue;
    placed++;
    ctx.beginPath(); ctx.fillStyle = "#333"; ctx.arc(p.x, p.y, big ? 3 : 2, 0, 2 * Math.PI); ctx.fill();
    ctx.textAlign = "left"; ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.9)";
    ctx.strokeText(text, x0, p.y); ctx.fillStyle = big ? "#111" : "#333"; ctx.fillText(text, x0, p.y);
  }
  E.labels = placed;
}

function addBoundaries() {
  var r = L.canvas({padding: 0.2});
  var land = L.geoJSON(B.adm2, {interactive: false, renderer: r,
    style: function () { return {color: "#b9b2a3", weight: 0.5, fillColor: "#f6f3ea", fillOpacity: 1}; }}).addTo(map);
  L.geoJSON(B.adm1, {interactive: false, renderer: r,
    style: function () { return {color: "#7d7566", weight: 1.5, fill: false}; }}).addTo(map);
  E.boundaries = B.adm1.features.length + B.adm2.features.length;
}
