using System.Text.Json;
using System.Text.Json.Nodes;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Time;

namespace PouchMonitor.Host.Export;

/// <summary>An experiment's experiment.json as the store holds it, with each pouch's tare written as its <c>baselineAt</c>.</summary>
public static class ExportedDocument
{
    // As ExperimentFile reads: comments and trailing commas allowed.
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The document, indented; the tare is the baseline in force, so the file computes the same curves as the store.</summary>
    public static string Of(StoredExperiment stored, ExperimentDataStore data)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(data);
        var document = JsonNode.Parse(stored.Document, documentOptions: DocumentOptions)!;
        foreach (var pouch in document["pouches"]!.AsArray().OfType<JsonObject>())
        {
            if (data.Tare(new PouchKey(stored.Name, (string)pouch["id"]!)) is { } tare)
            {
                pouch["baselineAt"] = IsoTime.Format(tare);
            }
        }

        return document.ToJsonString(Indented);
    }
}
