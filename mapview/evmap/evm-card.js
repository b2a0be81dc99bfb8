/* evm-card: the clicked event's card inside the map (title, date, place, status, actors, sources).
 *
 * Why inside the map: the Streamlit side panel is filled by a rerun (0.3–1 s at 100k events); the card
 * is drawn in the click's own frame from what the browser holds: the payload's date, type, status,
 * precision, place and deaths, and the text shard (mapview/cards.py, SHARD events per static file)
 * fetched on hover or click. While a shard is not there yet (its writer runs behind the first map) the
 * card shows the payload's fields and says the side panel brings the rest. Text goes in by textContent.
 */
"use strict";
var CARDS = {};          // shard number → Promise of its rows (null rows: not written yet)
function cardShard(i) {
  if (!A || !A.cards_url || i < 0) return null;
  var k = Math.floor(i / (A.cards_shard || 512)), key = A.cards_url + k;
  var got = CARDS[key];
  // a shard not written yet (404) is asked again at most every 2 s (hovering asks on every move)
  if (got && (got.rows || got.pending || performance.now() - got.at < 2000)) return got;
  var entry = {pending: true, rows: undefined, at: performance.now()};
  CARDS[key] = entry;
  entry.promise = fetch(A.cards_url + k + ".json").then(function (r) { return r.ok ? r.json() : null; })
    .catch(function () { return null; })
    .then(function (rows) { entry.pending = false; entry.rows = rows; return rows; });
  return entry;
}
function cardRow(i) {
  var s = cardShard(i);
  return s && s.rows ? s.rows[i % (A.cards_shard || 512)] || null : null;
}
/** the card for event i, filled now with the payload's fields and the shard's text if it is here;
 *  ``at``: the click's time stamp (performance clock), for E.cardMs */
function showCard(i, at) {
  if (!UI.card || !D || i < 0 || i >= D.n) return;
  var row = cardRow(i);
  fillCard(i, row);
  // the bench reads these: click → card painted, and → card with its text (the same when the shard was here)
  function painted(full) {
    if (at !== undefined) requestAnimationFrame(function () {
      var ms = performance.now() - at;
      if (E.cardMs === null) E.cardMs = ms;
      if (full) E.cardFullMs = ms;
    });
  }
  if (at !== undefined) { E.cardMs = null; E.cardFullMs = null; }
  painted(!!row);
  var s = cardShard(i);
  if (!row && s && s.rows === undefined) s.promise.then(function () {
    if (+UI.card.dataset.index === i && cardRow(i)) { fillCard(i, cardRow(i)); painted(true); }
  });
}
function fillCard(i, row) {
  var c = UI.card;
  c.textContent = "";
  c.style.display = "block";
  c.dataset.index = i; c.dataset.full = row ? "1" : "0";
  var close = el("button", "evm-card-close", "×"); close.type = "button"; close.title = tr("card_close");
  close.setAttribute("aria-label", tr("card_close"));
  close.addEventListener("click", function () { c.style.display = "none"; c.dataset.index = "-1"; });
  c.appendChild(close);
  var h = el("h5", "", row && row[0] ? row[0] : eventLine(i)); h.dir = "auto"; c.appendChild(h);
  var when = el("div", "meta", fmtSpan(D.d0[i], D.d1[i]) + " · " + label("type", D.type[i]));
  c.appendChild(when);
  var badges = el("div", "meta");
  var st = el("span", "evm-card-status", label("status", D.status[i]));
  st.style.borderColor = STATUS_COLORS[statusName(D.status[i])] || GREY;
  badges.appendChild(st); badges.appendChild(document.createTextNode(" " + label("prec", D.prec[i])));
  c.appendChild(badges);
  var place = (row && row[1]) || placeName(i);
  if (place) { var p = el("div", "evm-card-place", place); p.dir = "auto"; c.appendChild(p); }
  var f = fatal(i);
  if (f !== null && f > 0) c.appendChild(el("div", "meta", A.pluralKilled ? countWords(f, A.pluralKilled) : fmt("deaths", {n: f})));
  if (!row) { c.appendChild(el("div", "meta evm-card-wait", "…")); return; }
  if (row[2]) { var a = el("div", "meta", tr("card_actors") + ": " + row[2]); a.dir = "auto"; c.appendChild(a); }
  if (row[3] && row[3].length) {
    c.appendChild(el("div", "evm-card-h", tr("card_sources")));
    var ol = el("ol", "evm-card-src");
    row[3].forEach(function (s) {
      var li = el("li");
      if (s[0]) li.appendChild(el("b", "", s[0]));
      if (s[1]) li.appendChild(document.createTextNode((s[0] ? " · " : "") + s[1]));
      if (s[2]) { var t = el("span", "", s[2]); t.dir = "auto"; if (s[0] || s[1]) li.appendChild(document.createTextNode(" · ")); li.appendChild(t); }
      ol.appendChild(li);
    });
    c.appendChild(ol);
    if (row[4] > 0) c.appendChild(el("div", "meta", fmt("card_more", {n: row[4]})));
  }
}
/** where the card sits: at the top of the "events in view" column beside the map, so it never covers
 *  the map's popups or a stack's list (in a map corner it hid the list entries being clicked); with the
 *  column hidden (full-width map), in the map's lower corner the legend leaves free */
function addCardControl() {
  var d = el("div", "evm-panel evm-card"); d.style.display = "none"; d.dataset.index = "-1";
  d.setAttribute("data-testid", "evm-card"); d.dir = A.lang === "ar" ? "rtl" : "ltr";
  UI.card = d;
  if (UI.side && A.side !== false) { d.className += " in-side"; UI.side.insertBefore(d, UI.side.firstChild); return; }
  var Card = L.Control.extend({
    onAdd: function () { L.DomEvent.disableClickPropagation(d); L.DomEvent.disableScrollPropagation(d); return d; }
  });
  new Card({position: A.lang === "ar" ? "bottomleft" : "bottomright"}).addTo(map);
}
