// The operator's view: stream status, channel maps, traces, task controls, latency, the session log.
"use strict";
const $ = (id) => document.getElementById(id);
let token = null;
let labels = [];
let grid = { rows: 1, columns: 1 };
let badChannels = [];

(function readToken() {
  const match = location.hash.match(/token=([0-9a-f]+)/);
  if (match) {
    sessionStorage.setItem("naoyu-token", match[1]);
    history.replaceState(null, "", location.pathname); // keep the token out of the address bar and history
  }
  token = sessionStorage.getItem("naoyu-token");
  if (!token) $("token-form").hidden = false;
})();

$("token-save").addEventListener("click", () => {
  sessionStorage.setItem("naoyu-token", $("token-input").value.trim());
  location.reload();
});

async function act(name, body) {
  const response = await fetch("/api/action/" + name, {
    method: "POST",
    headers: { "Authorization": "Bearer " + token, "Content-Type": "application/json" },
    body: JSON.stringify(body || {}),
  });
  if (!response.ok) {
    const answer = await response.json().catch(() => ({ error: response.statusText }));
    addLog("refused: " + answer.error);
  }
}

document.querySelectorAll("[data-phase]").forEach((b) =>
  b.addEventListener("click", () => act("phase", { phase: b.dataset.phase })));
$("train").addEventListener("click", () => act("train"));
$("undo").addEventListener("click", () => act("undo"));
$("commit").addEventListener("click", () => act("commit"));
$("clear").addEventListener("click", () => act("clear"));

function definitions(target, entries) {
  target.replaceChildren();
  for (const [k, v] of entries) {
    const dt = document.createElement("dt"); dt.textContent = k;
    const dd = document.createElement("dd"); dd.textContent = v;
    target.append(dt, dd);
  }
}

const fmt = (v, digits) => (v === null || v === undefined || Number.isNaN(v)) ? "–" : Number(v).toFixed(digits);

function colour(value, low, high, hueLow, hueHigh) {
  const t = Math.max(0, Math.min(1, (value - low) / (high - low)));
  return `hsl(${hueLow + t * (hueHigh - hueLow)}, 70%, ${25 + 35 * t}%)`;
}

function drawMap(canvas, values, pick) {
  const ctx = canvas.getContext("2d");
  const w = canvas.width / grid.columns, h = canvas.height / grid.rows;
  ctx.fillStyle = "#0b0e11";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  values.forEach((v, c) => {
    const x = (c % grid.columns) * w, y = Math.floor(c / grid.columns) * h;
    ctx.fillStyle = pick(v, c);
    ctx.fillRect(x + 1, y + 1, w - 2, h - 2);
    if (badChannels.includes(c)) {
      ctx.strokeStyle = "#ff5d5d"; ctx.lineWidth = 2;
      ctx.beginPath(); ctx.moveTo(x + 3, y + 3); ctx.lineTo(x + w - 3, y + h - 3); ctx.stroke();
    }
  });
}

function channelAt(canvas, event) {
  const r = canvas.getBoundingClientRect();
  const col = Math.floor((event.clientX - r.left) / r.width * grid.columns);
  const row = Math.floor((event.clientY - r.top) / r.height * grid.rows);
  const c = row * grid.columns + col;
  return c < labels.length ? c : -1;
}

for (const id of ["quality-map", "gamma-map"]) {
  const canvas = $(id);
  canvas.addEventListener("click", (e) => {
    const c = channelAt(canvas, e);
    if (c >= 0) act("bad", { channel: c, bad: !badChannels.includes(c) });
  });
  canvas.addEventListener("mousemove", (e) => {
    const c = channelAt(canvas, e);
    canvas.title = c >= 0 ? labels[c] : "";
  });
}

