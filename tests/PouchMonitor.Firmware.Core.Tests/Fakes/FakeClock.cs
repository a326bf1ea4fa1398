using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware.Core.Tests.Fakes;

/// <summary>A clock the test moves; UTC is synced once <see cref="SyncAt"/> is given.</summary>
internal sealed class FakeClock : IDeviceClock
{
    private long? _utcAtZeroUptimeMs;

    public long UptimeMs { get; set; }

    public void Advance(long ms) => UptimeMs += ms;

    /// <summary>From now on UTC is <paramref name="utcMs"/> at the current uptime.</summary>
    public void SyncAt(long utcMs) => _utcAtZeroUptimeMs = utcMs - UptimeMs;

    public bool TryGetUtcMs(out long utcMs)
    {
        utcMs = UptimeMs + (_utcAtZeroUptimeMs ?? 0);
        return _utcAtZeroUptimeMs is not null;
    }
}
