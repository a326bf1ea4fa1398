namespace PouchMonitor.Host.Storage;

/// <summary>A stored sampling or vent event with its row id; <paramref name="Kind"/> as events.csv spells it.</summary>
public sealed record StoredEvent(long Id, DateTimeOffset Time, string Kind, string Note);
