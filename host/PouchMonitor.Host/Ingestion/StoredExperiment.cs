namespace PouchMonitor.Host.Ingestion;

/// <summary>An experiment as the store keeps it: its experiment.json document and its lifecycle.</summary>
/// <param name="Name">The experiment's name (its experiment.json <c>experiment</c>).</param>
/// <param name="Document">The experiment.json document, as it was validated.</param>
/// <param name="State">Lifecycle state.</param>
/// <param name="CreatedAt">When it entered the store.</param>
/// <param name="UpdatedAt">When its document or state last changed.</param>
/// <param name="StartedAt">When it was started, or null.</param>
/// <param name="StoppedAt">When it was stopped, or null.</param>
public sealed record StoredExperiment(
    string Name,
    string Document,
    ExperimentState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt);
