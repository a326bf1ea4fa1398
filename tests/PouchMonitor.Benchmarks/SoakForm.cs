using System.Globalization;

namespace PouchMonitor.Benchmarks;

/// <summary>
/// The soak's time: real time for <see cref="Duration"/> (readings stamped now, a sample every 30 s), or accelerated over
/// <see cref="RigDays"/> (each board's readings 10 s apart in rig time, a sample each time a further rig day is stored).
/// </summary>
internal sealed record SoakForm(TimeSpan? Duration, int RigDays)
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RigInterval = TimeSpan.FromSeconds(10);

    private long ReadingsPerRigDay => (long)(TimeSpan.FromDays(1) / RigInterval) * SoakBenchmark.Boards * SoakBenchmark.Sensors;

    public static SoakForm RealTime(TimeSpan duration) => new(duration, 0);

    public static SoakForm Accelerated(int rigDays) => new(null, rigDays);

    public string Describe() => RigDays > 0
        ? string.Create(CultureInfo.InvariantCulture,
            $"{RigDays} rig days at {RigInterval.TotalSeconds:F0}-s readings ({RigDays * ReadingsPerRigDay:N0} readings, the first {RigDays} days before now), sampled per rig day")
        : string.Create(CultureInfo.InvariantCulture, $"{Duration!.Value.TotalMinutes:F0} min in real time, sampled every {SampleInterval.TotalSeconds:F0} s");

    /// <summary>Every board's batches from <paramref name="start"/> on.</summary>
    public BoardSchedule Schedule(DateTimeOffset start)
    {
        if (RigDays == 0)
        {
            return BoardSchedule.Live;
        }

        var first = start - TimeSpan.FromDays(RigDays);
        return new BoardSchedule((long)(TimeSpan.FromDays(RigDays) / RigInterval), batch => first + (RigInterval * batch));
    }

    /// <summary>Whether the next sample is due, <paramref name="lap"/> after the last and with <paramref name="stored"/> readings stored.</summary>
    public bool IsSampleDue(int taken, TimeSpan lap, long stored) =>
        RigDays > 0 ? stored >= (taken + 1) * ReadingsPerRigDay : lap >= SampleInterval;

    /// <summary>The rig day reached: the stored readings' (all boards advance together), or in real time the elapsed time.</summary>
    public double RigDay(TimeSpan elapsed, long stored) => RigDays > 0 ? (double)stored / ReadingsPerRigDay : elapsed.TotalDays;
}
