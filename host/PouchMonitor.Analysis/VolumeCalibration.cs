namespace PouchMonitor.Analysis;

/// <summary>
/// A vessel's gas volume from a known volume of gas injected into it (docs/measurement-model.md, "Volume calibration"):
/// y = (P − p_w(T)) / T_K is fitted by a straight line in the window before and in the window after the injection;
/// V = (P_s · V_s / T_s) / Δy, Δy the lines' difference at the injection time.
/// </summary>
public static class VolumeCalibration
{
    /// <summary>Fits the volume.</summary>
    /// <param name="readings">The vessel's readings (any order).</param>
    /// <param name="injection">What went in, and when.</param>
    /// <param name="wet">Whether the vessel's gas is saturated with water vapour (a headspace over slurry; a jar's gas is dry).</param>
    /// <param name="window">Length of the window on each side.</param>
    /// <param name="settle">Time after the injection before the after window starts.</param>
    /// <param name="relativePressureUPa">Standard uncertainty of a pressure difference from the sensor, Pa (BME280: 12 Pa / √3).</param>
    /// <exception cref="ArgumentException">A window holds fewer than 3 readings, or the gas did not rise at the injection.</exception>
    public static VolumeFit Fit(
        IEnumerable<PressureReading> readings, Injection injection, bool wet, TimeSpan window, TimeSpan settle, double relativePressureUPa)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(injection);
        var all = readings.OrderBy(r => r.Time).ToList();
        var before = all.Where(r => r.Time >= injection.Time - window && r.Time < injection.Time).ToList();
        var after = all.Where(r => r.Time >= injection.Time + settle && r.Time < injection.Time + settle + window).ToList();
        var (beforeY, beforeU) = Intercept(before, injection.Time, wet, "before");
        var (afterY, afterU) = Intercept(after, injection.Time, wet, "after");
        double stepY = afterY - beforeY;
        double temperatureK = after.Average(r => r.TemperatureC) + IdealGas.ZeroCelsiusK;
        if (!(stepY > 0))
        {
            throw new ArgumentException($"the gas did not rise at the injection at {Text(injection.Time)} (step {stepY * temperatureK:F1} Pa)", nameof(readings));
        }

        double volumeMl = injection.PressureVolumePerKelvin / stepY;
        double stepU = Math.Sqrt((beforeU * beforeU) + (afterU * afterU) + Math.Pow(relativePressureUPa / temperatureK, 2));
        double relativeU = Math.Sqrt(Math.Pow(stepU / stepY, 2) + Math.Pow(injection.VolumeUncertaintyMl / injection.VolumeMl, 2));
        return new VolumeFit(
            volumeMl, volumeMl * relativeU, before.Count, after.Count, stepY * temperatureK, after.Average(r => r.PressurePa), temperatureK - IdealGas.ZeroCelsiusK);
    }

    private static string Text(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The least-squares line's value at <paramref name="at"/> and its standard error, of y = (P − p_w) / T_K.</summary>
    private static (double Value, double StandardError) Intercept(List<PressureReading> readings, DateTimeOffset at, bool wet, string side)
    {
        if (readings.Count < 3)
        {
            throw new ArgumentException($"the window {side} the injection at {Text(at)} holds {readings.Count} readings; the fit needs at least 3", nameof(readings));
        }

        double[] x = [.. readings.Select(r => (r.Time - at).TotalHours)];
        double[] y = [.. readings.Select(r => (r.PressurePa - (wet ? WaterVapour.SaturationPressurePa(r.TemperatureC) : 0)) / (r.TemperatureC + IdealGas.ZeroCelsiusK))];
        double meanX = x.Average(), meanY = y.Average();
        double sxx = x.Sum(v => (v - meanX) * (v - meanX));
        double slope = sxx > 0 ? x.Zip(y).Sum(p => (p.First - meanX) * (p.Second - meanY)) / sxx : 0;
        double intercept = meanY - (slope * meanX);
        double rss = x.Zip(y).Sum(p => Math.Pow(p.Second - (intercept + (slope * p.First)), 2));
        double s2 = rss / (readings.Count - 2);
        double variance = s2 * ((1.0 / readings.Count) + (sxx > 0 ? meanX * meanX / sxx : 0));
        return (intercept, Math.Sqrt(variance));
    }
}
