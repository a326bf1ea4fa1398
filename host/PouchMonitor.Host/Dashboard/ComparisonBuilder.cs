using PouchMonitor.Analysis.Kinetics;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Plotting;
using PouchMonitor.Host.Reports;

namespace PouchMonitor.Host.Dashboard;

/// <summary>
/// Builds the comparison chart's data: per experiment, each replicate group's mean ± SD (<see cref="ReplicateBand"/> on
/// hourly bins at the least, as the report's group plot) and the single pouches as the trend gives them. Colours run on
/// from one experiment to the next: the first experiment looks as on its own dashboard and in its report.
/// </summary>
public static class ComparisonBuilder
{
    /// <summary>The chart between <paramref name="fromDays"/> (default 0) and <paramref name="toDays"/> (default: the longest curve's end).</summary>
    public static ComparisonResponse Build(
        TrendBuilder trends, IReadOnlyList<(Experiment Experiment, ExperimentState State)> experiments, bool hydrogen, bool perActive,
        double? fromDays, double? toDays, int columns)
    {
        ArgumentNullException.ThrowIfNull(trends);
        ArgumentNullException.ThrowIfNull(experiments);
        var curves = experiments.Select(e => trends.Curves(e.Experiment, hydrogen, perActive)).ToList();
        var from = fromDays ?? 0;
        var to = toDays ?? TrendBuilder.LastDay(curves.SelectMany(c => c));
        var compared = new List<ComparedExperiment>();
        var colourOffset = 0;
        for (var i = 0; i < experiments.Count; i++)
        {
            var (experiment, state) = experiments[i];
            var trend = trends.Build(experiment, curves[i], hydrogen, perActive, from, to, columns, colourOffset);
            compared.Add(new ComparedExperiment(experiment.Name, state.ToString().ToLowerInvariant(), SeriesStyle.ExperimentDash(i),
                Groups(curves[i], from, to, columns, colourOffset), trend.Series, trend.Markers));
            colourOffset += experiment.Pouches.Count;
        }

        return new ComparisonResponse(hydrogen ? "h2" : "gas", perActive ? "active" : "slurry", TrendBuilder.Unit(perActive),
            experiments[0].Experiment.Settings.Standard.ToString(), "d", from, to, columns, StepDays(from, to, columns), compared);
    }

    private static double StepDays(double from, double to, int columns) =>
        ReplicateBand.StepDays(from, Math.Max(to, from), columns, ReportKinetics.BinDays);

    private static List<GroupBand> Groups(IReadOnlyList<PouchCurve> curves, double from, double to, int columns, int colourOffset) =>
        [.. curves.GroupBy(c => (c.Group, Single: c.Group is null ? c.Key.Pouch : null)).Select(g => Band(g.ToList(), from, to, columns, colourOffset))];

    private static GroupBand Band(List<PouchCurve> members, double from, double to, int columns, int colourOffset)
    {
        var name = members[0].Group ?? members[0].Key.Pouch;
        var curve = to > from
            ? ReplicateBand.Of(name, [.. members.Select(m => new DaySeries(m.Days, m.Values))], from, to, columns, ReportKinetics.BinDays)
            : new ReplicateCurve(name, members.Count, [], [], []);
        return new GroupBand(name, [.. members.Select(m => m.Key.Pouch)], [.. members.Select(m => m.Sample).Distinct()],
            SeriesStyle.Colour(members[0].Index + colourOffset), TrendBuilder.Rounded(curve.Days), TrendBuilder.Rounded(curve.Mean),
            [.. curve.Sd.Select(sd => double.IsNaN(sd) ? (double?)null : Math.Round(sd, 6))]);
    }
}
