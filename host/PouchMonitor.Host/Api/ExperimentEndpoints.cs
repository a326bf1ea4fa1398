using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Conversion;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Dashboard;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Api;

/// <summary>
/// <c>/api/experiments</c>: list experiments and pouches, tare, record events, import GC results (JSON or gc.csv).
/// Every change recomputes the pouch's gas curve. Errors are ProblemDetails.
/// </summary>
public static class ExperimentEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments");
        api.MapGet("/", (ExperimentCatalog catalog) => TypedResults.Ok(catalog.Experiments.Select(e => new { name = e.Name, pouches = e.Pouches.Count })));
        api.MapPost("/reload", Reload);
        api.MapGet("/{experiment}/pouches", Pouches);
        api.MapGet("/{experiment}/pouches/{pouch}/gas", Gas);
        api.MapPost("/{experiment}/pouches/{pouch}/tare", Tare);
        api.MapPost("/{experiment}/pouches/{pouch}/events", AddEvent);
        api.MapPost("/{experiment}/gc", ImportGcJson).Accepts<GcResultRequest[]>("application/json");
        api.MapPost("/{experiment}/gc.csv", ImportGcCsv).Accepts<IFormFile>("multipart/form-data").DisableAntiforgery();
    }

    private static Results<NoContent, ProblemHttpResult> Reload(ExperimentCatalog catalog, GasPipeline pipeline)
    {
        try
        {
            catalog.Reload();
            pipeline.Reset();
            return TypedResults.NoContent();
        }
        catch (ExperimentFileException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Experiment file rejected; the previous set stays");
        }
    }

    private static Results<Ok<IEnumerable<object>>, ProblemHttpResult> Pouches(string experiment, ExperimentCatalog catalog, ExperimentDataStore data, AlertStore alerts)
    {
        if (catalog.Find(experiment) is not { } found)
        {
            return NotFound($"experiment '{experiment}'");
        }

        var open = alerts.OpenAlerts().Where(a => a.Experiment == experiment).ToList();
        return TypedResults.Ok(found.Pouches.Select(p => (object)new
        {
            id = p.Spec.Id,
            sample = p.Spec.Sample,
            slurryMassG = p.Spec.SlurryMassG,
            activeMassG = p.Spec.ActiveMassG,
            vessel = p.Spec.Vessel.Kind == VesselKind.Headspace ? "headspace" : "pouch-in-jar",
            device = p.Source?.Device,
            sensor = p.Source?.Sensor,
            baselineAt = data.Tare(new PouchKey(experiment, p.Spec.Id)) ?? p.Spec.BaselineAt,
            openAlerts = open.Where(a => a.Pouch == p.Spec.Id).Select(a => AlertKinds.Name(a.Kind)),
        }));
    }

    private static Results<Ok<IReadOnlyList<GasPoint>>, ProblemHttpResult> Gas(string experiment, string pouch, ExperimentCatalog catalog, GasStore gas) =>
        Find(catalog, experiment, pouch) is ProblemHttpResult problem ? problem : TypedResults.Ok(gas.Series(new PouchKey(experiment, pouch)));

    private static Results<NoContent, ProblemHttpResult> Tare(string experiment, string pouch, TareRequest? body, ExperimentCatalog catalog,
        ExperimentDataStore data, GasPipeline pipeline, LiveFeed live, TimeProvider timeProvider, ClaimsPrincipal user)
    {
        if (Writable(catalog, experiment, pouch) is ProblemHttpResult problem)
        {
            return problem;
        }

        if (LabInput.TimeError(body?.Time) is { } timeError)
        {
            return Invalid("time", timeError);
        }

        data.SetTare(new PouchKey(experiment, pouch), body?.Time ?? timeProvider.GetUtcNow(), UserName(user));
        Recompute(catalog, pipeline, live, experiment, pouch, DateTimeOffset.MinValue);
        return TypedResults.NoContent();
    }

    private static Results<Created, ProblemHttpResult> AddEvent(string experiment, string pouch, EventRequest body, ExperimentCatalog catalog,
        ExperimentDataStore data, GasPipeline pipeline, LiveFeed live, TimeProvider timeProvider, ClaimsPrincipal user)
    {
        if ((Writable(catalog, experiment, pouch) ?? EventError(body)) is { } problem)
        {
            return problem;
        }

        var time = body.Time ?? timeProvider.GetUtcNow();
        var id = data.AddEvent(new PouchKey(experiment, pouch), ToEvent(body, time), UserName(user));
        Recompute(catalog, pipeline, live, experiment, pouch, time);
        return TypedResults.Created($"/api/experiments/{Uri.EscapeDataString(experiment)}/pouches/{Uri.EscapeDataString(pouch)}/events/{id}");
    }

    /// <summary>Null when <paramref name="body"/> is a usable event, else the problem naming the field.</summary>
    internal static ProblemHttpResult? EventError(EventRequest body)
    {
        if (body.Kind is not ("sample" or "vent"))
        {
            return Invalid("kind", $"'{body.Kind}' is not an event kind: use sample or vent");
        }

        return (LabInput.TimeError(body.Time) is { } t ? ("time", t) : LabInput.NoteError(body.Note) is { } n ? ("note", n) : default) is (string field, string reason)
            ? Invalid(field, reason)
            : null;
    }

    internal static VesselEvent ToEvent(EventRequest body, DateTimeOffset time) =>
        new(time, body.Kind == "sample" ? VesselEventKind.Sample : VesselEventKind.Vent, body.Note ?? "");

    /// <summary>Who made a change, as the audit trail names them.</summary>
    internal static string UserName(ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    private static Results<Ok<GcImport>, ProblemHttpResult> ImportGcJson(string experiment, GcResultRequest[] body, bool? replace, ExperimentCatalog catalog,
        ExperimentDataStore data, GasPipeline pipeline, LiveFeed live, ClaimsPrincipal user)
    {
        if (Writable(catalog, experiment) is { } problem)
        {
            return problem;
        }

        var found = catalog.Find(experiment)!;
        var results = new List<(string Pouch, GcResult Result)>();
        for (var i = 0; i < body.Length; i++)
        {
            var r = body[i];
            if (r is null || r.Time is null || r.Pouch is null || found.FindPouch(r.Pouch) is null)
            {
                return Invalid($"[{i}]", "needs time and a pouch of the experiment");
            }

            if ((LabInput.TimeError(r.Time) is { } t ? "time: " + t : LabInput.GcError(r.H2Percent, r.OtherPercents)) is { } error)
            {
                return Invalid($"[{i}].{error.Split(':')[0]}", error[(error.IndexOf(':', StringComparison.Ordinal) + 2)..]);
            }

            results.Add((r.Pouch, new GcResult(r.Time.Value, r.H2Percent!.Value, r.OtherPercents ?? [])));
        }

        return Import(experiment, results, replace == true, catalog, data, pipeline, live, UserName(user));
    }

    private static async Task<Results<Ok<GcImport>, ProblemHttpResult>> ImportGcCsv(string experiment, IFormFile file, bool? replace, ExperimentCatalog catalog,
        ExperimentDataStore data, GasPipeline pipeline, LiveFeed live, ClaimsPrincipal user)
    {
        if (Writable(catalog, experiment) is { } problem)
        {
            return problem;
        }

        var (rows, fileProblem) = await ReadGcCsvAsync(file, catalog.Find(experiment)!).ConfigureAwait(false);
        if (fileProblem is not null)
        {
            return fileProblem;
        }

        if (rows.FirstOrDefault(r => GcRowError(r) is not null) is { } bad)
        {
            return Invalid(file.FileName, $"line {bad.Line}: {GcRowError(bad)}");
        }

        return Import(experiment, [.. rows.Select(r => (r.Pouch!, r.Result!))], replace == true, catalog, data, pipeline, live, UserName(user));
    }

    /// <summary>Every row of an uploaded gc.csv, parsed by the reader <c>convert</c> uses; or the problem when the file is unusable.</summary>
    internal static async Task<(IReadOnlyList<GcCsvRow> Rows, ProblemHttpResult? Problem)> ReadGcCsvAsync(IFormFile file, Experiment experiment)
    {
        var path = Path.GetTempFileName();
        try
        {
            await using (var stream = File.Create(path))
            {
                await file.CopyToAsync(stream).ConfigureAwait(false);
            }

            return (GcCsvReader.Rows(path, experiment.Pouches.Select(p => p.Spec.Id).ToHashSet()).Rows, null);
        }
        catch (InputFileException e)
        {
            return ([], Invalid(file.FileName, e.Message.Replace(path + ": ", "", StringComparison.Ordinal).Replace(path, file.FileName, StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Why a gc.csv row would be refused (the reader's and the API's rules), or null.</summary>
    internal static string? GcRowError(GcCsvRow row) =>
        row.Error ?? (LabInput.TimeError(row.Result!.Time) is { } t ? "time: " + t : LabInput.GcError(row.Result.H2Percent, row.Result.OtherPercents));

    // All results or none; a result at a time already stored is replaced only when the request says so.
    private static Results<Ok<GcImport>, ProblemHttpResult> Import(string experiment, List<(string Pouch, GcResult Result)> results, bool replace,
        ExperimentCatalog catalog, ExperimentDataStore data, GasPipeline pipeline, LiveFeed live, string user)
    {
        var clashes = data.AddGcResults([.. results.Select(r => (new PouchKey(experiment, r.Pouch), r.Result))], replace, user);
        if (clashes.Count > 0)
        {
            var listed = string.Join("; ", clashes.Take(5).Select(c => $"{c.Pouch.Pouch} at {c.Result.Time:O}"));
            return TypedResults.Problem(
                $"A GC result is already stored for {listed}{(clashes.Count > 5 ? $" and {clashes.Count - 5} more" : "")}; nothing was stored. Send again with ?replace=true to replace them.",
                statusCode: StatusCodes.Status409Conflict, title: "GC result exists");
        }

        foreach (var pouch in results.Select(r => r.Pouch).Distinct())
        {
            Recompute(catalog, pipeline, live, experiment, pouch, DateTimeOffset.MinValue);
        }

        return TypedResults.Ok(new GcImport(results.Count));
    }

    // The open dashboards reload the pouch's card and the trend on "entry": a recompute changes points they already show.
    internal static void Recompute(ExperimentCatalog catalog, GasPipeline pipeline, LiveFeed live, string experiment, string pouch, DateTimeOffset changedFrom)
    {
        var found = catalog.Find(experiment)!;
        pipeline.Recompute(found, found.FindPouch(pouch)!, changedFrom);
        live.Publish(new LiveMessage(experiment, "entry", new { pouch }));
    }

    internal static ProblemHttpResult? Find(ExperimentCatalog catalog, string experiment, string pouch) =>
        catalog.Find(experiment) is not { } found ? NotFound($"experiment '{experiment}'")
        : found.FindPouch(pouch) is null ? NotFound($"pouch '{pouch}' of experiment '{experiment}'")
        : null;

    /// <summary>
    /// Null when the lab may enter data for the experiment (and the pouch, when named); else 404, or 409 for an archived
    /// experiment, which is read-only.
    /// </summary>
    internal static ProblemHttpResult? Writable(ExperimentCatalog catalog, string experiment, string? pouch = null) =>
        (pouch is null ? catalog.Find(experiment) is null ? NotFound($"experiment '{experiment}'") : null : Find(catalog, experiment, pouch))
        ?? (catalog.Stored(experiment)?.State == ExperimentState.Archived
            ? TypedResults.Problem($"Experiment '{experiment}' is archived: its lab entries are read-only.", statusCode: StatusCodes.Status409Conflict,
                title: "Not possible now")
            : null);

    internal static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem($"There is no {what}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    internal static ProblemHttpResult Invalid(string field, string reason) =>
        TypedResults.Problem($"{field}: {reason}", statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
}
