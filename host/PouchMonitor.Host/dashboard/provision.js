"use strict";
// Devices page, for admins: the boards with a credential at the embedded broker, "Add device" (the password and the
// board's files are shown this once, from the answer; nothing secret is fetched again) and "Remove".
(() => {
  const { $, text, utc } = window.lab;
  const form = () => $("provision-form");
  const urls = [];

  function showFieldError(problem) {
    form().querySelectorAll(".field-error").forEach((e) => { e.textContent = ""; });
    form().querySelectorAll(".invalid").forEach((e) => e.classList.remove("invalid"));
    if (!problem) { return; }
    const slot = form().querySelector(`.field-error[data-field="${CSS.escape(problem.field ?? "deviceId")}"]`);
    slot.textContent = problem.detail ?? problem.title;
    slot.closest("label").querySelector("input")?.classList.add("invalid");
  }

  async function loadCredentials() {
    const [credentials, devices] = await Promise.all([window.lab.getJson("/api/device-credentials"), window.lab.getJson("/api/devices")]);
    const seen = new Map(devices.map((d) => [d.id, d]));
    $("credentials").innerHTML = "<tr><th>Device id</th><th>Label</th><th>Credential made</th><th>Reporting</th><th></th></tr>" +
      (credentials.map((c) => `<tr class="credential" data-device="${text(c.deviceId)}">
        <td>${text(c.deviceId)}</td><td>${text(c.label ?? "–")}</td><td>${utc(c.createdAt)}</td>
        <td>${seen.has(c.deviceId) ? `<span class="badge ok">seen ${utc(seen.get(c.deviceId).lastSeen)}</span>` : `<span class="badge">not yet</span>`}</td>
        <td><button class="remove-device" data-device="${text(c.deviceId)}">Remove</button></td></tr>`).join("")
      || `<tr><td class="empty" colspan="5">No board has a credential yet.</td></tr>`);
    const ids = new Set(credentials.map((c) => c.deviceId));
    $("seen-devices").innerHTML = devices.filter((d) => !ids.has(d.id)).map((d) => `<option value="${text(d.id)}">`).join("");
    $("provision-section").dataset.credentials = String(credentials.length);
  }

  const download = (id, name, content) => {
    const url = URL.createObjectURL(new Blob([content], { type: "application/json" }));
    urls.push(url);
    $(id).href = url;
    $(id).download = name;
    $(id).textContent = `Download ${name}`;
  };

  function showAdded(added) {
    urls.splice(0).forEach((u) => URL.revokeObjectURL(u));
    $("provisioned-id").textContent = added.deviceId;
    $("provisioned-password").textContent = added.password;
    $("provisioned-config").textContent = added.configFile;
    $("nanoff-command").textContent = added.nanoffCommand;
    $("board-path").textContent = added.boardPath;
    download("download-config", added.configFileName, added.configFile);
    download("download-deployment", added.deploymentFileName, added.deploymentFile);
    $("provisioned").hidden = false;
    $("provisioned").dataset.device = added.deviceId;
  }

  async function add(e) {
    e.preventDefault();
    const f = form().elements;
    const caFile = f.caFile.files[0];
    const body = {
      deviceId: f.deviceId.value.trim(), label: f.label.value, broker: f.broker.value.trim(),
      caPem: caFile ? await caFile.text() : null, wifiSsid: f.wifiSsid.value, wifiPassword: f.wifiPassword.value,
      ntpServer: f.ntpServer.value.trim(), serialPort: f.serialPort.value.trim(),
    };
    $("provision-add").disabled = true;
    const result = await window.lab.send("POST", "/api/device-credentials", body);
    $("provision-add").disabled = false;
    if (!result.ok) { showFieldError(result.data ?? { detail: String(result.status) }); return; }
    showFieldError(null);
    // The secrets leave the form: they are in the panel below, this once.
    f.wifiPassword.value = "";
    f.deviceId.value = "";
    f.label.value = "";
    showAdded(result.data);
    await loadCredentials();
  }

  async function remove(device) {
    if (!confirm(`Remove ${device}? Its next login to the broker is refused; its stored readings stay.`)) { return; }
    const result = await window.lab.send("DELETE", `/api/device-credentials/${encodeURIComponent(device)}`);
    $("credentials-error").textContent = result.ok ? "" : `${device}: ${result.data?.detail ?? result.status}`;
    if ($("provisioned").dataset.device === device) { $("provisioned").hidden = true; }
    await loadCredentials();
  }

  async function start() {
    if (!await window.lab.start() || window.lab.me().role !== "admin") { return; }
    const defaults = await window.lab.getJson("/api/device-credentials/defaults");
    form().elements.broker.value = defaults.broker;
    $("broker-note").textContent = defaults.note ?? "";
    form().addEventListener("submit", add);
    document.addEventListener("click", (e) => {
      const button = e.target.closest("button.remove-device");
      if (button) { remove(button.dataset.device); }
    });
    $("provision-section").hidden = false;
    await loadCredentials();
    $("provision-section").dataset.ready = "true";
    setInterval(loadCredentials, 5000);
  }

  start();
})();
