using ScottPlot;

namespace PouchMonitor.Host.Plotting;

/// <summary>
/// The one definition of curve colours, line dashes and marker glyphs: the report's figures (ReportPlots) use it, and the
/// dashboard receives it from <c>GET /api/plot-style</c> and the colours of its curves in each response, so a pouch looks
/// the same on the page and in the report. A pouch's colour is the palette's entry at its index in the experiment file
/// (wrapping round); a replicate group takes the colour of its first pouch.
/// </summary>
public static class SeriesStyle
{
    /// <summary>Curve colours, CSS hex.</summary>
    public static IReadOnlyList<string> Palette { get; } =
    [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
    ];

    /// <summary>Line dash of the n-th experiment on a comparison chart, as canvas dash lengths in CSS pixels (empty: solid).</summary>
    public static IReadOnlyList<IReadOnlyList<double>> ExperimentDashes { get; } = [[], [10, 5], [3, 3], [12, 4, 3, 4]];

    /// <summary>The marks drawn on curves.</summary>
    public static IReadOnlyList<MarkerStyle> Markers { get; } =
    [
        new("sample", "GC sample", "▼", "#5d4037", -9, MarkerShape.FilledTriangleDown),
        new("vent", "vent", "●", "#455a64", -9, MarkerShape.FilledCircle),
        new("gc", "GC result", "◆", "#6a1b9a", -21, MarkerShape.FilledDiamond),
        new("alert", "alert opened", "■", "#c62828", 12, MarkerShape.FilledSquare),
        new("leak", "leak suspected", "✕", "#c62828", 12, MarkerShape.Eks),
    ];

    /// <summary>The colour of the curve at <paramref name="index"/> (0-based; wraps round the palette).</summary>
    public static string Colour(int index) => Palette[((index % Palette.Count) + Palette.Count) % Palette.Count];

    /// <summary>The dash of the experiment at <paramref name="index"/> on a comparison chart (wraps round).</summary>
    public static IReadOnlyList<double> ExperimentDash(int index) => ExperimentDashes[index % ExperimentDashes.Count];

    /// <summary>The style of the marks of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such kind.</exception>
    public static MarkerStyle Marker(string kind) =>
        Markers.FirstOrDefault(m => m.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a marker kind");
}
