/* evm-core: the map's shared state, constants, the Streamlit post/report calls and text helpers.
 *
 * Why the map runs in the browser (README, "Why the map runs in the browser"): the window's points come
 * once as typed arrays (mapview/points.py); a slider move, a brush, Play or a zoom then costs one pass over
 * those arrays and one canvas paint (milliseconds), instead of a Streamlit rerun that rebuilt and sent a
 * folium layer (seconds). Python hears back only what it must act on: a selection (side panel), a window
 * released (table, permalink) and the view the user moved to (permalink).
 *
 * The component is split by concern into plain scripts that share one global scope (no bundler, no build
 * step), loaded in this order by index.html and inlined in the same order by the standalone export
 * (ui/evmap.py reads the order from index.html): evm-core, evm-data, evm-groups, evm-draw, evm-basemap,
 * evm-popup, evm-timeline, evm-page, evm-link, evm-bridge. Only evm-bridge starts anything; the others define.
 * Runs as a Streamlit component (the postMessage protocol of streamlit-component-lib, written by hand)
 * or, in a standalone export, from window.EVM_STANDALONE. All text from data goes in via textContent.
 */
"use strict";
var E = window.evm = {drawSeq: 0, stats: null, ready: false, scriptAt: performance.now()};
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
// a pan/zoom is reported (permalink) once the map has rested this long; a click's report carries it sooner
var VIEW_REPORT_MS = 1500;
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
  // every report carries the view the user moved to (permalink), so a pending view-only report, which
  // would cost one more rerun right behind this one, is dropped
  if (!v.view && map && S.touched) { var c = map.getCenter(); v.view = {lat: c.lat, lng: c.lng, zoom: map.getZoom()}; }
  clearTimeout(S.viewTimer); S.viewTimer = null;
  E.lastReport = v;
  E.reports = (E.reports || []).slice(-20); E.reports.push([Date.now(), event]);
  post("streamlit:setComponentValue", {value: v, dataType: "json"});
}

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
/** "1 event" / "7 events"; Arabic: حدث واحد، حدثان، 3–10 أحداث، 11–99 حدثًا، 100 حدث. ``table``: another
 *  noun's forms by plural class (ui/i18n.py COUNTED, e.g. killed: قتيل واحد، قتيلان، 5 قتلى، 12 قتيلًا). */
function countWords(n, table) {
  var p = table || A.plural || {};
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
  // the place keeps its own direction (a Latin name in an Arabic line, or the reverse): a bidi isolate, so
  // the count after it is not pulled into the name's run ("Rasm Ward village · 28 قتيلًا")
  var p = placeName(i); if (p) parts.push("\u2068" + p + "\u2069");
  var f = fatal(i); if (f !== null && f > 0) parts.push(A.pluralKilled ? countWords(f, A.pluralKilled) : fmt("deaths", {n: f}));
  return parts.join(" · ");
}


var UI = {};      // the component's DOM nodes (evm-page builds them)
