using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Storage;

/// <summary>What storing one batch did.</summary>
/// <param name="Inserted">Readings new to the store.</param>
/// <param name="Duplicates">Readings stored before with the same values (a redelivered batch), dropped.</param>
/// <param name="Conflicts">Readings whose (device, boot, seq) is stored with other values, kept in <c>reading_conflicts</c>.</param>
/// <param name="Placed">
/// Readings that now have a UTC time: the new synced ones, and earlier unsynced ones of the same boot that this
/// batch's time placed. Sorted by time.
/// </param>
public sealed record ReadingInsert(int Inserted, int Duplicates, int Conflicts, IReadOnlyList<StoredReading> Placed);
