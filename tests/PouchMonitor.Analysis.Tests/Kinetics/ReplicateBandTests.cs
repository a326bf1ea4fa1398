using PouchMonitor.Analysis.Kinetics;

namespace PouchMonitor.Analysis.Tests.Kinetics;

public class ReplicateBandTests
{
    private const double HourDays = 1 / 24.0;

    [Fact]
    public void Of_ThreeLinesSampledEveryTenSeconds_GivesMeanAndSdOnTheHourlyGrid()
    {
        DaySeries[] members = [Line(1, 2), Line(2, 2), Line(3, 2)];

        var band = ReplicateBand.Of("mSi", members, 0, 2, 1200, HourDays);

        // slopes 1, 2 and 3 mL g⁻¹ d⁻¹: mean slope 2, SD 1; the hourly bins of a line lie on it, so the grid values are exact
        Assert.InRange(band.Days.Length, 40, 49);
        Assert.All(band.Days, d => Assert.Equal(0, Math.IEEERemainder(d, HourDays), 1e-12));
        Assert.All(band.Days.Zip(band.Mean), p => Assert.Equal(2 * p.First, p.Second, 1e-9));
        Assert.All(band.Days.Zip(band.Sd), p => Assert.Equal(p.First, p.Second, 1e-9));
    }

    [Fact]
    public void Of_HundredDaysInTwoHundredPoints_StepsHalfADayAndStaysBounded()
    {
        DaySeries[] members = [Line(1, 100, stepS: 600), Line(2, 100, stepS: 600)];

        var band = ReplicateBand.Of("mSi", members, 0, 100, 200, HourDays);

        Assert.Equal(0.5, ReplicateBand.StepDays(0, 100, 200, HourDays));
        Assert.InRange(band.Days.Length, 190, 201);
        Assert.All(band.Days.Zip(band.Days.Skip(1)), p => Assert.Equal(0.5, p.Second - p.First, 1e-9));
    }

    [Fact]
    public void Of_ZoomedRange_KeepsOnlyDaysInTheRange()
    {
        DaySeries[] members = [Line(1, 3), Line(3, 3)];

        var band = ReplicateBand.Of("mSi", members, 1, 1.5, 1200, HourDays);

        Assert.NotEmpty(band.Days);
        Assert.All(band.Days, d => Assert.InRange(d, 1, 1.5));
        Assert.All(band.Days.Zip(band.Mean), p => Assert.Equal(2 * p.First, p.Second, 1e-9));
    }

    [Fact]
    public void Of_MembersOfDifferentLengths_EndsAtTheShortestMember()
    {
        DaySeries[] members = [Line(1, 4), Line(3, 2.5)];

        var band = ReplicateBand.Of("mSi", members, 0, 4, 1200, HourDays);

        Assert.InRange(band.Days[^1], 2.5 - (2 * HourDays), 2.5);
    }

    [Fact]
    public void Of_OneMember_HasTheMemberAsMeanAndNoSd()
    {
        var band = ReplicateBand.Of("P01", [Line(2, 1)], 0, 1, 1200, HourDays);

        Assert.All(band.Days.Zip(band.Mean), p => Assert.Equal(2 * p.First, p.Second, 1e-9));
        Assert.All(band.Sd, sd => Assert.True(double.IsNaN(sd)));
    }

    [Fact]
    public void Of_MemberWithoutPointsInTheRange_GivesAnEmptyBand()
    {
        var band = ReplicateBand.Of("mSi", [Line(1, 1), new DaySeries([], [])], 5, 6, 1200, HourDays);

        Assert.Empty(band.Days);
    }

    [Theory]
    [InlineData(1, 1, 10, 0.1)]
    [InlineData(0, double.NaN, 10, 0.1)]
    [InlineData(0, 1, 0, 0.1)]
    [InlineData(0, 1, 10, 0)]
    public void Of_BadRange_Throws(double fromDays, double toDays, int maxPoints, double minStepDays) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => ReplicateBand.Of("mSi", [Line(1, 1)], fromDays, toDays, maxPoints, minStepDays));

    private static DaySeries Line(double slopePerDay, double days, int stepS = 10)
    {
        double[] x = [.. Enumerable.Range(0, (int)(days * 86_400 / stepS) + 1).Select(i => i * stepS / 86_400.0)];
        return new DaySeries(x, [.. x.Select(d => slopePerDay * d)]);
    }
}
