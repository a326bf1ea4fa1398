namespace PouchMonitor.Benchmarks;

/// <summary>What a virtual board publishes: how many batches at most, and the reading time of each batch (by its index).</summary>
internal sealed record BoardSchedule(long Batches, Func<long, DateTimeOffset> TimeOfBatch);
