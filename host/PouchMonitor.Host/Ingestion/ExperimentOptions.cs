namespace PouchMonitor.Host.Ingestion;

/// <summary>The experiment files the host serves (file-formats.md, experiment.json).</summary>
public sealed class ExperimentOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Experiments";

    /// <summary>Paths of experiment files, loaded at start and on reload.</summary>
    public List<string> Files { get; set; } = [];
}
