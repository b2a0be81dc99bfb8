/* evm-draw: the canvas layer and the painting of groups (a ring split by claim status), single events,
 * stacks, the selection, and governorate-level events as their unit's hatched outline (never a circle). */
"use strict";
// ---------------------------------------------------------------- the canvas layers
var CanvasLayer = L.Layer.extend({
  initialize: function (pane, paint) { this._pane = pane; this._paint = paint; },
  onAdd: function (m) {
    this._c = L.DomUtil.create("canvas", "evm-canvas");
    m.getPane(this._pane).appendChild(this._c);
    m.on("moveend zoomend resize viewreset", this.reset, this);
    m.on("zoomstart", this._hide, this);
    this.reset();
  },
  onRemove: function (m) {
    L.DomUtil.remove(this._c);
    m.off("moveend zoomend resize viewreset", this.reset, this);
    m.off("zoomstart", this._hide, this);
  },
  _hide: function () { this._c.style.visibility = "hidden"; },
  reset: function () {
    var size = map.getSize(), dpr = window.devicePixelRatio || 1, c = this._c;
    L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
    if (c.width !== size.x * dpr || c.height !== size.y * dpr) {
      c.width = size.x * dpr; c.height = size.y * dpr;
      c.style.width = size.x + "px"; c.style.height = size.y + "px";
    }
    c.style.visibility = "visible";
    var ctx = c.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    this._paint(ctx, size);
  }
});

// grouping buffers, reused between draws
function donut(ctx, x, y, R, st, n) {
  var total = 0, a = -Math.PI / 2;
  st.forEach(function (v) { total += v; });
  ctx.lineWidth = 5;
  for (var s = 0; s < st.length; s++) {
    if (!st[s]) continue;
    var b = a + 2 * Math.PI * st[s] / total;
    ctx.beginPath(); ctx.strokeStyle = STATUS_COLORS[M.statuses[s]] || AGG; ctx.arc(x, y, R - 2.5, a, b); ctx.stroke();
    a = b;
  }
  ctx.beginPath(); ctx.fillStyle = "rgba(255,255,255,0.93)"; ctx.arc(x, y, R - 5, 0, 2 * Math.PI); ctx.fill();
  ctx.fillStyle = "#222"; ctx.font = "bold " + (R > 17 ? 12 : 11) + "px Arial, sans-serif";
  ctx.textAlign = "center"; ctx.textBaseline = "middle";
  ctx.fillText(n >= 10000 ? Math.round(n / 1000) + "k" : n >= 1000 ? (n / 1000).toFixed(1) + "k" : String(n), x, y + 0.5);
}
var AGG = "#1f77b4";

function point(ctx, x, y, i, r) {
  var st = statusName(D.status[i]), col = typeColor(D.type[i]), prec = M.precisions[D.prec[i]];
  ctx.setLineDash([]);
  if (prec !== "point") {                      // placed near / in a district: a faint halo says "about here"
    ctx.beginPath(); ctx.setLineDash([2, 2]); ctx.strokeStyle = "rgba(60,60,60,0.55)"; ctx.lineWidth = 1;
    ctx.arc(x, y, r + 3.5, 0, 2 * Math.PI); ctx.stroke(); ctx.setLineDash([]);
  }
  ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI);
  if (st === "denied") {
    ctx.fillStyle = "rgba(122,122,122,0.45)"; ctx.fill(); ctx.strokeStyle = GREY; ctx.lineWidth = 1.5; ctx.stroke();
    ctx.beginPath(); ctx.strokeStyle = "#222"; ctx.lineWidth = 1.6;
    ctx.moveTo(x - r * .6, y - r * .6); ctx.lineTo(x + r * .6, y + r * .6);
    ctx.moveTo(x + r * .6, y - r * .6); ctx.lineTo(x - r * .6, y + r * .6); ctx.stroke();
  } else if (st === "claimed") {
    ctx.globalAlpha = 0.18; ctx.fillStyle = col; ctx.fill(); ctx.globalAlpha = 1;
    ctx.setLineDash([3, 2]); ctx.strokeStyle = col; ctx.lineWidth = 2.2; ctx.stroke(); ctx.setLineDash([]);
  } else {
    ctx.globalAlpha = 0.88; ctx.fillStyle = col; ctx.fill(); ctx.globalAlpha = 1;
    ctx.strokeStyle = "#fff"; ctx.lineWidth = 1; ctx.stroke();
    if (st === "confirmed") { ctx.beginPath(); ctx.strokeStyle = "#111"; ctx.lineWidth = 2; ctx.arc(x, y, r + 2, 0, 2 * Math.PI); ctx.stroke(); }
  }
}

