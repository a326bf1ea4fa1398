"use strict";
// Experiments page: the experiments of the store with their lifecycle buttons, a form covering experiment.json
// (validated by the server with the file's own rules; its error names the JSON path, and the field is marked),
// import and export of experiment.json.
(() => {
  const { $, text, utc } = window.lab;
  const state = { editing: null, base: null, sensors: [], readOnly: false };
  const api = (name, path = "") => `/api/experiments/${encodeURIComponent(name)}${path}`;

  // ---- list ----
  function actions(e) {
    if (!window.lab.canWrite()) { return ""; }
    const b = (cls, label) => `<button class="${cls}" data-name="${text(e.name)}">${label}</button>`;
    return {
      draft: b("edit", "Edit") + b("start", "Start") + b("archive", "Archive"),
      running: b("edit", "Edit") + b("stop", "Stop"),
      stopped: b("view", "View") + b("archive", "Archive"),
      archived: b("view", "View"),
    }[e.state];
  }

  async function loadList() {
    const names = await window.lab.getJson("/api/experiments");
    const experiments = await Promise.all(names.map((n) => window.lab.getJson(api(n.name))));
    $("experiments").innerHTML = "<tr><th>Name</th><th>State</th><th>Pouches</th><th>Started</th><th>Stopped</th><th></th></tr>" +
      (experiments.map((e) => `<tr data-experiment="${text(e.name)}" data-state="${e.state}">
        <td><a href="/?experiment=${encodeURIComponent(e.name)}">${text(e.name)}</a></td>
        <td><span class="badge state ${e.state}">${e.state}</span></td><td>${e.pouches.length}</td>
        <td>${utc(e.startedAt)}</td><td>${utc(e.stoppedAt)}</td>
        <td><div class="actions">${actions(e) || (e.state === "archived" || e.state === "stopped" ? `<button class="view" data-name="${text(e.name)}">View</button>` : "")}
          <a href="${api(e.name, "/experiment.json")}" download="${text(e.name)}.experiment.json">Export experiment.json</a>
          <a href="${api(e.name, "/export.zip")}" download="${text(e.name)}.zip">Download all data (zip)</a></div></td></tr>`).join("")
      || `<tr><td class="empty" colspan="6">No experiment yet: create one or import an experiment.json.</td></tr>`);
  }

  // ---- form ----
  const sourceOptions = (current) => {
    const values = state.sensors.map((s) => `${s.device}/${s.sensor}`);
    if (current && !values.includes(current)) { values.push(current); }
    return `<option value="">none</option>` + values.map((v) => {
      const s = state.sensors.find((x) => `${x.device}/${x.sensor}` === v);
      const label = s ? `${v} (${s.chip ?? "chip ?"}${s.pouch ? `, feeds ${s.experiment}/${s.pouch}` : ", unassigned"})` : v;
      return `<option value="${text(v)}"${v === current ? " selected" : ""}>${text(label)}</option>`;
    }).join("");
  };

  function pouchRow(p, i) {
    const v = p.vessel ?? {};
    const field = (key, value, cls = "") => `<input class="${cls}" data-key="${key}" data-path="$.pouches[${i}].${key}" value="${text(value ?? "")}">`;
    const source = p.source ? `${p.source.device}/${p.source.sensor}` : "";
    return `<tr class="pouch" data-index="${i}">
      <td>${field("id", p.id, "short")}</td><td>${field("sample", p.sample)}</td>
      <td>${field("slurryMassG", p.slurryMassG, "num")}</td><td>${field("activeMassG", p.activeMassG, "num")}</td>
      <td><select data-key="vessel.kind" data-path="$.pouches[${i}].vessel.kind">
        <option value="headspace"${v.kind === "headspace" ? " selected" : ""}>headspace</option>
        <option value="pouch-in-jar"${v.kind === "pouch-in-jar" ? " selected" : ""}>pouch in jar</option></select></td>
      <td>${field("vessel.gasVolumeMl", v.gasVolumeMl, "num")}</td><td>${field("vessel.jarGasVolumeMl", v.jarGasVolumeMl, "num")}</td>
      <td>${field("vessel.pouchInitialGasMl", v.pouchInitialGasMl, "num")}</td>
      <td><input type="checkbox" data-key="vessel.wet" data-path="$.pouches[${i}].vessel.wet"${v.wet === false ? "" : " checked"}></td>
      <td>${field("sensorMaxPa", p.sensorMaxPa, "num")}</td><td>${field("baselineAt", p.baselineAt)}</td>
      <td><select data-key="source" data-path="$.pouches[${i}].source">${sourceOptions(source)}</select></td>
      <td><input type="checkbox" class="tare" checked title="Set this pouch's baseline when the experiment starts"></td>
      <td><button type="button" class="remove-pouch">Remove</button></td></tr>`;
  }

  async function loadSensors() {
    const devices = await window.lab.getJson("/api/devices");
    state.sensors = devices.flatMap((d) => d.sensors.map((s) => ({ device: d.id, sensor: s.index, chip: s.chip, experiment: s.experiment, pouch: s.pouch })));
  }

  function fill(doc) {
    $("f-name").value = doc.experiment ?? "";
    $("f-std-t").value = doc.standard?.temperatureC ?? "";
    $("f-std-p").value = doc.standard?.pressurePa ?? "";
    $("f-settle").value = doc.eventSettleMinutes ?? "";
    $("f-leak-window").value = doc.leakRule?.windowHours ?? "";
    $("f-leak-noise").value = doc.leakRule?.noiseMultiple ?? "";
    $("f-leak-drop").value = doc.leakRule?.minimumDropMlStd ?? "";
    $("pouches").innerHTML = (doc.pouches ?? []).map(pouchRow).join("");
  }

  // A number field: empty leaves the property out (the file's default); anything else is sent as typed, so the
  // server's message names the value.
  const number = (s) => s.trim() === "" ? undefined : isFinite(Number(s)) ? Number(s) : s.trim();
  const put = (object, key, value) => { if (value === undefined) { delete object[key]; } else { object[key] = value; } };
  const section = (object, key, values) => {
    const merged = { ...(object[key] ?? {}) };
    Object.entries(values).forEach(([k, v]) => put(merged, k, v));
    put(object, key, Object.keys(merged).length ? merged : undefined);
  };

  // The document: the stored one (so fields this form does not show survive an edit) with the form's values on top.
  function documentOf() {
    const doc = structuredClone(state.base ?? {});
    put(doc, "experiment", $("f-name").value.trim() || undefined);
    section(doc, "standard", { temperatureC: number($("f-std-t").value), pressurePa: number($("f-std-p").value) });
    put(doc, "eventSettleMinutes", number($("f-settle").value));
    section(doc, "leakRule", { windowHours: number($("f-leak-window").value), noiseMultiple: number($("f-leak-noise").value),
      minimumDropMlStd: number($("f-leak-drop").value) });
    const before = state.base?.pouches ?? [];
    doc.pouches = [...document.querySelectorAll("#pouches tr.pouch")].map((row) => {
      const get = (key) => row.querySelector(`[data-key="${key}"]`);
      const old = before[Number(row.dataset.original ?? row.dataset.index)] ?? {};
      const p = structuredClone(old);
      put(p, "id", get("id").value.trim() || undefined);
      put(p, "sample", get("sample").value.trim() || undefined);
      put(p, "slurryMassG", number(get("slurryMassG").value));
      put(p, "activeMassG", number(get("activeMassG").value));
      put(p, "sensorMaxPa", number(get("sensorMaxPa").value));
      put(p, "baselineAt", get("baselineAt").value.trim() || undefined);
      const vessel = { ...(old.vessel ?? {}), kind: get("vessel.kind").value, wet: get("vessel.wet").checked };
      put(vessel, "gasVolumeMl", number(get("vessel.gasVolumeMl").value));
      put(vessel, "jarGasVolumeMl", number(get("vessel.jarGasVolumeMl").value));
      put(vessel, "pouchInitialGasMl", number(get("vessel.pouchInitialGasMl").value));
      p.vessel = vessel;
      const source = get("source").value;
      put(p, "source", source ? { device: source.slice(0, source.lastIndexOf("/")), sensor: Number(source.slice(source.lastIndexOf("/") + 1)) } : undefined);
      return p;
    });
    return doc;
  }

  // After a pouch is removed, each row's JSON paths follow its new position in the pouches array.
  function renumber() {
    document.querySelectorAll("#pouches tr.pouch").forEach((row, i) => {
      row.dataset.index = String(i);
      row.querySelectorAll("[data-path]").forEach((e) => { e.dataset.path = e.dataset.path.replace(/^\$\.pouches\[\d+\]/, `$.pouches[${i}]`); });
    });
  }

  function showError(problem) {
    document.querySelectorAll(".invalid").forEach((e) => e.classList.remove("invalid"));
    $("form-error").textContent = problem ? problem.detail ?? problem.title : "";
    if (problem?.path) {
      // "$.pouches[0].vessel" marks that pouch's vessel fields; "$.pouches[0].source.sensor" its source.
      const field = document.querySelector(`[data-path="${CSS.escape(problem.path)}"]`)
        ?? document.querySelector(`[data-path^="${CSS.escape(problem.path)}"]`)
        ?? document.querySelector(`[data-path="${CSS.escape(problem.path.replace(/\.[^.]*$/, ""))}"]`);
      field?.classList.add("invalid");
      field?.focus();
      $("form-error").dataset.path = problem.path;
    }
  }

  async function openForm(name, readOnly) {
    await loadSensors();
    const details = name ? await window.lab.getJson(api(name)) : null;
    state.editing = name;
    state.base = details?.document ?? null;
    state.readOnly = readOnly || !window.lab.canWrite();
    fill(details?.document ?? { pouches: [{ vessel: { kind: "headspace", wet: true } }] });
    $("form-title").textContent = name ? `${state.readOnly ? "" : "Edit "}${name}` : "New experiment";
    $("form-state").textContent = details ? details.state + (state.readOnly ? " · read-only" : "") : "draft";
    $("form-warnings").textContent = (details?.warnings ?? []).join(" ");
    $("f-name").readOnly = Boolean(name);
    $("experiment-form").querySelectorAll("input, select, button").forEach((e) => { if (e.id !== "cancel") { e.disabled = state.readOnly; } });
    document.querySelectorAll("#pouches tr.pouch").forEach((row) => { row.dataset.original = row.dataset.index; });
    showError(null);
    $("form-section").hidden = false;
    $("form-section").dataset.mode = name ? (state.readOnly ? "view" : "edit") : "new";
    $("form-section").scrollIntoView();
  }

  async function save(e) {
    e.preventDefault();
    const doc = documentOf();
    const result = state.editing
      ? await window.lab.send("PUT", api(state.editing), JSON.stringify(doc))
      : await window.lab.send("POST", "/api/experiments", JSON.stringify(doc));
    if (!result.ok) { showError(result.data); return; }
    showError(null);
    $("list-warnings").textContent = (result.data?.warnings ?? []).join(" ");
    $("form-section").hidden = true;
    await loadList();
  }

  async function lifecycle(action, name) {
    let body;
    if (action === "start") {
      const ticked = state.editing === name && !$("form-section").hidden
        ? [...document.querySelectorAll("#pouches tr.pouch")].filter((r) => r.querySelector(".tare").checked).map((r) => r.querySelector('[data-key="id"]').value)
        : undefined;
      if (!confirm(`Start ${name}? The baseline (tare) of ${ticked ? ticked.join(", ") || "no pouch" : "every pouch"} is set to now.`)) { return; }
      body = ticked ? { pouches: ticked } : {};
    }
    if (action === "archive" && !confirm(`Archive ${name}? It becomes read-only.`)) { return; }
    if (action === "stop" && !confirm(`Stop ${name}? Its sensors' readings no longer make gas points.`)) { return; }
    const result = await window.lab.send("POST", api(name, `/${action}`), body);
    $("list-error").textContent = result.ok ? "" : result.data?.detail ?? String(result.status);
    await loadList();
  }

  async function importFile(file) {
    const result = await window.lab.send("POST", "/api/experiments", await file.text());
    $("list-error").textContent = result.ok ? "" : `${file.name}: ${result.data?.detail ?? result.status}`;
    $("import-file").value = "";
    await loadList();
  }

  document.addEventListener("click", async (e) => {
    const button = e.target.closest("button");
    if (!button) { return; }
    const name = button.dataset.name;
    if (button.classList.contains("edit")) { await openForm(name, false); }
    else if (button.classList.contains("view")) { await openForm(name, true); }
    else if (["start", "stop", "archive"].some((a) => button.classList.contains(a))) {
      await lifecycle(["start", "stop", "archive"].find((a) => button.classList.contains(a)), name);
    }
    else if (button.classList.contains("remove-pouch")) { button.closest("tr").remove(); renumber(); }
  });

  async function start() {
    if (!await window.lab.start()) { return; }
    document.querySelectorAll(".writer").forEach((e) => { e.hidden = !window.lab.canWrite(); });
    $("new-experiment").addEventListener("click", () => openForm(null, false));
    $("cancel").addEventListener("click", () => { $("form-section").hidden = true; });
    $("add-pouch").addEventListener("click", () => {
      const i = document.querySelectorAll("#pouches tr.pouch").length;
      $("pouches").insertAdjacentHTML("beforeend", pouchRow({ id: `P${String(i + 1).padStart(2, "0")}`, vessel: { kind: "headspace", wet: true } }, i));
    });
    $("experiment-form").addEventListener("submit", save);
    $("import-file").addEventListener("change", (e) => { if (e.target.files[0]) { importFile(e.target.files[0]); } });
    await loadList();
    document.body.dataset.ready = "true";
  }

  start();
})();
