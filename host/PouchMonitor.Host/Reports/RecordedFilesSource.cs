using PouchMonitor.Host.Conversion;

namespace PouchMonitor.Host.Reports;

/// <summary>The series of recorded files, computed by the same pipeline as `pouchmon convert`.</summary>
internal sealed class RecordedFilesSource : IGasSeriesSource
{
    private readonly string _readingsPath;
    private readonly string? _rejectsPath;

    /// <exception cref="Experiments.ExperimentFileException">The experiment file is unusable.</exception>
    /// <exception cref="InputFileException">The events or GC file is unusable.</exception>
    public RecordedFilesSource(string experimentPath, string readingsPath, string? eventsPath, string? gcPath, string? rejectsPath)
    {
        Inputs = Converter.Load(experimentPath, eventsPath, gcPath);
        _readingsPath = readingsPath;
        _rejectsPath = rejectsPath;
    }

    public ExperimentInputs Inputs { get; }

    public ConversionSummary ReadSeries(IGasPointSink sink, IProgress<double>? progress) =>
        Converter.Stream(Inputs, _readingsPath, _rejectsPath, sink, progress);
}
