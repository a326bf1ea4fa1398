using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Simulator;

/// <summary>
/// A virtual board's clocks on the rig's <see cref="TimeProvider"/>: uptime since the last boot, and UTC (always synced,
/// off by <see cref="UtcOffset"/> to play a clock that an NTP correction steps).
/// </summary>
public sealed class BoardClock(TimeProvider timeProvider) : IDeviceClock
{
    private DateTimeOffset _bootedAt = timeProvider.GetUtcNow();
    private long _utcOffsetTicks;

    /// <summary>How far the board's UTC is from the rig's (zero: exact); uptime is not affected.</summary>
    public TimeSpan UtcOffset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _utcOffsetTicks));
        set => Interlocked.Exchange(ref _utcOffsetTicks, value.Ticks);
    }

    /// <inheritdoc/>
    public long UptimeMs => (long)(timeProvider.GetUtcNow() - _bootedAt).TotalMilliseconds;

    /// <summary>Starts uptime again from zero.</summary>
    public void Reboot() => _bootedAt = timeProvider.GetUtcNow();

    /// <inheritdoc/>
    public bool TryGetUtcMs(out long utcMs)
    {
        utcMs = (timeProvider.GetUtcNow() + UtcOffset).ToUnixTimeMilliseconds();
        return true;
    }
}
