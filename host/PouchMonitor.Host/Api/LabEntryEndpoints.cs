using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Dashboard;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Api;

/// <summary>
/// A pouch's lab entries (events, GC results, tare) listed, corrected and deleted, and the experiment's journal of every
/// change. Each change recomputes the pouch and is kept in the audit trail.
/// </summary>
public static class LabEntryEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments/{experiment}");
        api.MapGet("/journal", Journal);
        api.MapGet("/pouches/{pouch}/entries", Entries);
        api.MapPut("/pouches/{pouch}/events/{id:long}", ReplaceEvent);
        api.MapDelete("/pouches/{pouch}/events/{id:long}", DeleteEvent);
        api.MapDelete("/pouches/{pouch}/gc", DeleteGcResult);
        api.MapDelete("/pouches/{pouch}/tare", DeleteTare);
        api.MapPost("/gc.csv/preview", PreviewGcCsv).Accepts<IFormFile>("multipart/form-data").DisableAntiforgery();
    }

    // The same reader and checks as the import, storing nothing: each row accepted, rejected (with the reason) or
    // already stored at that time (the import then answers 409 unless it replaces).
    private static async Task<Results<Ok<GcPreview>, ProblemHttpResult>> PreviewGcCsv(string experiment, IFormFile file, ExperimentCatalog catalog,
        ExperimentDataStore data)
    {
        if (ExperimentEndpoints.Writable(catalog, experiment) is { } problem)
        {
            return problem;
        }

        var (rows, fileProblem) = await ExperimentEndpoints.ReadGcCsvAsync(file, catalog.Find(experiment)!).ConfigureAwait(false);
        if (fileProblem is not null)
        {
            return fileProblem;
        }

        var stored = rows.Where(r => r.Pouch is not null).Select(r => r.Pouch!).Distinct()
            .ToDictionary(p => p, p => data.GcResults(new PouchKey(experiment, p)).Select(r => r.Time).ToHashSet());
        return TypedResults.Ok(new GcPreview([.. rows.Select(r => ExperimentEndpoints.GcRowError(r) is { } error
            ? new GcPreview.Row(r.Line, "rejected", error, r.Pouch, r.Result)
            : stored[r.Pouch!].Contains(r.Result!.Time)
                ? new GcPreview.Row(r.Line, "exists", $"a GC result of {r.Pouch} at {r.Result.Time:O} is stored: the import replaces it only when asked", r.Pouch, r.Result)
                : new GcPreview.Row(r.Line, "accepted", null, r.Pouch, r.Result))]));
    }

    private static Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult> Journal(string experiment, ExperimentCatalog catalog, AuditTrail audit) =>
        catalog.Find(experiment) is null ? ExperimentEndpoints.NotFound($"experiment '{experiment}'") : TypedResults.Ok(audit.Journal(experiment));

    private static Results<Ok<PouchEntries>, ProblemHttpResult> Entries(string experiment, string pouch, ExperimentCatalog catalog, ExperimentDataStore data)
    {
        if (ExperimentEndpoints.Find(catalog, experiment, pouch) is { } problem)
        {
            return problem;
        }

        var key = new PouchKey(experiment, pouch);
        return TypedResults.Ok(new PouchEntries(data.StoredEvents(key), data.GcResults(key), data.Tare(key)));
    }

    private static Results<NoContent, ProblemHttpResult> ReplaceEvent(string experiment, string pouch, long id, EventRequest body, ExperimentCatalog catalog,
        ExperimentDataStore data, GasPipeline pipeline, LiveFeed live, ClaimsPrincipal user)
    {
        if ((ExperimentEndpoints.Writable(catalog, experiment, pouch) ?? ExperimentEndpoints.EventError(body)) is { } problem)
        {
            return problem;
        }

        if (body.Time is not { } time)
        {
            return ExperimentEndpoints.Invalid("time", "a correction needs the event's time");
        }

        var key = new PouchKey(experiment, pouch);
        var old = data.StoredEvents(key).FirstOrDefault(e => e.Id == id);
        if (old is null || !data.ReplaceEvent(key, id, ExperimentEndpoints.ToEvent(body, time), ExperimentEndpoints.UserName(user)))
        {
            return NoEntry($"event {id}", pouch);
        }

        ExperimentEndpoints.Recompute(catalog, pipeline, live, experiment, pouch, old.Time < time ? old.Time : time);
        return TypedResults.NoContent();
    }

    private static Results<NoContent, ProblemHttpResult> DeleteEvent(string experiment, string pouch, long id, ExperimentCatalog catalog,
        ExperimentDataStore data, GasPipeline pipeline, LiveFeed live, ClaimsPrincipal user) =>
        Delete(catalog, experiment, pouch, $"event {id}", pipeline, live, key => data.DeleteEvent(key, id, ExperimentEndpoints.UserName(user)));

    private static Results<NoContent, ProblemHttpResult> DeleteGcResult(string experiment, string pouch, DateTimeOffset? time, ExperimentCatalog catalog,
        ExperimentDataStore data, GasPipeline pipeline, LiveFeed live, ClaimsPrincipal user) =>
        time is not { } at
            ? ExperimentEndpoints.Invalid("time", "name the GC result by its time: ?time=2026-01-06T22:15:00Z")
            : Delete(catalog, experiment, pouch, $"GC result at {at:O}", pipeline, live, key => data.DeleteGcResult(key, at, ExperimentEndpoints.UserName(user)));

    private static Results<NoContent, ProblemHttpResult> DeleteTare(string experiment, string pouch, ExperimentCatalog catalog,
        ExperimentDataStore data, GasPipeline pipeline, LiveFeed live, ClaimsPrincipal user) =>
        Delete(catalog, experiment, pouch, "tare", pipeline, live, key => data.DeleteTare(key, ExperimentEndpoints.UserName(user)));

    private static Results<NoContent, ProblemHttpResult> Delete(ExperimentCatalog catalog, string experiment, string pouch, string what,
        GasPipeline pipeline, LiveFeed live, Func<PouchKey, bool> delete)
    {
        if (ExperimentEndpoints.Writable(catalog, experiment, pouch) is { } problem)
        {
            return problem;
        }

        if (!delete(new PouchKey(experiment, pouch)))
        {
            return NoEntry(what, pouch);
        }

        ExperimentEndpoints.Recompute(catalog, pipeline, live, experiment, pouch, DateTimeOffset.MinValue);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NoEntry(string what, string pouch) => ExperimentEndpoints.NotFound($"{what} of pouch '{pouch}'");

    /// <summary>What the lab entered for one pouch.</summary>
    private sealed record PouchEntries(IReadOnlyList<StoredEvent> Events, IReadOnlyList<GcResult> GcResults, DateTimeOffset? TareAt);
}
