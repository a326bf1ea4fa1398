"use strict";
// Comparison page: replicate groups (mean ± SD band) of one or more experiments against days since each pouch's
// baseline, single pouches on demand, linear or symlog y. Everything the page shows is in its address, so a view can
// be bookmarked: ?experiment=A&experiment=B&quantity=gas&basis=slurry&y=symlog&pouches=1&fromDays=…&toDays=…
(() => {
  const { $, text } = window.lab;
  const plots = window.plots;
  const query = new URLSearchParams(location.search);
  const state = {
    experiments: query.getAll("experiment"), quantity: query.get("quantity") ?? "gas", basis: query.get("basis") ?? "slurry",
    y: query.get("y") ?? "linear", pouches: query.get("pouches") === "1",
    range: query.has("fromDays") && query.has("toDays") ? [Number(query.get("fromDays")), Number(query.get("toDays"))] : null,
    data: null, plot: null, curves: [], loads: 0,
  };
  // Below this |value| (mL g⁻¹) the symlog axis is linear, above it logarithmic: the coated pouches' "no swelling" level.
  const symlogLinearMlPerG = 0.01;

  function address() {
    const q = new URLSearchParams();
    state.experiments.forEach((e) => q.append("experiment", e));
    q.set("quantity", state.quantity);
    q.set("basis", state.basis);
    q.set("y", state.y);
    q.set("pouches", state.pouches ? "1" : "0");
    if (state.range) { q.set("fromDays", String(state.range[0])); q.set("toDays", String(state.range[1])); }
    return q;
  }

  // ---- picking experiments ----
  async function loadPicker() {
    const names = await window.lab.getJson("/api/experiments");
    const details = await Promise.all(names.map((n) => window.lab.getJson(`/api/experiments/${encodeURIComponent(n.name)}`)));
    $("experiments").innerHTML = details.map((e) => `<label data-experiment="${text(e.name)}">
      <input type="checkbox" value="${text(e.name)}"${state.experiments.includes(e.name) ? " checked" : ""}>
      ${text(e.name)} <span class="badge state ${e.state}">${e.state}</span> <span class="muted">${e.pouches.length} pouches</span></label>`).join("")
      || "No experiment in the store yet.";
    $("experiments").addEventListener("change", (e) => {
      const name = e.target.value;
      state.experiments = e.target.checked ? [...state.experiments.filter((n) => n !== name), name] : state.experiments.filter((n) => n !== name);
      state.range = null;
      load();
    });
  }

  // ---- the chart ----
  // Every line of the chart: group means (with their SD), then, on demand, the single pouches in their group's colour.
  function curvesOf(data) {
    const curves = [];
    for (const e of data.experiments) {
      for (const g of e.groups) {
        const who = g.pouches.length > 1 ? `group ${g.group}, n = ${g.pouches.length}` : g.pouches[0];
        curves.push({ key: `group:${e.name}/${g.group}`, label: `${g.samples.join(" + ")} (${who}) · ${e.name}`, colour: g.colour,
          dash: e.dash, width: 2.5, days: g.days, values: g.mean, sd: g.sd });
      }
      if (!state.pouches) { continue; }
      for (const p of e.pouches) {
        const group = e.groups.find((g) => g.pouches.includes(p.pouch));
        curves.push({ key: `pouch:${e.name}/${p.pouch}`, label: `${p.sample} (${p.pouch}) · ${e.name}`, colour: `${group?.colour ?? p.colour}b0`,
          dash: e.dash, width: 1, days: p.days, values: p.values, experiment: e.name, pouch: p.pouch });
      }
    }
    return curves;
  }

  function drawBands(u) {
    const ctx = u.ctx;
    ctx.save();
    state.curves.forEach((c, i) => {
      if (!c.sd || !u.series[i + 1].show) { return; }
      const points = c.days.map((d, j) => [d, c.values[j], c.sd[j]]).filter((p) => p[2] != null);
      if (points.length < 2) { return; }
      ctx.beginPath();
      points.forEach(([d, m, sd], j) => ctx[j ? "lineTo" : "moveTo"](u.valToPos(d, "x", true), u.valToPos(m + sd, "y", true)));
      points.reverse().forEach(([d, m, sd]) => ctx.lineTo(u.valToPos(d, "x", true), u.valToPos(m - sd, "y", true)));
      ctx.closePath();
      ctx.fillStyle = `${c.colour}33`;
      ctx.fill();
    });
    ctx.restore();
  }

  function drawMarkers(u) {
    const markers = state.data.experiments.flatMap((e) => e.markers.map((m) => ({ ...m, experiment: e.name })));
    plots.drawMarkers(u, markers, (m) => state.curves.findIndex((c) => c.experiment === m.experiment && c.pouch === m.pouch) + 1);
  }

  // The y range covers the bands too; the symlog scale is uPlot's asinh distribution.
  function yRange(u, min, max) {
    const edges = state.curves.filter((c) => c.sd).flatMap((c) => c.values.flatMap((m, j) => c.sd[j] == null ? [m] : [m - c.sd[j], m + c.sd[j]]));
    const low = Math.min(min ?? 0, ...edges), high = Math.max(max ?? 0, ...edges);
    const pad = state.y === "symlog" ? 0 : (high - low) * 0.05 + 1e-3;
    return [low - pad, high + pad];
  }

  // Pixel height each curve spans: the page's proof that a near-zero curve is readable (the browser test reads it),
  // and which view was drawn.
  function recordSpans(u) {
    $("compare").dataset.drawn = state.view;
    $("compare").dataset.spans = state.curves.map((c, i) => {
      const ys = u.data[i + 1].filter((v) => v != null).map((v) => u.valToPos(v, "y"));
      return `${c.key}:${ys.length ? Math.round(Math.max(...ys) - Math.min(...ys)) : 0}`;
    }).join(",");
  }

  function makePlot(data) {
    const unit = `${data.unit} at ${data.standardConditions.replace(/^mL at /, "")}`;
    const what = data.quantity === "h2" ? "H₂" : "Dry gas";
    const aligned = plots.align(state.curves);
    const sds = plots.align(state.curves.map((c) => ({ days: c.days, values: c.sd ?? c.days.map(() => null) })));
    const opts = {
      width: $("compare").clientWidth, height: 500,
      scales: { x: { time: false }, y: { distr: state.y === "symlog" ? 4 : 1, asinh: symlogLinearMlPerG, range: yRange } },
      axes: [
        { label: "Time since baseline / d", values: (u, ticks) => ticks.map((t) => String(+t.toFixed(3))) },
        { label: `${what} / ${unit}${state.y === "symlog" ? " (symlog)" : ""}`, size: 70,
          values: (u, ticks) => ticks.map((t) => t == null ? null : String(+t.toPrecision(3))) },
      ],
      series: [
        { label: "t / d", value: (u, v) => v == null ? "–" : v.toFixed(3) },
        ...state.curves.map((c) => ({
          label: c.label, stroke: c.colour, width: c.width, dash: c.dash, spanGaps: true,
          value: (u, v, s, i) => v == null ? "–" : `${plots.uncertain(v, i == null ? null : sds[s][i])} ${unit}`,
        })),
      ],
      cursor: { drag: { x: true, y: false } },
      hooks: {
        drawAxes: [drawBands],
        draw: [drawMarkers, recordSpans],
        setSelect: [(u) => {
          if (u.select.width > 5) {
            state.range = [u.posToVal(u.select.left, "x"), u.posToVal(u.select.left + u.select.width, "x")];
            load();
          }
        }],
      },
    };
    $("compare").innerHTML = "";
    const plot = new uPlot(opts, aligned, $("compare"));
    plot.over.addEventListener("dblclick", () => { state.range = null; load(); });
    return plot;
  }

  async function load() {
    // A later load (another tick, toggle or zoom) wins over an earlier one still waiting for the server.
    const mine = ++state.loads;
    history.replaceState(null, "", `?${address()}`);
    document.querySelectorAll(".segmented button").forEach((b) => b.classList.toggle("on", state[b.parentElement.id.replace("yscale", "y")] === b.dataset.value));
    $("show-pouches").checked = state.pouches;
    $("compare-error").textContent = "";
    state.plot?.destroy();
    state.plot = null;
    $("compare").innerHTML = "";
    if (state.experiments.length === 0) {
      $("compare").textContent = "Tick one or more experiments above.";
      $("compare").dataset.view = address().toString();
      return;
    }

    const q = address();
    q.set("columns", String(Math.max(200, Math.round($("compare").clientWidth))));
    ["y", "pouches"].forEach((k) => q.delete(k));
    const response = await fetch(`/api/compare?${q}`);
    if (mine !== state.loads) { return; }
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      $("compare-error").textContent = problem?.detail ?? `${response.status} ${response.statusText}`;
      $("compare").dataset.view = address().toString();
      return;
    }

    const data = await response.json();
    if (mine !== state.loads) { return; }
    state.data = data;
    state.view = address().toString();
    state.curves = curvesOf(state.data);
    $("conditions").textContent = `Gas volumes: dry, at ${state.data.standardConditions.replace(/^mL at /, "")}`;
    state.plot = makePlot(state.data);
    state.plot.setScale("x", { min: state.data.fromDays, max: state.data.toDays });
    const bandPoints = state.data.experiments.flatMap((e) => e.groups).reduce((n, g) => n + g.days.length, 0);
    $("compare-stats").textContent = `Bands: ${bandPoints.toLocaleString("en")} grid points, one per ${(state.data.bandStepDays * 24).toFixed(2)} h.`;
    $("compare").dataset.series = state.curves.map((c) => c.key).join(",");
    $("compare").dataset.view = address().toString();
  }

  function segmented(id, key) {
    $(id).addEventListener("click", (e) => {
      const button = e.target.closest("button");
      if (!button) { return; }
      state[key] = button.dataset.value;
      if (key !== "y") { state.range = null; }
      load();
    });
  }

  async function start() {
    if (!await window.lab.start()) { return; }
    await plots.loadStyle();
    $("marks").innerHTML = plots.legendHtml(["sample", "vent", "gc", "alert"]);
    segmented("quantity", "quantity");
    segmented("basis", "basis");
    segmented("yscale", "y");
    $("show-pouches").addEventListener("change", (e) => { state.pouches = e.target.checked; load(); });
    $("compare-reset").addEventListener("click", () => { state.range = null; load(); });
    await loadPicker();
    await load();
    document.body.dataset.ready = "true";
  }

  start();
})();
