using System.Globalization;

namespace PouchMonitor.Benchmarks;

/// <summary>One sample of the soak: the lap since the previous one, and the state at its end.</summary>
/// <param name="RigDay">Rig day reached (real time: days elapsed).</param>
/// <param name="Minute">Wall-clock minutes since the boards began.</param>
/// <param name="Rate">Readings stored per second over the lap.</param>
/// <param name="CpuMsPerReading">This process's CPU (boards and host) per stored reading over the lap, ms.</param>
/// <param name="QueuedReadings">Readings the broker had acknowledged to the boards and the host not yet stored.</param>
/// <param name="WorkingSetMb">This process's working set, MB.</param>
/// <param name="LiveManagedMb">Managed heap after a full collection, MB.</param>
/// <param name="GcCommittedMb">Memory the GC has committed, MB.</param>
/// <param name="SqliteMb">SQLite's own allocations (page caches, statements), MB.</param>
/// <param name="DatabaseMb">The database file and its WAL, MB.</param>
/// <param name="OutboxLines">Lines waiting for the time-series database.</param>
internal sealed record SoakSample(
    double RigDay, double Minute, double Rate, double CpuMsPerReading, long QueuedReadings,
    double WorkingSetMb, double LiveManagedMb, double GcCommittedMb, double SqliteMb, double DatabaseMb, long OutboxLines)
{
    public static void PrintHeader() =>
        Console.WriteLine($"{"rig day",7} {"minute",7} {"readings/s",10} {"CPU ms/rdg",10} {"queued rdg",10} {"working set MB",14} "
            + $"{"live managed MB",15} {"GC committed MB",15} {"SQLite MB",9} {"database MB",11} {"outbox lines",12}");

    public void Print() =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{RigDay,7:F2} {Minute,7:F1} {Rate,10:F0} {CpuMsPerReading,10:F3} {QueuedReadings,10} {WorkingSetMb,14:F0} "
            + $"{LiveManagedMb,15:F1} {GcCommittedMb,15:F0} {SqliteMb,9:F1} {DatabaseMb,11:F0} {OutboxLines,12}"));
}
