using System.Diagnostics;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Storage;
using SQLitePCL;

namespace PouchMonitor.Benchmarks;

/// <summary>
/// Reads the soak's figures from inside the process that hosts <c>serve</c>: stored readings (the host's committed-readings
/// counter), this process's CPU, its memory after a full collection (so the managed figure is live data, not garbage
/// awaiting a collection), SQLite's own allocations (page caches), the database files and the outbox.
/// </summary>
internal sealed class SoakProbe(string dataFolder, Outbox outbox, Func<long> acknowledged)
{
    private long _stored = (long)PipelineMetrics.ReadingsReceived.Value;
    private TimeSpan _cpu = CpuTime();

    /// <summary>Readings the host has committed (the soak sends no duplicates).</summary>
    public long Stored => (long)PipelineMetrics.ReadingsReceived.Value;

    /// <summary>When the lap of the next sample began.</summary>
    public TimeSpan LapStart { get; private set; }

    /// <summary>The figures of the lap since the last sample, at <paramref name="elapsed"/> into the run.</summary>
    public SoakSample Take(TimeSpan elapsed, double rigDay)
    {
        var (stored, cpu) = (Stored, CpuTime());
        var count = Math.Max(stored - _stored, 1);
        var seconds = (elapsed - LapStart).TotalSeconds;
        var cpuMs = (cpu - _cpu).TotalMilliseconds;
        (_stored, _cpu, LapStart) = (stored, cpu, elapsed);
        var liveManagedBytes = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new SoakSample(
            rigDay,
            elapsed.TotalMinutes,
            count / seconds,
            cpuMs / count,
            acknowledged() - stored,
            process.WorkingSet64 / 1e6,
            liveManagedBytes / 1e6,
            GC.GetGCMemoryInfo().TotalCommittedBytes / 1e6,
            raw.sqlite3_memory_used() / 1e6,
            DatabaseMb(),
            outbox.Backlog);
    }

    private double DatabaseMb() =>
        new[] { SqliteDatabase.FileName, SqliteDatabase.FileName + "-wal" }
            .Select(name => new FileInfo(Path.Combine(dataFolder, name)))
            .Sum(file => file.Exists ? file.Length : 0) / 1e6;

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
