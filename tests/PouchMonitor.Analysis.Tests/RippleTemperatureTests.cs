using PouchMonitor.Analysis;

namespace PouchMonitor.Analysis.Tests;

public class RippleTemperatureTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GasTemperatureUncertaintyK_RippleOfOneKelvin_IsItsStandardDeviation()
    {
        // A ±1 K sine of 30 min period on a 0.1 K h⁻¹ drift, 10-s readings over W = 120 min: the line takes the drift and,
        // of the sine's variance 1/2, the part correlated with time, 12 (P / 2π)² / W² (mean of t·sin over whole periods
        // −P / 2π, variance of t W² / 12): √(1/2 − 0.019) = 0.694 K
        double u = RippleTemperature.GasTemperatureUncertaintyK(Window(120, minutes => 50 + (0.1 * minutes / 60) + Math.Sin(2 * Math.PI * minutes / 30)));

        Assert.Equal(Math.Sqrt(0.5 - (12 * Math.Pow(30 / (2 * Math.PI), 2) / (120 * 120))), u, 0.002);
    }

    [Fact]
    public void GasTemperatureUncertaintyK_SmallRipple_IsTheFixedDefault()
    {
        // ±0.1 K: 0.07 K, below the 0.2 K default
        double u = RippleTemperature.GasTemperatureUncertaintyK(Window(120, minutes => 50 + (0.1 * Math.Sin(2 * Math.PI * minutes / 30))));

        Assert.Equal(ExperimentSettings.DefaultGasTemperatureUncertaintyK, u);
    }

    [Fact]
    public void GasTemperatureUncertaintyK_TwoReadings_IsTheFixedDefault()
    {
        double u = RippleTemperature.GasTemperatureUncertaintyK(Window(0.2, minutes => 50 + (5 * minutes)));

        Assert.Equal(ExperimentSettings.DefaultGasTemperatureUncertaintyK, u);
    }

    private static PressureReading[] Window(double minutes, Func<double, double> temperatureC) =>
        [.. Enumerable.Range(0, (int)(minutes * 6)).Select(i => new PressureReading(Start.AddSeconds(10 * i), 101_325, temperatureC(i / 6.0)))];
}
