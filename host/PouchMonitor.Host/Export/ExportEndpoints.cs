using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Reports;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Export;

/// <summary>
/// The experiment's downloads, reads: <c>GET /api/experiments/{experiment}/export.zip</c>, the experiment as
/// <see cref="ExperimentExport"/> writes it, and <c>GET /api/experiments/{experiment}/summary.md</c>, the summary.md
/// that `pouchmon report --data` writes of the store with the report's defaults.
/// </summary>
public static class ExportEndpoints
{
    /// <summary>Maps the downloads; as GETs they need the read policy.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/experiments/{experiment}/export.zip", Download);
        app.MapGet("/api/experiments/{experiment}/summary.md", Summary);
    }

    private static IResult Download(string experiment, ExperimentCatalog catalog, ExperimentExport export)
    {
        if (catalog.Stored(experiment) is not { } stored)
        {
            return NotFound(experiment);
        }

        // Written whole to a temporary file first: a zip needs synchronous writes, which a response body does not take.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            export.Write(stored, file);
            file.Position = 0;
            return TypedResults.File(file, "application/zip", $"{stored.Name}.zip");
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static IResult Summary(string experiment, ExperimentCatalog catalog, ExperimentDataStore data, GasStore gas) =>
        catalog.Stored(experiment) is { } stored
            ? TypedResults.Text(ReportBuilder.Summary(new StoreSource(stored, data, gas), ReportOptions.Default), "text/markdown; charset=utf-8")
            : NotFound(experiment);

    private static IResult NotFound(string experiment) =>
        TypedResults.Problem($"There is no experiment '{experiment}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
