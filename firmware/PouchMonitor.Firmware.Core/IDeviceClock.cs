namespace PouchMonitor.Firmware.Core
{
    /// <summary>The device's clocks, implemented by the device layer.</summary>
    public interface IDeviceClock
    {
        /// <summary>Milliseconds since boot; never goes back.</summary>
        long UptimeMs { get; }

        /// <summary>
        /// Current UTC time as Unix milliseconds, once SNTP has set the clock; false before the first sync
        /// (the readings of that period carry only uptime and the host aligns them later).
        /// </summary>
        bool TryGetUtcMs(out long utcMs);
    }
}
