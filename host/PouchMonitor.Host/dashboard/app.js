"use strict";
// PouchMonitor dashboard: overview cards, trend chart, raw view and alerts of one experiment, kept live over SSE.
(() => {
  // Colours and marker glyphs come from the server (window.plots, GET /api/plot-style): the report draws with the same.
  const $ = (id) => document.getElementById(id);
  const state = { experiment: null, conditions: "", quantity: "gas", basis: "slurry", range: null, trend: null, trendPlot: null,
    rawPlots: [], pouches: [], colors: {}, overview: new Map(), trendTimer: null, me: null };

  const fmt = (v, digits) => v == null || !isFinite(v) ? "–" : v.toFixed(digits);
  const utc = (t) => t ? new Date(t).toISOString().replace("T", " ").slice(0, 19) + " UTC" : "–";
  // Ages count from when the server computed them (or a live reading arrived), not from the browser's clock:
  // the two clocks may differ, and `pouchmon demo` runs the host on an accelerated clock.
  const age = (receivedAt, ageS) => {
    if (receivedAt == null || ageS == null) { return "–"; }
    const s = Math.max(0, ageS + (Date.now() - receivedAt) / 1000);
    return s < 120 ? `${s.toFixed(0)} s` : s < 7200 ? `${(s / 60).toFixed(0)} min` : `${(s / 3600).toFixed(1)} h`;
  };
  const signIn = () => { location.href = `/signin?returnUrl=${encodeURIComponent(location.pathname + location.search)}`; };
  const getJson = async (url) => {
    const response = await fetch(url);
    if (response.status === 401) { signIn(); }
    if (!response.ok) { throw new Error(`${url}: ${response.status}`); }
    return response.json();
  };
  const words = (kind) => kind.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  const api = (path) => `/api/experiments/${encodeURIComponent(state.experiment)}${path}`;

  // ---- overview ----
  function card(p) {
    const alerting = p.openAlerts.length > 0;
    const health = (label, value, good) => `<span class="badge ${value === good ? "ok" : value === "no data" ? "" : "bad"}">${label} ${value}</span>`;
    return `<div class="card${alerting ? " alerting" : ""}" data-pouch="${p.pouch}" style="--swatch:${state.colors[p.pouch]}">
      <div class="title"><span>${p.pouch}</span><span class="muted">${p.device ?? "no device"}${p.sensor != null ? ` · sensor ${p.sensor}` : ""}</span></div>
      <div class="sample" title="${p.sample}">${p.sample}</div>
      <div class="big"><span class="gas">${fmt(p.dryGasMlStdPerG, 3)}</span> <small>mL g⁻¹ slurry</small></div>
      <dl>
        <dt>per active material</dt><dd>${fmt(p.dryGasMlStdPerGActive, 3)} mL g⁻¹</dd>
        <dt>rate (last hour)</dt><dd>${fmt(p.rateMlStdPerGPerDay, 3)} mL g⁻¹ d⁻¹</dd>
        <dt>H₂</dt><dd>${p.h2Percent == null ? "no GC yet" : `${fmt(p.h2Percent, 1)} % (${p.h2Basis})`}</dd>
        <dt>pressure</dt><dd class="pressure">${fmt(p.pressureKPa, 3)} kPa</dd>
        <dt>temperature</dt><dd class="temperature">${fmt(p.temperatureC, 2)} °C</dd>
        <dt>last reading</dt><dd class="age" data-received="${p.receivedAt}" data-age="${p.lastReadingAgeS ?? ""}" title="${utc(p.lastReadingAt)}">${age(p.receivedAt, p.lastReadingAgeS)} ago</dd>
      </dl>
      <div>${health("device", p.deviceHealth, "online")}${health("sensor", p.sensorHealth, "ok")}
        ${p.openAlerts.map((a) => `<span class="badge bad alert-kind">${a.replaceAll("-", " ")}</span>`).join("")}</div>
    </div>`;
  }

  async function loadOverview() {
    const overview = await getJson(api("/overview"));
    state.conditions = overview.standardConditions.replace(/^mL at /, "");
    $("conditions").textContent = `Gas volumes: dry, at ${state.conditions}`;
    const receivedAt = Date.now();
    overview.pouches.forEach((p, i) => { p.receivedAt = receivedAt; state.colors[p.pouch] ??= window.plots.colour(i); state.overview.set(p.pouch, p); });
    $("overview").innerHTML = overview.pouches.map(card).join("");
    const select = $("raw-pouch");
    if (select.options.length !== overview.pouches.length) {
      select.innerHTML = overview.pouches.map((p) => `<option>${p.pouch}</option>`).join("");
    }
  }

  function onReading(r) {
    document.body.dataset.liveReadings = String(Number(document.body.dataset.liveReadings ?? 0) + 1);
    const p = state.overview.get(r.pouch);
    if (!p) { return; }
    Object.assign(p, { lastReadingAt: r.time, lastReadingAgeS: 0, receivedAt: Date.now(), pressureKPa: r.pressureKPa, temperatureC: r.temperatureC,
      dryGasMlStdPerG: r.dryGasMlStdPerG ?? p.dryGasMlStdPerG, h2Percent: r.h2Percent ?? p.h2Percent, h2Basis: r.h2Basis ?? p.h2Basis });
    const element = document.querySelector(`.card[data-pouch="${CSS.escape(r.pouch)}"]`);
    if (element) { element.outerHTML = card(p); }
    scheduleTrend();
  }

  // ---- trend ----
  function drawMarkers(u) {
    window.plots.drawMarkers(u, state.trend.markers, (m) => state.trend.series.findIndex((s) => s.pouch === m.pouch) + 1);
  }

  function trendTitle() {
    const what = state.quantity === "h2" ? "H₂" : "Dry gas";
    const per = state.basis === "active" ? "mL g⁻¹ active material" : "mL g⁻¹ slurry";
    return `${what} / ${per} (${state.conditions})`;
  }

  function makeTrendPlot(data) {
    const element = $("trend");
    const opts = {
      width: element.clientWidth, height: 460,
      scales: { x: { time: false } },
      axes: [
        { label: "Time since seal / d", values: (u, ticks) => ticks.map((t) => String(+t.toFixed(3))) },
        { label: trendTitle(), size: 60, values: (u, ticks) => ticks.map((t) => String(+t.toFixed(3))) },
      ],
      series: [
        { label: "t / d", value: (u, v) => v == null ? "–" : v.toFixed(3) },
        ...state.trend.series.map((s) => ({
          label: `${s.sample} (${s.pouch}${s.group ? `, group ${s.group}` : ""})`, stroke: s.colour, width: 1.5, spanGaps: true,
          value: (u, v) => v == null ? "–" : `${v.toFixed(3)} ${state.trend.unit} at ${state.conditions}`,
        })),
      ],
      cursor: { drag: { x: true, y: false } },
      hooks: {
        draw: [drawMarkers],
        setSelect: [(u) => {
          if (u.select.width > 5) {
            state.range = [u.posToVal(u.select.left, "x"), u.posToVal(u.select.left + u.select.width, "x")];
            loadTrend();
          }
        }],
      },
    };
    element.innerHTML = "";
    const plot = new uPlot(opts, data, element);
    plot.over.addEventListener("dblclick", () => { state.range = null; loadTrend(); });
    return plot;
  }

  async function loadTrend() {
    const columns = Math.max(200, Math.round($("trend").clientWidth));
    let query = `/trend?quantity=${state.quantity}&basis=${state.basis}&columns=${columns}`;
    if (state.range) { query += `&fromDays=${state.range[0]}&toDays=${state.range[1]}`; }
    state.trend = await getJson(api(query));
    const data = window.plots.align(state.trend.series);
    state.trendPlot?.destroy();
    state.trendPlot = makeTrendPlot(data);
    state.trendPlot.setScale("x", { min: state.trend.fromDays, max: state.trend.toDays });
    const source = state.trend.series.reduce((n, s) => n + s.sourcePoints, 0);
    const kept = state.trend.series.reduce((n, s) => n + s.days.length, 0);
    $("trend").dataset.unit = state.trend.unit;
    $("trend").dataset.markers = state.trend.markers.map((m) => `${m.pouch}:${m.kind}`).join(",");
    $("trend").dataset.seriesPoints = state.trend.series.map((s) => `${s.pouch}:${s.days.length}`).join(",");
    $("trend-stats").textContent = `${kept.toLocaleString("en")} of ${source.toLocaleString("en")} stored points drawn (min/max per pixel column).`;
  }

  function scheduleTrend() {
    if (state.trendTimer) { return; }
    state.trendTimer = setTimeout(async () => { state.trendTimer = null; await loadTrend(); }, 5000);
  }

  // ---- raw view ----
  function rawPlot(element, channel, label, band, limit) {
    const opts = {
      width: element.clientWidth, height: 220,
      cursor: { sync: { key: "raw" } },
      scales: { x: { time: false }, y: { range: (u, min, max) => band ? [Math.min(min, band[0]) - 0.5, Math.max(max, band[1]) + 0.5] : [min - (max - min) * 0.05 - 1e-3, max + (max - min) * 0.05 + 1e-3] } },
      axes: [{ label: state.rawAxis, values: (u, ticks) => ticks.map((t) => String(+t.toFixed(3))) },
        { label, size: 70 }],
      series: [{ label: "t / d", value: (u, v) => v == null ? "–" : `${v.toFixed(3)} d (${utc(state.rawDayZero + v * 86_400_000)})` },
        { label, stroke: band ? "#c0392b" : limit ? "#1f5fa8" : "#2e7d32", width: 1.25, value: (u, v) => v == null ? "–" : `${v.toFixed(3)} ${channel.unit}` }],
      hooks: {
        drawClear: [(u) => {
          if (!band) { return; }
          const top = u.valToPos(band[1], "y", true), bottom = u.valToPos(band[0], "y", true);
          u.ctx.fillStyle = "rgba(46,125,50,0.10)";
          u.ctx.fillRect(u.bbox.left, top, u.bbox.width, bottom - top);
        }],
        draw: [(u) => {
          if (!limit || limit > u.scales.y.max) { return; }
          const y = u.valToPos(limit, "y", true);
          u.ctx.save();
          u.ctx.strokeStyle = "#c62828"; u.ctx.setLineDash([6, 4]);
          u.ctx.beginPath(); u.ctx.moveTo(u.bbox.left, y); u.ctx.lineTo(u.bbox.left + u.bbox.width, y); u.ctx.stroke();
          u.ctx.restore();
        }],
      },
    };
    element.innerHTML = "";
    return new uPlot(opts, [channel.days, channel.values], element);
  }

  async function loadRaw() {
    const pouch = $("raw-pouch").value;
    if (!pouch) { return; }
    const raw = await getJson(api(`/pouches/${encodeURIComponent(pouch)}/raw?columns=${Math.round($("raw-pressure").clientWidth)}`));
    state.rawPlots.forEach((p) => p.destroy());
    // Day 0 as on the trend: the pouch's baseline (before it has one, its first reading).
    state.rawDayZero = Date.parse(raw.dayZero);
    state.rawAxis = raw.baselineAt ? "Time since baseline / d" : "Time since first reading / d (no baseline yet)";
    $("raw-section").dataset.xAxis = state.rawAxis;
    state.rawPlots = [
      rawPlot($("raw-pressure"), raw.pressure, "p / kPa", null, raw.sensorMaxKPa),
      rawPlot($("raw-temperature"), raw.temperature, "T / °C", [raw.ovenLowC, raw.ovenHighC], null),
      rawPlot($("raw-gas"), raw.vesselDryGas, "V / mL", null, null),
    ];
    $("raw-pressure-caption").textContent = `Absolute pressure / kPa — sensor limit ${raw.sensorMaxKPa} kPa (dashed line once in range)`;
    $("raw-temperature-caption").textContent = `Sensor temperature / °C — shaded: oven band ${raw.ovenLowC}–${raw.ovenHighC} °C`;
    $("raw-gas-caption").textContent = `Dry gas in the vessel / mL at ${raw.standardConditions.replace(/^mL at /, "")}`;
  }

  // ---- alerts ----
  async function loadAlerts() {
    const alerts = await getJson(`/api/alerts?experiment=${encodeURIComponent(state.experiment)}`);
    const row = (a) => `<tr data-alert="${a.id}"><td>${a.pouch}</td><td>${words(a.kind)}</td><td>${a.message}</td><td>${utc(a.openedAt)}</td>
      <td>${a.closedAt ? utc(a.closedAt) : "open"}</td>
      <td>${a.acknowledgedAt ? `acknowledged ${utc(a.acknowledgedAt)}` : `<button class="ack" data-id="${a.id}">Acknowledge</button>`}</td></tr>`;
    const head = "<tr><th>Pouch</th><th>Kind</th><th>Message</th><th>Opened</th><th>Closed</th><th>Acknowledgement</th></tr>";
    const table = (rows, empty) => head + (rows.length ? rows.map(row).join("") : `<tr><td class="empty" colspan="6">${empty}</td></tr>`);
    $("alerts-open").innerHTML = table(alerts.filter((a) => !a.closedAt), "No open alerts.");
    $("alerts-past").innerHTML = table(alerts.filter((a) => a.closedAt), "No past alerts.");
  }

  document.addEventListener("click", async (e) => {
    const button = e.target.closest("button.ack");
    if (!button) { return; }
    button.disabled = true;
    const response = await fetch(`/api/alerts/${button.dataset.id}/ack`, { method: "POST", headers: { "X-CSRF-TOKEN": state.me.antiforgery } });
    if (response.status === 401) { signIn(); return; }
    await loadAlerts();
  });

  // ---- wiring ----
  function segmented(id, key) {
    $(id).addEventListener("click", (e) => {
      const button = e.target.closest("button");
      if (!button) { return; }
      $(id).querySelectorAll("button").forEach((b) => b.classList.toggle("on", b === button));
      state[key] = button.dataset.value;
      loadTrend();
    });
  }

  function connectLive() {
    const source = new EventSource(api("/live"));
    source.onopen = () => { $("live").className = "live on"; $("live").textContent = "live"; };
    source.onerror = () => { $("live").className = "live off"; $("live").textContent = "reconnecting"; };
    source.addEventListener("reading", (e) => onReading(JSON.parse(e.data)));
    source.addEventListener("alert", async () => { await loadAlerts(); await loadOverview(); scheduleTrend(); });
    // A GC result, event or tare recomputed a pouch: its card and curve change although no reading arrived.
    source.addEventListener("entry", async () => { await loadOverview(); scheduleTrend(); });
    return source;
  }

  async function showUser() {
    state.me = await getJson("/api/me");
    if (!state.me.name && !state.me.openReads) { signIn(); return false; }
    $("user").innerHTML = state.me.name
      ? `${state.me.name} (${state.me.role}) · <a href="/account.html">account</a>`
      : `<a href="/signin?returnUrl=${encodeURIComponent(location.pathname + location.search)}">sign in</a>`;
    return true;
  }

  async function start() {
    if (!await showUser()) { return; }
    await window.plots.loadStyle();
    $("trend-marks").innerHTML = window.plots.legendHtml(["sample", "vent", "gc", "alert"]);
    const experiments = await getJson("/api/experiments");
    const wanted = new URLSearchParams(location.search).get("experiment");
    $("experiment").innerHTML = experiments.map((e) => `<option>${e.name}</option>`).join("");
    state.experiment = experiments.some((e) => e.name === wanted) ? wanted : experiments[0]?.name;
    $("experiment").value = state.experiment;
    for (const link of [$("compare-link"), $("groups-link")]) { link.href = `/compare.html?experiment=${encodeURIComponent(state.experiment ?? "")}`; }
    $("experiment").addEventListener("change", (e) => { location.search = `?experiment=${encodeURIComponent(e.target.value)}`; });
    if (!state.experiment) { $("overview").textContent = "No experiment is configured."; return; }
    segmented("quantity", "quantity");
    segmented("basis", "basis");
    $("trend-reset").addEventListener("click", () => { state.range = null; loadTrend(); });
    $("raw-pouch").addEventListener("change", loadRaw);
    await loadOverview();
    await Promise.all([loadTrend(), loadRaw(), loadAlerts()]);
    connectLive();
    setInterval(() => document.querySelectorAll(".age").forEach((d) => {
      d.textContent = `${age(Number(d.dataset.received), d.dataset.age === "" ? null : Number(d.dataset.age))} ago`;
    }), 1000);
    document.body.dataset.ready = "true";
  }

  start();
})();
