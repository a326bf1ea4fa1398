namespace PouchMonitor.Host.Api;

/// <summary>Body of <c>POST …/tare</c>: the new baseline time, or now when absent.</summary>
public sealed record TareRequest(DateTimeOffset? Time);
