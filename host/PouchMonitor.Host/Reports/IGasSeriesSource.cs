using PouchMonitor.Host.Conversion;

namespace PouchMonitor.Host.Reports;

/// <summary>
/// Where a report's gas series come from: recorded files (<see cref="RecordedFilesSource"/>) or the host's store
/// (<c>Export.StoreSource</c>). Each point carries the reading it came from, so the report can recompute it.
/// </summary>
internal interface IGasSeriesSource
{
    /// <summary>The experiment, its events and GC results.</summary>
    ExperimentInputs Inputs { get; }

    /// <summary>Gives every pouch's series to <paramref name="sink"/>, pouch by pouch, each in time order.</summary>
    /// <param name="sink">Receives the points.</param>
    /// <param name="progress">Receives the fraction of the source read, 0–1.</param>
    ConversionSummary ReadSeries(IGasPointSink sink, IProgress<double>? progress);
}
