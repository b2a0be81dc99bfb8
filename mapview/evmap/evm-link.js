/* evm-link: the page's Streamlit date slider moves the map in the browser, as the map's own brush does.
 *
 * Why: a Streamlit slider move costs a rerun of the whole page (measured 0.3–0.9 s slider → map at
 * 10k–100k events, most of it the browser re-rendering the page, not the script), while the map can
 * repaint a window in tens of milliseconds. The component's iframe is served from the app's own origin,
 * so it can watch the slider's thumbs (their value attributes change while dragging and on keys) and
 * repaint at once; the rerun that follows still updates the table, caption and permalink, and its args
 * then carry the same window (no second repaint). Another origin, a standalone export or a slider not
 * found: nothing is linked and the args move the map, as before.
 */
"use strict";
var DAY_US = 86400000000;      // Streamlit's date slider values: microseconds since 1970-01-01
var LINK = {box: null, obs: null, pending: false};

function sliderInputs() {
  if (STANDALONE || !A || !A.slider) return [];
  try {
    if (!window.parent || window.parent === window) return [];
    return window.parent.document.querySelectorAll(A.slider);
  } catch (e) {
    return [];          // not the same origin
  }
}
function sliderDay(input) {
  var v = Number(input.value);
  if (input.value !== "" && isFinite(v)) return Math.round(v / DAY_US);
  var text = input.getAttribute("aria-valuetext") || "";
  return /^\d{4}-\d\d-\d\d/.test(text) ? isoToDay(text.slice(0, 10)) : null;
}
/** (Re)attach the watcher: the slider's element may be new after a rerun. */
function linkSlider() {
  var inputs = sliderInputs();
  if (inputs.length !== 2) return;
  var box = inputs[0].closest("[data-testid=stSlider]") || inputs[0].parentElement;
  if (LINK.box === box && box.isConnected) return;
  if (LINK.obs) LINK.obs.disconnect();
  LINK.box = box;
  LINK.obs = new MutationObserver(function () {
    if (LINK.pending) return;
    LINK.pending = true;
    requestAnimationFrame(followSlider);      // one repaint per frame while the thumb is dragged
  });
  LINK.obs.observe(box, {subtree: true, attributes: true, attributeFilter: ["value", "aria-valuetext"]});
  E.sliderLinked = true;
}
function followSlider() {
  LINK.pending = false;
  if (!D || !map || S.playing || S.brushing) return;
  // a window the map itself reported and the server has not read yet: the slider still shows an older one
  if (typeof A.ack === "number" && A.ack < (S.lastWindowSeq || 0)) return;
  var inputs = sliderInputs();
  if (inputs.length !== 2) return;
  var a = sliderDay(inputs[0]), b = sliderDay(inputs[1]);
  if (a === null || b === null) return;
  if (a > b) { var t = a; a = b; b = t; }
  a = Math.max(S.lo, Math.min(a, S.hi)); b = Math.max(S.lo, Math.min(b, S.hi));
  if (a === S.w0 && b === S.w1) return;
  S.w0 = a; S.w1 = b;
  E.sliderFollowed = (E.sliderFollowed || 0) + 1;
  redraw();
}
