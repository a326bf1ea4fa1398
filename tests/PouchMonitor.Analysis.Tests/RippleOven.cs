using PouchMonitor.Analysis;
using static PouchMonitor.Analysis.Tests.Pouches;

namespace PouchMonitor.Analysis.Tests;

/// <summary>
/// Readings of a headspace vessel in a real oven: the gas follows a ±0.25 K ripple, the sensor lags it by a first-order
/// time constant, reads 0.3 K high with 0.005 K noise quantised to 0.01 K, and the pressure carries 0.2 Pa noise
/// (the figures of issue 10).
/// </summary>
internal sealed class RippleOven(TimeSpan ripplePeriod, TimeSpan sensorLag, int seed)
{
    private const double SetpointC = 50;
    private const double RippleC = 0.25;
    private const double SensorOffsetC = 0.3;
    private const double TemperatureNoiseC = 0.005;
    private const double TemperatureStepC = 0.01;
    private const double PressureNoisePa = 0.2;

    private readonly Random _random = new(seed);

    /// <summary>Readings every <paramref name="interval"/> for <paramref name="hours"/>; dry gas in mol at each hour from <paramref name="dryMolesAt"/>.</summary>
    public IEnumerable<PressureReading> Readings(double gasVolumeMl, double hours, TimeSpan interval, Func<double, double> dryMolesAt)
    {
        double sensorC = SetpointC;
        double keep = Math.Exp(-interval / sensorLag);
        for (var t = TimeSpan.Zero; t.TotalHours <= hours; t += interval)
        {
            double gasC = SetpointC + (RippleC * Math.Sin(2 * Math.PI * t / ripplePeriod));
            sensorC = gasC + ((sensorC - gasC) * keep);
            double readC = Math.Round((sensorC + SensorOffsetC + (TemperatureNoiseC * Gaussian())) / TemperatureStepC) * TemperatureStepC;
            double pressurePa = HeadspacePressurePa(dryMolesAt(t.TotalHours), gasVolumeMl, gasC) + (PressureNoisePa * Gaussian());
            yield return At(t.TotalHours, pressurePa, readC);
        }
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
