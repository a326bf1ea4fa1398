namespace PouchMonitor.Analysis.Kinetics;

/// <summary>
/// Rate curves: the slope of a least-squares line through the points within ± a half-window of each point (a
/// first-derivative Savitzky–Golay filter of order 1 on uneven spacing), in the curve's unit per day.
/// </summary>
public static class RateCurve
{
    /// <summary>
    /// The smoothed rate at each point of <paramref name="curve"/> that has a full half-window of
    /// <paramref name="halfWindowDays"/> on both sides; points nearer the ends are left out.
    /// </summary>
    public static DaySeries Smoothed(DaySeries curve, double halfWindowDays)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (!(halfWindowDays > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(halfWindowDays), halfWindowDays, "The half-window must be a positive number of days.");
        }

        var days = new List<double>();
        var rates = new List<double>();
        if (curve.Count == 0)
        {
            return new DaySeries([], []);
        }

        int from = 0, to = 0;
        for (int i = 0; i < curve.Count; i++)
        {
            double day = curve.Days[i];
            if (day - halfWindowDays < curve.Days[0] || day + halfWindowDays > curve.Days[^1])
            {
                continue;
            }

            while (curve.Days[from] < day - halfWindowDays)
            {
                from++;
            }

            while (to + 1 < curve.Count && curve.Days[to + 1] <= day + halfWindowDays)
            {
                to++;
            }

            if (to - from >= 2)
            {
                days.Add(day);
                rates.Add(Slope(curve, from, to));
            }
        }

        return new DaySeries([.. days], [.. rates]);
    }

    private static double Slope(DaySeries curve, int from, int to)
    {
        int n = to - from + 1;
        double meanDay = 0, meanValue = 0;
        for (int i = from; i <= to; i++)
        {
            meanDay += curve.Days[i] / n;
            meanValue += curve.Values[i] / n;
        }

        double covariance = 0, variance = 0;
        for (int i = from; i <= to; i++)
        {
            covariance += (curve.Days[i] - meanDay) * (curve.Values[i] - meanValue);
            variance += (curve.Days[i] - meanDay) * (curve.Days[i] - meanDay);
        }

        return covariance / variance;
    }
}
