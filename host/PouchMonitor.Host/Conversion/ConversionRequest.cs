namespace PouchMonitor.Host.Conversion;

/// <summary>The files of one `pouchmon convert` run.</summary>
/// <param name="ExperimentPath">experiment.json.</param>
/// <param name="ReadingsPath">readings.csv.</param>
/// <param name="EventsPath">events.csv, optional.</param>
/// <param name="GcPath">gc.csv, optional.</param>
/// <param name="OutPath">gas.csv to write; replaced only once the conversion has succeeded.</param>
/// <param name="RejectsPath">rejects.csv to write, optional.</param>
public sealed record ConversionRequest(string ExperimentPath, string ReadingsPath, string? EventsPath, string? GcPath, string OutPath, string? RejectsPath);
