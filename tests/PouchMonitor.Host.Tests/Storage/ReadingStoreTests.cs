using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Tests.Storage;

public sealed class ReadingStoreTests : IDisposable
{
    private static readonly DateTimeOffset Synced = DateTimeOffset.Parse("2026-11-01T08:00:00Z", CultureInfo.InvariantCulture);
    private readonly TempFolder _folder = new();
    private readonly ReadingStore _store;
    private readonly WriteQueue _writer;

    public ReadingStoreTests()
    {
        var database = new SqliteDatabase(_folder.Path);
        _store = new ReadingStore(database);
        _writer = new WriteQueue(database, TimeProvider.System, NullLogger<WriteQueue>.Instance);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Add_ReadingsBeforeTimeSync_PlacedWhenALaterBatchOfTheBootHasTime()
    {
        var unsynced = Add(Batch(1, Data(0, upMs: 1_000), Data(1, upMs: 2_000)), Synced);
        var synced = Add(Batch(1, Data(2, upMs: 3_000, time: Synced)), Synced);

        Assert.Empty(unsynced.Placed);
        Assert.Equal([Synced.AddSeconds(-2), Synced.AddSeconds(-1), Synced], synced.Placed.Select(r => r.Time));
        Assert.Equal([0u, 1u, 2u], _store.ForSensor("dev-a", 0).Select(r => r.Sequence));
    }

    [Fact]
    public void Add_UnsyncedReadingAfterTheBootSynced_PlacedWithTheBootsOffset()
    {
        Add(Batch(1, Data(0, upMs: 1_000, time: Synced)), Synced);

        var late = Add(Batch(1, Data(1, upMs: 61_000)), Synced);

        Assert.Equal(Synced.AddMinutes(1), Assert.Single(late.Placed).Time);
    }

    [Fact]
    public void Add_SameSequenceInAnotherBoot_IsANewReading()
    {
        Add(Batch(1, Data(0, upMs: 1_000, time: Synced)), Synced);

        var insert = Add(Batch(2, Data(0, upMs: 1_000, time: Synced.AddHours(1))), Synced);

        Assert.Equal((1, 0), (insert.Inserted, insert.Duplicates));
        Assert.Equal(2, _store.Count());
    }

    [Fact]
    public void Add_RepeatedBatch_CountsDuplicatesAndPlacesNothing()
    {
        var batch = Batch(1, Data(0, upMs: 1_000, time: Synced), Data(1, upMs: 2_000, time: Synced.AddSeconds(1)));
        Add(batch, Synced);

        var repeat = Add(batch, Synced);

        Assert.Equal((0, 2, 0), (repeat.Inserted, repeat.Duplicates, repeat.Conflicts));
        Assert.Empty(repeat.Placed);
        Assert.Equal(0, _store.ConflictCount());
    }

    [Fact]
    public void Add_SameKeyWithOtherValues_KeptAsConflictNotAsDuplicate()
    {
        Add(Batch(1, Data(0, upMs: 1_000, time: Synced)), Synced);

        var conflicting = Add(Batch(1, new Reading(0, 1_000, Synced, 0, 99_000, 50, null), Data(1, upMs: 2_000, time: Synced.AddSeconds(1))), Synced);

        Assert.Equal((1, 0, 1), (conflicting.Inserted, conflicting.Duplicates, conflicting.Conflicts));
        Assert.Equal(1, _store.ConflictCount());
        Assert.Equal(101_000, _store.ForSensor("dev-a", 0)[0].PressurePa);
    }

    [Fact]
    public void Add_RepeatOfAnUnsyncedReadingPlacedSince_IsADuplicate()
    {
        Add(Batch(1, Data(0, upMs: 1_000)), Synced);
        Add(Batch(1, Data(1, upMs: 2_000, time: Synced)), Synced);

        var repeat = Add(Batch(1, Data(0, upMs: 1_000)), Synced);

        Assert.Equal((0, 1, 0), (repeat.Inserted, repeat.Duplicates, repeat.Conflicts));
    }

    private ReadingInsert Add(ReadingBatch batch, DateTimeOffset receivedAt) =>
        _writer.Write(session => ReadingStore.Add(session, batch, receivedAt));

    private static ReadingBatch Batch(uint boot, params Reading[] readings) => new("dev-a", boot, readings);

    private static Reading Data(uint seq, long upMs, DateTimeOffset? time = null) => new(seq, upMs, time, 0, 101_000, 50, null);
}
