using PouchMonitor.Firmware.Core.Tests.Fakes;

namespace PouchMonitor.Firmware.Core.Tests;

/// <summary>A device runs for weeks: in steady state the core may allocate only the payload array of each message it publishes.</summary>
public class AllocationTests
{
    [Fact]
    public void Tick_SteadyStateThousandSamples_AllocatesOnlyOnePayloadArrayPerPublish()
    {
        const int samples = 1000;
        var board = new Board(sensors: 16, expectedPublishes: 2 * samples);
        board.Run(120_000);
        var publishedBefore = board.Transport.Published.Count;

        var before = GC.GetAllocatedBytesForCurrentThread();
        board.Run(samples * 10_000L);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var published = board.Transport.Published.Skip(publishedBefore).ToList();
        var payloadArraysBytes = published.Sum(p => ArrayBytes(p.Payload.Length));
        var readings = published.Where(p => p.Topic.EndsWith("/readings", StringComparison.Ordinal)).Sum(p => CountReadings(p.Text));
        Assert.Equal(samples * 16, readings);
        Assert.True(
            allocated <= payloadArraysBytes,
            $"{allocated} bytes allocated for {published.Count} publishes of {readings} readings; their payload arrays take {payloadArraysBytes}");
    }

    // A byte[] on 64-bit .NET: 24 bytes of header and length, then the bytes rounded up to 8.
    private static long ArrayBytes(int length) => 24 + ((length + 7) / 8 * 8);

    private static int CountReadings(string batch) => batch.Split("\"seq\":").Length - 1;
}
