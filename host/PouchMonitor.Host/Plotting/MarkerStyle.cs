using System.Text.Json.Serialization;
using ScottPlot;

namespace PouchMonitor.Host.Plotting;

/// <summary>How one kind of mark on a curve is drawn, in the dashboard and in the report's figures alike.</summary>
/// <param name="Kind">Key: <c>sample</c>, <c>vent</c>, <c>gc</c>, <c>alert</c> or <c>leak</c>.</param>
/// <param name="Label">Legend text, e.g. "GC sample".</param>
/// <param name="Glyph">The character the dashboard draws, e.g. "▼".</param>
/// <param name="Colour">CSS hex colour, e.g. "#5d4037".</param>
/// <param name="OffsetPx">Vertical offset from the curve in CSS pixels, so marks at one time do not hide each other.</param>
/// <param name="ReportShape">The ScottPlot marker of the same shape as <paramref name="Glyph"/>.</param>
public sealed record MarkerStyle(string Kind, string Label, string Glyph, string Colour, int OffsetPx, [property: JsonIgnore] MarkerShape ReportShape);
