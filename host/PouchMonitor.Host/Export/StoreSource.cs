using PouchMonitor.Analysis;
using PouchMonitor.Host.Conversion;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Reports;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Export;

/// <summary>
/// The stored gas series of one experiment of the host's store, as the live pipeline computed them, read pouch by pouch
/// and row by row. The columns the store does not keep are derived as the calculator derives them: per g of active
/// material from the stored volumes, the other gases from the GC results (known from the baseline on).
/// </summary>
internal sealed class StoreSource : IGasSeriesSource
{
    private readonly string _name;
    private readonly GasStore _gas;

    /// <exception cref="ExperimentFileException">The stored document is unusable.</exception>
    public StoreSource(StoredExperiment stored, ExperimentDataStore data, GasStore gas)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(data);
        _name = stored.Name;
        _gas = gas;
        Document = ExportedDocument.Of(stored, data);
        var experiment = ExperimentFile.Parse(Document, $"experiment '{stored.Name}'");
        var pouches = experiment.Pouches.Select(p => p.Spec).OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        var events = pouches.ToDictionary(p => p.Id, p => data.Events(Key(p)).ToList(), StringComparer.Ordinal);
        var gc = pouches.ToDictionary(p => p.Id, p => data.GcResults(Key(p)).ToList(), StringComparer.Ordinal);
        var otherGases = gc.Values.SelectMany(r => r).SelectMany(r => r.OtherPercents.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        Inputs = new ExperimentInputs(experiment, pouches, events, gc, otherGases);
    }

    /// <summary>experiment.json with the tares as <c>baselineAt</c>: the experiment these series were computed for.</summary>
    public string Document { get; }

    public ExperimentInputs Inputs { get; }

    public ConversionSummary ReadSeries(IGasPointSink sink, IProgress<double>? progress)
    {
        ArgumentNullException.ThrowIfNull(sink);
        long written = 0;
        for (var i = 0; i < Inputs.Pouches.Count; i++)
        {
            var pouch = Inputs.Pouches[i];
            long before = written;
            GasCompositionTimeline? composition = null;
            foreach (var point in _gas.Stream(Key(pouch)))
            {
                if ((point.Flags & GasFlags.PreBaseline) == 0 && composition is null)
                {
                    composition = new GasCompositionTimeline(Inputs.GcOf(pouch.Id), Inputs.OtherGases);
                    composition.SetBaseline(point.Time);
                }

                sink.Write(pouch, Completed(pouch, point, composition));
                written++;
            }

            if (written > before)
            {
                sink.EndPouch(pouch);
            }

            progress?.Report((i + 1.0) / Inputs.Pouches.Count);
        }

        return new ConversionSummary(written, written, 0, 0);
    }

    private PouchKey Key(PouchSpec pouch) => new(_name, pouch.Id);

    // As PouchGasCalculator fills them; a point before the baseline has no other gases.
    private GasPoint Completed(PouchSpec pouch, GasPoint point, GasCompositionTimeline? composition) => point with
    {
        DryGasMlStdPerGActive = point.DryGasMlStd / pouch.ActiveMassG,
        H2MlStdPerGActive = point.H2MlStd / pouch.ActiveMassG,
        OtherGasPercents = composition is null || Inputs.OtherGases.Count == 0 || (point.Flags & GasFlags.PreBaseline) != 0
            ? []
            : composition.OtherPercents(point.Time),
    };
}
