"use strict";
// Summary section of the dashboard: the report's summary.md of the selected experiment (GET …/summary.md), computed
// by the server when asked and shown as Markdown (markdown-it with raw HTML off, so names in it stay text).
(() => {
  const $ = (id) => document.getElementById(id);
  const markdown = window.markdownit({ html: false });

  $("summary-compute").addEventListener("click", async () => {
    const url = `/api/experiments/${encodeURIComponent($("experiment").value)}/summary.md`;
    $("summary-compute").disabled = true;
    $("summary").textContent = "Computing…";
    try {
      const response = await fetch(url);
      if (response.ok) {
        $("summary").innerHTML = markdown.render(await response.text());
        $("summary-download").href = url;
        $("summary-download").hidden = false;
      } else {
        const problem = await response.json().catch(() => ({}));
        $("summary").textContent = `The summary could not be computed: ${problem.detail ?? response.statusText} (${response.status}).`;
      }
    } finally {
      $("summary-compute").disabled = false;
    }
  });
})();
