using Microsoft.AspNetCore.Http.HttpResults;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Plotting;

namespace PouchMonitor.Host.Dashboard;

/// <summary>
/// <c>GET /api/compare</c>: several experiments on one chart (group bands and single pouches), and
/// <c>GET /api/plot-style</c>: the palette, dashes and marker glyphs the report uses, for the pages. Errors are ProblemDetails.
/// </summary>
public static class ComparisonEndpoints
{
    /// <summary>Most experiments on one chart.</summary>
    public const int MaxExperiments = 6;

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plot-style", () => TypedResults.Ok(new PlotStyle(SeriesStyle.Palette, SeriesStyle.ExperimentDashes, SeriesStyle.Markers)));
        app.MapGet("/api/compare", Compare);
    }

    private static Results<Ok<ComparisonResponse>, ProblemHttpResult> Compare(string[]? experiment, string? quantity, string? basis, double? fromDays,
        double? toDays, int? columns, ExperimentCatalog catalog, TrendBuilder trends)
    {
        var names = (experiment ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count is 0 or > MaxExperiments)
        {
            return DashboardEndpoints.Invalid($"name 1–{MaxExperiments} experiments: ?experiment=A&experiment=B");
        }

        if (names.FirstOrDefault(n => catalog.Find(n) is null) is { } unknown)
        {
            return DashboardEndpoints.NotFound(unknown);
        }

        if (DashboardEndpoints.TrendQueryProblem(quantity, basis, fromDays, toDays, columns) is { } problem)
        {
            return problem;
        }

        var found = names.Select(n => (Experiment: catalog.Find(n)!, catalog.Stored(n)!.State)).ToList();
        if (found.Select(e => e.Experiment.Settings.Standard).Distinct().Count() > 1)
        {
            return DashboardEndpoints.Invalid("the experiments give their volumes at different standard conditions: compare them one condition at a time");
        }

        return TypedResults.Ok(ComparisonBuilder.Build(trends, found, quantity == "h2", basis == "active", fromDays, toDays,
            columns ?? DashboardEndpoints.DefaultColumns));
    }

    /// <summary>Body of <c>GET /api/plot-style</c>.</summary>
    /// <param name="Palette">Curve colours, CSS hex: a pouch takes the entry at its index in the experiment file.</param>
    /// <param name="ExperimentDashes">Line dash of the n-th experiment on a comparison chart.</param>
    /// <param name="Markers">How each kind of mark is drawn.</param>
    public sealed record PlotStyle(IReadOnlyList<string> Palette, IReadOnlyList<IReadOnlyList<double>> ExperimentDashes, IReadOnlyList<MarkerStyle> Markers);
}
