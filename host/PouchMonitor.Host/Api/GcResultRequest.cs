namespace PouchMonitor.Host.Api;

/// <summary>One GC result in <c>POST …/gc</c> (JSON); percents of the dry gas, 0–100.</summary>
public sealed record GcResultRequest(DateTimeOffset? Time, string? Pouch, double? H2Percent, Dictionary<string, double>? OtherPercents);
