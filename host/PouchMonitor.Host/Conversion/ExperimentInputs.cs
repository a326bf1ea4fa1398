using PouchMonitor.Analysis;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Conversion;

/// <summary>The small inputs of a conversion, read before the readings: experiment, events and GC results.</summary>
/// <param name="Experiment">experiment.json.</param>
/// <param name="Pouches">The pouches in the order of the output: blanks first, each part in ordinal order of the ids.</param>
/// <param name="Events">Events by pouch id.</param>
/// <param name="Gc">GC results by pouch id.</param>
/// <param name="OtherGases">The other *_percent columns of gc.csv, in file order.</param>
internal sealed record ExperimentInputs(
    Experiment Experiment,
    IReadOnlyList<PouchSpec> Pouches,
    IReadOnlyDictionary<string, List<VesselEvent>> Events,
    IReadOnlyDictionary<string, List<GcResult>> Gc,
    IReadOnlyList<string> OtherGases)
{
    public IReadOnlyList<VesselEvent> EventsOf(string pouchId) => Events.GetValueOrDefault(pouchId) ?? [];

    public IReadOnlyList<GcResult> GcOf(string pouchId) => Gc.GetValueOrDefault(pouchId) ?? [];

    /// <summary>A fresh collector of the blanks' points, for one pass over the readings.</summary>
    public PouchBlanks Blanks() => new(Pouches, Experiment.Settings.Standard);

    /// <summary>A fresh calculator for a pouch, with its events and GC results.</summary>
    public PouchGasCalculator Calculator(PouchSpec pouch) =>
        new(pouch, Experiment.Settings, EventsOf(pouch.Id), new GasCompositionTimeline(GcOf(pouch.Id), OtherGases));
}
