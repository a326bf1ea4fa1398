namespace PouchMonitor.Analysis;

/// <summary>The dry gas of a window of readings: its mean, the mean time and the least-squares slope.</summary>
/// <param name="Time">Mean time of the readings.</param>
/// <param name="Moles">Mean dry gas N in mol.</param>
/// <param name="MolesPerHour">Least-squares slope of N in mol h⁻¹; 0 for a single reading.</param>
internal readonly record struct GasWindow(DateTimeOffset Time, double Moles, double MolesPerHour)
{
    /// <summary>The window of readings in time order; at least one.</summary>
    public static GasWindow Of(IReadOnlyList<(DateTimeOffset Time, double Moles)> readings)
    {
        if (readings.Count == 1)
        {
            return new GasWindow(readings[0].Time, readings[0].Moles, 0);
        }

        var first = readings[0].Time;
        double meanHours = readings.Average(r => (r.Time - first).TotalHours);
        double meanMoles = readings.Average(r => r.Moles);
        double covariance = readings.Sum(r => ((r.Time - first).TotalHours - meanHours) * (r.Moles - meanMoles));
        double variance = readings.Sum(r => Math.Pow((r.Time - first).TotalHours - meanHours, 2));
        return new GasWindow(first + TimeSpan.FromHours(meanHours), meanMoles, variance > 0 ? covariance / variance : 0);
    }

    /// <summary>N at a later time: the mean, or the mean carried along the slope.</summary>
    public double MolesAt(DateTimeOffset time, EventGap gap) =>
        gap == EventGap.Extrapolate ? Moles + (MolesPerHour * (time - Time).TotalHours) : Moles;
}
