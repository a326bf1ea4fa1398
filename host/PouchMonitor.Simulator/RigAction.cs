namespace PouchMonitor.Simulator;

/// <summary>Something a rig script does at <paramref name="At"/> after the run started (a GC sample, a fault, its end).</summary>
public sealed record RigAction(TimeSpan At, string Description, Func<CancellationToken, Task> Run);
