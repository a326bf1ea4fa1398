using PouchMonitor.Analysis.Kinetics;

namespace PouchMonitor.Analysis.Tests.Kinetics;

public class GompertzFitterTests
{
    // Our fit to the seed paper's bare mSi (docs/seed-experiment.md): 10.2 mL g⁻¹, 2.02 mL g⁻¹ d⁻¹, lag 1.27 d.
    private static readonly ModifiedGompertz Seed = new(10.2, 2.02, 1.27);

    [Fact]
    public void TryFit_SeedCurveWithNoise_RecoversParametersWithinTheirIntervals()
    {
        var fit = GompertzFitter.TryFit(Noisy(Seed, 0.05, new Random(1)));

        Assert.NotNull(fit);
        Assert.True(fit.MaxValue.Covers(10.2), $"A {fit.MaxValue}");
        Assert.True(fit.MaxRatePerDay.Covers(2.02), $"μm {fit.MaxRatePerDay}");
        Assert.True(fit.LagDays.Covers(1.27), $"λ {fit.LagDays}");
        Assert.Equal(10.2, fit.MaxValue.Value, 0.05);
        Assert.Equal(0.05, fit.ResidualSd, 0.01);
        Assert.Equal(14 * 24 + 1, fit.PointCount);
    }

    [Fact]
    public void TryFit_ManyNoisyCurves_IntervalsCoverTheTruthAboutNineteenTimesInTwenty()
    {
        const int runs = 60;
        var fits = Enumerable.Range(0, runs).Select(seed => GompertzFitter.TryFit(Noisy(Seed, 0.2, new Random(100 + seed)))!).ToList();

        // With 95 % intervals the count of misses over 60 runs is binomial(60, 0.05): mean 3; 9 or more has p < 0.3 %.
        Assert.All(fits, Assert.NotNull);
        Assert.InRange(fits.Count(f => !f.MaxValue.Covers(10.2)), 0, 8);
        Assert.InRange(fits.Count(f => !f.MaxRatePerDay.Covers(2.02)), 0, 8);
        Assert.InRange(fits.Count(f => !f.LagDays.Covers(1.27)), 0, 8);
    }

    [Fact]
    public void TryFit_FlatNoise_ReturnsNoFitOrAPlateauWithinTheNoise()
    {
        var flat = Noisy(new ModifiedGompertz(0, 1, 0), 0.01, new Random(3));

        var fit = GompertzFitter.TryFit(flat);

        Assert.True(fit is null || fit.MaxValue.Value < 0.05, $"A {fit?.MaxValue}");
    }

    [Fact]
    public void TryFit_TooFewPoints_ReturnsNull() =>
        Assert.Null(GompertzFitter.TryFit(new DaySeries([0, 1, 2], [0, 1, 2])));

    private static DaySeries Noisy(ModifiedGompertz curve, double sd, Random random)
    {
        double[] days = [.. Enumerable.Range(0, (14 * 24) + 1).Select(h => h / 24.0)];
        return new DaySeries(days, [.. days.Select(d => curve.ValueAt(d) + (sd * Gaussian(random)))]);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
