using PouchMonitor.Firmware.Core.Tests.Fakes;

namespace PouchMonitor.Firmware.Core.Tests;

public class ReadingRingTests
{
    // One copy of the ring header: 24 bytes of payload, generation and CRC.
    private const int HeaderCopyBytes = 32;

    [Fact]
    public void Open_EmptyFlash_StartsEmpty()
    {
        var ring = Open(new FakeFlash(ReadingRing.RequiredBytes(10)));

        Assert.Equal((10, 0, 0L), (ring.Capacity, ring.Count, ring.Dropped));
    }

    [Fact]
    public void Peek_AfterAppend_ReturnsEveryFieldOldestFirst()
    {
        var ring = Open(new FakeFlash(ReadingRing.RequiredBytes(10)));
        Reading[] readings =
        [
            new() { Boot = 7, Sequence = 1, UptimeMs = 1000, SensorIndex = 2, PressureCentiPa = 10132512, TemperatureCentiC = -305 },
            new() { Boot = 7, Sequence = 2, UptimeMs = 1001, IsTimeSynced = true, UtcMs = 1762000000123, SensorIndex = 15, Fault = SensorFault.OutOfRange },
        ];

        ring.Append(readings, 2);

        Assert.Equal(readings.Select(Describe), Contents(ring));
    }

    [Fact]
    public void Append_PastCapacity_WrapsAndDropsOldestCounting()
    {
        var ring = Open(new FakeFlash(ReadingRing.RequiredBytes(5)));

        AppendSequences(ring, 0, 3);
        AppendSequences(ring, 3, 3);
        AppendSequences(ring, 6, 3);

        Assert.Equal([4u, 5, 6, 7, 8], Sequences(ring));
        Assert.Equal(4, ring.Dropped);
    }

    [Fact]
    public void Open_AfterReboot_KeepsContentsAndCounters()
    {
        var flash = new FakeFlash(ReadingRing.RequiredBytes(5));
        var ring = Open(flash);
        AppendSequences(ring, 0, 4);
        AppendSequences(ring, 4, 3);
        ring.Pin(2);
        ring.ReleasePinned();

        var reopened = Open(flash);

        Assert.Equal([4u, 5, 6], Sequences(reopened));
        Assert.Equal(2, reopened.Dropped);
    }

    [Fact]
    public void Open_RegionResizedToAnotherCapacity_StartsEmpty()
    {
        var flash = new FakeFlash(ReadingRing.RequiredBytes(8));
        AppendSequences(Open(flash), 0, 3);

        var resized = Open(flash.Resized(ReadingRing.RequiredBytes(9)));

        Assert.Equal((9, 0), (resized.Capacity, resized.Count));
    }

    [Fact]
    public void ReleasePinned_OnlyPinnedLeave()
    {
        var ring = Open(new FakeFlash(ReadingRing.RequiredBytes(10)));
        AppendSequences(ring, 0, 4);

        ring.Pin(3);
        AppendSequences(ring, 4, 2);
        ring.ReleasePinned();

        Assert.Equal([3u, 4, 5], Sequences(ring));
        Assert.Equal(0, ring.Pinned);
    }

    [Fact]
    public void Unpin_ConnectionLost_KeepsReadingsForResend()
    {
        var ring = Open(new FakeFlash(ReadingRing.RequiredBytes(10)));
        AppendSequences(ring, 0, 4);

        ring.Pin(4);
        ring.Unpin();
        ring.ReleasePinned();

        Assert.Equal([0u, 1, 2, 3], Sequences(ring));
    }

    [Fact]
    public void Append_OverflowWhilePinned_ReleasesOnlyWhatIsLeftOfThePinned()
    {
        var ring = Open(new FakeFlash(ReadingRing.RequiredBytes(4)));
        AppendSequences(ring, 0, 4);
        ring.Pin(3);

        AppendSequences(ring, 4, 2);
        ring.ReleasePinned();

        Assert.Equal([3u, 4, 5], Sequences(ring));
        Assert.Equal(2, ring.Dropped);
    }

