namespace PouchMonitor.Analysis;

/// <summary>The settled readings of the last window before now, from which an event's before value is taken.</summary>
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
        int old = _readings.FindIndex(r => r.Time >= time - window);
        _readings.RemoveRange(0, old);
    }

    /// <summary>The window's value; null when no reading is held.</summary>
    public GasWindow? Value() => _readings.Count == 0 ? null : GasWindow.Of(_readings);

    public void Clear() => _readings.Clear();
}