var hatch = null;
function hatchPattern(ctx) {
  if (hatch) return hatch;
  var c = document.createElement("canvas"); c.width = c.height = 8;
  var g = c.getContext("2d"); g.strokeStyle = "rgba(110,60,150,0.45)"; g.lineWidth = 1;
  g.beginPath(); g.moveTo(0, 8); g.lineTo(8, 0); g.stroke();
  hatch = ctx.createPattern(c, "repeat");
  return hatch;
}
function govFeature(code) {
  var pcode = M.governorates[code];
  if (!B || !pcode) return null;
  for (var f = 0; f < B.adm1.features.length; f++) if (B.adm1.features[f].properties.p === pcode) return B.adm1.features[f];
  return null;
}
function polyRings(geom) { return geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates; }
function tracePoly(ctx, geom) {
  polyRings(geom).forEach(function (poly) {
    poly.forEach(function (ring) {
      ring.forEach(function (c, j) {
        var p = map.latLngToContainerPoint([c[1], c[0]]);
        if (j) ctx.lineTo(p.x, p.y); else ctx.moveTo(p.x, p.y);
      });
      ctx.closePath();
    });
  });
}
function inPoly(geom, lon, lat) {
  var inside = false;
  polyRings(geom).forEach(function (poly) {
    var ring = poly[0];
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if (((yi > lat) !== (yj > lat)) && (lon < (xj - xi) * (lat - yi) / (yj - yi) + xi)) inside = !inside;
    }
  });
  return inside;
}

function paintPoints(ctx, size) {
  if (!D || !map) return;
  // the grouping pass depends only on the data, the window and the view: a repaint for anything else
  // (a selection, a Streamlit rerun that changed nothing, the imprecise toggle) reuses it
  var pb = map.getPixelBounds();
  var key = [S.dataGen, S.w0, S.w1, map.getZoom(), pb.min.x, pb.min.y, pb.max.x, pb.max.y].join(",");
  var fresh = !(S.last && S.lastKey === key);
  var R = fresh ? compute(size) : S.last;
  S.last = R; S.lastKey = key;
  var t1 = performance.now();
  // governorate-level events: their unit, faint and hatched, with a count; never a circle
  var govShown = 0;
  if (S.showImprecise) {
    Object.keys(R.govCount).forEach(function (g) {
      var f = govFeature(+g); if (!f) return;
      ctx.beginPath(); tracePoly(ctx, f.geometry);
      // faint hatching at country scale; zoomed in, the unit fills the screen, so its outline alone
      if (R.zoom <= 9) { ctx.globalAlpha = R.zoom <= 7 ? 1 : 0.5; ctx.fillStyle = hatchPattern(ctx); ctx.fill("evenodd"); ctx.globalAlpha = 1; }
      ctx.setLineDash([5, 4]); ctx.strokeStyle = "rgba(110,60,150,0.7)"; ctx.lineWidth = 1.2; ctx.stroke(); ctx.setLineDash([]);
      govShown++;
    });
  }
  var groups = R.groups, nPts = 0, nGroups = 0, nStacks = 0;
  groups.forEach(function (g) {
    if (g.kind === "group") {
      g.r = Math.min(26, 13 + 3.2 * Math.log10(g.n));
      donut(ctx, g.x, g.y, g.r, g.st, g.n); nGroups++;
    } else if (g.kind === "stack") {
      g.r = 11;
      ctx.beginPath(); ctx.fillStyle = "rgba(0,0,0,0.18)"; ctx.arc(g.x + 3, g.y - 3, g.r, 0, 2 * Math.PI); ctx.fill();
      donut(ctx, g.x, g.y, g.r + 1, g.st, g.n); nStacks++;
    } else {
      g.r = sizeOf(g.first);
      point(ctx, g.x, g.y, g.first, g.r); nPts++;
    }
  });
  if (S.showImprecise && R.zoom <= 9) placeBadges(ctx, R, groups, size);
  if (S.sel >= 0 && S.sel < D.n) {
    var sx = D.mx[S.sel] * R.scale - R.ox, sy = D.my[S.sel] * R.scale - R.oy;
    ctx.beginPath(); ctx.strokeStyle = "#ffbf00"; ctx.lineWidth = 3; ctx.arc(sx, sy, 13, 0, 2 * Math.PI); ctx.stroke();
  }
  S.groups = groups;
  var maxGroupSpan = 0;
  E.stats = {points: nPts, groups: nGroups, stacks: nStacks, inWindow: R.inWin, inView: R.inView, zoom: R.zoom,
             govOutlines: govShown, stripped: R.strip.length, computeMs: fresh ? R.ms : 0, paintMs: performance.now() - t1,
             maxGroup: groups.reduce(function (m, g) { return g.kind === "group" ? Math.max(m, g.n) : m; }, 0),
             window: [S.w0, S.w1], bounds: [S.lo, S.hi]};
  E.drawSeq += 1;
  if (fresh) { sidePanel(R); stripPanel(R); detailHist(); } else markListSelection();
}

