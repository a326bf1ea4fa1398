namespace PouchMonitor.Analysis;

/// <summary>
/// The default standard uncertainty of the sensor-to-gas temperature difference from the oven ripple the pouch's own
/// sensor saw over its baseline window (docs/measurement-model.md, "Sensor-to-gas temperature from the ripple").
/// </summary>
public static class RippleTemperature
{
    /// <summary>The fewest readings in the window for a figure from the ripple; with fewer it is the default.</summary>
    public const int MinimumReadings = 3;

    /// <summary>
    /// The standard deviation in K of the readings' temperature about their least-squares line in time (n − 2 degrees
    /// of freedom), never below <see cref="ExperimentSettings.DefaultGasTemperatureUncertaintyK"/>; that default for
    /// fewer than three readings.
    /// </summary>
    /// <param name="window">The readings of the baseline window, in time order.</param>
    public static double GasTemperatureUncertaintyK(IReadOnlyList<PressureReading> window)
    {
        ArgumentNullException.ThrowIfNull(window);
        int n = window.Count;
        if (n < MinimumReadings)
        {
            return ExperimentSettings.DefaultGasTemperatureUncertaintyK;
        }

        var start = window[0].Time;
        double[] hours = [.. window.Select(r => (r.Time - start).TotalHours)];
        double meanHours = hours.Average(), meanC = window.Average(r => r.TemperatureC);
        double sxx = hours.Sum(h => (h - meanHours) * (h - meanHours));
        double slope = sxx > 0 ? window.Select((r, i) => (hours[i] - meanHours) * (r.TemperatureC - meanC)).Sum() / sxx : 0;
        double rss = window.Select((r, i) => r.TemperatureC - meanC - (slope * (hours[i] - meanHours))).Sum(e => e * e);
        return Math.Max(ExperimentSettings.DefaultGasTemperatureUncertaintyK, Math.Sqrt(rss / (n - 2)));
    }
}
