using PouchMonitor.Analysis;

namespace PouchMonitor.Host.Reports;

/// <summary>Summary numbers and noise of one pouch's gas series. Pre-baseline and settling points are left out.</summary>
internal static class SeriesMetrics
{
    /// <summary>Median of |N(0, 1)|: σ = median|x| / 0.6745 for normal noise.</summary>
    private const double MedianAbsoluteNormal = 0.6744897501960817;

    /// <summary>The points that count: from the baseline on, settled, with gas.</summary>
    public static GasPoint[] Settled(IEnumerable<GasPoint> points) => [.. points.Where(IsSettled)];

    /// <summary>Days since the baseline (the first point) of each point.</summary>
    public static double[] Days(IReadOnlyList<GasPoint> settled) =>
        [.. settled.Select(p => (p.Time - settled[0].Time).TotalDays)];

    /// <summary>The summary numbers; null when the series has no settled point.</summary>
    /// <remarks>Reads the points once and keeps only two numbers of each, so a lazy series is not held in memory.</remarks>
    public static PouchMetrics? Measure(IEnumerable<GasPoint> points, double thresholdMlPerG, TimeSpan rateWindow)
    {
        var daysList = new List<double>();
        var perGList = new List<double>();
        GasPoint? first = null, last = null;
        foreach (var point in points.Where(IsSettled))
        {
            first ??= point;
            last = point;
            daysList.Add((point.Time - first.Time).TotalDays);
            perGList.Add(point.DryGasMlStdPerG!.Value);
        }

        if (first is null || last is null)
        {
            return null;
        }

        double[] days = [.. daysList], perG = [.. perGList];
        double windowDays = rateWindow.TotalDays;
        var (rate, rateAt) = MaxRate(days, perG, windowDays);
        double? crossing = Crossing(days, perG, thresholdMlPerG);
        return new PouchMetrics(
            first.Time,
            days[^1],
            perG[^1],
            last.DryGasMlStdPerGActive,
            last.H2MlStdPerG,
            rate,
            rateAt,
            crossing,
            crossing is { } c ? Slope(days, perG, c, windowDays) : null);
    }

    /// <summary>Largest (y_i − y_j) / (t_i − t_j) in h⁻¹ over pairs with j the last point at least a window before i.</summary>
    public static (double? RatePerH, double? AtDays) MaxRate(double[] days, double[] values, double windowDays)
    {
        double? best = null, at = null;
        int j = 0;
        for (int i = 0; i < days.Length; i++)
        {
            while (j + 1 < i && days[j + 1] <= days[i] - windowDays)
            {
                j++;
            }

            if (j < i && days[j] <= days[i] - windowDays)
            {
                double rate = (values[i] - values[j]) / ((days[i] - days[j]) * 24);
                if (best is null || rate > best)
                {
                    (best, at) = (rate, (days[i] + days[j]) / 2);
                }
            }
        }

        return (best, at);
    }

    /// <summary>First time the series reaches a value, linear between points; null if it never does.</summary>
    public static double? Crossing(double[] days, double[] values, double threshold)
    {
        if (values.Length > 0 && values[0] >= threshold)
        {
            return days[0];
        }

        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] >= threshold)
            {
                return days[i - 1] + ((threshold - values[i - 1]) / (values[i] - values[i - 1]) * (days[i] - days[i - 1]));
            }
        }

        return null;
    }

    /// <summary>
    /// Noise σ of a series from its second differences: for independent noise σ on slowly curving data,
    /// y[i+1] − 2y[i] + y[i−1] has standard deviation √6·σ. The median keeps events and steps from inflating it.
    /// </summary>
    public static double NoiseSigma(IReadOnlyList<double> values)
    {
        if (values.Count < 3)
        {
            return double.NaN;
        }

        var second = new double[values.Count - 2];
        for (int i = 1; i < values.Count - 1; i++)
        {
            second[i - 1] = Math.Abs(values[i + 1] - (2 * values[i]) + values[i - 1]);
        }

        Array.Sort(second);
        double median = second.Length % 2 == 1 ? second[second.Length / 2] : (second[(second.Length / 2) - 1] + second[second.Length / 2]) / 2;
        return median / MedianAbsoluteNormal / Math.Sqrt(6);
    }

    private static bool IsSettled(GasPoint p) => (p.Flags & (GasFlags.PreBaseline | GasFlags.Settling)) == 0 && p.DryGasMlStdPerG is not null;

    /// <summary>Value at a time, linear between points, held beyond the ends.</summary>
    public static double Interpolate(double[] days, double[] values, double at)
    {
        int i = Array.BinarySearch(days, at);
        if (i >= 0)
        {
            return values[i];
        }

        i = ~i;
        return i == 0 ? values[0]
            : i == days.Length ? values[^1]
            : values[i - 1] + ((values[i] - values[i - 1]) * (at - days[i - 1]) / (days[i] - days[i - 1]));
    }

    private static double? Slope(double[] days, double[] values, double at, double windowDays)
    {
        double from = Math.Max(days[0], at - (windowDays / 2)), to = Math.Min(days[^1], at + (windowDays / 2));
        return to > from ? (Interpolate(days, values, to) - Interpolate(days, values, from)) / (to - from) : null;
    }
}
