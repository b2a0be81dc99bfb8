/* evm-bridge: Streamlit's render messages → args applied (window, selection; a stale window echo never
 * undoes a newer move), the data (re)loaded when its URL changes; test hooks on window.evm; start-up. */
"use strict";
// ---------------------------------------------------------------- Streamlit protocol
window.addEventListener("message", function (e) {
  var d = e.data;
  if (d && d.type === "streamlit:render") onRender(d.args);
});

// ---------------------------------------------------------------- args from Python
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
      if (D && S.sel < D.n && (!UI.card || +UI.card.dataset.index !== S.sel)) showCard(S.sel);   // chosen in the table or a link
      if (!first && D && S.sel < D.n && !map.getBounds().contains([D.lat[S.sel], D.lon[S.sel]]))
        map.panTo([D.lat[S.sel], D.lon[S.sel]]);      // chosen elsewhere (table, link) and off-screen
    } else if (A.selected === -1) S.sel = -1;
  }
}

/** The frame's height: the height the page asks for, grown on a tall window to fill it below the frame's
 *  top (at most 1.6× the asked height), so the map uses the screen at 1600×1000 and more; never shrunk,
 *  so the page's own choice holds at 1366×768. The room is measured once, at the first render (the page
 *  is then at its top: a later measure would follow the user's scrolling). Another origin or no parent
 *  page: the asked height. */
var roomBelowTop = null;
function frameHeight() {
  if (roomBelowTop === null) {
    roomBelowTop = 0;
    try {
      var fe = window.frameElement, pw = window.parent;
      if (fe && pw && pw !== window) roomBelowTop = Math.floor(pw.innerHeight - fe.getBoundingClientRect().top - 12);
    } catch (e) { /* not the same origin */ }
  }
  var h = roomBelowTop > A.height ? Math.min(roomBelowTop, Math.round(A.height * 1.6)) : A.height;
  E.frameHeight = h;
  return h;
}

/** Once per frame, when the page asks (args.report_drawn: its first run ends at the map, ui/dashboard.py):
 *  the first frame is painted, so the page's table and exports may now use the server. */
function reportDrawn() {
  if (!A.report_drawn || S.drawnSent) return;
  S.drawnSent = true;
  report("drawn", {});
}

var loading = null;
function onRender(args) {
  var prev = A;
  A = args;
  E.argsWindow = A.window; E.renders = (E.renders || 0) + 1;
  post("streamlit:setFrameHeight", {height: frameHeight()});
  linkSlider();
  var need = !prev || prev.data_url !== A.data_url || prev.lang !== A.lang;
  if (!need) { applyArgs(false); redraw(); return; }
  var t0 = performance.now();
  var myLoad = loading = Promise.all([
    A.inline_data ? Promise.resolve(b64(A.inline_data)) : loadBin(A.data_url),
    A.meta ? Promise.resolve(A.meta) : loadJSON(A.meta_url),
    B ? Promise.resolve(B) : (A.inline_basemap ? Promise.resolve(A.inline_basemap) : loadJSON(A.basemap_url))
  ]).then(function (res) {
    if (myLoad !== loading) return;
    var t1 = performance.now();
    M = res[1]; B = res[2];
    D = decode(res[0]);
    var t2 = performance.now();
    var span = M.span || [0, 1];
    S.lo = A.bounds ? A.bounds[0] : span[0]; S.hi = A.bounds ? A.bounds[1] : span[1];
    var keepView = map ? {c: map.getCenter(), z: map.getZoom()} : null;
    var sameLang = prev && prev.lang === A.lang && map;
    if (!sameLang) {
      if (map) { map.remove(); map = null; }
      build();
      addBoundaries();
      addLines();          // rivers (evm-lines)
    } else if (UI.sizeSel) {
      legend();
    }
    if (keepView && sameLang) map.setView(keepView.c, keepView.z, {animate: false});
    var t3 = performance.now();
    applyArgs(true);
    if (!(D.flags & 1)) S.sizeBy = "none";
    redraw();
    E.loadMs = performance.now() - t0;
    // where a first map's time goes (the bench reads it): render message at (ms since the page's origin),
    // fetches, decoding, building the page and base map, first paint
    E.timing = {renderAt: t0, fetchMs: t1 - t0, decodeMs: t2 - t1, buildMs: t3 - t2, drawMs: performance.now() - t3,
                origin: performance.timeOrigin};
    E.ready = true; E.dataUrl = A.data_url;
    reportDrawn();
  }).catch(function (err) {
    var root = document.getElementById("evm-root");
    root.textContent = String(err);
    E.error = String(err);
    reportDrawn();        // the page below the map need not wait for a map that cannot draw
  });
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
