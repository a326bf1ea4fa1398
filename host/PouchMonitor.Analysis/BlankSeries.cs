namespace PouchMonitor.Analysis;

/// <summary>
/// A blank vessel's apparent gas over time (its dry_gas_ml_std: no slurry, so any gas is the temperature's and the
/// sensor's), read at other vessels' reading times; see docs/measurement-model.md, "Blanks".
/// </summary>
public sealed class BlankSeries
{
    /// <summary>A point is flagged blank-gap when the blank's nearest reading is farther than this from it.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(15);

    private readonly List<DateTimeOffset> _times = [];
    private readonly List<double> _apparentMlStd = [];

    /// <summary>Takes the blank's next computed point (time order); points without gas (before its baseline) are skipped.</summary>
    public void Add(GasPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.DryGasMlStd is { } gasMl)
        {
            _times.Add(point.Time);
            _apparentMlStd.Add(gasMl);
        }
    }

    /// <summary>The time of the blank's last reading before <paramref name="time"/>; null when it has none.</summary>
    public DateTimeOffset? LastTimeBefore(DateTimeOffset time)
    {
        int index = _times.BinarySearch(time);
        int before = (index >= 0 ? index : ~index) - 1;
        return before >= 0 ? _times[before] : null;
    }

    /// <summary>
    /// Standard uncertainty in mL std of <see cref="TryGet"/>'s value from the interpolation: between two readings the
    /// blank's gas may lie anywhere between their values, |G₁ − G₀| / √12 (rectangular); 0 at a reading, outside the
    /// readings (held, flagged blank-gap when far) and without readings.
    /// </summary>
    public double InterpolationUncertaintyMl(DateTimeOffset time)
    {
        int index = _times.BinarySearch(time);
        int next = ~index;
        return index >= 0 || next == 0 || next == _times.Count
            ? 0
            : Math.Abs(_apparentMlStd[next] - _apparentMlStd[next - 1]) / Math.Sqrt(12);
    }

    /// <summary>
    /// The blank's apparent gas at a time in mL std: linear between its two readings around the time, its first or
    /// last reading's value outside them; false when it has none. <paramref name="near"/>: a reading within
    /// <see cref="Tolerance"/>.
    /// </summary>
    public bool TryGet(DateTimeOffset time, out double apparentMlStd, out bool near)
    {
        (apparentMlStd, near) = (double.NaN, false);
        if (_times.Count == 0)
        {
            return false;
        }

        int index = _times.BinarySearch(time);
        if (index >= 0)
        {
            (apparentMlStd, near) = (_apparentMlStd[index], true);
            return true;
        }

        int next = ~index;
        int before = Math.Max(next - 1, 0), after = Math.Min(next, _times.Count - 1);
        var (t0, t1) = (_times[before], _times[after]);
        near = (time - t0).Duration() <= Tolerance || (t1 - time).Duration() <= Tolerance;
        apparentMlStd = before == after
            ? _apparentMlStd[before]
            : _apparentMlStd[before] + ((_apparentMlStd[after] - _apparentMlStd[before]) * (time - t0).Ticks / (t1 - t0).Ticks);
        return true;
    }
}
