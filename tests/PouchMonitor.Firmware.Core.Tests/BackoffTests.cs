namespace PouchMonitor.Firmware.Core.Tests;

public class BackoffTests
{
    [Fact]
    public void NextDelayMs_ConsecutiveFailures_DoubleWithinUpperHalfUpToCap()
    {
        var backoff = new Backoff(new Random(1), Mac(0));
        var ceilingMs = Backoff.InitialDelayMs;

        for (var attempt = 0; attempt < 15; attempt++)
        {
            Assert.InRange(backoff.NextDelayMs(), ceilingMs / 2, ceilingMs);
            ceilingMs = Math.Min(ceilingMs * 2, Backoff.MaxDelayMs);
        }

        Assert.Equal(Backoff.MaxDelayMs, ceilingMs);
    }

    [Fact]
    public void Reset_AfterFailures_StartsFromFirstDelay()
    {
        var backoff = new Backoff(new Random(1), Mac(0));
        for (var attempt = 0; attempt < 10; attempt++)
        {
            backoff.NextDelayMs();
        }

        backoff.Reset();

        Assert.InRange(backoff.NextDelayMs(), Backoff.InitialDelayMs / 2, Backoff.InitialDelayMs);
    }

    [Fact]
    public void NextDelayMs_BoardsWithDifferentSeeds_SpreadOut()
    {
        var delays = Enumerable.Range(0, 50).Select(seed =>
        {
            var backoff = new Backoff(new Random(seed), Mac(0));
            for (var attempt = 0; attempt < 8; attempt++)
            {
                backoff.NextDelayMs();
            }

            return backoff.NextDelayMs();
        }).ToList();

        // Ceiling 256 s: 50 boards land on many different milliseconds of the 128–256 s window.
        Assert.All(delays, d => Assert.InRange(d, 128_000, 256_000));
        Assert.True(delays.Distinct().Count() > 45);
    }

    [Fact]
    public void NextDelayMs_SameRandomDifferentMacs_SpreadOut()
    {
        // On ESP32 the seed of Random is ignored; under a deterministic Random (the same seed on every board) only the
        // MAC tells the boards apart.
        var delays = Enumerable.Range(0, 50).Select(board =>
        {
            var backoff = new Backoff(new Random(1), Mac(board));
            for (var attempt = 0; attempt < 8; attempt++)
            {
                backoff.NextDelayMs();
            }

            return backoff.NextDelayMs();
        }).ToList();

        Assert.All(delays, d => Assert.InRange(d, 128_000, 256_000));
        Assert.True(delays.Distinct().Count() > 45);
    }

    [Fact]
    public void NextDelayMs_SameRandomSameMac_Repeats()
    {
        var first = new Backoff(new Random(3), Mac(9));
        var second = new Backoff(new Random(3), Mac(9));

        Assert.Equal(
            Enumerable.Range(0, 10).Select(_ => first.NextDelayMs()),
            Enumerable.Range(0, 10).Select(_ => second.NextDelayMs()));
    }

    [Fact]
    public void Constructor_NoMac_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Backoff(new Random(1), []));
    }

    // Boards of one batch differ only in the last bytes of their MAC.
    private static byte[] Mac(int board) => [0x3c, 0x71, 0xbf, 0x10, (byte)(board >> 8), (byte)board];
}
