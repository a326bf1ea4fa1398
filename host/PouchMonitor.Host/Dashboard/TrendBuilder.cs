using PouchMonitor.Analysis;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Dashboard;

/// <summary>Builds the trend chart's data: each pouch's curve against days since its baseline, M4-downsampled, with markers.</summary>
public sealed class TrendBuilder(DashboardQueries queries, SeriesCache cache, ExperimentDataStore experimentData, AlertStore alerts)
{
    private const double MsPerDay = 86_400_000;

    /// <summary>The curves of every pouch of <paramref name="experiment"/>; <paramref name="columns"/> 0 returns every point.</summary>
    public TrendResponse Build(Experiment experiment, bool hydrogen, bool perActive, double? fromDays, double? toDays, int columns)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var curves = experiment.Pouches.Select(p => Load(experiment, p, hydrogen, perActive)).OfType<Curve>().ToList();
        var from = fromDays ?? 0;
        var to = toDays ?? curves.Select(c => c.Days.Length > 0 ? c.Days[^1] : 0).DefaultIfEmpty(0).Max();
        var series = curves.Select(c => Downsample(c, from, to, columns)).ToList();
        var markers = curves.SelectMany(c => Markers(experiment.Name, c)).ToList();
        var unit = $"mL g⁻¹ {(perActive ? "active material" : "slurry")}";
        return new TrendResponse(experiment.Name, hydrogen ? "h2" : "gas", perActive ? "active" : "slurry", unit,
            experiment.Settings.Standard.ToString(), "d", from, to, columns, series, markers);
    }

    private Curve? Load(Experiment experiment, ExperimentPouch pouch, bool hydrogen, bool perActive)
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
        return new Curve(key, pouch.Spec.Sample, baseline, days, values);
    }

    private static TrendSeries Downsample(Curve curve, double from, double to, int columns)
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
        return new TrendSeries(curve.Key.Pouch, curve.Sample, curve.Baseline, sourcePoints, Rounded(days), Rounded(values));
    }

    // Six decimals are 0.09 s on the day axis and 1 nL g⁻¹ on the value axis, far below what the sensors resolve;
    // the other eleven digits would only triple the payload.
    private static double[] Rounded(List<double> numbers) => [.. numbers.Select(n => Math.Round(n, 6))];

    private IEnumerable<TrendMarker> Markers(string experiment, Curve curve)
    {
        var events = experimentData.Events(curve.Key).Select(e => (Kind: e.Kind == VesselEventKind.Sample ? "sample" : "vent",
            Label: e.Note.Length > 0 ? $"{e.Kind}: {e.Note}" : e.Kind.ToString(), e.Time));
        var gc = experimentData.GcResults(curve.Key).Select(r => (Kind: "gc", Label: $"GC: H₂ {r.H2Percent:0.##} %", r.Time));
        var alerted = alerts.All(experiment).Where(a => a.Pouch == curve.Key.Pouch).Select(a => (Kind: "alert", Label: a.Message, Time: a.OpenedAt));
        return events.Concat(gc).Concat(alerted).Select(m => Marker(curve, m.Kind, m.Label, m.Time));
    }

    private static TrendMarker Marker(Curve curve, string kind, string label, DateTimeOffset time)
    {
        var days = (time - curve.Baseline).TotalDays;
        var index = Array.BinarySearch(curve.Days, days);
        index = index >= 0 ? index : ~index - 1;
        return new TrendMarker(curve.Key.Pouch, kind, label, days, index >= 0 ? curve.Values[index] : null);
    }

    private sealed record Curve(PouchKey Key, string Sample, DateTimeOffset Baseline, double[] Days, double[] Values);
}
