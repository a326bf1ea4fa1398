"use strict";
// Shared by the devices and experiments pages: who is signed in, the page header, JSON requests with the antiforgery
// header, and text escaping. Exposes window.lab.
window.lab = (() => {
  const $ = (id) => document.getElementById(id);
  const text = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const utc = (t) => t ? new Date(t).toISOString().replace("T", " ").slice(0, 19) + " UTC" : "–";
  const fmt = (v, digits) => v == null || !isFinite(v) ? "–" : Number(v).toFixed(digits);
  const signIn = () => { location.href = `/signin?returnUrl=${encodeURIComponent(location.pathname + location.search)}`; };
  let me = null;

  // Loads /api/me and fills the header's user corner; false (and off to sign-in) when reads need a sign-in. Every
  // script of a page may call it: it runs once.
  let started = null;
  const start = () => { started ??= load(); return started; };

  async function load() {
    me = await (await fetch("/api/me")).json();
    if (!me.name && !me.openReads) { signIn(); return false; }
    $("user").innerHTML = me.name
      ? `${text(me.name)} (${text(me.role)}) · <a href="/account.html">account</a>`
      : `<a href="/signin?returnUrl=${encodeURIComponent(location.pathname + location.search)}">sign in</a>`;
    return true;
  }

  const canWrite = () => me?.role === "operator" || me?.role === "admin";

  async function getJson(url) {
    const response = await fetch(url);
    if (response.status === 401) { signIn(); }
    if (!response.ok) { throw new Error(`${url}: ${response.status}`); }
    return response.json();
  }

  // Sends JSON (or a raw string body as JSON) and returns { ok, status, data }; data is the ProblemDetails on error.
  async function send(method, url, body) {
    const response = await fetch(url, {
      method, headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": me.antiforgery },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    if (response.status === 401) { signIn(); }
    const type = response.headers.get("Content-Type") ?? "";
    const data = type.includes("json") ? await response.json() : null;
    return { ok: response.ok, status: response.status, data };
  }

  return { $, text, utc, fmt, start, canWrite, getJson, send, me: () => me };
})();
