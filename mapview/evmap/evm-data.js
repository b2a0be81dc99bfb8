/* evm-data: the binary payload (mapview/points.py) decoded into typed arrays, the date-ordered window
 * lookup, and the fetches of the payload, its meta and the base map. */
"use strict";
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
  S.dataGen = (S.dataGen || 0) + 1;     // the grouping cache (evm-draw) is keyed by it
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

function b64(s) {       // a standalone export carries the payload as base64
  if (typeof s !== "string") return s;
  var bin = atob(s), buf = new ArrayBuffer(bin.length), u = new Uint8Array(buf);
  for (var i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
  return buf;
}
function loadJSON(url) { return fetch(url).then(function (r) { if (!r.ok) throw new Error(url + " " + r.status); return r.json(); }); }
function loadBin(url) { return fetch(url).then(function (r) { if (!r.ok) throw new Error(url + " " + r.status); return r.arrayBuffer(); }); }
