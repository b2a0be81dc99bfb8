/* evm-timeline: the overview brush, the window histogram whose axis follows the window, the date
 * inputs' window and Play. */
"use strict";
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
    S.brushing = true;
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
  cv.addEventListener("pointerup", function () { S.brushing = false; if (drag) { drag = null; report("window", {}); } });
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
