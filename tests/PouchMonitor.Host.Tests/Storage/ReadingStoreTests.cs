using System.Globalization;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Tests.Storage;

public sealed class ReadingStoreTests : IDisposable
{
    private static readonly DateTimeOffset Synced = DateTimeOffset.Parse("2026-11-01T08:00:00Z", CultureInfo.InvariantCulture);
    private readonly TempFolder _folder = new();
    private readonly ReadingStore _store;

    public ReadingStoreTests() => _store = new ReadingStore(new SqliteDatabase(_folder.Path));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Add_ReadingsBeforeTimeSync_PlacedWhenALaterBatchOfTheBootHasTime()
    {
        var unsynced = _store.Add(Batch(1, Data(0, upMs: 1_000), Data(1, upMs: 2_000)), Synced);
        var synced = _store.Add(Batch(1, Data(2, upMs: 3_000, time: Synced)), Synced);

        Assert.Empty(unsynced.Placed);
        Assert.Equal([Synced.AddSeconds(-2), Synced.AddSeconds(-1), Synced], synced.Placed.Select(r => r.Time));
        Assert.Equal([0u, 1u, 2u], _store.ForSensor("dev-a", 0).Select(r => r.Sequence));
    }

    [Fact]
    public void Add_UnsyncedReadingAfterTheBootSynced_PlacedWithTheBootsOffset()
    {
        _store.Add(Batch(1, Data(0, upMs: 1_000, time: Synced)), Synced);

        var late = _store.Add(Batch(1, Data(1, upMs: 61_000)), Synced);

        Assert.Equal(Synced.AddMinutes(1), Assert.Single(late.Placed).Time);
    }

    [Fact]
    public void Add_SameSequenceInAnotherBoot_IsANewReading()
    {
        _store.Add(Batch(1, Data(0, upMs: 1_000, time: Synced)), Synced);

        var insert = _store.Add(Batch(2, Data(0, upMs: 1_000, time: Synced.AddHours(1))), Synced);

        Assert.Equal((1, 0), (insert.Inserted, insert.Duplicates));
        Assert.Equal(2, _store.Count());
    }

    [Fact]
    public void Add_RepeatedBatch_CountsDuplicatesAndPlacesNothing()
    {
        var batch = Batch(1, Data(0, upMs: 1_000, time: Synced), Data(1, upMs: 2_000, time: Synced.AddSeconds(1)));
        _store.Add(batch, Synced);

        var repeat = _store.Add(batch, Synced);

        Assert.Equal((0, 2), (repeat.Inserted, repeat.Duplicates));
        Assert.Empty(repeat.Placed);
    }

    private static ReadingBatch Batch(uint boot, params Reading[] readings) => new("dev-a", boot, readings);

    private static Reading Data(uint seq, long upMs, DateTimeOffset? time = null) => new(seq, upMs, time, 0, 101_000, 50, null);
}
