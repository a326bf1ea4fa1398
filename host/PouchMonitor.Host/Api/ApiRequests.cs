namespace PouchMonitor.Host.Api;

/// <summary>Body of <c>POST …/tare</c>: the new baseline time, or now when absent.</summary>
public sealed record TareRequest(DateTimeOffset? Time);

/// <summary>Body of <c>POST …/events</c>: a GC sample or a vent.</summary>
public sealed record EventRequest(DateTimeOffset? Time, string? Kind, string? Note);

/// <summary>One GC result in <c>POST …/gc</c> (JSON).</summary>
public sealed record GcResultRequest(DateTimeOffset? Time, string? Pouch, double? H2Percent, Dictionary<string, double>? OtherPercents);
