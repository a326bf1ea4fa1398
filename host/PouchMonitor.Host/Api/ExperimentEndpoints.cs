using Microsoft.AspNetCore.Http.HttpResults;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Conversion;
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
        ExperimentDataStore data, GasPipeline pipeline, TimeProvider timeProvider)
    {
        if (Find(catalog, experiment, pouch) is ProblemHttpResult problem)
        {
            return problem;
        }

        data.SetTare(new PouchKey(experiment, pouch), body?.Time ?? timeProvider.GetUtcNow());
        Recompute(catalog, pipeline, experiment, pouch, DateTimeOffset.MinValue);
        return TypedResults.NoContent();
    }

    private static Results<Created, ProblemHttpResult> AddEvent(string experiment, string pouch, EventRequest body, ExperimentCatalog catalog,
        ExperimentDataStore data, GasPipeline pipeline, TimeProvider timeProvider)
    {
        if (Find(catalog, experiment, pouch) is ProblemHttpResult problem)
        {
            return problem;
        }

        if (body.Kind is not ("sample" or "vent"))
        {
            return Invalid("kind", $"'{body.Kind}' is not an event kind: use sample or vent");
        }

        var time = body.Time ?? timeProvider.GetUtcNow();
        data.AddEvent(new PouchKey(experiment, pouch), new VesselEvent(time, body.Kind == "sample" ? VesselEventKind.Sample : VesselEventKind.Vent, body.Note ?? ""));
        Recompute(catalog, pipeline, experiment, pouch, time);
        return TypedResults.Created();
    }

    private static Results<Ok<GcImport>, ProblemHttpResult> ImportGcJson(string experiment, GcResultRequest[] body, ExperimentCatalog catalog,
        ExperimentDataStore data, GasPipeline pipeline)
    {
        if (catalog.Find(experiment) is null)
        {
            return NotFound($"experiment '{experiment}'");
        }

        var results = new List<(string Pouch, GcResult Result)>();
        for (var i = 0; i < body.Length; i++)
        {
            var r = body[i];
            if (r.Time is null || r.Pouch is null || r.H2Percent is not (>= 0 and <= 100) || catalog.Find(experiment)!.FindPouch(r.Pouch) is null)
            {
                return Invalid($"[{i}]", "needs time, a pouch of the experiment and h2Percent in 0–100");
            }

            results.Add((r.Pouch, new GcResult(r.Time.Value, r.H2Percent.Value, r.OtherPercents ?? [])));
        }

        return TypedResults.Ok(Import(experiment, results, catalog, data, pipeline));
    }

    private static async Task<Results<Ok<GcImport>, ProblemHttpResult>> ImportGcCsv(string experiment, IFormFile file, ExperimentCatalog catalog,
        ExperimentDataStore data, GasPipeline pipeline)
    {
        if (catalog.Find(experiment) is not { } found)
        {
            return NotFound($"experiment '{experiment}'");
        }

        var path = Path.GetTempFileName();
        try
        {
            await using (var stream = File.Create(path))
            {
                await file.CopyToAsync(stream).ConfigureAwait(false);
            }

            var (results, _) = GcCsvReader.Read(path, found.Pouches.Select(p => p.Spec.Id).ToHashSet());
            var flat = results.SelectMany(kv => kv.Value.Select(r => (kv.Key, r))).ToList();
            return TypedResults.Ok(Import(experiment, flat, catalog, data, pipeline));
        }
        catch (InputFileException e)
        {
            return Invalid(file.FileName, e.Message.Replace(path, file.FileName, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static GcImport Import(string experiment, List<(string Pouch, GcResult Result)> results, ExperimentCatalog catalog, ExperimentDataStore data, GasPipeline pipeline)
    {
        foreach (var (pouch, result) in results)
        {
            data.AddGcResult(new PouchKey(experiment, pouch), result);
        }

        foreach (var pouch in results.Select(r => r.Pouch).Distinct())
        {
            Recompute(catalog, pipeline, experiment, pouch, DateTimeOffset.MinValue);
        }

        return new GcImport(results.Count);
    }

    private static void Recompute(ExperimentCatalog catalog, GasPipeline pipeline, string experiment, string pouch, DateTimeOffset changedFrom)
    {
        var found = catalog.Find(experiment)!;
        pipeline.Recompute(found, found.FindPouch(pouch)!, changedFrom);
    }

    private static ProblemHttpResult? Find(ExperimentCatalog catalog, string experiment, string pouch) =>
        catalog.Find(experiment) is not { } found ? NotFound($"experiment '{experiment}'")
        : found.FindPouch(pouch) is null ? NotFound($"pouch '{pouch}' of experiment '{experiment}'")
        : null;

    private static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem($"There is no {what}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static ProblemHttpResult Invalid(string field, string reason) =>
        TypedResults.Problem($"{field}: {reason}", statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    /// <summary>Result of a GC import.</summary>
    /// <param name="Imported">GC results stored.</param>
    public sealed record GcImport(int Imported);
}
