using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Simulator;

/// <summary>A virtual board's clocks on the rig's <see cref="TimeProvider"/>: uptime since the last boot, and UTC (always synced).</summary>
public sealed class BoardClock(TimeProvider timeProvider) : IDeviceClock
{
    private DateTimeOffset _bootedAt = timeProvider.GetUtcNow();

    /// <inheritdoc/>
    public long UptimeMs => (long)(timeProvider.GetUtcNow() - _bootedAt).TotalMilliseconds;

    /// <summary>Starts uptime again from zero.</summary>
    public void Reboot() => _bootedAt = timeProvider.GetUtcNow();

    /// <inheritdoc/>
    public bool TryGetUtcMs(out long utcMs)
    {
        utcMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        return true;
    }
}
