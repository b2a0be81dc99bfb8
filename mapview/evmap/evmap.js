/* The dashboard's event map, in the browser: time filtering, grouping by zoom, canvas drawing.
 *
 * Why here and not in Python (README, "Why the map runs in the browser"): the window's points come once
 * as typed arrays (mapview/points.py); a slider move, a brush, Play or a zoom then costs one pass over
 * those arrays and one canvas paint (milliseconds), instead of a Streamlit rerun that rebuilt and sent
 * a folium layer (seconds). Python hears back only what it must act on: a selection (side panel), a
 * window released (table, permalink) and the view the user moved to (permalink).
 *
 * Runs as a Streamlit component (the postMessage protocol of streamlit-component-lib, written by hand)
 * or, in a standalone export, from window.EVM_STANDALONE. All text from data goes in via textContent.
 */
(function () {
"use strict";
var E = window.evm = {drawSeq: 0, stats: null, ready: false};
var A = null;              // current args
var D = null;              // decoded data arrays
var M = null;              // meta (code lists)
var B = null;              // basemap data
var map = null, ptsLayer = null, lblLayer = null, tiles = null, popup = null;
var S = {w0: 0, w1: 0, lo: 0, hi: 1, sel: -1, showImprecise: true, sizeBy: "none", playing: false,
         playTimer: null, seq: Date.now(), lastArgsWindow: null, lastArgsSel: null, touched: false, dataUrl: null,
         groups: null, listSel: -1};
var STANDALONE = !!window.EVM_STANDALONE;
var DAY_MS = 86400000;
var CELL = 44, SPREAD_ZOOM = 16;
var STATUS_COLORS = {reported: "#2166ac", claimed: "#e08214", denied: "#8a8a8a", confirmed: "#1a9850"};
var GREY = "#7a7a7a";

// ---------------------------------------------------------------- Streamlit protocol
function post(type, data) {
  if (STANDALONE) return;
  var msg = {isStreamlitMessage: true, type: type};
  for (var k in data) msg[k] = data[k];
  window.parent.postMessage(msg, "*");
}
function report(event, extra) {
  S.seq += 1;
  var v = {event: event, seq: S.seq, window: [S.w0, S.w1]};
  if (event === "window") S.lastWindowSeq = S.seq;
  for (var k in extra) v[k] = extra[k];
  E.lastReport = v;
  post("streamlit:setComponentValue", {value: v, dataType: "json"});
}
window.addEventListener("message", function (e) {
  var d = e.data;
  if (d && d.type === "streamlit:render") onRender(d.args);
});

// ---------------------------------------------------------------- helpers
function el(tag, cls, text) {
  var x = document.createElement(tag);
  if (cls) x.className = cls;
  if (text !== undefined && text !== null) x.textContent = String(text);
  return x;
}
function tr(key) { return (A.strings && A.strings[key]) || key; }
function fmt(key, vars) {
  var s = tr(key);
  return s.replace(/\{(\w+)\}/g, function (_, k) { return vars[k] !== undefined ? vars[k] : ""; });
}
/** "1 event" / "7 events"; Arabic: حدث واحد، حدثان، 3–10 أحداث، 11–99 حدثًا، 100 حدث */
function countWords(n) {
  var p = A.plural || {};
  var form;
  if (A.lang === "ar") {
    var r = n % 100;
    form = n === 0 ? "zero" : n === 1 ? "one" : n === 2 ? "two" : (r >= 3 && r <= 10) ? "few" :
           (r >= 11 && r <= 99) ? "many" : "other";
  } else form = n === 1 ? "one" : "other";
  return (p[form] || p.other || "{n}").replace("{n}", n.toLocaleString("en-US"));
}
function dayToDate(d) { return new Date(d * DAY_MS); }
function iso(d) { return dayToDate(d).toISOString().slice(0, 10); }
function isoToDay(s) { var t = Date.parse(s + "T00:00:00Z"); return isNaN(t) ? null : Math.round(t / DAY_MS); }
function fmtDay(d, withYear) {
  var x = dayToDate(d);
  return x.getUTCDate() + " " + A.months[x.getUTCMonth()] + (withYear === false ? "" : " " + x.getUTCFullYear());
}
function fmtSpan(a, b) {
  if (a === b) return fmtDay(a);
  var x = dayToDate(a), y = dayToDate(b);
  if (x.getUTCFullYear() === y.getUTCFullYear() && x.getUTCMonth() === y.getUTCMonth())
    return x.getUTCDate() + "–" + fmtDay(b);
  return fmtDay(a, x.getUTCFullYear() !== y.getUTCFullYear()) + " – " + fmtDay(b);
}
function typeColor(code) { return (A.typeColors || {})[M.types[code]] || "#555"; }
function statusName(code) { return M.statuses[code]; }
function label(kind, code) {
  var name = kind === "status" ? M.statuses[code] : kind === "type" ? M.types[code] : M.precisions[code];
  return (A.labels && A.labels[name]) || name;
}
function placeName(i) { var c = D.place[i]; return c === 65535 ? "" : (M.places[c] || ""); }
function fatal(i) { var f = D.fat[i]; return f === 65535 ? null : f; }
function eventLine(i) {
  var parts = [fmtSpan(D.d0[i], D.d1[i]), label("type", D.type[i])];
  var p = placeName(i); if (p) parts.push(p);
  var f = fatal(i); if (f !== null && f > 0) parts.push(fmt("deaths", {n: f}));
  return parts.join(" · ");
}

// ---------------------------------------------------------------- data
function decode(buf) {
  var h = new Int32Array(buf, 0, 4);
  if (h[0] !== 0x45564D31) throw new Error("bad payload");
  var n = h[1], off = 16, out = {n: n, flags: h[2]};
  function take(name, Ctor, size) { out[name] = new Ctor(buf, off, n); off += size * n; }
  take("lon", Float32Array, 4); take("lat", Float32Array, 4); take("d0", Int32Array, 4); take("d1", Int32Array, 4);
  take("place", Uint16Array, 2); take("fat", Uint16Array, 2); take("actor", Uint16Array, 2);
  if (n % 2) off += 2;
  take("status", Uint8Array, 1); take("type", Uint8Array, 1); take("prec", Uint8Array, 1); take("gov", Uint8Array, 1);
  // Web Mercator in [0, 1] once (Float64: exact to the pixel at zoom 18)
  out.mx = new Float64Array(n); out.my = new Float64Array(n);
  var sorted = true, runMax = new Int32Array(n), rm = -2147483648;
  for (var i = 0; i < n; i++) {
    out.mx[i] = (out.lon[i] + 180) / 360;
    var s = Math.sin(out.lat[i] * Math.PI / 180);
    out.my[i] = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
    if (i && out.d0[i] < out.d0[i - 1]) sorted = false;
    if (out.d1[i] > rm) rm = out.d1[i];
    runMax[i] = rm;
  }
  out.sorted = sorted; out.runMax = runMax;
  // events per day over the whole span (histograms)
  var lo = n ? out.d0[0] : 0, hi = lo;
  for (i = 0; i < n; i++) { if (out.d0[i] < lo) lo = out.d0[i]; if (out.d1[i] > hi) hi = out.d1[i]; }
  out.dayLo = lo; out.perDay = new Int32Array(hi - lo + 1);
  for (i = 0; i < n; i++) out.perDay[out.d0[i] - lo] += 1;
  var imp = {}; (M.imprecise || []).forEach(function (p) { imp[M.precisions.indexOf(p)] = true; });
  out.impCode = imp; out.govCode = M.precisions.indexOf("governorate");
  return out;
}
/** [first, last) positions that can overlap the window (the payload is in date order) */
function windowRange() {
  var n = D.n;
  if (!D.sorted) return [0, n];
  var a = 0, b = n;
  while (a < b) { var m = (a + b) >> 1; if (D.d0[m] <= S.w1) a = m + 1; else b = m; }
  var hi = a; a = 0; b = hi;
  while (a < b) { m = (a + b) >> 1; if (D.runMax[m] < S.w0) a = m + 1; else b = m; }
  return [a, hi];
}

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
var G = {cap: 0};
function ensure(cells) {
  if (G.cap >= cells) return;
  G.cap = cells;
  G.count = new Int32Array(cells); G.sx = new Float64Array(cells); G.sy = new Float64Array(cells);
  G.first = new Int32Array(cells); G.same = new Uint8Array(cells); G.fat = new Float64Array(cells);
  G.st = new Int32Array(cells * 8);
}

function sizeOf(i) {
  if (S.sizeBy !== "fatalities") return 5.5;
  var f = fatal(i);
  return f === null ? 4 : Math.min(24, 4 + 1.7 * Math.sqrt(f));
}

/** One pass: window filter, counts for the list/charts/strip, and groups of the points in view. */
function compute(size) {
  var t0 = performance.now();
  var z = map.getZoom(), scale = 256 * Math.pow(2, z);
  var pb = map.getPixelBounds();
  var minx = pb.min.x - 30, miny = pb.min.y - 30, maxx = pb.max.x + 30, maxy = pb.max.y + 30;
  var cell = z >= SPREAD_ZOOM ? 2 : CELL;
  var gx0 = Math.floor(minx / cell), gy0 = Math.floor(miny / cell);
  var W = Math.floor(maxx / cell) - gx0 + 1, H = Math.floor(maxy / cell) - gy0 + 1;
  ensure(W * H);
  G.count.fill(0, 0, W * H); G.st.fill(0, 0, W * H * 8); G.fat.fill(0, 0, W * H);
  var NS = 8, nTypes = M.types.length;
  var byType = new Int32Array(nTypes), byActor = {}, byStatus = new Int32Array(8);
  var govCount = {}, govIdx = {}, strip = [], inWin = 0, inView = 0, viewIdx = [];
  var r = windowRange(), w0 = S.w0, w1 = S.w1, imp = D.impCode, govCode = D.govCode;
  for (var i = r[0]; i < r[1]; i++) {
    if (D.d1[i] < w0 || D.d0[i] > w1) continue;
    inWin++;
    byType[D.type[i]]++; byStatus[D.status[i]]++;
    var a = D.actor[i]; if (a !== 65535) byActor[a] = (byActor[a] || 0) + 1;
    var p = D.prec[i];
    if (imp[p]) {
      var g = D.gov[i];
      if (p === govCode && g !== 255) {
        govCount[g] = (govCount[g] || 0) + 1;
        (govIdx[g] = govIdx[g] || []).length < 400 && govIdx[g].push(i);
      } else if (strip.length < 100000) strip.push(i);
      continue;
    }
    var wx = D.mx[i] * scale, wy = D.my[i] * scale;
    if (wx < minx || wx > maxx || wy < miny || wy > maxy) continue;
    inView++; viewIdx.push(i);
    var k = (Math.floor(wx / cell) - gx0) + (Math.floor(wy / cell) - gy0) * W;
    var c = G.count[k];
    if (c === 0) { G.first[k] = i; G.same[k] = 1; G.sx[k] = 0; G.sy[k] = 0; }
    else if (G.same[k] && (D.lon[i] !== D.lon[G.first[k]] || D.lat[i] !== D.lat[G.first[k]])) G.same[k] = 0;
    G.count[k] = c + 1; G.sx[k] += wx; G.sy[k] += wy;
    G.st[k * NS + D.status[i]]++;
    var f = D.fat[i]; if (f !== 65535) G.fat[k] += f;
  }
  var groups = [];
  var ox = pb.min.x, oy = pb.min.y;
  for (k = 0; k < W * H; k++) {
    c = G.count[k];
    if (!c) continue;
    var gi = {k: k, n: c, first: G.first[k], cell: cell, gx: (k % W) + gx0, gy: Math.floor(k / W) + gy0};
    if (c === 1 || G.same[k]) {
      var j = G.first[k];
      gi.x = D.mx[j] * scale - ox; gi.y = D.my[j] * scale - oy;
      gi.kind = c === 1 ? "point" : "stack";
    } else {
      gi.x = G.sx[k] / c - ox; gi.y = G.sy[k] / c - oy; gi.kind = "group";
    }
    gi.st = Array.prototype.slice.call(G.st, k * NS, k * NS + M.statuses.length);
    gi.fat = G.fat[k];
    groups.push(gi);
  }
  return {groups: groups, byType: byType, byActor: byActor, byStatus: byStatus, govCount: govCount,
          govIdx: govIdx, strip: strip, inWin: inWin, inView: inView, viewIdx: viewIdx,
          ms: performance.now() - t0, zoom: z, scale: scale, ox: ox, oy: oy};
}

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
  var R = compute(size);
  S.last = R;
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
    if (R.zoom <= 9) Object.keys(R.govCount).forEach(function (g) {
      var lab = govLabelPoint(+g); if (!lab) return;
      var p = map.latLngToContainerPoint([lab[1], lab[0]]);
      var text = fmt("gov_level_badge", {n: R.govCount[g]});
      ctx.font = "bold 11px Arial, sans-serif"; var w = ctx.measureText(text).width + 10;
      ctx.fillStyle = "rgba(255,255,255,0.9)"; ctx.strokeStyle = "rgba(110,60,150,0.9)"; ctx.lineWidth = 1;
      ctx.beginPath(); ctx.rect(p.x - w / 2, p.y + 10, w, 16); ctx.fill(); ctx.stroke();
      ctx.fillStyle = "#4b2a6b"; ctx.textAlign = "center"; ctx.textBaseline = "middle"; ctx.fillText(text, p.x, p.y + 18);
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
  if (S.sel >= 0 && S.sel < D.n) {
    var sx = D.mx[S.sel] * R.scale - R.ox, sy = D.my[S.sel] * R.scale - R.oy;
    ctx.beginPath(); ctx.strokeStyle = "#ffbf00"; ctx.lineWidth = 3; ctx.arc(sx, sy, 13, 0, 2 * Math.PI); ctx.stroke();
  }
  S.groups = groups;
  var maxGroupSpan = 0;
  E.stats = {points: nPts, groups: nGroups, stacks: nStacks, inWindow: R.inWin, inView: R.inView, zoom: R.zoom,
             govOutlines: govShown, stripped: R.strip.length, computeMs: R.ms, paintMs: performance.now() - t1,
             maxGroup: groups.reduce(function (m, g) { return g.kind === "group" ? Math.max(m, g.n) : m; }, 0),
             window: [S.w0, S.w1], bounds: [S.lo, S.hi]};
  E.drawSeq += 1;
  sidePanel(R); stripPanel(R); detailHist();
}

function govLabelPoint(code) {
  var pcode = M.governorates[code];
  if (!B) return null;
  for (var i = 0; i < B.gov_labels.length; i++) if (B.gov_labels[i][4] === pcode) return B.gov_labels[i];
  return null;
}

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

function redraw() {
  if (ptsLayer && ptsLayer._c) ptsLayer.reset();
}

// ---------------------------------------------------------------- clicks, popups, selection
function hit(pt) {
  var best = null, bestD = 1e9;
  (S.groups || []).forEach(function (g) {
    var d = Math.hypot(g.x - pt.x, g.y - pt.y);
    if (d <= g.r + 4 && d < bestD) { best = g; bestD = d; }
  });
  return best;
}
function members(g) {
  var out = [], R = S.last, r = windowRange(), imp = D.impCode;
  for (var i = r[0]; i < r[1]; i++) {
    if (D.d1[i] < S.w0 || D.d0[i] > S.w1 || imp[D.prec[i]]) continue;
    var wx = D.mx[i] * R.scale, wy = D.my[i] * R.scale;
    if (Math.floor(wx / g.cell) === g.gx && Math.floor(wy / g.cell) === g.gy) out.push(i);
  }
  return out;
}
function select(i, fromMap) {
  S.sel = i;
  report("select", {index: i});
  redraw();
  markListSelection();
}
function listPopup(latlng, title, idx) {
  var box = el("div", "evm-pop");
  box.appendChild(el("h5", "", title));
  var ul = el("ul");
  idx.slice(0, 200).forEach(function (i) {
    var li = el("li"), b = el("button", i === S.sel ? "sel" : "");
    b.type = "button"; b.dataset.index = i;
    var dot = el("span", "evm-dot"); dot.style.background = typeColor(D.type[i]);
    b.appendChild(dot);
    b.appendChild(document.createTextNode(eventLine(i)));
    b.appendChild(el("div", "meta", label("status", D.status[i]) + " · " + label("prec", D.prec[i])));
    b.addEventListener("click", function () {
      ul.querySelectorAll("button.sel").forEach(function (x) { x.className = ""; });
      b.className = "sel"; select(i, true);
    });
    li.appendChild(b); ul.appendChild(li);
  });
  box.appendChild(ul);
  if (idx.length > 200) box.appendChild(el("div", "meta", fmt("and_more", {n: idx.length - 200})));
  openPopup(latlng, box, true);
}
function openPopup(latlng, content, pan) {
  // autoPan off: a click selects without moving the map; the popup stays until closed
  popup = L.popup({autoPan: !!pan, autoPanPadding: [8, 8], maxWidth: 320, closeOnClick: false, className: "evm-popup"})
    .setLatLng(latlng).setContent(content).openOn(map);
}
function onMapClick(e) {
  if (!D) return;
  var g = hit(e.containerPoint);
  if (g) {
    if (g.kind === "point") {
      var i = g.first;
      var box = el("div", "evm-pop");
      box.appendChild(el("h5", "", eventLine(i)));
      box.appendChild(el("div", "meta", label("status", D.status[i]) + " · " + label("prec", D.prec[i])));
      openPopup([D.lat[i], D.lon[i]], box);
      select(i, true);
      return;
    }
    var idx = members(g);
    if (g.kind === "stack" || map.getZoom() >= map.getMaxZoom()) {
      idx.sort(function (a, b) { return D.d0[b] - D.d0[a]; });
      listPopup([D.lat[idx[0]], D.lon[idx[0]]], fmt("here", {events: countWords(idx.length)}), idx);
      return;
    }
    var b = L.latLngBounds(idx.map(function (i) { return [D.lat[i], D.lon[i]]; }));
    S.touched = true;
    map.fitBounds(b.pad(0.15), {maxZoom: Math.max(map.getZoom() + 2, Math.min(SPREAD_ZOOM, map.getZoom() + 4)), animate: false});
    return;
  }
  if (S.showImprecise && S.last) {
    var keys = Object.keys(S.last.govCount);
    for (var k = 0; k < keys.length; k++) {
      var f = govFeature(+keys[k]);
      if (f && inPoly(f.geometry, e.latlng.lng, e.latlng.lat)) {
        var ids = S.last.govIdx[keys[k]].slice().reverse();
        var name = A.lang === "ar" ? f.properties.nAr : f.properties.nEn;
        listPopup(e.latlng, fmt("gov_level_title", {events: countWords(S.last.govCount[keys[k]]), name: name}), ids);
        return;
      }
    }
  }
}

// ---------------------------------------------------------------- side list, charts, strip
var UI = {};
function sidePanel(R) {
  if (!UI.side) return;
  UI.sideTitle.textContent = fmt("in_view", {events: countWords(R.inView)});
  var idx = R.viewIdx, n = idx.length, ul = UI.list;
  ul.textContent = "";
  var shown = 0;
  for (var j = n - 1; j >= 0 && shown < 150; j--, shown++) {
    (function (i) {
      var li = el("li"); li.dataset.index = i;
      if (i === S.sel) li.className = "sel";
      var dot = el("span", "evm-dot"); dot.style.background = typeColor(D.type[i]);
      li.appendChild(dot); li.appendChild(document.createTextNode(eventLine(i)));
      li.title = label("status", D.status[i]);
      li.addEventListener("click", function () {
        var box = el("div", "evm-pop"); box.appendChild(el("h5", "", eventLine(i)));
        box.appendChild(el("div", "meta", label("status", D.status[i]) + " · " + label("prec", D.prec[i])));
        openPopup([D.lat[i], D.lon[i]], box); select(i, true);
      });
      ul.appendChild(li);
    })(idx[j]);
  }
  if (n > shown) ul.appendChild(el("li", "meta", fmt("and_more", {n: (n - shown).toLocaleString("en-US")})));
  // small charts for the window: by type, and by actor when the payload carries actors
  var ch = UI.charts; ch.textContent = "";
  function bars(title, pairs, color) {
    if (!pairs.length) return;
    ch.appendChild(el("div", "", title)).style.fontWeight = "bold";
    var max = pairs[0][1];
    pairs.slice(0, 5).forEach(function (p) {
      var row = el("div", "evm-bar"), l = el("span", "l", p[0]), b = el("span", "b"), c = el("span", "n", p[1].toLocaleString("en-US"));
      l.title = p[0];
      b.style.width = Math.max(2, 80 * p[1] / max) + "px"; if (color) b.style.background = color(p);
      row.appendChild(l); row.appendChild(b); row.appendChild(c); ch.appendChild(row);
    });
  }
  var tp = [];
  for (var t = 0; t < R.byType.length; t++) if (R.byType[t]) tp.push([label("type", t), R.byType[t], t]);
  tp.sort(function (a, b) { return b[1] - a[1]; });
  bars(tr("by_type"), tp, function (p) { return typeColor(p[2]); });
  var ap = Object.keys(R.byActor).map(function (a) { return [M.actors[a], R.byActor[a]]; });
  ap.sort(function (a, b) { return b[1] - a[1]; });
  bars(tr("by_actor"), ap);
}
function markListSelection() {
  if (!UI.list) return;
  UI.list.querySelectorAll("li").forEach(function (li) { li.className = (+li.dataset.index === S.sel) ? "sel" : ""; });
}
function stripPanel(R) {
  var s = UI.strip; if (!s) return;
  s.textContent = "";
  var nGov = 0; Object.keys(R.govCount).forEach(function (g) { nGov += R.govCount[g]; });
  if (!nGov && !R.strip.length) return;
  var txt = fmt("imprecise_note", {gov: countWords(nGov), other: countWords(R.strip.length)});
  if (R.strip.length) {
    var b = el("button", "", tr("list_them")); b.type = "button";
    b.addEventListener("click", function () {
      listPopup(map.getCenter(), fmt("country_level_title", {events: countWords(R.strip.length)}), R.strip.slice().reverse());
    });
    s.appendChild(b);
  }
  s.appendChild(document.createTextNode(" " + txt));
  s.title = txt;
}

// ---------------------------------------------------------------- timeline: overview brush, window histogram, Play
function binsFor(a, b) {
  var days = b - a + 1;
  return days <= 120 ? 1 : days <= 800 ? 7 : 30;
}
function sumDays(a, b) {
  var s = 0, pd = D.perDay, lo = D.dayLo;
  for (var d = Math.max(a, lo); d <= b && d - lo < pd.length; d++) s += pd[d - lo];
  return s;
}
function drawHist(cv, a, b, opts) {
  var dpr = window.devicePixelRatio || 1, w = cv.clientWidth, h = cv.clientHeight;
  if (!w) return;
  cv.width = w * dpr; cv.height = h * dpr;
  var ctx = cv.getContext("2d"); ctx.setTransform(dpr, 0, 0, dpr, 0, 0); ctx.clearRect(0, 0, w, h);
  var axis = opts.axis ? 14 : 0, ph = h - axis - 2;
  var step = binsFor(a, b), nb = Math.ceil((b - a + 1) / step), counts = [], max = 1;
  for (var k = 0; k < nb; k++) { var c = sumDays(a + k * step, Math.min(b, a + (k + 1) * step - 1)); counts.push(c); if (c > max) max = c; }
  var bw = w / nb;
  for (k = 0; k < nb; k++) {
    var d = a + k * step, inside = d + step - 1 >= S.w0 && d <= S.w1;
    ctx.fillStyle = inside ? "#31688e" : "#c7cfd8";
    var bh = counts[k] ? Math.max(1, ph * counts[k] / max) : 0;
    ctx.fillRect(k * bw, ph - bh + 1, Math.max(1, bw - (bw > 3 ? 1 : 0)), bh);
  }
  if (opts.brush) {
    var x0 = (S.w0 - a) / (b - a + 1) * w, x1 = (S.w1 + 1 - a) / (b - a + 1) * w;
    ctx.fillStyle = "rgba(49,104,142,0.15)"; ctx.fillRect(x0, 0, Math.max(2, x1 - x0), h);
    ctx.strokeStyle = "#31688e"; ctx.lineWidth = 2; ctx.strokeRect(x0, 1, Math.max(2, x1 - x0), h - 2);
  }
  if (axis) {       // month ticks in the UI's language (Levantine names in Arabic)
    ctx.fillStyle = "#444"; ctx.font = "10px 'Noto Naskh Arabic', 'DejaVu Sans', Arial, sans-serif"; ctx.textBaseline = "top";
    var first = dayToDate(a), lastX = -1e9, days = b - a + 1;
    var every = days > 900 ? 6 : days > 400 ? 3 : days > 150 ? 2 : 1;
    var m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
    ctx.textAlign = "left";
    if (days <= 45) {     // short window: day ticks
      var every2 = days > 20 ? 5 : days > 10 ? 2 : 1;
      for (d = a; d <= b; d++) {
        var x = (d - a) / days * w, dd = dayToDate(d).getUTCDate();
        if ((dd - 1) % every2) continue;
        var lab = dd === 1 || d === a ? dd + " " + A.months[dayToDate(d).getUTCMonth()] : String(dd);
        if (x - lastX < ctx.measureText(lab).width + 8) continue;
        ctx.fillRect(x, ph + 1, 1, 3); ctx.fillText(lab, x + 2, ph + 3); lastX = x + ctx.measureText(lab).width;
      }
      return;
    }
    while (m.getTime() / DAY_MS <= b) {
      var md = Math.round(m.getTime() / DAY_MS);
      if (md >= a && m.getUTCMonth() % every === 0) {
        x = (md - a) / days * w;
        lab = A.months[m.getUTCMonth()] + (m.getUTCMonth() === 0 || lastX < 0 ? " " + m.getUTCFullYear() : "");
        if (x - lastX > ctx.measureText(lab).width + 8) {
          ctx.fillRect(x, ph + 1, 1, 3); ctx.fillText(lab, x + 2, ph + 3); lastX = x + ctx.measureText(lab).width;
        }
      }
      m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
    }
  }
}
function detailHist() {
  if (!UI.hist || !D) return;
  drawHist(UI.over, S.lo, S.hi, {brush: true});
  // the window histogram's axis follows the window (padded a little so a one-day window still shows bars)
  var pad = Math.max(0, Math.round((S.w1 - S.w0) * 0.04));
  drawHist(UI.hist, Math.max(S.lo, S.w0 - pad), Math.min(S.hi, S.w1 + pad), {axis: true});
  UI.from.value = iso(S.w0); UI.to.value = iso(S.w1);
  UI.span.textContent = fmtSpan(S.w0, S.w1) + " · " + countWords(S.last ? S.last.inWin : 0);
}
function setWindow(a, b, why) {
  a = Math.max(S.lo, Math.min(a, S.hi)); b = Math.max(S.lo, Math.min(b, S.hi));
  if (a > b) { var t = a; a = b; b = t; }
  S.w0 = a; S.w1 = b;
  redraw();
  if (why === "release") report("window", {});
}
function brush(cv) {
  var drag = null;
  function dayAt(ev) {
    var r = cv.getBoundingClientRect();
    return S.lo + Math.round((ev.clientX - r.left) / r.width * (S.hi - S.lo + 1));
  }
  cv.addEventListener("pointerdown", function (ev) {
    stop();
    var d = dayAt(ev), r = cv.getBoundingClientRect(), px = (S.hi - S.lo + 1) / r.width * 6;
    if (Math.abs(d - S.w0) <= px) drag = {mode: "w0"};
    else if (Math.abs(d - S.w1) <= px) drag = {mode: "w1"};
    else if (d > S.w0 && d < S.w1) drag = {mode: "move", from: d, w0: S.w0, w1: S.w1};
    else drag = {mode: "new", from: d};
    cv.setPointerCapture(ev.pointerId);
  });
  cv.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var d = dayAt(ev);
    if (drag.mode === "w0") setWindow(d, S.w1);
    else if (drag.mode === "w1") setWindow(S.w0, d);
    else if (drag.mode === "move") {
      var w = drag.w1 - drag.w0, s = Math.max(S.lo, Math.min(S.hi - w, drag.w0 + d - drag.from));
      setWindow(s, s + w);
    } else setWindow(Math.min(drag.from, d), Math.max(drag.from, d));
  });
  cv.addEventListener("pointerup", function () { if (drag) { drag = null; report("window", {}); } });
}
function stop() {
  if (!S.playing) return;
  S.playing = false; clearInterval(S.playTimer); S.playTimer = null;
  UI.play.textContent = tr("play"); UI.msg.textContent = "";
  report("window", {});
}
function play() {
  if (S.playing) { stop(); return; }
  var step = +UI.step.value, mode = UI.mode.value, width = S.w1 - S.w0;
  // from the whole range (or the end), play a window of one step's width from the start: never a silent no-op
  if (S.w1 >= S.hi) {
    if (width >= (S.hi - S.lo) * 0.5 || mode === "cumulative") width = Math.max(step - 1, mode === "cumulative" ? 0 : 29);
    S.w0 = S.lo; S.w1 = Math.min(S.hi, S.lo + width);
  }
  S.playing = true; UI.play.textContent = tr("pause");
  UI.msg.textContent = fmt(mode === "cumulative" ? "playing_cumulative" : "playing_window",
                           {days: S.w1 - S.w0 + 1, step: step, speed: (+UI.speed.value / 1000)});
  redraw();
  S.playTimer = setInterval(function () {
    var nb = Math.min(S.hi, S.w1 + step);
    var na = mode === "cumulative" ? S.w0 : Math.min(nb, S.w0 + (nb - S.w1));
    S.w0 = na; S.w1 = nb; redraw();
    if (nb >= S.hi) { stop(); UI.msg.textContent = tr("play_done"); }
  }, +UI.speed.value);
}

// ---------------------------------------------------------------- building the page
function option(sel, value, text, selected) {
  var o = el("option", "", text); o.value = value; if (selected) o.selected = true; sel.appendChild(o);
}
function build() {
  var root = document.getElementById("evm-root");
  root.textContent = "";
  root.dir = A.lang === "ar" ? "rtl" : "ltr"; root.lang = A.lang;
  var top = el("div", "evm-top"), mapDiv = el("div", "evm-map"), side = el("div", "evm-side");
  mapDiv.id = "evm-map-div";
  top.appendChild(mapDiv); top.appendChild(side);
  if (A.side === false) side.className = "evm-side hidden";
  UI.side = side; UI.sideTitle = el("h4", ""); UI.list = el("ul", "evm-list"); UI.charts = el("div", "evm-charts");
  side.appendChild(UI.sideTitle); side.appendChild(UI.list); side.appendChild(UI.charts);
  root.appendChild(top);
  UI.strip = el("div", "evm-strip"); root.appendChild(UI.strip);
  var time = el("div", "evm-time"), ctl = el("div", "evm-controls");
  UI.from = el("input"); UI.from.type = "date"; UI.from.setAttribute("aria-label", tr("from"));
  UI.to = el("input"); UI.to.type = "date"; UI.to.setAttribute("aria-label", tr("to"));
  [UI.from, UI.to].forEach(function (x) {
    x.min = iso(S.lo); x.max = iso(S.hi);
    x.addEventListener("change", function () {
      var a = isoToDay(UI.from.value), b = isoToDay(UI.to.value);
      if (a !== null && b !== null) { stop(); setWindow(a, b, "release"); }
    });
  });
  UI.play = el("button", "evm-play", tr("play")); UI.play.type = "button";
  UI.play.addEventListener("click", play);
  UI.step = el("select"); [[1, "step_day"], [7, "step_week"], [30, "step_month"]].forEach(function (o, i) { option(UI.step, o[0], tr(o[1]), i === 1); });
  UI.mode = el("select"); option(UI.mode, "window", tr("mode_window"), true); option(UI.mode, "cumulative", tr("mode_cumulative"));
  UI.speed = el("select"); [[800, "speed_slow"], [350, "speed_normal"], [120, "speed_fast"]].forEach(function (o, i) { option(UI.speed, o[0], tr(o[1]), i === 1); });
  UI.step.setAttribute("aria-label", tr("step")); UI.mode.setAttribute("aria-label", tr("mode")); UI.speed.setAttribute("aria-label", tr("speed"));
  UI.span = el("span", "evm-span"); UI.msg = el("span", "evm-msg");
  UI.span.setAttribute("data-testid", "evm-map-span");
  [el("span", "", tr("from")), UI.from, el("span", "", tr("to")), UI.to, UI.play, UI.step, UI.mode, UI.speed, UI.span, UI.msg]
    .forEach(function (x) { ctl.appendChild(x); });
  time.appendChild(ctl);
  UI.over = el("canvas", "evm-over"); UI.over.style.height = "22px"; UI.over.title = tr("brush_hint");
  UI.hist = el("canvas", "evm-hist"); UI.hist.style.height = "46px";
  time.appendChild(UI.over); time.appendChild(UI.hist);
  root.appendChild(time);
  brush(UI.over);
  var hint = el("div", "evm-hint", tr("scroll_hint")); mapDiv.appendChild(hint);

  map = L.map(mapDiv, {zoomControl: true, scrollWheelZoom: false, preferCanvas: true, maxZoom: 17, minZoom: 4,
                       attributionControl: true, worldCopyJump: false});
  window.map = map;
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(tr("attribution"));
  map.createPane("evmlabels"); map.getPane("evmlabels").classList.add("leaflet-evmlabels-pane");
  map.createPane("evm"); map.getPane("evm").classList.add("leaflet-evm-pane");
  // scrolling the page over the map does not zoom it until the map is clicked or focused
  var box = map.getContainer();
  box.addEventListener("wheel", function () {
    if (!map.scrollWheelZoom.enabled()) { hint.style.display = "block"; clearTimeout(hint._t); hint._t = setTimeout(function () { hint.style.display = "none"; }, 1400); }
  }, {passive: true});
  map.on("click focus", function () { map.scrollWheelZoom.enable(); hint.style.display = "none"; });
  box.addEventListener("mouseleave", function () { map.scrollWheelZoom.disable(); });
  ["mousedown", "wheel", "touchstart", "keydown", "pointerdown"].forEach(function (name) {
    box.addEventListener(name, function () { S.touched = true; }, true);
  });
  var viewTimer = null;
  map.on("moveend", function () {
    if (!S.touched) return;
    clearTimeout(viewTimer);
    viewTimer = setTimeout(function () {
      var c = map.getCenter(); report("view", {view: {lat: c.lat, lng: c.lng, zoom: map.getZoom()}});
    }, 500);
  });
  map.on("click", onMapClick);
  map.on("mousemove", function (e) { box.style.cursor = hit(e.containerPoint) ? "pointer" : ""; });
  var v = A.view;
  if (v && v.center) map.setView(v.center, v.zoom); else map.fitBounds([[32.3, 35.6], [37.35, 42.4]]);
  controls();
  lblLayer = new CanvasLayer("evmlabels", paintLabels).addTo(map);
  ptsLayer = new CanvasLayer("evm", paintPoints).addTo(map);
  window.addEventListener("resize", function () { map.invalidateSize(); detailHist(); });
}
function controls() {
  var Panel = L.Control.extend({
    onAdd: function () {
      var outer = el("div", "evm-panel");
      L.DomEvent.disableClickPropagation(outer); L.DomEvent.disableScrollPropagation(outer);
      var div = el("details"); div.appendChild(el("summary", "", tr("layers"))); outer.appendChild(div);
      var lab = el("label"), cb = el("input"); cb.type = "checkbox"; cb.checked = S.showImprecise; cb.id = "evm-imprecise";
      cb.addEventListener("change", function () { S.showImprecise = cb.checked; redraw(); });
      lab.appendChild(cb); lab.appendChild(document.createTextNode(" " + tr("show_imprecise"))); div.appendChild(lab);
      var lab2 = el("label", "", tr("size_by") + " "), sel = el("select"); sel.id = "evm-size";
      option(sel, "none", tr("size_none"), S.sizeBy === "none");
      if (D && D.flags & 1) option(sel, "fatalities", tr("size_fatalities"), S.sizeBy === "fatalities");
      sel.addEventListener("change", function () { S.sizeBy = sel.value; legend(); redraw(); });
      lab2.appendChild(sel); div.appendChild(lab2);
      var lab3 = el("label"), cb3 = el("input"); cb3.type = "checkbox"; cb3.id = "evm-tiles";
      cb3.addEventListener("change", function () {
        if (cb3.checked) {
          tiles = L.tileLayer(A.tilesUrl || "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                              {attribution: "© OpenStreetMap contributors", maxZoom: 19}).addTo(map);
          tiles.bringToBack();
        } else if (tiles) { map.removeLayer(tiles); tiles = null; }
      });
      lab3.appendChild(cb3); lab3.appendChild(document.createTextNode(" " + tr("online_tiles"))); div.appendChild(lab3);
      UI.sizeSel = sel;
      return outer;
    }
  });
  new Panel({position: "topright"}).addTo(map);
  var Legend = L.Control.extend({
    onAdd: function () { var d = el("div", "evm-panel evm-legend"); UI.legend = d; L.DomEvent.disableClickPropagation(d); return d; }
  });
  new Legend({position: A.lang === "ar" ? "bottomright" : "bottomleft"}).addTo(map);
  legend();
}
function svg(html) { var s = document.createElementNS("http://www.w3.org/2000/svg", "svg"); s.setAttribute("width", 18); s.setAttribute("height", 18); s.innerHTML = html; return s; }
function legend() {
  var d = UI.legend; if (!d) return;
  d.textContent = "";
  var open = el("details"); open.open = !!A.legendOpen;
  var sum = el("summary", "", tr("legend")); open.appendChild(sum);
  function row(icon, text) { var r = el("div", "row"); r.appendChild(icon); r.appendChild(el("span", "", text)); open.appendChild(r); }
  open.appendChild(el("div", "h", tr("groups_by_status")));
  M.statuses.forEach(function (s) {
    row(svg('<circle cx="9" cy="9" r="6.5" fill="white" stroke="' + (STATUS_COLORS[s] || AGG) + '" stroke-width="4"/>'),
        (A.labels && A.labels[s]) || s);
  });
  open.appendChild(el("div", "h", tr("single_events")));
  row(svg('<circle cx="9" cy="9" r="5.5" fill="#d62728" stroke="#fff"/>'), (A.labels || {}).reported || "reported");
  row(svg('<circle cx="9" cy="9" r="5.5" fill="#d62728" fill-opacity=".18" stroke="#d62728" stroke-width="2" stroke-dasharray="3 2"/>'), (A.labels || {}).claimed || "claimed");
  row(svg('<circle cx="9" cy="9" r="5.5" fill="#888" fill-opacity=".45" stroke="#777"/><path d="M6 6 L12 12 M12 6 L6 12" stroke="#222" stroke-width="1.5"/>'), (A.labels || {}).denied || "denied");
  row(svg('<circle cx="9" cy="9" r="5" fill="#d62728" stroke="#fff"/><circle cx="9" cy="9" r="7.5" fill="none" stroke="#111" stroke-width="1.6"/>'), (A.labels || {}).confirmed || "confirmed");
  row(svg('<circle cx="9" cy="9" r="4.5" fill="#777"/><circle cx="9" cy="9" r="8" fill="none" stroke="#555" stroke-dasharray="2 2"/>'), tr("approx_place"));
  row(svg('<circle cx="11" cy="7" r="6" fill="#000" fill-opacity=".18"/><circle cx="8" cy="10" r="6.5" fill="white" stroke="#2166ac" stroke-width="3"/>'), tr("stack"));
  row(svg('<rect x="1" y="3" width="16" height="12" fill="none" stroke="#6e3c96" stroke-dasharray="3 2"/><path d="M1 15 L13 3 M7 15 L17 5" stroke="#6e3c96" stroke-opacity=".5"/>'), tr("gov_level"));
  if (S.sizeBy === "fatalities") {
    open.appendChild(el("div", "h", tr("size_fatalities")));
    [1, 10, 100].forEach(function (n) {
      var r = Math.min(24, 4 + 1.7 * Math.sqrt(n));
      var s = svg('<circle cx="' + (r + 1) + '" cy="' + (r + 1) + '" r="' + r + '" fill="#999" stroke="#555"/>');
      s.setAttribute("width", 2 * r + 2); s.setAttribute("height", 2 * r + 2);
      row(s, String(n));
    });
  }
  open.appendChild(el("div", "h", tr("type_colour")));
  var seen = {};
  if (D) for (var i = 0; i < Math.min(D.n, 200000); i++) seen[D.type[i]] = 1;
  Object.keys(seen).forEach(function (t) {
    row(svg('<rect x="2" y="4" width="14" height="10" rx="2" fill="' + typeColor(+t) + '"/>'), label("type", +t));
  });
  d.appendChild(open);
}

// ---------------------------------------------------------------- args from Python
function b64(s) {       // a standalone export carries the payload as base64
  if (typeof s !== "string") return s;
  var bin = atob(s), buf = new ArrayBuffer(bin.length), u = new Uint8Array(buf);
  for (var i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
  return buf;
}
function loadJSON(url) { return fetch(url).then(function (r) { if (!r.ok) throw new Error(url + " " + r.status); return r.json(); }); }
function loadBin(url) { return fetch(url).then(function (r) { if (!r.ok) throw new Error(url + " " + r.status); return r.arrayBuffer(); }); }

function applyArgs(first) {
  var w = A.window;
  var key = w ? w[0] + ":" + w[1] : "";
  if (first || key !== S.lastArgsWindow) {
    S.lastArgsWindow = key;
    // until the server has read this map's latest window (args.ack = the last report it read), a window
    // it sends is the echo of an older move and must not undo the newer one
    var stale = !first && typeof A.ack === "number" && A.ack < (S.lastWindowSeq || 0);
    if (stale) S.lastArgsWindow = null;
    if (w && !stale) { S.w0 = w[0]; S.w1 = w[1]; }
  }
  if (first || A.selected !== S.lastArgsSel) {
    S.lastArgsSel = A.selected;
    if (A.selected !== null && A.selected !== undefined && A.selected >= 0) {
      S.sel = A.selected;
      if (!first && D && S.sel < D.n && !map.getBounds().contains([D.lat[S.sel], D.lon[S.sel]]))
        map.panTo([D.lat[S.sel], D.lon[S.sel]]);      // chosen elsewhere (table, link) and off-screen
    } else if (A.selected === -1) S.sel = -1;
  }
}

var loading = null;
function onRender(args) {
  var prev = A;
  A = args;
  post("streamlit:setFrameHeight", {height: A.height});
  var need = !prev || prev.data_url !== A.data_url || prev.lang !== A.lang;
  if (!need) { applyArgs(false); redraw(); return; }
  var t0 = performance.now();
  var myLoad = loading = Promise.all([
    A.inline_data ? Promise.resolve(b64(A.inline_data)) : loadBin(A.data_url),
    A.meta ? Promise.resolve(A.meta) : loadJSON(A.meta_url),
    B ? Promise.resolve(B) : (A.inline_basemap ? Promise.resolve(A.inline_basemap) : loadJSON(A.basemap_url))
  ]).then(function (res) {
    if (myLoad !== loading) return;
    M = res[1]; B = res[2];
    D = decode(res[0]);
    var span = M.span || [0, 1];
    S.lo = A.bounds ? A.bounds[0] : span[0]; S.hi = A.bounds ? A.bounds[1] : span[1];
    var keepView = map ? {c: map.getCenter(), z: map.getZoom()} : null;
    var sameLang = prev && prev.lang === A.lang && map;
    if (!sameLang) {
      if (map) { map.remove(); map = null; }
      build();
      addBoundaries();
    } else if (UI.sizeSel) {
      legend();
    }
    if (keepView && sameLang) map.setView(keepView.c, keepView.z, {animate: false});
    applyArgs(true);
    if (!(D.flags & 1)) S.sizeBy = "none";
    redraw();
    E.loadMs = performance.now() - t0;
    E.ready = true; E.dataUrl = A.data_url;
  }).catch(function (err) {
    var root = document.getElementById("evm-root");
    root.textContent = String(err);
    E.error = String(err);
  });
}
function addBoundaries() {
  var r = L.canvas({padding: 0.2});
  var land = L.geoJSON(B.adm2, {interactive: false, renderer: r,
    style: function () { return {color: "#b9b2a3", weight: 0.5, fillColor: "#f6f3ea", fillOpacity: 1}; }}).addTo(map);
  L.geoJSON(B.adm1, {interactive: false, renderer: r,
    style: function () { return {color: "#7d7566", weight: 1.5, fill: false}; }}).addTo(map);
  E.boundaries = B.adm1.features.length + B.adm2.features.length;
}

E.setWindow = function (a, b) { setWindow(a, b, "release"); };
E.select = function (i) { select(i, true); };
E.groupsNear = function (lat, lon, px) {
  var p = map.latLngToContainerPoint([lat, lon]);
  return (S.groups || []).filter(function (g) { return Math.hypot(g.x - p.x, g.y - p.y) <= (px || 60); })
    .map(function (g) { return {kind: g.kind, n: g.n, x: g.x, y: g.y, r: g.r, first: g.first}; });
};
E.groups = function () { return (S.groups || []).map(function (g) { return {kind: g.kind, n: g.n, x: g.x, y: g.y, r: g.r, first: g.first}; }); };
E.stackMembers = function (lat, lon) {
  var out = [];
  for (var i = 0; i < D.n; i++) if (Math.abs(D.lat[i] - lat) < 1e-5 && Math.abs(D.lon[i] - lon) < 1e-5 &&
      D.d1[i] >= S.w0 && D.d0[i] <= S.w1 && !D.impCode[D.prec[i]]) out.push(i);
  return out;
};
E.govOutlinePixels = function () {     // widest drawn governorate outline vs. its unit (test: never bigger)
  return Object.keys((S.last || {}).govCount || {}).length;
};

if (STANDALONE) onRender(window.EVM_STANDALONE);
else post("streamlit:componentReady", {apiVersion: 1});
})();
