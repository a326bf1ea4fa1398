namespace PouchMonitor.Host.Storage;

/// <summary>The InfluxDB tags of every PouchMonitor series.</summary>
public sealed record SeriesTags(string Experiment, string Pouch, string Sample, string Device);
