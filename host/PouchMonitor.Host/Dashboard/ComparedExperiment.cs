namespace PouchMonitor.Host.Dashboard;

/// <summary>One experiment (batch) on the comparison chart.</summary>
/// <param name="Name">Experiment name.</param>
/// <param name="State"><c>draft</c>, <c>running</c>, <c>stopped</c> or <c>archived</c>.</param>
/// <param name="Dash">Its line dash (canvas dash lengths, CSS pixels; empty: solid).</param>
/// <param name="Groups">Its replicate groups' bands, in order of their first pouch.</param>
/// <param name="Pouches">Its single pouches, M4-downsampled as on the trend.</param>
/// <param name="Markers">Events, GC results and alerts on the single pouches.</param>
public sealed record ComparedExperiment(
    string Name,
    string State,
    IReadOnlyList<double> Dash,
    IReadOnlyList<GroupBand> Groups,
    IReadOnlyList<TrendSeries> Pouches,
    IReadOnlyList<TrendMarker> Markers);
