namespace PouchMonitor.Host.Reports;

/// <summary>Thins a curve for plotting: per bucket of x, the first, lowest and highest point, so spikes stay visible.</summary>
internal static class Downsampler
{
    /// <summary>At most about 3 · <paramref name="buckets"/> points, in x order; all points when there are fewer.</summary>
    public static (double[] Xs, double[] Ys) MinMax(double[] xs, double[] ys, int buckets)
    {
        if (xs.Length <= 3 * buckets)
        {
            return (xs, ys);
        }

        var keep = new SortedSet<int> { xs.Length - 1 };
        int size = (int)Math.Ceiling((double)xs.Length / buckets);
        for (int start = 0; start < xs.Length; start += size)
        {
            int end = Math.Min(start + size, xs.Length);
            int low = start, high = start;
            for (int i = start; i < end; i++)
            {
                low = ys[i] < ys[low] ? i : low;
                high = ys[i] > ys[high] ? i : high;
            }

            keep.UnionWith([start, low, high]);
        }

        return ([.. keep.Select(i => xs[i])], [.. keep.Select(i => ys[i])]);
    }
}
