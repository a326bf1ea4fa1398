namespace PouchMonitor.Benchmarks;

/// <summary>What a virtual board publishes: how many batches at most, and the reading time of each batch (by its index).</summary>
internal sealed record BoardSchedule(long Batches, Func<long, DateTimeOffset> TimeOfBatch)
{
    /// <summary>Batches until stopped, each stamped with the time it is made.</summary>
    public static BoardSchedule Live { get; } = new(long.MaxValue, _ => DateTimeOffset.UtcNow);
}
