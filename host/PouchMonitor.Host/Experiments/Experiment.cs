using PouchMonitor.Analysis;

namespace PouchMonitor.Host.Experiments;

/// <summary>An experiment as its experiment.json describes it (docs/file-formats.md).</summary>
/// <param name="Name">The experiment's id, e.g. "nhc-700-gassing".</param>
/// <param name="Settings">Standard conditions, event settle time, leak rule.</param>
/// <param name="Pouches">The pouches, in file order.</param>
public sealed record Experiment(string Name, ExperimentSettings Settings, IReadOnlyList<ExperimentPouch> Pouches)
{
    /// <summary>The pouch with an id, or null.</summary>
    public ExperimentPouch? FindPouch(string id) => Pouches.FirstOrDefault(p => p.Spec.Id == id);
}
