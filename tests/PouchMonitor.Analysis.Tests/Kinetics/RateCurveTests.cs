using PouchMonitor.Analysis.Kinetics;

namespace PouchMonitor.Analysis.Tests.Kinetics;

public class RateCurveTests
{
    [Fact]
    public void Smoothed_StraightLine_IsItsSlopeAwayFromTheEnds()
    {
        double[] days = [.. Enumerable.Range(0, 97).Select(h => h / 24.0)];
        var rate = RateCurve.Smoothed(new DaySeries(days, [.. days.Select(d => 1 + (2.5 * d))]), 0.25);

        Assert.Equal(days.Count(d => d >= 0.25 && d <= 4 - 0.25), rate.Count);
        Assert.All(rate.Values, r => Assert.Equal(2.5, r, 1e-9));
    }

    [Fact]
    public void Smoothed_GompertzCurve_FollowsItsDerivative()
    {
        var curve = new ModifiedGompertz(10.2, 2.02, 1.27);
        double[] days = [.. Enumerable.Range(0, (14 * 24) + 1).Select(h => h / 24.0)];

        var rate = RateCurve.Smoothed(new DaySeries(days, [.. days.Select(curve.ValueAt)]), 0.25);

        // a ±6 h line cannot bend: its error is about (h²/6)·|y'''| (h = 6 h), under 0.025 mL g⁻¹ d⁻¹ here
        Assert.All(rate.Days.Zip(rate.Values), p => Assert.Equal(curve.RateAt(p.First), p.Second, 0.025));
        Assert.Equal(2.02, rate.Values.Max(), 0.01);
    }
}
