using PouchMonitor.Analysis;
using PouchMonitor.Analysis.Kinetics;

namespace PouchMonitor.Host.Reports;

/// <summary>
/// The report's kinetics (docs/reports.md): each pouch's evolved gas as hourly means, replicate groups' mean ± SD on a
/// common hourly grid, modified-Gompertz fits per pouch and per group, and smoothed rate curves.
/// </summary>
internal sealed class ReportKinetics
{
    /// <summary>Bin of the means the fits and group curves use: 1 h, longer than an oven's ripple period.</summary>
    public const double BinDays = 1 / 24.0;

    /// <summary>Half-width of the line whose slope is the rate: ±6 h.</summary>
    public const double RateHalfWindowDays = 0.25;

    private readonly IReadOnlyList<int> _groupColours;

    private ReportKinetics(IReadOnlyList<ReplicateCurve> groups, IReadOnlyList<int> groupColours, IReadOnlyList<FitRow> fits, IReadOnlyList<Curve> rates)
    {
        Groups = groups;
        _groupColours = groupColours;
        Fits = fits;
        Rates = rates;
    }

    /// <summary>Replicate groups in order of their first pouch.</summary>
    public IReadOnlyList<ReplicateCurve> Groups { get; }

    /// <summary>Fits of every pouch, then of every group.</summary>
    public IReadOnlyList<FitRow> Fits { get; }

    /// <summary>Rate curves per pouch, mL g⁻¹ d⁻¹.</summary>
    public IReadOnlyList<Curve> Rates { get; }

    /// <summary>Group mean lines for the group plot, each in the colour of the group's first pouch.</summary>
    public IReadOnlyList<Curve> GroupCurves =>
        [.. Groups.Select((g, i) => new Curve($"{g.Group} mean ± SD (n = {g.Members})", g.Days, g.Mean, [], _groupColours[i]))];

    /// <summary>Group ± SD bands for the group plot, in the order of <see cref="GroupCurves"/> (no width for a group of one).</summary>
    public IReadOnlyList<Band> GroupBands =>
        [.. Groups.Select(g => new Band(g.Days, [.. g.Mean.Zip(g.Sd, (m, s) => m - SdOrZero(s))], [.. g.Mean.Zip(g.Sd, (m, s) => m + SdOrZero(s))]))];

    /// <param name="pouches">The experiment's pouches in output order.</param>
    /// <param name="fileOrder">The pouch ids in experiment-file order: a pouch's index there is its colour.</param>
    /// <param name="hourly">Each pouch's evolved gas per g of slurry as hourly means, by pouch id (pouches without readings absent).</param>
    public static ReportKinetics Of(IReadOnlyList<PouchSpec> pouches, IReadOnlyList<string> fileOrder, IReadOnlyDictionary<string, DaySeries> hourly)
    {
        ArgumentNullException.ThrowIfNull(fileOrder);
        var withData = pouches.Where(p => hourly.ContainsKey(p.Id)).ToList();
        var grouped = withData.Where(p => p.Group is not null).GroupBy(p => p.Group!, StringComparer.Ordinal).ToList();
        var groups = grouped.Select(g => ReplicateCurve.Of(g.Key, [.. g.Select(p => hourly[p.Id])], BinDays)).ToList();
        var fits = withData.Select(p => new FitRow(p.Id, "pouch", [p.Id], GompertzFitter.TryFit(hourly[p.Id])))
            .Concat(grouped.Select(g => new FitRow(g.Key, "group", [.. g.Select(p => p.Id)], GompertzFitter.TryFit(Pooled(g.Select(p => hourly[p.Id]))))))
            .ToList();
        var rates = withData.Select(p => RateLine(p, hourly[p.Id], IndexOf(fileOrder, p.Id))).ToList();
        var groupColours = grouped.Select(g => g.Min(p => IndexOf(fileOrder, p.Id))).ToList();
        return new ReportKinetics(groups, groupColours, fits, rates);
    }

    private static double SdOrZero(double sd) => double.IsNaN(sd) ? 0 : sd;

    private static int IndexOf(IReadOnlyList<string> ids, string id) => ids.ToList().IndexOf(id);

    private static Curve RateLine(PouchSpec pouch, DaySeries series, int colourIndex)
    {
        var rate = RateCurve.Smoothed(series, RateHalfWindowDays);
        return new Curve($"{pouch.Sample} ({pouch.Id})", rate.Days, rate.Values, [], colourIndex);
    }

    private static DaySeries Pooled(IEnumerable<DaySeries> members)
    {
        var points = members.SelectMany(m => m.Days.Zip(m.Values)).OrderBy(p => p.First).ToList();
        return new DaySeries([.. points.Select(p => p.First)], [.. points.Select(p => p.Second)]);
    }
}
