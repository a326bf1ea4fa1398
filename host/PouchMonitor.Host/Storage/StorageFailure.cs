namespace PouchMonitor.Host.Storage;

/// <summary>Commits fail since <paramref name="Since"/>; <paramref name="Reason"/> is the last one's error.</summary>
public sealed record StorageFailure(DateTimeOffset Since, string Reason);
