"use strict";
// Sends the user back to the page that asked for sign-in (a path on this site only; the server checks it too).
(() => {
  const back = new URLSearchParams(location.search).get("returnUrl");
  if (back && back.startsWith("/") && !back.startsWith("//")) { document.getElementById("return-url").value = back; }
})();
