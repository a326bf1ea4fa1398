namespace PouchMonitor.Host.Dashboard;

/// <summary>
/// M4 downsampling (Jugel et al., VLDB 2014): split the x range into one bucket per pixel column and keep, per
/// column, the first, last, lowest and highest point. A line drawn through what is kept covers the same pixels
/// as one drawn through every point, so spikes and dips survive however many points fall in a column.
/// </summary>
public static class M4Downsampler
{
    /// <summary>Appends the kept points of one series, in x order, to <paramref name="keptX"/> and <paramref name="keptY"/>.</summary>
    /// <param name="x">X values, ascending.</param>
    /// <param name="y">Y values, one per x.</param>
    /// <param name="xFrom">Left edge of the first column; points left of it are dropped.</param>
    /// <param name="xTo">Right edge of the last column; points right of it are dropped.</param>
    /// <param name="columns">Pixel columns, at least 1.</param>
    /// <param name="keptX">Receives the kept x values.</param>
    /// <param name="keptY">Receives the kept y values.</param>
    public static void Downsample(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double xFrom, double xTo, int columns, List<double> keptX, List<double> keptY)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfNotEqual(y.Length, x.Length);
        ArgumentNullException.ThrowIfNull(keptX);
        ArgumentNullException.ThrowIfNull(keptY);
        var columnWidth = xTo > xFrom ? (xTo - xFrom) / columns : 1;
        var start = 0;
        while (start < x.Length && x[start] < xFrom)
        {
            start++;
        }

        while (start < x.Length && x[start] <= xTo)
        {
            var column = Math.Min(columns - 1, (int)((x[start] - xFrom) / columnWidth));
            var end = start + 1;
            while (end < x.Length && x[end] <= xTo && Math.Min(columns - 1, (int)((x[end] - xFrom) / columnWidth)) == column)
            {
                end++;
            }

            KeepExtremes(x, y, start, end, keptX, keptY);
            start = end;
        }
    }

    private static void KeepExtremes(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int start, int end, List<double> keptX, List<double> keptY)
    {
        int min = start, max = start;
        for (var i = start + 1; i < end; i++)
        {
            if (y[i] < y[min])
            {
                min = i;
            }

            if (y[i] > y[max])
            {
                max = i;
            }
        }

        Span<int> kept = [start, Math.Min(min, max), Math.Max(min, max), end - 1];
        var previous = -1;
        foreach (var index in kept)
        {
            if (index != previous)
            {
                keptX.Add(x[index]);
                keptY.Add(y[index]);
                previous = index;
            }
        }
    }
}
