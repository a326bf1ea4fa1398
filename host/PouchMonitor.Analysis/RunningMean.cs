namespace PouchMonitor.Analysis;

/// <summary>The mean of the values of a sliding time window (t − width, t], in O(1) amortised per value.</summary>
internal sealed class RunningMean
{
    private readonly long _widthTicks;
    private readonly Queue<(long Ticks, double Value)> _values = new();
    private double _sum;

    public RunningMean(TimeSpan width) => _widthTicks = width.Ticks;

    public void Clear()
    {
        _values.Clear();
        _sum = 0;
    }

    /// <summary>Adds the newest value and returns the mean of the window that ends with it.</summary>
    public double Add(long ticks, double value)
    {
        _values.Enqueue((ticks, value));
        _sum += value;
        while (_values.Peek().Ticks <= ticks - _widthTicks)
        {
            _sum -= _values.Dequeue().Value;
        }

        return _sum / _values.Count;
    }
}
