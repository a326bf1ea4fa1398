using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Export;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Api;

/// <summary>
/// Experiments in the app: create and edit from an experiment.json document (validated by <see cref="ExperimentFile"/>,
/// so the app and the file give the same errors, naming the JSON path), the lifecycle draft → running → stopped →
/// archived, and the export of experiment.json. Errors are ProblemDetails.
/// </summary>
public static partial class ExperimentStoreEndpoints
{
    private const string Source = "experiment.json";
    private const int MaxDocumentChars = 1_000_000;

    // As ExperimentFile reads: comments and trailing commas allowed.
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Maps the endpoints; reads need the read policy, writes the write policy (by method).</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments");
        api.MapPost("/", Create).Accepts<JsonElement>("application/json");
        api.MapGet("/{experiment}", Details);
        api.MapPut("/{experiment}", Update).Accepts<JsonElement>("application/json");
        api.MapGet("/{experiment}/experiment.json", Export);
        api.MapPost("/{experiment}/start", Start);
        api.MapPost("/{experiment}/stop", Stop);
        api.MapPost("/{experiment}/archive", Archive);
        // Outside /api/experiments/{experiment}, so no experiment's name is taken.
        app.MapGet("/api/experiment-json/recommended", () => TypedResults.Ok(new JsonObject
        {
            ["document"] = RecommendedExperiment.Document(),
            ["pouch"] = RecommendedExperiment.Pouch(""),
        }));
    }

    private static async Task<IResult> Create(HttpRequest request, ExperimentCatalog catalog, ExperimentDataStore data, TimeProvider timeProvider)
    {
        var (json, experiment, problem) = await ReadAsync(request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (catalog.Stored(experiment!.Name) is not null)
        {
            return Conflict($"An experiment '{experiment.Name}' exists already: edit it, or give this one another name ($.experiment).");
        }

        var now = timeProvider.GetUtcNow();
        return Save(catalog, new StoredExperiment(experiment.Name, json, ExperimentState.Draft, now, now, null, null))
            ?? TypedResults.Created($"/api/experiments/{Uri.EscapeDataString(experiment.Name)}", View(catalog, data, experiment.Name));
    }

    private static IResult Details(string experiment, ExperimentCatalog catalog, ExperimentDataStore data) =>
        catalog.Stored(experiment) is null ? NotFound(experiment) : TypedResults.Ok(View(catalog, data, experiment));

    private static async Task<IResult> Update(string experiment, HttpRequest request, ExperimentCatalog catalog, ExperimentDataStore data,
        GasPipeline pipeline, TimeProvider timeProvider)
    {
        if (catalog.Stored(experiment) is not { } stored)
        {
            return NotFound(experiment);
        }

        if (stored.State is ExperimentState.Stopped or ExperimentState.Archived)
        {
            return Conflict($"Experiment '{experiment}' is {ExperimentDetails.StateName(stored.State)}: its values can no longer change.");
        }

        var (json, parsed, problem) = await ReadAsync(request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (parsed!.Name != experiment)
        {
            return Invalid($"{Source}: $.experiment: '{parsed.Name}' is not '{experiment}': an experiment keeps its name", "$.experiment");
        }

        if (Save(catalog, stored with { Document = json, UpdatedAt = timeProvider.GetUtcNow() }) is { } conflict)
        {
            return conflict;
        }

        if (stored.State == ExperimentState.Running)
        {
            RecomputeAll(catalog, pipeline, experiment);
        }

        return TypedResults.Ok(View(catalog, data, experiment));
    }

    private static IResult Export(string experiment, ExperimentCatalog catalog, ExperimentDataStore data)
    {
        if (catalog.Stored(experiment) is not { } stored)
        {
            return NotFound(experiment);
        }

        var bytes = Encoding.UTF8.GetBytes(ExportedDocument.Of(stored, data));
        return TypedResults.File(bytes, "application/json", "experiment.json");
    }

    private static IResult Start(string experiment, StartRequest? body, ExperimentCatalog catalog, ExperimentDataStore data, GasPipeline pipeline,
        TimeProvider timeProvider, ClaimsPrincipal user)
    {
        if (catalog.Stored(experiment) is not { } stored)
        {
            return NotFound(experiment);
        }

        if (stored.State != ExperimentState.Draft)
        {
            return Conflict($"Experiment '{experiment}' is {ExperimentDetails.StateName(stored.State)}: only a draft can be started.");
        }

        var found = catalog.Find(experiment)!;
        var tared = body?.Pouches ?? [.. found.Pouches.Select(p => p.Spec.Id)];
        for (var i = 0; i < tared.Count; i++)
        {
            if (found.FindPouch(tared[i]) is null)
            {
                return Invalid($"pouches[{i}]: experiment '{experiment}' has no pouch '{tared[i]}'", $"pouches[{i}]");
            }
        }

        var now = timeProvider.GetUtcNow();
        if (Save(catalog, stored with { State = ExperimentState.Running, StartedAt = now, UpdatedAt = now }) is { } conflict)
        {
            return conflict;
        }

        foreach (var pouch in tared)
        {
            data.SetTare(new PouchKey(experiment, pouch), body?.Time ?? now, ExperimentEndpoints.UserName(user));
        }

        RecomputeAll(catalog, pipeline, experiment);
        return TypedResults.Ok(View(catalog, data, experiment));
    }

    private static IResult Stop(string experiment, ExperimentCatalog catalog, ExperimentDataStore data, GasPipeline pipeline,
        TimeProvider timeProvider) =>
        Move(experiment, catalog, data, timeProvider, [ExperimentState.Running], ExperimentState.Stopped, "only a running experiment can be stopped",
            () => pipeline.Reset());

    private static IResult Archive(string experiment, ExperimentCatalog catalog, ExperimentDataStore data, TimeProvider timeProvider) =>
        Move(experiment, catalog, data, timeProvider, [ExperimentState.Draft, ExperimentState.Stopped], ExperimentState.Archived,
            "stop it first: only a draft or a stopped experiment can be archived", () => { });

    private static IResult Move(string experiment, ExperimentCatalog catalog, ExperimentDataStore data, TimeProvider timeProvider,
        IReadOnlyList<ExperimentState> from, ExperimentState to, string refusal, Action after)
    {
        if (catalog.Stored(experiment) is not { } stored)
        {
            return NotFound(experiment);
        }

        if (!from.Contains(stored.State))
        {
            return Conflict($"Experiment '{experiment}' is {ExperimentDetails.StateName(stored.State)}: {refusal}.");
        }

        var now = timeProvider.GetUtcNow();
        var moved = stored with { State = to, UpdatedAt = now, StoppedAt = to == ExperimentState.Stopped ? now : stored.StoppedAt };
        if (Save(catalog, moved) is { } conflict)
        {
            return conflict;
        }

        after();
        return TypedResults.Ok(View(catalog, data, experiment));
    }

    private static void RecomputeAll(ExperimentCatalog catalog, GasPipeline pipeline, string experiment)
    {
        var found = catalog.Find(experiment)!;
        pipeline.Reset();
        foreach (var pouch in found.Pouches.Where(p => p.Source is not null))
        {
            pipeline.Recompute(found, pouch, DateTimeOffset.MinValue);
        }
    }

    private static IResult? Save(ExperimentCatalog catalog, StoredExperiment experiment)
    {
        try
        {
            catalog.Save(experiment);
            return null;
        }
        catch (ExperimentFileException e)
        {
            return Conflict(e.Message);
        }
    }

    private static async Task<(string Json, Experiment? Experiment, IResult? Problem)> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxDocumentChars + 1];
        var length = await reader.ReadBlockAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (length > MaxDocumentChars)
        {
            return ("", null, TypedResults.Problem($"An experiment.json document is at most {MaxDocumentChars} characters.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Document too large"));
        }

        var json = new string(buffer, 0, length);
        try
        {
            return (json, ExperimentFile.Parse(json, Source), null);
        }
        catch (ExperimentFileException e)
        {
            return (json, null, Invalid(e.Message, PathOf().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : "$"));
        }
    }

    private static ExperimentDetails View(ExperimentCatalog catalog, ExperimentDataStore data, string name)
    {
        var stored = catalog.Stored(name)!;
        var experiment = catalog.Find(name)!;
        using var document = JsonDocument.Parse(stored.Document, DocumentOptions);
        return new ExperimentDetails(name, ExperimentDetails.StateName(stored.State), stored.State == ExperimentState.Archived,
            stored.CreatedAt, stored.UpdatedAt, stored.StartedAt, stored.StoppedAt,
            [.. experiment.Pouches.Select(p => new ExperimentDetails.PouchBaseline(p.Spec.Id, p.Source?.Device, p.Source?.Sensor,
                data.Tare(new PouchKey(name, p.Spec.Id)) ?? p.Spec.BaselineAt))],
            document.RootElement.Clone())
        {
            Warnings = [.. experiment.Pouches.Select(p => SetUpRange.Warning(p.Spec, experiment.Settings.Standard)).OfType<string>()],
        };
    }

    private static IResult NotFound(string experiment) =>
        TypedResults.Problem($"There is no experiment '{experiment}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static IResult Conflict(string reason) =>
        TypedResults.Problem(reason, statusCode: StatusCodes.Status409Conflict, title: "Not possible now");

    private static IResult Invalid(string reason, string path) =>
        TypedResults.Problem(reason, statusCode: StatusCodes.Status400BadRequest, title: "Invalid experiment",
            extensions: new Dictionary<string, object?> { ["path"] = path });

    // "experiment.json: $.pouches[0].slurryMassG: reason" → "$.pouches[0].slurryMassG"
    [GeneratedRegex(@"^experiment\.json: (\$[^:\s]*)")]
    private static partial Regex PathOf();

    private sealed record StartRequest(IReadOnlyList<string>? Pouches, DateTimeOffset? Time);
}
