namespace PouchMonitor.Host.Api;

/// <summary>Body of <c>POST …/events</c>: a GC sample or a vent, now when the time is absent.</summary>
public sealed record EventRequest(DateTimeOffset? Time, string? Kind, string? Note);
