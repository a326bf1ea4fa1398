using PouchMonitor.Analysis;
using PouchMonitor.Analysis.Kinetics;
using PouchMonitor.Host.Conversion;

namespace PouchMonitor.Host.Reports;

/// <summary>
/// Receives the series pouch by pouch and keeps only what the report needs of each (summary, thinned curves),
/// so memory holds one pouch's series at a time. Passes every point on to <paramref name="gasCsv"/>.
/// </summary>
internal sealed class ReportCollector(ExperimentInputs inputs, ReportOptions options, IGasPointSink gasCsv, BiogasWriter? biogas, IProgress<int>? pouchesDone)
    : IGasPointSink
{
    /// <summary>Points kept per curve: about three per bucket.</summary>
    private const int PlotBuckets = 1500;

    private readonly List<GasPoint> _points = [];
    private readonly Dictionary<string, PouchSummary> _summaries = new(StringComparer.Ordinal);

    /// <summary>Each blank's apparent gas, for the uncertainty of the share its pouches subtract (blanks come first).</summary>
    private readonly Dictionary<string, BlankSeries> _blanks = inputs.Pouches
        .Select(p => p.BlankId).OfType<string>().Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new BlankSeries(), StringComparer.Ordinal);

    public List<Curve> GasCurves { get; } = [];

    public List<Curve> H2Curves { get; } = [];

    /// <summary>Each pouch's evolved gas per g of slurry as hourly means (for the kinetics), by pouch id.</summary>
    public Dictionary<string, DaySeries> Hourly { get; } = new(StringComparer.Ordinal);

    /// <summary>A summary for every pouch of the experiment, in output order; pouches without readings have no numbers.</summary>
    public IEnumerable<PouchSummary> Summaries => inputs.Pouches.Select(p =>
        _summaries.GetValueOrDefault(p.Id) ?? new PouchSummary(p.Id, p.Sample, null, null, null, null, null, null));

    public void Write(PouchSpec pouch, GasPoint point)
    {
        _points.Add(point);
        if (_blanks.TryGetValue(pouch.Id, out var series))
        {
            series.Add(point);
        }

        gasCsv.Write(pouch, point);
    }

    public void EndPouch(PouchSpec pouch)
    {
        gasCsv.EndPouch(pouch);
        _summaries[pouch.Id] = PouchSummarizer.Summarize(pouch, inputs, _points, options, BlankOf(pouch));
        AddCurves(pouch);
        biogas?.Write(pouch, _points);
        _points.Clear();
        pouchesDone?.Report(_summaries.Count);
    }

    private (PouchSpec Spec, PouchSummary Summary, BlankSeries Series)? BlankOf(PouchSpec pouch) =>
        pouch.BlankId is { } id && _summaries.TryGetValue(id, out var summary)
            ? (inputs.Pouches.First(p => p.Id == id), summary, _blanks[id])
            : null;

    private void AddCurves(PouchSpec pouch)
    {
        var settled = SeriesMetrics.Settled(_points);
        if (settled.Length == 0)
        {
            return;
        }

        string label = $"{pouch.Sample} ({pouch.Id})";
        double[] days = SeriesMetrics.Days(settled);
        double[] perG = [.. settled.Select(p => p.DryGasMlStdPerG!.Value)];
        var baseline = settled[0].Time;
        var marks = inputs.EventsOf(pouch.Id)
            .Where(e => e.Time > baseline)
            .Select(e => Mark(days, perG, (e.Time - baseline).TotalDays, e.Kind == VesselEventKind.Vent ? "vent" : "sample"))
            .Concat(settled.Select((p, i) => (p, i)).Where(x => (x.p.Flags & GasFlags.LeakSuspected) != 0).Select(x => (days[x.i], perG[x.i], "leak")));
        GasCurves.Add(Thinned(label, days, perG, [.. marks], ColourIndex(pouch)));
        Hourly[pouch.Id] = new DaySeries(days, perG).BinMeans(ReportKinetics.BinDays);
        AddH2Curve(pouch, label, settled);
    }

    private void AddH2Curve(PouchSpec pouch, string label, GasPoint[] settled)
    {
        var baseline = settled[0].Time;
        var withH2 = settled.Where(p => p.H2MlStdPerG is not null).ToArray();
        if (withH2.Length > 0)
        {
            double[] h2Days = [.. withH2.Select(p => (p.Time - baseline).TotalDays)];
            double[] h2 = [.. withH2.Select(p => p.H2MlStdPerG!.Value)];
            var gcMarks = inputs.GcOf(pouch.Id)
                .Where(r => r.Time >= baseline)
                .Select(r => Mark(h2Days, h2, (r.Time - baseline).TotalDays, "gc"));
            H2Curves.Add(Thinned(label, h2Days, h2, [.. gcMarks], ColourIndex(pouch)));
        }
    }

    private static (double, double, string) Mark(double[] days, double[] values, double at, string kind) =>
        (at, SeriesMetrics.Interpolate(days, values, at), kind);

    private int ColourIndex(PouchSpec pouch) => inputs.Experiment.Pouches.ToList().FindIndex(p => p.Spec.Id == pouch.Id);

    private static Curve Thinned(string label, double[] days, double[] values, IReadOnlyList<(double, double, string)> marks, int colourIndex)
    {
        var (xs, ys) = Downsampler.MinMax(days, values, PlotBuckets);
        return new Curve(label, xs, ys, marks, colourIndex);
    }
}
