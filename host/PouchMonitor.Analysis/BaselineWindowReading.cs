namespace PouchMonitor.Analysis;

/// <summary>The reference reading (P0, T0) of a baseline window, for the pouch-in-jar formula.</summary>
internal static class BaselineWindowReading
{
    /// <summary>
    /// T0 is the window's mean temperature and P0 / T0_K its mean P / T_K, so the jar's baseline gas is the
    /// window's mean jar gas; the time is the window's first reading's.
    /// </summary>
    public static PressureReading Mean(IReadOnlyList<PressureReading> readings)
    {
        double meanPressurePerK = readings.Average(r => r.PressurePa / (r.TemperatureC + IdealGas.ZeroCelsiusK));
        double meanTemperatureC = readings.Average(r => r.TemperatureC);
        return new PressureReading(readings[0].Time, meanPressurePerK * (meanTemperatureC + IdealGas.ZeroCelsiusK), meanTemperatureC);
    }
}
