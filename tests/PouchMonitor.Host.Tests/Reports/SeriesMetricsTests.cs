using PouchMonitor.Host.Reports;

namespace PouchMonitor.Host.Tests.Reports;

public class SeriesMetricsTests
{
    [Fact]
    public void MaxRate_RampAfterFlat_FindsTheRampAndItsMiddle()
    {
        // flat for 2 days, then 0.24 mL g⁻¹ day⁻¹ (0.01 mL g⁻¹ h⁻¹), hourly points
        double[] days = [.. Enumerable.Range(0, 97).Select(h => h / 24.0)];
        double[] values = [.. days.Select(d => Math.Max(0, d - 2) * 0.24)];

        var (rate, at) = SeriesMetrics.MaxRate(days, values, windowDays: 0.25);

        Assert.Equal(0.01, rate!.Value, 12);
        Assert.True(at >= 2.125, $"middle at {at} days");
    }

    [Fact]
    public void MaxRate_ShorterThanWindow_IsNull()
    {
        var (rate, at) = SeriesMetrics.MaxRate([0, 0.1], [0, 1], windowDays: 0.25);

        Assert.Null(rate);
        Assert.Null(at);
    }

    [Theory]
    [InlineData(1.0, 2.0)]
    [InlineData(0.75, 1.5)]
    [InlineData(5.0, null)]
    public void Crossing_LinearSeries_InterpolatesBetweenPoints(double threshold, double? expectedDays)
    {
        double[] days = [0, 1, 2, 3, 4];
        double[] values = [0, 0.5, 1.0, 1.5, 2.0];

        Assert.Equal(expectedDays, SeriesMetrics.Crossing(days, values, threshold));
    }

    [Fact]
    public void NoiseSigma_GaussianNoiseOnACurve_RecoversSigma()
    {
        const double sigma = 0.01;
        var random = new Random(7);
        double[] values = [.. Enumerable.Range(0, 20_000).Select(i => (10 * (1 - Math.Exp(-i / 5000.0))) + (sigma * GeneratedPouch.Normal(random)))];

        Assert.InRange(SeriesMetrics.NoiseSigma(values), 0.97 * sigma, 1.03 * sigma);
    }

    [Fact]
    public void Downsample_LongSeries_KeepsEndsAndExtremes()
    {
        double[] xs = [.. Enumerable.Range(0, 100_000).Select(i => (double)i)];
        double[] ys = [.. xs.Select(x => x == 54_321 ? 1000 : Math.Sin(x / 1000))];

        var (keptX, keptY) = Downsampler.MinMax(xs, ys, 500);

        Assert.InRange(keptX.Length, 500, 1501);
        Assert.Equal(0, keptX[0]);
        Assert.Equal(99_999, keptX[^1]);
        Assert.Contains(1000, keptY);
        Assert.Equal(keptX.Order(), keptX);
    }
}
