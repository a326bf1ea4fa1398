namespace PouchMonitor.Host.Api;

/// <summary>Result of a GC import.</summary>
/// <param name="Imported">GC results stored.</param>
public sealed record GcImport(int Imported);
