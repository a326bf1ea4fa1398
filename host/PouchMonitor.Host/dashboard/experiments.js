"use strict";
// Experiments page: the experiments of the store with their lifecycle buttons, a form covering experiment.json
// (validated by the server with the file's own rules; its error names the JSON path, and the field is marked),
// import and export of experiment.json.
(() => {
  const { $, text, utc } = window.lab;
  const state = { editing: null, base: null, sensors: [], readOnly: false, recommended: null };
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
  // Every field of experiment.json: its JSON key (dotted within the object), label with unit, and kind of input.
  // "vessel" limits a field to one vessel kind: the file refuses the other kind's volumes.
  const STD = "at the experiment's standard conditions";
  const EXPERIMENT_FIELDS = [
    { key: "experiment", label: "Name", id: "f-name" },
    { key: "standard.temperatureC", label: "Standard temperature / °C", num: true },
    { key: "standard.pressurePa", label: "Standard pressure / Pa", num: true },
    { key: "eventSettleMinutes", label: "Settle time after a sample or vent / min", num: true },
    { key: "baselineMinutes", label: "Baseline and event window / min (0: one reading)", num: true },
    { key: "eventGap", label: "Gas across a settle time", options: [["hold", "hold (default)"], ["extrapolate", "extrapolate the pre-event trend"]] },
    { key: "h2Method", label: "H₂ between GC samples", options: [["vessel-fraction", "vessel fraction (default)"], ["evolved-share", "share of the evolved gas"]] },
    { key: "gasTemperatureUncertaintyK", label: "Sensor-to-gas temperature uncertainty / K (empty: from the ripple in the baseline window, ≥ 0.2)",
      num: true, placeholder: "from the measured ripple" },
    { key: "leakRule.windowHours", label: "Leak window / h", num: true },
    { key: "leakRule.noiseMultiple", label: "Leak noise multiple / σ", num: true },
    { key: "leakRule.minimumDropMlStd", label: `Leak minimum drop / mL ${STD}`, num: true },
  ];
  const POUCH_FIELDS = [
    { key: "id", label: "Id" },
    { key: "sample", label: "Sample" },
    { key: "group", label: "Replicate group (optional)" },
    { key: "blank", label: "Blank: id of a pouch (optional)", list: "pouch-ids" },
    { key: "slurryMassG", label: "Slurry / g", num: true },
    { key: "activeMassG", label: "Active material / g (optional)", num: true },
    { key: "siliconMassG", label: "Silicon / g (optional)", num: true },
    { key: "siliconFraction", label: "or silicon fraction of the active material (0–1)", num: true },
    { key: "vessel.kind", label: "Vessel", options: [["headspace", "headspace"], ["pouch-in-jar", "pouch in a jar"]] },
    { key: "vessel.gasVolumeMl", label: "Gas volume at seal / mL", num: true, vessel: "headspace" },
    { key: "vessel.gasVolumeUncertaintyMl", label: "Gas volume ± / mL", num: true, vessel: "headspace" },
    { key: "vessel.jarGasVolumeMl", label: "Jar gas volume outside the pouch / mL", num: true, vessel: "pouch-in-jar" },
    { key: "vessel.jarGasVolumeUncertaintyMl", label: "Jar gas volume ± / mL", num: true, vessel: "pouch-in-jar" },
    { key: "vessel.pouchInitialGasMl", label: "Gas in the pouch at seal / mL", num: true, vessel: "pouch-in-jar" },
    { key: "vessel.wet", label: "Wet (water vapour in the gas)", check: true },
    { key: "sensorMaxPa", label: "Sensor range up to / Pa", num: true },
    { key: "expectedGasMlPerG", label: `Expected gas / mL g⁻¹ slurry ${STD} (range check)`, num: true },
    { key: "baselineMinutes", label: "Baseline window / min (empty: the experiment's)", num: true },
    { key: "baselineAt", label: "Baseline at (ISO 8601 with offset; empty: at start)" },
    { key: "source", label: "Sensor", source: true },
  ];

  const getAt = (object, key) => key.split(".").reduce((o, k) => o?.[k], object);
  const setAt = (object, key, value) => {
    const parts = key.split(".");
    const parent = parts.slice(0, -1).reduce((o, k) => { o[k] ??= {}; return o[k]; }, object);
    if (value === undefined) { delete parent[parts.at(-1)]; } else { parent[parts.at(-1)] = value; }
  };

  const sourceOptions = (current) => {
    const values = state.sensors.map((s) => `${s.device}/${s.sensor}`);
    if (current && !values.includes(current)) { values.push(current); }
    return `<option value="">none</option>` + values.map((v) => {
      const s = state.sensors.find((x) => `${x.device}/${x.sensor}` === v);
      const label = s ? `${v} (${s.chip ?? "chip ?"}${s.pouch ? `, feeds ${s.experiment}/${s.pouch}` : ", unassigned"})` : v;
      return `<option value="${text(v)}"${v === current ? " selected" : ""}>${text(label)}</option>`;
    }).join("");
  };

  // One labelled input with its message slot; path is the field's JSON path, as the file's messages name it.
  function input(field, value, path) {
    const attrs = `data-key="${field.key}" data-path="${path}"${field.id ? ` id="${field.id}"` : ""}`;
    let control;
    if (field.options) {
      control = `<select ${attrs}>${field.options.map(([v, l]) => `<option value="${v}"${v === value ? " selected" : ""}>${l}</option>`).join("")}</select>`;
    } else if (field.check) {
      control = `<input type="checkbox" ${attrs}${value === false ? "" : " checked"}>`;
    } else if (field.source) {
      control = `<select ${attrs}>${sourceOptions(value ? `${value.device}/${value.sensor}` : "")}</select>`;
    } else {
      control = `<input ${attrs}${field.num ? ` inputmode="decimal" class="num"` : ""}${field.list ? ` list="${field.list}"` : ""}` +
        `${field.placeholder ? ` placeholder="${field.placeholder}"` : ""} value="${text(value ?? "")}">`;
    }
    return `<label${field.vessel ? ` data-vessel="${field.vessel}"` : ""}>${field.label} ${control}<small class="field-error"></small></label>`;
  }

  function pouchBlock(p, i) {
    return `<div class="pouch pouch-block" data-index="${i}">
      <div class="pouch-head"><span>Pouch ${i + 1}</span>
        <span><label class="inline"><input type="checkbox" class="tare" checked> tare at start</label>
        <button type="button" class="remove-pouch">Remove</button></span></div>
      <div class="pouch-fields">${POUCH_FIELDS.map((f) => input(f, getAt(p, f.key), `$.pouches[${i}].${f.key}`)).join("")}</div></div>`;
  }

  // Only the volume fields of the chosen vessel kind show (and are sent).
  function showVesselFields(block) {
    const kind = block.querySelector('[data-key="vessel.kind"]').value;
    block.querySelectorAll("label[data-vessel]").forEach((l) => { l.hidden = l.dataset.vessel !== kind; });
  }

  function refreshPouchIds() {
    $("pouch-ids").innerHTML = [...document.querySelectorAll('#pouches [data-key="id"]')]
      .map((e) => e.value.trim()).filter(Boolean).map((id) => `<option value="${text(id)}">`).join("");
  }

  async function loadSensors() {
    const devices = await window.lab.getJson("/api/devices");
    state.sensors = devices.flatMap((d) => d.sensors.map((s) => ({ device: d.id, sensor: s.index, chip: s.chip, experiment: s.experiment, pouch: s.pouch })))
      // Unassigned sensors first: those are the ones a new pouch takes.
      .sort((a, b) => Number(Boolean(a.pouch)) - Number(Boolean(b.pouch)));
  }

  function fill(doc) {
    $("experiment-fields").innerHTML = "<legend>Experiment</legend>" + EXPERIMENT_FIELDS.map((f) => input(f, getAt(doc, f.key), `$.${f.key}`)).join("");
    $("pouches").innerHTML = (doc.pouches ?? []).map(pouchBlock).join("");
    document.querySelectorAll("#pouches .pouch").forEach(showVesselFields);
    refreshPouchIds();
  }

  // A number field: empty leaves the property out (the file's default); anything else is sent as typed, so the
  // server's message names the value.
  const number = (s) => s.trim() === "" ? undefined : isFinite(Number(s)) ? Number(s) : s.trim();

  function valueOf(field, element) {
    if (field.check) { return element.checked; }
    const raw = element.value;
    if (field.source) {
      const at = raw.lastIndexOf("/");
      return raw ? { device: raw.slice(0, at), sensor: Number(raw.slice(at + 1)) } : undefined;
    }
    return field.num ? number(raw) : raw.trim() || undefined;
  }

  // Writes the fields found in root onto target; a field hidden for the other vessel kind is left out.
  function collect(fields, root, target) {
    fields.forEach((f) => {
      const element = root.querySelector(`[data-key="${f.key}"]`);
      const hidden = element.closest("label")?.hidden;
      setAt(target, f.key, hidden ? undefined : valueOf(f, element));
    });
    ["standard", "leakRule", "vessel"].forEach((k) => { if (target[k] && Object.keys(target[k]).length === 0) { delete target[k]; } });
    return target;
  }

  // The document: the stored one (so a property this form does not know survives an edit) with the form's values on top.
  function documentOf() {
    const doc = collect(EXPERIMENT_FIELDS, $("experiment-fields"), structuredClone(state.base ?? {}));
    const before = state.base?.pouches ?? [];
    doc.pouches = [...document.querySelectorAll("#pouches .pouch")].map((block) =>
      collect(POUCH_FIELDS, block, structuredClone(before[Number(block.dataset.original ?? -1)] ?? {})));
    return doc;
  }

  // After a pouch is removed, each block's JSON paths follow its new position in the pouches array.
  function renumber() {
    document.querySelectorAll("#pouches .pouch").forEach((block, i) => {
      block.dataset.index = String(i);
      block.querySelector(".pouch-head > span").textContent = `Pouch ${i + 1}`;
      block.querySelectorAll("[data-path]").forEach((e) => { e.dataset.path = e.dataset.path.replace(/^\$\.pouches\[\d+\]/, `$.pouches[${i}]`); });
    });
    refreshPouchIds();
  }

  // The file's message, in the form's status line and beside the field its JSON path names.
  function showError(problem) {
    document.querySelectorAll("#experiment-form .invalid").forEach((e) => e.classList.remove("invalid"));
    document.querySelectorAll("#experiment-form .field-error").forEach((e) => { e.textContent = ""; });
    $("form-error").textContent = problem ? problem.detail ?? problem.title : "";
    delete $("form-error").dataset.path;
    if (problem?.path) {
      // "$.pouches[0].vessel" marks that pouch's first vessel field; "$.pouches[0].source.sensor" its sensor.
      const visible = (selector) => [...document.querySelectorAll(selector)].find((e) => !e.closest("label")?.hidden);
      const field = visible(`[data-path="${CSS.escape(problem.path)}"]`)
        ?? visible(`[data-path^="${CSS.escape(problem.path)}."]`)
        ?? visible(`[data-path="${CSS.escape(problem.path.replace(/\.[^.]*$/, ""))}"]`);
      field?.classList.add("invalid");
      const slot = field?.closest("label")?.querySelector(".field-error");
      if (slot) { slot.textContent = problem.detail; }
      field?.focus();
      $("form-error").dataset.path = problem.path;
    }
  }

  async function openForm(name, readOnly) {
    await loadSensors();
    const details = name ? await window.lab.getJson(api(name)) : null;
    state.recommended ??= await window.lab.getJson("/api/experiment-json/recommended");
    state.editing = name;
    state.base = details?.document ?? null;
    state.readOnly = readOnly || !window.lab.canWrite();
    fill(details?.document ?? state.recommended.document);
    $("form-title").textContent = name ? `${state.readOnly ? "" : "Edit "}${name}` : "New experiment";
    $("form-state").textContent = details ? details.state + (state.readOnly ? " · read-only" : "") : "draft";
    $("form-warnings").textContent = (details?.warnings ?? []).join(" ");
    $("f-name").readOnly = Boolean(name);
    $("experiment-form").querySelectorAll("input, select, button").forEach((e) => { if (e.id !== "cancel") { e.disabled = state.readOnly; } });
    document.querySelectorAll("#pouches .pouch").forEach((block) => { block.dataset.original = name ? block.dataset.index : "-1"; });
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
        ? [...document.querySelectorAll("#pouches .pouch")].filter((r) => r.querySelector(".tare").checked).map((r) => r.querySelector('[data-key="id"]').value)
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
    else if (button.classList.contains("remove-pouch")) { button.closest(".pouch").remove(); renumber(); }
  });

  async function start() {
    if (!await window.lab.start()) { return; }
    document.querySelectorAll(".writer").forEach((e) => { e.hidden = !window.lab.canWrite(); });
    $("new-experiment").addEventListener("click", () => openForm(null, false));
    $("cancel").addEventListener("click", () => { $("form-section").hidden = true; });
    $("add-pouch").addEventListener("click", () => {
      const i = document.querySelectorAll("#pouches .pouch").length;
      const pouch = { ...structuredClone(state.recommended.pouch), id: `P${String(i + 1).padStart(2, "0")}` };
      $("pouches").insertAdjacentHTML("beforeend", pouchBlock(pouch, i));
      const block = document.querySelectorAll("#pouches .pouch")[i];
      block.dataset.original = "-1";
      showVesselFields(block);
      refreshPouchIds();
    });
    $("pouches").addEventListener("change", (e) => {
      if (e.target.dataset.key === "vessel.kind") { showVesselFields(e.target.closest(".pouch")); }
      if (e.target.dataset.key === "id") { refreshPouchIds(); }
    });
    $("experiment-form").addEventListener("submit", save);
    $("import-file").addEventListener("change", (e) => { if (e.target.files[0]) { importFile(e.target.files[0]); } });
    await loadList();
    document.body.dataset.ready = "true";
  }

  start();
})();
