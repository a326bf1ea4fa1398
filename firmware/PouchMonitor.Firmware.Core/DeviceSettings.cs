namespace PouchMonitor.Firmware.Core
{
    /// <summary>The settings a command can change; stored on flash by <see cref="StateStore"/>.</summary>
    public sealed class DeviceSettings
    {
        /// <summary>Default sampling interval, in s.</summary>
        public const int DefaultIntervalS = 10;

        /// <summary>Sampling interval, in s (1–3600).</summary>
        public int IntervalS { get; set; } = DefaultIntervalS;

        /// <summary>Longest time a reading waits before it is published, in s (1–3600); full batches go at once.</summary>
        public int PublishIntervalS { get; set; } = DefaultIntervalS;

        /// <summary>True when <paramref name="intervalS"/> is an allowed sampling or publish interval.</summary>
        public static bool IsValidInterval(long intervalS) =>
            intervalS >= ContractLimits.MinIntervalS && intervalS <= ContractLimits.MaxIntervalS;
    }
}
