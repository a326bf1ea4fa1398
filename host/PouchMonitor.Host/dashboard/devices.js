"use strict";
// Devices page: every device seen with its health and sensors (chip, status, newest reading, pouch or "unassigned"),
// a sensor's stored readings on click, and the identify and reboot commands for operators.
(() => {
  const { $, text, utc, fmt } = window.lab;
  const plots = [];
  let shown = null;

  const age = (s) => s < 120 ? `${s.toFixed(0)} s` : s < 7200 ? `${(s / 60).toFixed(0)} min` : `${(s / 3600).toFixed(1)} h`;

  function sensorRow(device, s) {
    const feeds = s.pouch ? `${text(s.experiment)} / ${text(s.pouch)}` : `<span class="badge warn">unassigned</span>`;
    return `<tr class="sensor" data-device="${text(device.id)}" data-sensor="${s.index}" data-assigned="${s.pouch ? "true" : "false"}">
      <td>${s.index}</td><td>${text(s.chip ?? "–")}</td>
      <td><span class="badge ${s.status === "ok" ? "ok" : s.status === "no data" ? "" : "bad"}">${text(s.status)}</span></td>
      <td class="pressure">${fmt(s.pressureKPa, 3)} kPa</td><td class="temperature">${fmt(s.temperatureC, 2)} °C</td>
      <td>${utc(s.lastReadingAt)}</td><td class="feeds">${feeds}</td>
      <td><button class="show-readings">Readings</button></td></tr>`;
  }

  function deviceBlock(d) {
    const disabled = window.lab.canWrite() ? "" : ` disabled title="Needs the operator role"`;
    return `<div class="device" data-device="${text(d.id)}" data-state="${d.state}">
      <div class="section-head">
        <h3 class="device-id">${text(d.id)} <span class="badge ${d.state === "online" ? "ok" : d.state === "offline" ? "bad" : ""}">${d.state}</span></h3>
        <div class="controls">
          <button class="command" data-kind="identify"${disabled}>Identify (blink 10 s)</button>
          <button class="command" data-kind="reboot"${disabled}>Reboot</button>
        </div>
      </div>
      <dl class="facts">
        <dt>firmware</dt><dd class="firmware">${text(d.firmwareVersion ?? "–")}</dd>
        <dt>boot count</dt><dd class="boot">${d.boot ?? "–"}</dd>
        <dt>last seen</dt><dd class="last-seen" title="${utc(d.lastSeen)}">${age(d.lastSeenAgeS)} ago</dd>
        <dt>Wi-Fi</dt><dd class="rssi">${d.wifiRssiDbm == null ? "–" : `${d.wifiRssiDbm} dBm`}</dd>
        <dt>free memory</dt><dd class="memory">${d.freeMemoryBytes == null ? "–" : `${(d.freeMemoryBytes / 1024).toFixed(1)} KiB`}</dd>
        <dt>buffered readings</dt><dd class="buffered">${d.buffered ?? "–"}${d.dropped ? ` (${d.dropped} dropped)` : ""}</dd>
        <dt>sampling interval</dt><dd>${d.intervalS == null ? "–" : `${d.intervalS} s`}</dd>
        <dt>last reset</dt><dd>${text(d.resetReason ?? "–")}</dd>
      </dl>
      <table class="alerts sensors"><tr><th>Sensor</th><th>Chip</th><th>Status</th><th>Pressure</th><th>Temperature</th>
        <th>Newest reading</th><th>Feeds pouch</th><th></th></tr>
        ${d.sensors.map((s) => sensorRow(d, s)).join("") || `<tr><td class="empty" colspan="8">no sensor reported yet</td></tr>`}</table>
    </div>`;
  }

  async function loadDevices() {
    const devices = await window.lab.getJson("/api/devices");
    $("devices").innerHTML = devices.map(deviceBlock).join("") || `<p class="muted">No device has reported yet.</p>`;
    $("devices-updated").textContent = `updated ${utc(Date.now())}`;
    document.body.dataset.devices = String(devices.length);
  }

  function chart(element, channel, label) {
    const opts = {
      width: element.clientWidth || 900, height: 200,
      scales: { x: { time: true } },
      axes: [{ label: "Time (UTC)" }, { label }],
      series: [{}, { label, stroke: "#1f5fa8", width: 1, points: { show: false } }],
      legend: { show: false },
    };
    element.innerHTML = "";
    return new uPlot(opts, [channel.timeS, channel.values], element);
  }

  async function showReadings(device, sensor) {
    shown = { device, sensor };
    const data = await window.lab.getJson(`/api/devices/${encodeURIComponent(device)}/sensors/${sensor}/readings`);
    $("readings-section").hidden = false;
    $("readings-title").textContent = `Readings of ${device} sensor ${sensor}`;
    $("readings-count").textContent = `${data.count} data readings stored`;
    plots.splice(0).forEach((p) => p.destroy());
    plots.push(chart($("readings-pressure"), data.pressure, "kPa"), chart($("readings-temperature"), data.temperature, "°C"));
    $("readings-section").dataset.device = device;
    $("readings-section").dataset.sensor = String(sensor);
    $("readings-section").dataset.points = String(data.pressure.values.length);
  }

  document.addEventListener("click", async (e) => {
    const readings = e.target.closest("button.show-readings");
    if (readings) {
      const row = readings.closest("tr.sensor");
      await showReadings(row.dataset.device, Number(row.dataset.sensor));
      return;
    }

    const command = e.target.closest("button.command");
    if (!command) { return; }
    const device = command.closest(".device").dataset.device;
    const kind = command.dataset.kind;
    if (kind === "reboot" && !confirm(`Reboot ${device}? Readings are buffered on the board meanwhile.`)) { return; }
    command.disabled = true;
    const result = await window.lab.send("POST", `/api/devices/${encodeURIComponent(device)}/commands`, { kind });
    $("command-error").textContent = result.ok ? "" : `${device}: ${result.data?.detail ?? result.status}`;
    command.disabled = false;
    command.closest(".device").dataset.sent = kind;
  });

  async function start() {
    if (!await window.lab.start()) { return; }
    await loadDevices();
    document.body.dataset.ready = "true";
    setInterval(async () => {
      await loadDevices();
      if (shown) { await showReadings(shown.device, shown.sensor); }
    }, 5000);
  }

  start();
})();