/** The "N by gov." badges, each as near its governorate's label point as it can be without covering a
 *  group, stack, point or another badge (the first free spot on rings of candidates around the anchor,
 *  up to BADGE_REACH px, else in a strip along the map's top or bottom edge; a badge moved off its anchor
 *  gets a thin leader line). Drawn over the symbols. */
var BADGE_REACH = 300;
function badgeSpots(w, h, p, W, H) {
  var out = [[0, 18]];
  for (var d = 14; d <= BADGE_REACH; d += 14)
    for (var k = 0; k < 16; k++) {
      var a = Math.PI / 2 + 2 * Math.PI * k / 16;      // below the anchor first, then around it
      out.push([Math.cos(a) * (d + w / 2), Math.sin(a) * (d + h / 2) + 18]);
    }
  // nothing free near it (the dense west at zoom 7): a strip along the map's top and bottom edges
  for (var x = 60; x + w < W - 110; x += 24) {
    out.push([x + w / 2 - p.x, 14 - p.y]); out.push([x + w / 2 - p.x, H - 40 - p.y]);
  }
  return out;
}
function rectHitsCircle(x, y, w, h, cx, cy, r) {
  var nx = Math.max(x, Math.min(cx, x + w)), ny = Math.max(y, Math.min(cy, y + h));
  return (nx - cx) * (nx - cx) + (ny - cy) * (ny - cy) < r * r;
}
function placeBadges(ctx, R, groups, size) {
  var W = size ? size.x : 1e9, H = size ? size.y : 1e9;
  // the map's own controls (zoom, layers, legend, attribution) are obstacles like a placed badge
  var box = map.getContainer().getBoundingClientRect(), placed = [];
  map.getContainer().querySelectorAll(".leaflet-control").forEach(function (c) {
    var r = c.getBoundingClientRect();
    if (r.width && r.height) placed.push({x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height, control: true});
  });
  ctx.font = "bold 11px Arial, sans-serif";
  Object.keys(R.govCount).forEach(function (g) {
    var lab = govLabelPoint(+g); if (!lab) return;
    var p = map.latLngToContainerPoint([lab[1], lab[0]]);
    var text = fmt("gov_level_badge", {n: R.govCount[g]});
    var w = ctx.measureText(text).width + 10, h = 16, best = null, bestHits = 1e9;
    var spots = badgeSpots(w, h, p, W, H);
    for (var k = 0; k < spots.length; k++) {
      var x = p.x + spots[k][0] - w / 2, y = p.y + spots[k][1] - h / 2;
      if (x < 2 || y < 2 || x + w > W - 2 || y + h > H - 2) continue;
      var hits = 0;
      for (var j = 0; j < groups.length; j++) {
        var q = groups[j], rr = (q.r || 6) + 3 + (q.kind === "stack" ? 3 : 0);
        if (rectHitsCircle(x, y, w, h, q.x, q.y, rr)) hits++;
      }
      for (j = 0; j < placed.length; j++) {
        var b = placed[j];
        if (x < b.x + b.w + 2 && b.x < x + w + 2 && y < b.y + b.h + 2 && b.y < y + h + 2) hits++;
      }
      if (hits < bestHits) { best = [x, y]; bestHits = hits; }
      if (!hits) break;
    }
    if (!best) return;
    var bx = best[0], by = best[1];
    if (Math.hypot(bx + w / 2 - p.x, by + h / 2 - p.y - 18) > 20) {      // moved: a leader to its unit
      ctx.beginPath(); ctx.strokeStyle = "rgba(110,60,150,0.6)"; ctx.lineWidth = 1;
      ctx.moveTo(p.x, p.y + 10); ctx.lineTo(bx + w / 2, by + h / 2); ctx.stroke();
    }
    ctx.fillStyle = "rgba(255,255,255,0.92)"; ctx.strokeStyle = "rgba(110,60,150,0.9)"; ctx.lineWidth = 1;
    ctx.beginPath(); ctx.rect(bx, by, w, h); ctx.fill(); ctx.stroke();
    ctx.fillStyle = "#4b2a6b"; ctx.textAlign = "center"; ctx.textBaseline = "middle"; ctx.fillText(text, bx + w / 2, by + h / 2);
    placed.push({x: bx, y: by, w: w, h: h, hits: bestHits, gov: M.governorates[+g]});
  });
  E.badges = placed.filter(function (b) { return !b.control; });
}

function govLabelPoint(code) {
  var pcode = M.governorates[code];
  if (!B) return null;
  for (var i = 0; i < B.gov_labels.length; i++) if (B.gov_labels[i][4] === pcode) return B.gov_labels[i];
  return null;
}

function redraw() {
  if (ptsLayer && ptsLayer._c) ptsLayer.reset();
}
