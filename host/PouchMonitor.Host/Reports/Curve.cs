namespace PouchMonitor.Host.Reports;

/// <summary>One line of a plot: days since the baseline against a value, with marks on it.</summary>
/// <param name="Label">Legend text, e.g. "mSi (P1)".</param>
/// <param name="Days">Days since the pouch's baseline.</param>
/// <param name="Values">The plotted value at each day.</param>
/// <param name="Marks">Days and values of the events (or GC samples) on the curve, with their <see cref="Plotting.MarkerStyle.Kind"/>.</param>
/// <param name="ColourIndex">The curve's entry in <see cref="Plotting.SeriesStyle.Palette"/>: its pouch's index in the experiment.</param>
internal sealed record Curve(string Label, double[] Days, double[] Values, IReadOnlyList<(double Days, double Value, string Kind)> Marks, int ColourIndex);
