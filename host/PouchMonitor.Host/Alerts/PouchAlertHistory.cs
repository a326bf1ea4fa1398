namespace PouchMonitor.Host.Alerts;

/// <summary>What the alert rules remember of one pouch between points.</summary>
internal sealed class PouchAlertHistory
{
    private readonly List<(DateTimeOffset Time, double GasMlPerG)> _window = [];

    /// <summary>Time of the newest point evaluated; older (recomputed) points are not evaluated again.</summary>
    public DateTimeOffset LastTime { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Points in a row without the leak flag.</summary>
    public int ReadingsWithoutLeak { get; set; }

    /// <summary>
    /// Rise per hour from the newest point at least <paramref name="window"/> old to this one;
    /// null until the data spans the window.
    /// </summary>
    public double? RatePerHour(DateTimeOffset time, double gasMlPerG, TimeSpan window)
    {
        _window.Add((time, gasMlPerG));
        while (_window.Count >= 2 && time - _window[1].Time >= window)
        {
            _window.RemoveAt(0);
        }

        var start = _window[0];
        return time - start.Time >= window ? (gasMlPerG - start.GasMlPerG) / (time - start.Time).TotalHours : null;
    }
}
