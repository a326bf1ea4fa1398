namespace PouchMonitor.Host.Storage;

/// <summary>One change of a lab entry: who, when, what, and the entry before and after (JSON; null when created or deleted).</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string User, string Experiment, string Pouch, string Entity, string Action,
    string? OldJson, string? NewJson);
