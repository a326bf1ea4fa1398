using PouchMonitor.Host.Dashboard;

namespace PouchMonitor.Host.Tests.Dashboard;

public sealed class M4DownsamplerTests
{
    [Theory]
    [InlineData(100_000, 300)]
    [InlineData(1_000, 1)]
    [InlineData(50, 400)]
    public void Downsample_NoisySeries_KeepsEveryColumnsExtremesAndAtMostFourPoints(int points, int columns)
    {
        var random = new Random(points);
        var x = Enumerable.Range(0, points).Select(i => i * 0.01).ToArray();
        var y = x.Select(v => Math.Sin(v) + random.NextDouble()).ToArray();
        var keptX = new List<double>();
        var keptY = new List<double>();

        M4Downsampler.Downsample(x, y, x[0], x[^1], columns, keptX, keptY);

        var width = (x[^1] - x[0]) / columns;
        var column = (double v) => Math.Min(columns - 1, (int)((v - x[0]) / width));
        var expected = x.Zip(y).GroupBy(p => column(p.First)).ToDictionary(g => g.Key, g => (Min: g.Min(p => p.Second), Max: g.Max(p => p.Second), Count: g.Count()));
        var kept = keptX.Zip(keptY).GroupBy(p => column(p.First)).ToDictionary(g => g.Key, g => (Min: g.Min(p => p.Second), Max: g.Max(p => p.Second), Count: g.Count()));
        Assert.Equal(expected.Keys.Order(), kept.Keys.Order());
        Assert.All(expected, e => Assert.Equal((e.Value.Min, e.Value.Max), (kept[e.Key].Min, kept[e.Key].Max)));
        Assert.All(kept.Values, k => Assert.InRange(k.Count, 1, 4));
        Assert.Equal(keptX.Order(), keptX);
        Assert.Equal(x[0], keptX[0]);
        Assert.Equal(x[^1], keptX[^1]);
    }

    [Fact]
    public void Downsample_Range_DropsPointsOutsideIt()
    {
        double[] x = [0, 1, 2, 3, 4, 5];
        double[] y = [9, 1, 2, 3, 4, 9];
        var keptX = new List<double>();
        var keptY = new List<double>();

        M4Downsampler.Downsample(x, y, 1, 4, 3, keptX, keptY);

        Assert.Equal([1, 2, 3, 4], keptX);
        Assert.Equal([1, 2, 3, 4], keptY);
    }
}
