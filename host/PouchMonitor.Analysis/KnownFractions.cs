namespace PouchMonitor.Analysis;

/// <summary>Percentages known at points in time, read linearly in between and held after the last.</summary>
internal sealed class KnownFractions
{
    private readonly List<(DateTimeOffset Time, double Percent)> _points = [];

    public int Count => _points.Count;

    /// <summary>The earliest known point; only when <see cref="Count"/> &gt; 0.</summary>
    public (DateTimeOffset Time, double Percent) First => _points[0];

    /// <summary>Adds a point; points must come in increasing time order.</summary>
    public void Add(DateTimeOffset time, double percent)
    {
        if (_points.Count > 0 && time <= _points[^1].Time)
        {
            throw new ArgumentException("Known points must be added in increasing time order.", nameof(time));
        }

        _points.Add((time, percent));
    }

    /// <summary>The percentage at a time, or false before the first known point.</summary>
    public bool TryGet(DateTimeOffset time, out double percent, out H2Basis basis)
    {
        int index = _points.BinarySearch((time, 0), TimeComparer.Instance);
        if (index >= 0)
        {
            (percent, basis) = (_points[index].Percent, H2Basis.Measured);
            return true;
        }

        int next = ~index;
        if (next == 0)
        {
            (percent, basis) = (double.NaN, H2Basis.Measured);
            return false;
        }

        if (next == _points.Count)
        {
            (percent, basis) = (_points[^1].Percent, H2Basis.Extrapolated);
            return true;
        }

        var (t0, x0) = _points[next - 1];
        var (t1, x1) = _points[next];
        double fraction = (double)(time - t0).Ticks / (t1 - t0).Ticks;
        (percent, basis) = (x0 + ((x1 - x0) * fraction), H2Basis.Interpolated);
        return true;
    }

    private sealed class TimeComparer : IComparer<(DateTimeOffset Time, double Percent)>
    {
        public static readonly TimeComparer Instance = new();

        public int Compare((DateTimeOffset Time, double Percent) x, (DateTimeOffset Time, double Percent) y) => x.Time.CompareTo(y.Time);
    }
}
