using PouchMonitor.Analysis;

namespace PouchMonitor.Benchmarks;

/// <summary>What a <see cref="RealisticRun"/> gave: the calculator's points, the truth at each, and the run's events and GC results.</summary>
/// <param name="Spec">The vessel as an experiment file would describe it.</param>
/// <param name="Points">The calculator's points, in time order.</param>
/// <param name="TruthMlPerG">Gas evolved since the baseline at each point, mL std g⁻¹ slurry (all of it H₂).</param>
/// <param name="Baseline">Time of the first reading after the run's baseline time.</param>
/// <param name="Events">GC samples and vents, as events.csv would list them.</param>
/// <param name="Gc">GC results (H₂, N₂, O₂ of the vessel's dry gas), as gc.csv would list them.</param>
internal sealed record RunOutcome(
    PouchSpec Spec, List<GasPoint> Points, List<double> TruthMlPerG, DateTimeOffset Baseline, List<VesselEvent> Events, List<GcResult> Gc)
{
    /// <summary>The other gases the GC reports.</summary>
    public static readonly IReadOnlyList<string> OtherGases = ["n2_percent", "o2_percent"];
}
