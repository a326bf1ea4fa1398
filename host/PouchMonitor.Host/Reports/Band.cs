namespace PouchMonitor.Host.Reports;

/// <summary>A shaded range on a plot, e.g. a replicate group's mean ± SD.</summary>
/// <param name="Days">Days since the baseline.</param>
/// <param name="Low">Lower edge at each day.</param>
/// <param name="High">Upper edge at each day.</param>
internal sealed record Band(double[] Days, double[] Low, double[] High);