function drawTraces(traces) {
  const canvas = $("traces"), ctx = canvas.getContext("2d");
  ctx.fillStyle = "#0b0e11"; ctx.fillRect(0, 0, canvas.width, canvas.height);
  const names = Object.keys(traces), lane = canvas.height / Math.max(1, names.length);
  names.forEach((name, i) => {
    const y0 = lane * (i + 0.5), values = traces[name];
    const peak = Math.max(1e-9, ...values.map(Math.abs));
    ctx.strokeStyle = "#7fd1c7"; ctx.lineWidth = 1; ctx.beginPath();
    values.forEach((v, k) => {
      const x = k / Math.max(1, values.length - 1) * canvas.width, y = y0 - v / peak * lane * 0.45;
      if (k === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
    });
    ctx.stroke();
    ctx.fillStyle = "#c9c4b8"; ctx.font = "12px sans-serif";
    ctx.fillText(`${name}  ±${peak.toFixed(0)} µV`, 6, lane * i + 14);
  });
}

function drawLatency(rows) {
  const body = $("latency").querySelector("tbody");
  body.replaceChildren();
  for (const r of rows) {
    const tr = document.createElement("tr");
    for (const v of [r.stage, r.count, fmt(r.p50Ms, 2), fmt(r.p95Ms, 2), fmt(r.p99Ms, 2), fmt(r.maxMs, 2)]) {
      const td = document.createElement("td"); td.textContent = v; tr.appendChild(td);
    }
    const td = document.createElement("td"), canvas = document.createElement("canvas");
    canvas.width = 140; canvas.height = 28; td.appendChild(canvas); tr.appendChild(td);
    const ctx = canvas.getContext("2d"), buckets = r.bucketsMs || [];
    const most = Math.max(1, ...buckets.map((b) => b[1]));
    buckets.forEach((b, i) => {
      const h = b[1] / most * 26, w = canvas.width / Math.max(8, buckets.length);
      ctx.fillStyle = "#e0b354"; ctx.fillRect(i * w, 28 - h, w - 1, h);
    });
    canvas.title = buckets.map((b) => `≤${b[0]} ms: ${b[1]}`).join("\n");
    body.appendChild(tr);
  }
}

function addLog(line) {
  const item = document.createElement("li");
  item.textContent = line;
  $("log").prepend(item);
  while ($("log").children.length > 200) $("log").lastChild.remove();
}

function showStatus(s) {
  labels = s.labels; grid = s.grid; badChannels = s.badChannels;
  const st = s.stream;
  definitions($("stream"), [
    ["stream", `${st.name} · ${st.channels} ch`],
    ["rate", `${fmt(st.effectiveRateHz, 1)} Hz of ${fmt(st.nominalRateHz, 0)} Hz`],
    ["samples", st.samples],
    ["gaps", `${st.gaps} (${st.droppedSamples} samples dropped)`],
    ["time correction", st.timeCorrectionMs === null ? "measuring…" : `${fmt(st.timeCorrectionMs, 3)} ms`],
    ["connected", st.connected ? "yes" : "NO"],
    ["task stream", st.taskStream || "none"],
  ]);
  definitions($("task"), [
    ["phase", s.phase],
    ["model", s.model],
    ["recording", s.recording || "not recording"],
    ["calibration", s.calibrating || "–"],
    ["bad channels", s.badChannels.map((c) => labels[c]).join(", ") || "none"],
    ["speech probability", fmt(s.speechProbability, 2)],
  ]);
  document.querySelectorAll("[data-phase]").forEach((b) => b.classList.toggle("active", b.dataset.phase === s.phase));
  drawMap($("quality-map"), s.quality, (q) => q.bad ? "#b33a3a" : colour(Math.log10(Math.max(q.rms, 0.1)), 0, 3, 200, 160));
  drawMap($("gamma-map"), s.highGamma.length ? s.highGamma : labels.map(() => 0), (v) => colour(v, -1, 3, 230, 30));
  drawTraces(s.traces);
  drawLatency(s.latency);
  if ($("log").children.length === 0) s.log.slice().forEach(addLog);
}

connectSession((event) => {
  switch (event.event) {
    case "auth":
      $("auth").textContent = event.ok ? "signed in" : event.message;
      $("auth").classList.toggle("bad", !event.ok);
      if (!event.ok) $("token-form").hidden = false;
      break;
    case "status": showStatus(event.status); break;
    case "log": addLog(event.line); break;
    case "hello": $("mirror").textContent = (event.participant.candidates || [])[0] || ""; break;
    case "cue": $("mirror-cue").textContent = "cue: " + event.text; break;
    case "attempt": case "revised": $("mirror").textContent = (event.candidates || [])[0] || ""; break;
    case "sentence": $("mirror").textContent = "✓ " + event.text; break;
  }
}, token);
