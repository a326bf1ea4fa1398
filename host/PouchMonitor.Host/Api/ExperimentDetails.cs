using System.Text.Json;
using PouchMonitor.Host.Ingestion;

namespace PouchMonitor.Host.Api;

/// <summary>An experiment of the store with its lifecycle (<c>GET /api/experiments/{name}</c>).</summary>
/// <param name="Name">Its name.</param>
/// <param name="State">draft, running, stopped or archived.</param>
/// <param name="ReadOnly">True when archived: nothing about it can change.</param>
/// <param name="CreatedAt">When it entered the store.</param>
/// <param name="UpdatedAt">When its document or state last changed.</param>
/// <param name="StartedAt">When it was started.</param>
/// <param name="StoppedAt">When it was stopped.</param>
/// <param name="Pouches">Its pouches, with each one's baseline in force (the tare, else the file's baselineAt).</param>
/// <param name="Document">Its experiment.json document, as stored.</param>
public sealed record ExperimentDetails(
    string Name,
    string State,
    bool ReadOnly,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    IReadOnlyList<ExperimentDetails.PouchBaseline> Pouches,
    JsonElement Document)
{
    /// <summary>
    /// The set-up checks that failed, one line each: a vessel that would pass its sensor's range at the expected gas
    /// (docs/measurement-model.md, "Set-up range check").
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>A pouch's id, source and baseline.</summary>
    /// <param name="Id">Pouch id.</param>
    /// <param name="Device">Source device, or null.</param>
    /// <param name="Sensor">Source sensor index, or null.</param>
    /// <param name="BaselineAt">Baseline in force, or null (its first reading).</param>
    public sealed record PouchBaseline(string Id, string? Device, int? Sensor, DateTimeOffset? BaselineAt);

    /// <summary>The lower-case name of a state, as the API and experiments page spell it.</summary>
    public static string StateName(ExperimentState state) => state.ToString().ToLowerInvariant();
}
