namespace PouchMonitor.Analysis.Kinetics;

/// <summary>A replicate group's mean ± SD on a common grid of days since each member's baseline.</summary>
/// <param name="Group">The group's name.</param>
/// <param name="Members">How many pouches the group has.</param>
/// <param name="Days">The grid: days since the baseline, up to the shortest member's last day.</param>
/// <param name="Mean">Mean of the members' values at each day.</param>
/// <param name="Sd">Sample standard deviation (n − 1) at each day; NaN for a group of one.</param>
public sealed record ReplicateCurve(string Group, int Members, double[] Days, double[] Mean, double[] Sd)
{
    /// <summary>
    /// Builds the group curve: each member's curve interpolated linearly at the grid days 0, step, 2·step, … up to
    /// the shortest member's last day.
    /// </summary>
    public static ReplicateCurve Of(string group, IReadOnlyList<DaySeries> members, double stepDays)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (!(stepDays > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(stepDays), stepDays, "The grid step must be a positive number of days.");
        }

        var present = members.Where(m => m.Count > 0).ToList();
        if (present.Count == 0)
        {
            return new ReplicateCurve(group, members.Count, [], [], []);
        }

        double first = present.Max(m => m.Days[0]);
        double last = present.Min(m => m.Days[^1]);
        double[] days = [.. Enumerable.Range(0, (int)Math.Max(0, Math.Floor(last / stepDays) + 1)).Select(i => i * stepDays).Where(d => d >= first)];
        var values = days.Select(d => present.Select(m => m.ValueAt(d)).ToArray()).ToList();
        return new ReplicateCurve(group, members.Count, days, [.. values.Select(v => v.Average())], [.. values.Select(StandardDeviation)]);
    }

    /// <summary>Sample standard deviation (n − 1); NaN for fewer than two values.</summary>
    public static double StandardDeviation(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            return double.NaN;
        }

        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
