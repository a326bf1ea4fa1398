namespace PouchMonitor.Analysis.Kinetics;

/// <summary>A curve in days since a pouch's baseline: one value per day, days increasing.</summary>
/// <param name="Days">Days since the baseline, increasing.</param>
/// <param name="Values">The value at each day (e.g. mL g⁻¹ slurry at standard conditions).</param>
public sealed record DaySeries(double[] Days, double[] Values)
{
    /// <summary>Number of points.</summary>
    public int Count => Days.Length;

    /// <summary>
    /// Means of the points in consecutive bins of <paramref name="binDays"/> from day 0, each placed at the mean day of
    /// its points; empty bins are left out. Averaging a bin at least one oven-ripple period long removes the ripple.
    /// </summary>
    public DaySeries BinMeans(double binDays)
    {
        if (!(binDays > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(binDays), binDays, "The bin width must be a positive number of days.");
        }

        var bins = Days.Select((day, i) => (Bin: Math.Floor(day / binDays), Day: day, Value: Values[i])).GroupBy(p => p.Bin).OrderBy(g => g.Key).ToList();
        return new DaySeries([.. bins.Select(g => g.Average(p => p.Day))], [.. bins.Select(g => g.Average(p => p.Value))]);
    }

    /// <summary>The value at <paramref name="day"/> by linear interpolation; NaN outside the curve's days.</summary>
    public double ValueAt(double day)
    {
        int index = Array.BinarySearch(Days, day);
        if (index >= 0)
        {
            return Values[index];
        }

        int after = ~index;
        if (after == 0 || after == Days.Length)
        {
            return double.NaN;
        }

        double fraction = (day - Days[after - 1]) / (Days[after] - Days[after - 1]);
        return Values[after - 1] + (fraction * (Values[after] - Values[after - 1]));
    }
}
