namespace PouchMonitor.Firmware.Core.Tests;

public class BackoffTests
{
    [Fact]
    public void NextDelayMs_ConsecutiveFailures_DoubleWithinUpperHalfUpToCap()
    {
        var backoff = new Backoff(new Random(1));
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
        var backoff = new Backoff(new Random(1));
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
            var backoff = new Backoff(new Random(seed));
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
}
