"use strict";
// Shared by the dashboard and the comparison page: the plot style the server defines (GET /api/plot-style: the palette,
// dashes and marker glyphs the report uses too), the merged x array uPlot wants, and the marks drawn on curves.
// Exposes window.plots.
window.plots = (() => {
  let style = null;

  // The server's style; loaded once per page.
  async function loadStyle() {
    if (!style) {
      const response = await fetch("/api/plot-style");
      if (!response.ok) { throw new Error(`/api/plot-style: ${response.status}`); }
      style = await response.json();
      style.byKind = Object.fromEntries(style.markers.map((m) => [m.kind, m]));
    }
    return style;
  }

  const colour = (index) => style.palette[index % style.palette.length];

  // "▼ GC sample ● vent …" for a hint line, in the marks' own colours.
  const legendHtml = (kinds) => kinds.map((k) => style.byKind[k])
    .map((m) => `<span class="mk" style="color:${m.colour}">${m.glyph}</span> ${m.label}`).join(" ");

  // uPlot wants one shared x array: merge every curve's days and leave gaps (null) where a curve has no point.
  function align(curves) {
    const xs = Float64Array.from(new Set(curves.flatMap((c) => c.days))).sort();
    const ys = curves.map((c) => {
      const y = new Array(xs.length).fill(null);
      let j = 0;
      c.days.forEach((d, i) => { while (xs[j] < d) { j++; } y[j] = c.values[i]; });
      return y;
    });
    return [Array.from(xs), ...ys];
  }

  // Draws each marker at its day and value, offset as the style says; seriesOf(marker) gives its uPlot series index
  // (or -1), and a marker of a hidden series is skipped.
  function drawMarkers(u, markers, seriesOf) {
    const ctx = u.ctx;
    ctx.save();
    ctx.font = `${Math.round(12 * devicePixelRatio)}px DejaVu Sans, sans-serif`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (const m of markers) {
      const index = seriesOf(m);
      if (m.value == null || index < 0 || !u.series[index].show) { continue; }
      const look = style.byKind[m.kind];
      const x = u.valToPos(m.days, "x", true), y = u.valToPos(m.value, "y", true);
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) { continue; }
      ctx.fillStyle = look.colour;
      ctx.fillText(look.glyph, x, y + look.offsetPx * devicePixelRatio);
    }
    ctx.restore();
  }

  // A number shown to its uncertainty: the SD to one significant digit (two when it starts with 1 or 2), the mean to
  // the same place (10.00 ± 0.06), as the report's UncertainText does; three decimals without an SD.
  function uncertain(value, sd) {
    if (value == null || !isFinite(value)) { return "–"; }
    if (sd == null || !(sd > 0)) { return value.toFixed(3); }
    const exponent = Math.floor(Math.log10(sd));
    const decimals = Math.max(0, -exponent + (sd / 10 ** exponent < 3 ? 1 : 0));
    return `${value.toFixed(decimals)} ± ${sd.toFixed(decimals)}`;
  }

  return { loadStyle, colour, legendHtml, align, drawMarkers, uncertain };
})();
