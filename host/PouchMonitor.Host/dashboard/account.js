"use strict";
// Account page: the signed-in user's API tokens (create, shown once; revoke) and, for an admin, the users.
(() => {
  const $ = (id) => document.getElementById(id);
  const utc = (t) => t ? new Date(t).toISOString().replace("T", " ").slice(0, 19) + " UTC" : "–";
  const text = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  let me = null;

  const send = async (method, url, body) => {
    const response = await fetch(url, {
      method, headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": me.antiforgery },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) { location.href = "/signin?returnUrl=/account.html"; }
    return response;
  };

  async function loadTokens() {
    const tokens = await (await fetch("/api/tokens")).json();
    $("tokens").innerHTML = "<tr><th>Name</th><th>Created</th><th>State</th></tr>" + tokens.map((t) => `<tr data-token="${t.id}">
      <td>${text(t.name)}</td><td>${utc(t.createdAt)}</td>
      <td>${t.revokedAt ? `revoked ${utc(t.revokedAt)}` : `<button class="revoke" data-id="${t.id}">Revoke</button>`}</td></tr>`).join("");
  }

  async function loadUsers() {
    const users = await (await fetch("/api/users")).json();
    $("users").innerHTML = "<tr><th>Name</th><th>Role</th></tr>" + users.map((u) => `<tr><td>${text(u.name)}</td><td>${u.role}</td></tr>`).join("");
  }

  async function start() {
    me = await (await fetch("/api/me")).json();
    if (!me.name) { location.href = "/signin?returnUrl=/account.html"; return; }
    $("user").textContent = `${me.name} (${me.role})`;
    $("signout-token").value = me.antiforgery;
    $("token-form").addEventListener("submit", async (e) => {
      e.preventDefault();
      const response = await send("POST", "/api/tokens", { name: $("token-name").value });
      if (response.ok) {
        const created = await response.json();
        $("token-secret").hidden = false;
        $("token-secret").textContent = `Copy it now; it is not shown again: ${created.token}`;
      }
      await loadTokens();
    });
    document.addEventListener("click", async (e) => {
      const button = e.target.closest("button.revoke");
      if (!button) { return; }
      button.disabled = true;
      await send("DELETE", `/api/tokens/${button.dataset.id}`);
      await loadTokens();
    });
    await loadTokens();
    if (me.role === "admin") {
      $("users-section").hidden = false;
      $("user-form").addEventListener("submit", async (e) => {
        e.preventDefault();
        const response = await send("POST", "/api/users", { name: $("user-name").value, password: $("user-password").value, role: $("user-role").value });
        $("user-error").textContent = response.ok ? "" : (await response.json()).detail;
        if (response.ok) { $("user-form").reset(); }
        await loadUsers();
      });
      await loadUsers();
    }
    document.body.dataset.ready = "true";
  }

  start();
})();
