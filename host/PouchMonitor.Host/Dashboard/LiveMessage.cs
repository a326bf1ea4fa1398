namespace PouchMonitor.Host.Dashboard;

/// <summary>One server-sent event for the dashboard.</summary>
/// <param name="Experiment">The experiment it belongs to.</param>
/// <param name="Event">SSE event name: <c>reading</c>, <c>alert</c>, or <c>entry</c> (a lab entry recomputed a pouch).</param>
/// <param name="Data">The payload, serialised as JSON.</param>
public sealed record LiveMessage(string Experiment, string Event, object Data);
