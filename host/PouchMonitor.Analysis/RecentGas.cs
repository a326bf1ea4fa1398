namespace PouchMonitor.Analysis;

/// <summary>
/// The settled readings of the last two windows before now: the last window gives an event's before value, and the
/// trend carried across its settle time is the line through the two windows' means (docs/measurement-model.md).
/// </summary>
internal sealed class RecentGas(TimeSpan window)
{
    private readonly List<(DateTimeOffset Time, double Moles)> _readings = [];

    public void Add(DateTimeOffset time, double moles)
    {
        if (window == TimeSpan.Zero)
        {
            _readings.Clear(); // one reading, even when two share a time
        }

        _readings.Add((time, moles));
        int old = _readings.FindIndex(r => r.Time >= time - (2 * window));
        _readings.RemoveRange(0, old);
    }

    /// <summary>
    /// The last window's mean, with the slope between the two windows' means when the earlier one spans at least half a
    /// window, else the last window's least-squares slope; null when no reading is held.
    /// </summary>
    public GasWindow? Value()
    {
        if (_readings.Count == 0)
        {
            return null;
        }

        var last = _readings[^1].Time;
        int split = _readings.FindIndex(r => r.Time >= last - window);
        var recent = GasWindow.Of(_readings.GetRange(split, _readings.Count - split));
        if (split == 0 || _readings[0].Time > last - (1.5 * window))
        {
            return recent;
        }

        var earlier = GasWindow.Of(_readings.GetRange(0, split));
        return recent with { MolesPerHour = (recent.Moles - earlier.Moles) / (recent.Time - earlier.Time).TotalHours };
    }

    public void Clear() => _readings.Clear();
}
