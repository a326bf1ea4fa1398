using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Ingestion;

/// <summary>A pouch to recompute at the end of the current group commit, and the readings the group brought it.</summary>
internal sealed class PendingRebuild(Experiment experiment, ExperimentPouch pouch, List<StoredReading> readings)
{
    public Experiment Experiment { get; } = experiment;

    public ExperimentPouch Pouch { get; } = pouch;

    public List<StoredReading> NewReadings { get; } = readings;

    /// <summary>The earliest new reading's time: points from here on are rewritten.</summary>
    public DateTimeOffset ChangedFrom { get; private set; } = readings[0].Time;

    /// <summary>Rewrites the points from <paramref name="time"/> on too (its blank changed there).</summary>
    public void Include(DateTimeOffset time)
    {
        if (time < ChangedFrom)
        {
            ChangedFrom = time;
        }
    }

    public void Add(List<StoredReading> readings)
    {
        NewReadings.AddRange(readings);
        if (readings[0].Time < ChangedFrom)
        {
            ChangedFrom = readings[0].Time;
        }
    }
}
