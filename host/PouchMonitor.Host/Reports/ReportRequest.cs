namespace PouchMonitor.Host.Reports;

/// <summary>The files of one `pouchmon report` run.</summary>
/// <param name="ExperimentPath">experiment.json; the experiment's name when the series come from a host's store.</param>
/// <param name="ReadingsPath">readings.csv; empty when the series come from a host's store.</param>
/// <param name="EventsPath">events.csv, optional.</param>
/// <param name="GcPath">gc.csv, optional.</param>
/// <param name="OutDirectory">Folder for the report's files; created if missing.</param>
/// <param name="BiogasPath">calcBgMan input to write, optional.</param>
internal sealed record ReportRequest(string ExperimentPath, string ReadingsPath, string? EventsPath, string? GcPath, string OutDirectory, string? BiogasPath);
