namespace PouchMonitor.Host.Dashboard;

/// <summary>One server-sent event for the dashboard.</summary>
/// <param name="Experiment">The experiment it belongs to.</param>
/// <param name="Event">SSE event name: <c>reading</c> or <c>alert</c>.</param>
/// <param name="Data">The payload, serialised as JSON.</param>
public sealed record LiveMessage(string Experiment, string Event, object Data);
