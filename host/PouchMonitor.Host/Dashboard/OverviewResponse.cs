namespace PouchMonitor.Host.Dashboard;

/// <summary>The experiment overview: one card per pouch.</summary>
/// <param name="Experiment">Experiment name.</param>
/// <param name="StandardConditions">The conditions every volume is given at.</param>
/// <param name="Pouches">The cards, in experiment-file order.</param>
public sealed record OverviewResponse(string Experiment, string StandardConditions, IReadOnlyList<PouchOverview> Pouches);
