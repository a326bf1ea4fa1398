namespace PouchMonitor.Host.Storage;

/// <summary>One queued line-protocol line and its position in the outbox.</summary>
public sealed record OutboxLine(long Id, string Line);
