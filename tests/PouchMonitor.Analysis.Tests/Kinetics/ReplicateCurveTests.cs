using PouchMonitor.Analysis.Kinetics;

namespace PouchMonitor.Analysis.Tests.Kinetics;

public class ReplicateCurveTests
{
    [Fact]
    public void Of_ThreeLinesOnTheirOwnDays_GivesMeanAndSampleSdOnTheCommonGrid()
    {
        DaySeries[] members =
        [
            new([0, 2, 4], [0, 2, 4]),
            new([0, 1, 3], [0, 2, 6]),
            new([0, 0.5, 2.5, 3.5], [0, 1.5, 7.5, 10.5]),
        ];

        var group = ReplicateCurve.Of("mSi", members, 0.5);

        // slopes 1, 2 and 3: the grid ends at the shortest member's last day (3); mean slope 2, SD 1
        Assert.Equal([0, 0.5, 1, 1.5, 2, 2.5, 3], group.Days);
        Assert.All(group.Days.Zip(group.Mean), p => Assert.Equal(2 * p.First, p.Second, 1e-12));
        Assert.All(group.Days.Zip(group.Sd), p => Assert.Equal(p.First, p.Second, 1e-12));
        Assert.Equal(3, group.Members);
    }

    [Fact]
    public void StandardDeviation_OneValue_IsNaN() => Assert.True(double.IsNaN(ReplicateCurve.StandardDeviation([1.0])));

    [Fact]
    public void BinMeans_HourlyBinsOfTenSecondPoints_AverageEachHour()
    {
        double[] days = [.. Enumerable.Range(0, 720).Select(i => i * 10 / 86_400.0)];
        var series = new DaySeries(days, [.. days.Select(d => d < 1 / 24.0 ? 1.0 : 3.0)]);

        var hourly = series.BinMeans(1 / 24.0);

        Assert.Equal([1.0, 3.0], hourly.Values);
        Assert.Equal(days.Take(360).Average(), hourly.Days[0], 1e-12);
    }
}
