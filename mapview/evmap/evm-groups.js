/* evm-groups: one pass over the window's points groups those in view by screen cell (groups split as
 * the user zooms in, down to single events and same-point stacks); hit-testing and a group's members. */
"use strict";
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

// ---------------------------------------------------------------- hit-testing, members
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
