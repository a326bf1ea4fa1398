using PouchMonitor.Host.Ingestion;

namespace PouchMonitor.Host.Export;

/// <summary><c>GET /api/experiments/{experiment}/export.zip</c>: the experiment as <see cref="ExperimentExport"/> writes it (a read).</summary>
public static class ExportEndpoint
{
    /// <summary>Maps the download; as a GET it needs the read policy.</summary>
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/experiments/{experiment}/export.zip", Download);

    private static IResult Download(string experiment, ExperimentCatalog catalog, ExperimentExport export)
    {
        if (catalog.Stored(experiment) is not { } stored)
        {
            return TypedResults.Problem($"There is no experiment '{experiment}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
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
}
