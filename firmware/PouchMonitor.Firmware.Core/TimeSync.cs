namespace PouchMonitor.Firmware.Core
{
    /// <summary>Whether a device clock has been set (by SNTP on the board) to a time the contract accepts.</summary>
    public static class TimeSync
    {
        /// <summary>True when <paramref name="clock"/> gives a UTC time inside the contract's window; <paramref name="utcMs"/> is that time.</summary>
        public static bool IsSynced(IDeviceClock clock, out long utcMs) =>
            clock.TryGetUtcMs(out utcMs) && utcMs >= ContractLimits.MinUnixTimeMs && utcMs < ContractLimits.MaxUnixTimeMs;
    }
}
