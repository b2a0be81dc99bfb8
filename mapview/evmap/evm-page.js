/* evm-page: the component's DOM (map, side list, strip, timeline controls), the Leaflet map and its
 * layer panel and legend. */
"use strict";
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
  map.on("moveend", function () {
    if (!S.touched) return;
    clearTimeout(S.viewTimer);
    S.viewTimer = setTimeout(function () { report("view", {}); }, VIEW_REPORT_MS);
  });
  map.on("click", onMapClick);
  map.on("mousemove", function (e) {
    var g = hit(e.containerPoint);
    box.style.cursor = g ? "pointer" : "";
    if (g) cardShard(g.first);          // the card's text is fetched before the click (evm-card)
  });
  var v = A.view;
  if (v && v.center) map.setView(v.center, v.zoom); else map.fitBounds([[32.3, 35.6], [37.35, 42.4]]);
  controls();
  addCardControl();
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