    [Theory]
    // An append writes its records, then both header copies: cut inside the record, and inside the first header copy.
    [InlineData(10)]
    [InlineData(ReadingRing.RecordBytes + 16)]
    public void Open_PowerCutDuringAppend_KeepsThePreviousState(int bytesWritten)
    {
        var flash = new FakeFlash(ReadingRing.RequiredBytes(10));
        var ring = Open(flash);
        AppendSequences(ring, 0, 3);

        flash.CutPowerAfter(bytesWritten);
        Assert.Throws<IOException>(() => AppendSequences(ring, 3, 1));

        var reopened = Open(flash);
        Assert.Equal([0u, 1, 2], Sequences(reopened));
        AppendSequences(reopened, 3, 1);
        Assert.Equal([0u, 1, 2, 3], Sequences(Open(flash)));
    }

    [Fact]
    public void Open_PowerCutInSecondHeaderCopy_KeepsTheNewState()
    {
        var flash = new FakeFlash(ReadingRing.RequiredBytes(10));
        var ring = Open(flash);
        AppendSequences(ring, 0, 3);

        flash.CutPowerAfter(ReadingRing.RecordBytes + HeaderCopyBytes + 16);
        Assert.Throws<IOException>(() => AppendSequences(ring, 3, 1));

        Assert.Equal([0u, 1, 2, 3], Sequences(Open(flash)));
    }

    [Theory]
    // Either copy of the header, whichever was written last.
    [InlineData(0)]
    [InlineData(HeaderCopyBytes)]
    public void Open_HeaderCopyCorruptAfterRelease_ResendsNothingReleased(int copyOffset)
    {
        var flash = new FakeFlash(ReadingRing.RequiredBytes(20));
        var ring = Open(flash);
        AppendSequences(ring, 0, 4);
        AppendSequences(ring, 4, 4);
        ring.Pin(6);
        ring.ReleasePinned();

        flash.Corrupt(copyOffset + 5);

        Assert.Equal([6u, 7], Sequences(Open(flash)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(HeaderCopyBytes)]
    public void Open_HeaderCopyCorruptAfterAppend_KeepsEveryAppendedReading(int copyOffset)
    {
        var flash = new FakeFlash(ReadingRing.RequiredBytes(20));
        var ring = Open(flash);
        AppendSequences(ring, 0, 4);
        ring.Pin(2);
        ring.ReleasePinned();
        AppendSequences(ring, 4, 4);

        flash.Corrupt(copyOffset + 5);

        Assert.Equal([2u, 3, 4, 5, 6, 7], Sequences(Open(flash)));
    }

    [Fact]
    public void Capacity_DayOfFourSensorsAtOneMinute_HoldsEveryReadingInOrder()
    {
        const int capacity = 24 * 60 * 4;
        var ring = new ReadingRing(new FakeFlash(ReadingRing.RequiredBytes(capacity)), 4);
        ring.Open();

        for (uint minute = 0; minute < 24 * 60; minute++)
        {
            AppendSequences(ring, minute * 4, 4);
        }

        Assert.Equal((capacity, 0L), (ring.Count, ring.Dropped));
        Assert.Equal(Enumerable.Range(0, capacity).Select(i => (uint)i), Sequences(ring));
    }

    private static ReadingRing Open(FakeFlash flash)
    {
        var ring = new ReadingRing(flash, 4);
        ring.Open();
        return ring;
    }

    private static void AppendSequences(ReadingRing ring, uint first, int count)
    {
        var readings = Enumerable.Range(0, count).Select(i => new Reading { Boot = 1, Sequence = first + (uint)i, PressureCentiPa = 10000000 }).ToArray();
        ring.Append(readings, count);
    }

    private static List<uint> Sequences(ReadingRing ring) => Contents(ring).Select(r => r.Sequence).ToList();

    private static List<(uint Boot, uint Sequence, long UptimeMs, bool Synced, long UtcMs, int Sensor, long P, int C, SensorFault Fault)> Contents(ReadingRing ring)
    {
        var reading = new Reading();
        return Enumerable.Range(0, ring.Count).Select(i =>
        {
            ring.Peek(i, reading);
            return Describe(reading);
        }).ToList();
    }

    private static (uint, uint, long, bool, long, int, long, int, SensorFault) Describe(Reading r) =>
        (r.Boot, r.Sequence, r.UptimeMs, r.IsTimeSynced, r.UtcMs, r.SensorIndex, r.PressureCentiPa, r.TemperatureCentiC, r.Fault);
}
