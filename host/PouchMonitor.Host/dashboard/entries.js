"use strict";
// Lab entries of one pouch on the dashboard: GC results, sample and vent events, tare and gc.csv import (previewed
// before anything is stored); each listed, corrected or deleted, and the experiment's journal of every change.
// The dashboard's live stream ('entry') updates the cards and the trend after each change.
(() => {
  const { $, text, utc, fmt, send, getJson, canWrite } = window.lab;
  const state = { experiment: null, pouch: null, readOnly: true, entries: null, pendingGc: null, preview: null, editing: null };
  const api = (path) => `/api/experiments/${encodeURIComponent(state.experiment)}${path}`;
  const pouchApi = (path) => api(`/pouches/${encodeURIComponent(state.pouch)}${path}`);
  // Times are typed and shown in UTC, as everywhere on the page.
  const nowText = () => new Date().toISOString().slice(0, 19).replace("T", " ");
  const timeText = (t) => new Date(t).toISOString().slice(0, 19).replace("T", " ");
  const parseTime = (value) => {
    const date = new Date(value.trim().replace(" ", "T") + (/[zZ]|[+-]\d\d:\d\d$/.test(value.trim()) ? "" : "Z"));
    return isNaN(date) ? null : date.toISOString();
  };
  const problem = (response) => response.data?.detail ?? `The server answered ${response.status}.`;
  const showError = (message) => { $("entry-error").textContent = message ?? ""; };

  function parseOthers(value) {
    const others = {};
    for (const part of value.split(",").map((p) => p.trim()).filter((p) => p)) {
      const [name, percent] = part.split("=").map((p) => p.trim());
      if (!name || percent === undefined || percent === "" || isNaN(Number(percent))) { return null; }
      others[name] = Number(percent);
    }
    return others;
  }

  function resetTimes() {
    for (const form of ["gc-form", "event-form", "tare-form"]) { $(form).elements.time.value = nowText(); }
  }

  // ---- lists ----
  function render() {
    const { events, gcResults, tareAt } = state.entries;
    const actions = (buttons) => state.readOnly ? "" : buttons;
    const others = (r) => Object.entries(r.otherPercents).map(([k, v]) => `${text(k.replace(/_percent$/, ""))} ${fmt(v, 2)} %`).join(", ") || "–";
    $("gc-list").innerHTML = "<tr><th>Time</th><th>H₂ / %</th><th>Other gases</th><th></th></tr>" + (gcResults.length ? gcResults.map((r) =>
      `<tr class="gc" data-time="${r.time}"><td>${utc(r.time)}</td><td>${fmt(r.h2Percent, 2)} %</td><td>${others(r)}</td>
        <td>${actions(`<button class="gc-correct">Correct</button> <button class="gc-delete">Delete</button>`)}</td></tr>`).join("")
      : `<tr><td class="empty" colspan="4">No GC result yet.</td></tr>`);
    $("event-list").innerHTML = "<tr><th>Time</th><th>Kind</th><th>Note</th><th></th></tr>" + (events.length ? events.map((e) =>
      `<tr class="event" data-id="${e.id}" data-kind="${e.kind}"><td>${utc(e.time)}</td><td>${e.kind === "sample" ? "GC sample" : "vent"}</td><td>${text(e.note)}</td>
        <td>${actions(`<button class="event-correct">Correct</button> <button class="event-delete">Delete</button>`)}</td></tr>`).join("")
      : `<tr><td class="empty" colspan="4">No event yet.</td></tr>`);
    $("tare-list").innerHTML = tareAt
      ? `<tr class="tare"><td>baseline set at ${utc(tareAt)}</td><td>${actions(`<button class="tare-delete">Delete</button>`)}</td></tr>`
      : `<tr><td class="empty">No tare: the baseline is the experiment's.</td></tr>`;
  }

  function change(entry) {
    const parsed = (json) => json ? JSON.parse(json) : null;
    const describe = (v) => v == null ? "–" : v.h2Percent !== undefined
      ? `${utc(v.time)} H₂ ${fmt(v.h2Percent, 2)} %${Object.entries(v.otherPercents ?? {}).map(([k, p]) => `, ${k.replace(/_percent$/, "")} ${fmt(p, 2)} %`).join("")}`
      : v.kind !== undefined ? `${v.kind} at ${utc(v.time)}${v.note ? ` “${v.note}”` : ""}`
        : `baseline ${utc(v.baselineAt)}`;
    return `${describe(parsed(entry.oldJson))} → ${describe(parsed(entry.newJson))}`;
  }

  async function loadJournal() {
    const journal = await getJson(api("/journal"));
    $("journal").innerHTML = "<tr><th>When</th><th>Who</th><th>Pouch</th><th>Entry</th><th>Action</th><th>Old → new</th></tr>" + (journal.length
      ? journal.map((a) => `<tr class="audit" data-action="${a.action}" data-entity="${a.entity}"><td>${utc(a.at)}</td><td class="who">${text(a.user)}</td>
          <td>${text(a.pouch)}</td><td>${text(a.entity)}</td><td>${a.action}</td><td class="values">${text(change(a))}</td></tr>`).join("")
      : `<tr><td class="empty" colspan="6">No lab entry yet.</td></tr>`);
  }

  async function load() {
    state.entries = await getJson(pouchApi("/entries"));
    render();
    await loadJournal();
    const section = $("entries-section");
    section.dataset.pouch = state.pouch;
    section.dataset.version = String(Number(section.dataset.version ?? 0) + 1);
  }

  // Every change: the lists and the journal reload here; the live stream updates the cards and the trend.
  async function done(response, after) {
    if (!response.ok) { showError(problem(response)); return false; }
    showError("");
    after?.();
    await load();
    return true;
  }

  // ---- forms ----
  async function saveGc(replace) {
    const form = $("gc-form");
    const time = parseTime(form.elements.time.value);
    const otherPercents = parseOthers(form.elements.others.value);
    if (!time) { showError("Time: give it as YYYY-MM-DD HH:MM:SS (UTC)."); return; }
    if (!otherPercents) { showError("Other gases: give them as n2_percent=1.2, o2_percent=0.3."); return; }
    const body = [{ time, pouch: state.pouch, h2Percent: Number(form.elements.h2.value), otherPercents }];
    const response = await send("POST", api(`/gc${replace ? "?replace=true" : ""}`), body);
    $("gc-replace").hidden = response.status !== 409;
    await done(response, () => { form.reset(); resetTimes(); });
  }

  async function saveEvent() {
    const form = $("event-form");
    const time = parseTime(form.elements.time.value);
    if (!time) { showError("Time: give it as YYYY-MM-DD HH:MM:SS (UTC)."); return; }
    const body = { time, kind: form.elements.kind.value, note: form.elements.note.value };
    const response = state.editing
      ? await send("PUT", pouchApi(`/events/${state.editing}`), body)
      : await send("POST", pouchApi("/events"), body);
    await done(response, () => { form.reset(); stopEditing(); resetTimes(); });
  }

  function stopEditing() {
    state.editing = null;
    $("event-legend").textContent = "Sample or vent";
    $("event-submit").textContent = "Record event";
    $("event-cancel").hidden = true;
  }

  async function saveTare() {
    const time = parseTime($("tare-form").elements.time.value);
    if (!time) { showError("Time: give it as YYYY-MM-DD HH:MM:SS (UTC)."); return; }
    await done(await send("POST", pouchApi("/tare"), { time }));
  }

  // ---- gc.csv: preview, then import the accepted rows through the same endpoint as the form ----
  async function preview() {
    const file = $("gc-file-form").elements.file.files[0];
    if (!file) { return; }
    const data = new FormData();
    data.append("file", file, file.name);
    const response = await fetch(api("/gc.csv/preview"), { method: "POST", body: data, headers: { "X-CSRF-TOKEN": window.lab.me().antiforgery } });
    const body = await response.json();
    if (!response.ok) { showError(body.detail); return; }
    showError("");
    state.preview = body.rows;
    const counts = (status) => body.rows.filter((r) => r.status === status).length;
    $("gc-preview-rows").innerHTML = "<tr><th>Line</th><th>Pouch</th><th>Time</th><th>H₂ / %</th><th>Verdict</th><th>Reason</th></tr>"
      + body.rows.map((r) => `<tr class="${r.status}" data-line="${r.line}"><td>${r.line}</td><td>${text(r.pouch ?? "–")}</td>
        <td>${r.result ? utc(r.result.time) : "–"}</td><td>${r.result ? fmt(r.result.h2Percent, 2) : "–"}</td>
        <td class="verdict">${r.status === "exists" ? "already stored" : r.status}</td><td>${text(r.reason ?? "")}</td></tr>`).join("");
    $("gc-import").textContent = `Import ${counts("accepted")} accepted row${counts("accepted") === 1 ? "" : "s"}`;
    $("gc-import").disabled = counts("accepted") === 0;
    $("gc-import-replace").hidden = counts("exists") === 0;
    $("gc-import-replace").textContent = `Import ${counts("accepted")} and replace ${counts("exists")} stored`;
    $("gc-preview").hidden = false;
    $("gc-preview").dataset.accepted = String(counts("accepted"));
    $("gc-preview").dataset.rejected = String(counts("rejected"));
  }

  async function importPreview(replace) {
    const rows = state.preview.filter((r) => r.status === "accepted" || (replace && r.status === "exists"));
    const body = rows.map((r) => ({ time: r.result.time, pouch: r.pouch, h2Percent: r.result.h2Percent, otherPercents: r.result.otherPercents }));
    await done(await send("POST", api(`/gc${replace ? "?replace=true" : ""}`), body), closePreview);
  }

  function closePreview() {
    state.preview = null;
    $("gc-preview").hidden = true;
    $("gc-file-form").reset();
  }

  // ---- list actions ----
  document.addEventListener("click", async (e) => {
    const button = e.target.closest("#entries-section button");
    if (!button || button.closest("form")) { return; }
    const row = button.closest("tr");
    if (button.classList.contains("gc-delete") && confirm(`Delete the GC result of ${state.pouch} at ${utc(row.dataset.time)}?`)) {
      await done(await send("DELETE", api(`/pouches/${encodeURIComponent(state.pouch)}/gc?time=${encodeURIComponent(row.dataset.time)}`)));
    } else if (button.classList.contains("gc-correct")) {
      const r = state.entries.gcResults.find((g) => g.time === row.dataset.time);
      const form = $("gc-form");
      form.elements.time.value = timeText(r.time);
      form.elements.h2.value = r.h2Percent;
      form.elements.others.value = Object.entries(r.otherPercents).map(([k, v]) => `${k}=${v}`).join(", ");
      form.elements.h2.focus();
    } else if (button.classList.contains("event-delete") && confirm(`Delete this ${row.dataset.kind} event of ${state.pouch}?`)) {
      await done(await send("DELETE", pouchApi(`/events/${row.dataset.id}`)));
    } else if (button.classList.contains("event-correct")) {
      const event = state.entries.events.find((v) => String(v.id) === row.dataset.id);
      const form = $("event-form");
      state.editing = event.id;
      form.elements.kind.value = event.kind;
      form.elements.time.value = timeText(event.time);
      form.elements.note.value = event.note;
      $("event-legend").textContent = `Correct the ${event.kind} event of ${utc(event.time)}`;
      $("event-submit").textContent = "Save correction";
      $("event-cancel").hidden = false;
    } else if (button.classList.contains("tare-delete") && confirm(`Delete the tare of ${state.pouch}?`)) {
      await done(await send("DELETE", pouchApi("/tare")));
    }
  });

  const onSubmit = (id, action) => $(id).addEventListener("submit", (e) => { e.preventDefault(); action(); });

  async function start() {
    if (!await window.lab.start()) { return; }
    const experiments = await getJson("/api/experiments");
    const wanted = new URLSearchParams(location.search).get("experiment");
    state.experiment = experiments.some((e) => e.name === wanted) ? wanted : experiments[0]?.name;
    if (!state.experiment) { $("entries-section").hidden = true; return; }
    const details = await getJson(api(""));
    state.readOnly = details.readOnly || !canWrite();
    $("entry-forms").hidden = state.readOnly;
    $("entries-readonly").hidden = !state.readOnly;
    $("entries-readonly").textContent = details.readOnly ? "Archived: read-only." : "Sign in as an operator to enter data.";
    $("entry-pouch").innerHTML = details.pouches.map((p) => `<option>${text(p.id)}</option>`).join("");
    state.pouch = details.pouches[0]?.id;
    $("entry-pouch").addEventListener("change", (e) => { state.pouch = e.target.value; stopEditing(); load(); });
    onSubmit("gc-form", () => saveGc(false));
    onSubmit("event-form", saveEvent);
    onSubmit("tare-form", saveTare);
    onSubmit("gc-file-form", preview);
    $("gc-replace").addEventListener("click", () => saveGc(true));
    $("event-cancel").addEventListener("click", () => { $("event-form").reset(); stopEditing(); resetTimes(); });
    $("gc-import").addEventListener("click", () => importPreview(false));
    $("gc-import-replace").addEventListener("click", () => importPreview(true));
    $("gc-preview-cancel").addEventListener("click", closePreview);
    resetTimes();
    if (state.pouch) { await load(); }
    $("entries-section").dataset.ready = "true";
  }

  start();
})();
