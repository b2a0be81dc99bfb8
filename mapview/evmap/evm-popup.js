/* evm-popup: clicks on the map (a point selects, a group zooms, a stack or a governorate opens a list
 * popup), the selection, the "events in view" side list with its small charts, and the imprecise strip. */
"use strict";
// ---------------------------------------------------------------- clicks, popups, selection
function select(i, fromMap, at) {
  S.sel = i;
  showCard(i, at === undefined ? performance.now() : at);     // in this frame, before the rerun (evm-card)
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
    b.addEventListener("click", function (ev) {
      ul.querySelectorAll("button.sel").forEach(function (x) { x.className = ""; });
      b.className = "sel"; select(i, true, ev.timeStamp);
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
      select(i, true, e.originalEvent ? e.originalEvent.timeStamp : undefined);
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
      l.title = p[0]; l.dir = "auto";      // a Latin actor in the Arabic page is cut at its end, not its start
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
