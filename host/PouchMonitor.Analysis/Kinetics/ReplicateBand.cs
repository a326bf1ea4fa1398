namespace PouchMonitor.Analysis.Kinetics;

/// <summary>
/// A replicate group's mean ± SD over a range of days with a bounded number of points, for a chart: each member's
/// points in the range are averaged in bins of one grid step, and <see cref="ReplicateCurve.Of"/> takes mean and SD
/// of the members' bin means interpolated at the common grid days. The step is the range split into
/// <c>maxPoints</c> steps, but never shorter than <c>minStepDays</c>, so the band averages out an oven's ripple
/// however far the chart is zoomed.
/// </summary>
public static class ReplicateBand
{
    /// <summary>The group's band between <paramref name="fromDays"/> and <paramref name="toDays"/>: at most <paramref name="maxPoints"/> + 1 days.</summary>
    /// <param name="group">The group's name.</param>
    /// <param name="members">Each member's curve against days since its own baseline.</param>
    /// <param name="fromDays">Start of the range, days since the baseline.</param>
    /// <param name="toDays">End of the range, after <paramref name="fromDays"/>.</param>
    /// <param name="maxPoints">Grid steps in the range, at least 1.</param>
    /// <param name="minStepDays">Shortest grid step in days, &gt; 0.</param>
    public static ReplicateCurve Of(string group, IReadOnlyList<DaySeries> members, double fromDays, double toDays, int maxPoints, double minStepDays)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        if (!double.IsFinite(fromDays) || !double.IsFinite(toDays) || !(toDays > fromDays))
        {
            throw new ArgumentOutOfRangeException(nameof(toDays), toDays, "The range must be finite days with its end after its start.");
        }

        if (!(minStepDays > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(minStepDays), minStepDays, "The shortest step must be a positive number of days.");
        }

        double stepDays = StepDays(fromDays, toDays, maxPoints, minStepDays);
        var binned = members.Select(m => Between(m, fromDays - stepDays, toDays + stepDays).BinMeans(stepDays)).ToList();
        var curve = ReplicateCurve.Of(group, binned, stepDays);
        int first = Array.FindIndex(curve.Days, d => d >= fromDays);
        int last = Array.FindLastIndex(curve.Days, d => d <= toDays);
        return first < 0 || last < first
            ? curve with { Days = [], Mean = [], Sd = [] }
            : curve with { Days = curve.Days[first..(last + 1)], Mean = curve.Mean[first..(last + 1)], Sd = curve.Sd[first..(last + 1)] };
    }

    /// <summary>The grid step <see cref="Of"/> uses for a range, in days.</summary>
    public static double StepDays(double fromDays, double toDays, int maxPoints, double minStepDays) =>
        Math.Max(minStepDays, (toDays - fromDays) / maxPoints);

    private static DaySeries Between(DaySeries series, double fromDays, double toDays)
    {
        int first = Array.FindIndex(series.Days, d => d >= fromDays);
        int last = Array.FindLastIndex(series.Days, d => d <= toDays);
        return first < 0 || last < first
            ? new DaySeries([], [])
            : new DaySeries(series.Days[first..(last + 1)], series.Values[first..(last + 1)]);
    }
}
