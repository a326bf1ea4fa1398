namespace PouchMonitor.Analysis;

/// <summary>
/// The maximum of a sliding time window in O(1) amortised per value: a deque of values in time order
/// whose values decrease, kept in a growable ring buffer so that steady state allocates nothing.
/// </summary>
internal sealed class MonotonicWindow
{
    private (long Ticks, double Value)[] _items = new (long, double)[64];
    private int _head;
    private int _count;

    public void Clear() => (_head, _count) = (0, 0);

    /// <summary>Forgets values taken before a time.</summary>
    public void DropOlderThan(long ticks)
    {
        while (_count > 0 && _items[_head].Ticks < ticks)
        {
            _head = (_head + 1) % _items.Length;
            _count--;
        }
    }

    /// <summary>The largest value in the window; false when it is empty.</summary>
    public bool TryGetMaximum(out double value)
    {
        value = _count > 0 ? _items[_head].Value : double.NaN;
        return _count > 0;
    }

    /// <summary>Adds the newest value; older values it exceeds can never be the maximum again.</summary>
    public void Add(long ticks, double value)
    {
        while (_count > 0 && _items[(_head + _count - 1) % _items.Length].Value <= value)
        {
            _count--;
        }

        if (_count == _items.Length)
        {
            var larger = new (long, double)[_items.Length * 2];
            for (int i = 0; i < _count; i++)
            {
                larger[i] = _items[(_head + i) % _items.Length];
            }

            (_items, _head) = (larger, 0);
        }

        _items[(_head + _count) % _items.Length] = (ticks, value);
        _count++;
    }
}
