using System.Collections.Concurrent;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Dashboard;

/// <summary>
/// The trend's stored columns held in memory (16 bytes a point, about 31 MB for a two-week 10-s experiment of
/// 16 pouches), so a refresh reads only the points stored since the last one from SQLite. A write that
/// rewrites older points (an event, a GC result, a tare, a late reading) drops the pouch's entries.
/// </summary>
public sealed class SeriesCache(DashboardQueries queries) : IPipelineObserver
{
    private readonly ConcurrentDictionary<(PouchKey Pouch, string Column), Entry> _entries = new();

    /// <summary>The non-empty values of <paramref name="column"/> of a pouch, in time order, as <see cref="DashboardQueries.Series"/> gives them.</summary>
    public (double[] TimeMs, double[] Values) Series(PouchKey pouch, string column)
    {
        var entry = _entries.GetOrAdd((pouch, column), _ => new Entry());
        lock (entry)
        {
            if (entry.Stale)
            {
                entry.TimeMs.Clear();
                entry.Values.Clear();
                entry.Stale = false;
            }

            var after = entry.TimeMs.Count > 0 ? (long)entry.TimeMs[^1] : long.MinValue;
            var (timeMs, values) = queries.Series(pouch, column, after);
            entry.TimeMs.AddRange(timeMs);
            entry.Values.AddRange(values);
            return ([.. entry.TimeMs], [.. entry.Values]);
        }
    }

    /// <summary>Points of the pouch were stored: its entries are stale from the first of them on.</summary>
    public void OnPoints(Experiment experiment, ExperimentPouch pouch, IReadOnlyList<GasPoint> points)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(pouch);
        ArgumentNullException.ThrowIfNull(points);
        Written(new PouchKey(experiment.Name, pouch.Spec.Id), points.Min(p => p.Time));
    }

    private void Written(PouchKey pouch, DateTimeOffset firstTime)
    {
        var firstMs = firstTime.ToUnixTimeMilliseconds();
        foreach (var entry in _entries.Where(e => e.Key.Pouch == pouch).Select(e => e.Value))
        {
            lock (entry)
            {
                entry.Stale |= entry.TimeMs.Count > 0 && firstMs <= entry.TimeMs[^1];
            }
        }
    }

    private sealed class Entry
    {
        public List<double> TimeMs { get; } = [];

        public List<double> Values { get; } = [];

        public bool Stale { get; set; }
    }
}
