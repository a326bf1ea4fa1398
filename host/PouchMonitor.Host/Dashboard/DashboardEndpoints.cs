using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Ingestion;

namespace PouchMonitor.Host.Dashboard;

/// <summary>
/// The dashboard: its page at <c>/</c> and the endpoints behind it, next to <c>/api/experiments</c>: overview cards,
/// the downsampled trend, a pouch's raw view and the live event stream. Errors are ProblemDetails.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>Pixel columns of a chart when the page does not say.</summary>
    internal const int DefaultColumns = 1200;
    private const int MaxColumns = 8000;
    private const double MsPerDay = 86_400_000;

    private static readonly (string Column, string Unit, double Scale)[] RawChannels =
        [("pressure_pa", "kPa", 1e-3), ("temperature_c", "°C", 1), ("vessel_dry_gas_ml_std", "mL", 1)];

    /// <summary>Serves the pages (before authentication: they hold no data; the data comes from the API).</summary>
    public static void UsePages(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = Path.Combine(AppContext.BaseDirectory, "dashboard");
        if (Directory.Exists(root))
        {
            var files = new PhysicalFileProvider(root);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
    }

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments/{experiment}");
        api.MapGet("/overview", Overview);
        api.MapGet("/trend", Trend);
        api.MapGet("/pouches/{pouch}/raw", Raw);
        api.MapGet("/live", Live);
        ComparisonEndpoints.Map(app);
    }

    private static Results<Ok<OverviewResponse>, ProblemHttpResult> Overview(string experiment, ExperimentCatalog catalog, DashboardQueries queries,
        AlertStore alerts, TimeProvider timeProvider)
    {
        if (catalog.Find(experiment) is not { } found)
        {
            return NotFound(experiment);
        }

        var open = alerts.OpenAlerts().Where(a => a.Experiment == experiment).ToList();
        var now = timeProvider.GetUtcNow();
        return TypedResults.Ok(new OverviewResponse(experiment, found.Settings.Standard.ToString(),
            [.. found.Pouches.Select(p => OverviewCard.Of(p, new PouchKey(experiment, p.Spec.Id), queries, open, now))]));
    }

    private static Results<Ok<TrendResponse>, ProblemHttpResult> Trend(string experiment, ExperimentCatalog catalog, TrendBuilder builder,
        string? quantity, string? basis, double? fromDays, double? toDays, int? columns, bool? full)
    {
        if (catalog.Find(experiment) is not { } found)
        {
            return NotFound(experiment);
        }

        if (TrendQueryProblem(quantity, basis, fromDays, toDays, columns) is { } problem)
        {
            return problem;
        }

        var width = full == true ? 0 : columns ?? DefaultColumns;
        return TypedResults.Ok(builder.Build(found, quantity == "h2", basis == "active", fromDays, toDays, width));
    }

    private static Results<Ok<RawResponse>, ProblemHttpResult> Raw(string experiment, string pouch, int? columns, ExperimentCatalog catalog,
        DashboardQueries queries, IOptions<AlertOptions> alertOptions)
    {
        if (catalog.Find(experiment)?.FindPouch(pouch) is not { } found)
        {
            return NotFound($"{experiment}/{pouch}");
        }

        if (columns is < 1 or > MaxColumns)
        {
            return Invalid($"columns must be 1–{MaxColumns}");
        }

        var key = new PouchKey(experiment, pouch);
        var width = columns ?? DefaultColumns;
        var oven = alertOptions.Value.For(experiment);
        var series = RawChannels.Select(c => queries.Series(key, c.Column)).ToList();
        var baseline = queries.Baseline(key);
        // Day 0 as on the trend; before the pouch has a baseline, its first reading (pressure has every reading).
        var dayZero = baseline ?? (series[0].TimeMs.Length > 0 ? DateTimeOffset.FromUnixTimeMilliseconds((long)series[0].TimeMs[0]) : null);
        var dayZeroMs = dayZero?.ToUnixTimeMilliseconds() ?? 0;
        var raw = series.Select((s, i) => Channel(s, RawChannels[i].Unit, RawChannels[i].Scale, dayZeroMs, width)).ToList();
        return TypedResults.Ok(new RawResponse(pouch, baseline, dayZero, oven.OvenTemperatureC - oven.OvenToleranceC,
            oven.OvenTemperatureC + oven.OvenToleranceC, found.Spec.SensorMaxPa / 1000, catalog.Find(experiment)!.Settings.Standard.ToString(),
            raw[0], raw[1], raw[2]));
    }

    private static RawDayChannel Channel((double[] TimeMs, double[] Values) series, string unit, double scale, long dayZeroMs, int columns)
    {
        var days = Array.ConvertAll(series.TimeMs, t => (t - dayZeroMs) / MsPerDay);
        var keptDays = new List<double>();
        var keptValues = new List<double>();
        if (days.Length > 0)
        {
            M4Downsampler.Downsample(days, series.Values, days[0], days[^1], columns, keptDays, keptValues);
        }

        return new RawDayChannel(unit, TrendBuilder.Rounded(keptDays), [.. keptValues.Select(v => v * scale)]);
    }

    private static async Task<EmptyHttpResult> Live(string experiment, HttpContext context, ExperimentCatalog catalog, LiveFeed feed,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IHostApplicationLifetime lifetime)
    {
        if (catalog.Find(experiment) is null)
        {
            await NotFound(experiment).ExecuteAsync(context).ConfigureAwait(false);
            return TypedResults.Empty;
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        using var subscription = feed.Subscribe();
        // A stream ends when the browser leaves or the host stops, so an open page cannot delay shutdown.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancel = stop.Token;
        await context.Response.WriteAsync(": open\n\n", cancel).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancel).ConfigureAwait(false);
        try
        {
            await foreach (var message in subscription.Messages.ReadAllAsync(cancel).ConfigureAwait(false))
            {
                if (message.Experiment == experiment)
                {
                    var data = JsonSerializer.Serialize(message.Data, message.Data.GetType(), json.Value.SerializerOptions);
                    await context.Response.WriteAsync($"event: {message.Event}\ndata: {data}\n\n", cancel).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(cancel).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The browser closed the stream or the host is stopping.
        }

        return TypedResults.Empty;
    }

    /// <summary>What is wrong with the query of a trend or comparison, or null.</summary>
    internal static ProblemHttpResult? TrendQueryProblem(string? quantity, string? basis, double? fromDays, double? toDays, int? columns)
    {
        if (quantity is not (null or "gas" or "h2") || basis is not (null or "slurry" or "active"))
        {
            return Invalid("quantity must be gas or h2, basis slurry or active");
        }

        if (!IsDayOffset(fromDays) || !IsDayOffset(toDays))
        {
            return Invalid("fromDays and toDays must be finite numbers of days within ±100000");
        }

        return columns is < 1 or > MaxColumns || (fromDays is { } from && toDays is { } to && to <= from)
            ? Invalid($"columns must be 1–{MaxColumns} and toDays after fromDays")
            : null;
    }

    private static bool IsDayOffset(double? days) => days is not { } d || Math.Abs(d) <= 100_000;

    internal static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem($"There is no experiment or pouch '{what}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    internal static ProblemHttpResult Invalid(string reason) =>
        TypedResults.Problem(reason, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
}
