using PouchMonitor.Analysis;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Plotting;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Dashboard;

/// <summary>Builds the trend chart's data: each pouch's curve against days since its baseline, M4-downsampled, with markers.</summary>
public sealed class TrendBuilder(DashboardQueries queries, SeriesCache cache, ExperimentDataStore experimentData, AlertStore alerts)
{
    private const double MsPerDay = 86_400_000;

    /// <summary>The curves of every pouch of <paramref name="experiment"/>; <paramref name="columns"/> 0 returns every point.</summary>
    public TrendResponse Build(Experiment experiment, bool hydrogen, bool perActive, double? fromDays, double? toDays, int columns)
    {
        var curves = Curves(experiment, hydrogen, perActive);
        return Build(experiment, curves, hydrogen, perActive, fromDays ?? 0, toDays ?? LastDay(curves), columns, 0);
    }

    /// <summary>
    /// The trend of <paramref name="curves"/> (from <see cref="Curves"/>) between two days; each pouch's colour is the palette's
    /// entry at its index plus <paramref name="colourOffset"/>.
    /// </summary>
    public TrendResponse Build(
        Experiment experiment, IReadOnlyList<PouchCurve> curves, bool hydrogen, bool perActive, double fromDays, double toDays, int columns, int colourOffset)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(curves);
        var series = curves.Select(c => Downsample(c, fromDays, toDays, columns, colourOffset)).ToList();
        var markers = curves.SelectMany(c => Markers(experiment.Name, c)).ToList();
        return new TrendResponse(experiment.Name, hydrogen ? "h2" : "gas", perActive ? "active" : "slurry", Unit(perActive),
            experiment.Settings.Standard.ToString(), "d", fromDays, toDays, columns, series, markers);
    }

    /// <summary>The unit of the trend's values: "mL g⁻¹ slurry" or "mL g⁻¹ active material".</summary>
    public static string Unit(bool perActive) => $"mL g⁻¹ {(perActive ? "active material" : "slurry")}";

    /// <summary>The last day of the longest curve; 0 without data.</summary>
    public static double LastDay(IEnumerable<PouchCurve> curves) => curves.Select(c => c.Days.Length > 0 ? c.Days[^1] : 0).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The whole curve of every pouch of <paramref name="experiment"/> that has a baseline (and, per active material,
    /// an active mass), in file order.
    /// </summary>
    public IReadOnlyList<PouchCurve> Curves(Experiment experiment, bool hydrogen, bool perActive)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return [.. experiment.Pouches.Select((p, i) => Load(experiment, p, i, hydrogen, perActive)).OfType<PouchCurve>()];
    }

    private PouchCurve? Load(Experiment experiment, ExperimentPouch pouch, int index, bool hydrogen, bool perActive)
    {
        var key = new PouchKey(experiment.Name, pouch.Spec.Id);
        if ((perActive && pouch.Spec.ActiveMassG is null) || queries.Baseline(key) is not { } baseline)
        {
            return null;
        }

        var column = (hydrogen, perActive) switch
        {
            (false, false) => "dry_gas_ml_std_per_g",
            (false, true) => "dry_gas_ml_std",
            (true, false) => "h2_ml_std_per_g",
            (true, true) => "h2_ml_std",
        };
        var stored = cache.Series(key, column);
        var scale = perActive ? 1 / pouch.Spec.ActiveMassG!.Value : 1;
        var baselineMs = baseline.ToUnixTimeMilliseconds();
        var days = Array.ConvertAll(stored.TimeMs, t => (t - baselineMs) / MsPerDay);
        var values = Array.ConvertAll(stored.Values, v => v * scale);
        return new PouchCurve(key, pouch.Spec.Sample, pouch.Spec.Group, index, baseline, days, values);
    }

    private static TrendSeries Downsample(PouchCurve curve, double from, double to, int columns, int colourOffset)
    {
        var days = new List<double>();
        var values = new List<double>();
        if (columns == 0)
        {
            var first = Array.FindIndex(curve.Days, d => d >= from);
            var last = Array.FindLastIndex(curve.Days, d => d <= to);
            days.AddRange(first < 0 ? [] : curve.Days[first..(last + 1)]);
            values.AddRange(first < 0 ? [] : curve.Values[first..(last + 1)]);
        }
        else
        {
            M4Downsampler.Downsample(curve.Days, curve.Values, from, to, columns, days, values);
        }

        var sourcePoints = curve.Days.Count(d => d >= from && d <= to);
        return new TrendSeries(curve.Key.Pouch, curve.Sample, curve.Group, SeriesStyle.Colour(curve.Index + colourOffset), curve.Baseline, sourcePoints,
            Rounded(days), Rounded(values));
    }

    // Six decimals are 0.09 s on the day axis and 1 nL g⁻¹ on the value axis, far below what the sensors resolve;
    // the other eleven digits would only triple the payload.
    internal static double[] Rounded(IEnumerable<double> numbers) => [.. numbers.Select(n => Math.Round(n, 6))];

    private IEnumerable<TrendMarker> Markers(string experiment, PouchCurve curve)
    {
        var events = experimentData.Events(curve.Key).Select(e => (Kind: e.Kind == VesselEventKind.Sample ? "sample" : "vent",
            Label: e.Note.Length > 0 ? $"{e.Kind}: {e.Note}" : e.Kind.ToString(), e.Time));
        var gc = experimentData.GcResults(curve.Key).Select(r => (Kind: "gc", Label: $"GC: H₂ {r.H2Percent:0.##} %", r.Time));
        var alerted = alerts.All(experiment).Where(a => a.Pouch == curve.Key.Pouch).Select(a => (Kind: "alert", Label: a.Message, Time: a.OpenedAt));
        return events.Concat(gc).Concat(alerted).Select(m => Marker(curve, m.Kind, m.Label, m.Time));
    }

    private static TrendMarker Marker(PouchCurve curve, string kind, string label, DateTimeOffset time)
    {
        var days = (time - curve.Baseline).TotalDays;
        var index = Array.BinarySearch(curve.Days, days);
        index = index >= 0 ? index : ~index - 1;
        return new TrendMarker(curve.Key.Pouch, kind, label, days, index >= 0 ? curve.Values[index] : null);
    }
}
