namespace PouchMonitor.Host.Core;

/// <summary>A pouch in the host: its experiment's name and its id there.</summary>
public readonly record struct PouchKey(string Experiment, string Pouch);
