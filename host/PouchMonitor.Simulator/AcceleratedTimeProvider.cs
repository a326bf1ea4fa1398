namespace PouchMonitor.Simulator;

/// <summary>
/// A clock that runs <see cref="Speed"/> times faster than real time from <see cref="Start"/>: the one clock the
/// virtual boards and the host share in a demo, so readings, alerts and silence timers agree. Timers run faster too.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly long _startTimestamp = System.GetTimestamp();

    /// <summary>A clock at <paramref name="start"/> now, running <paramref name="speed"/> times faster than real time.</summary>
    public AcceleratedTimeProvider(DateTimeOffset start, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1.0);
        Start = start;
        Speed = speed;
    }

    /// <summary>The simulated time when the clock was made.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Simulated seconds per real second (at least 1).</summary>
    public double Speed { get; }

    /// <summary>Simulated time elapsed since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => System.GetElapsedTime(_startTimestamp) * Speed;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => Start + Elapsed;

    /// <inheritdoc/>
    public override long GetTimestamp() => Elapsed.Ticks;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, ToReal(dueTime), ToReal(period));

    /// <summary>The real time that <paramref name="simulated"/> takes on this clock (infinite stays infinite).</summary>
    public TimeSpan ToReal(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan ? simulated : simulated / Speed;
}
