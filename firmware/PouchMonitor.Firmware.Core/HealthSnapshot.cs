namespace PouchMonitor.Firmware.Core
{
    /// <summary>The health fields of an <c>online</c> status message; one instance is reused for every status.</summary>
    public sealed class HealthSnapshot
    {
        /// <summary>Uptime in ms.</summary>
        public long UptimeMs { get; set; }

        /// <summary>True when <see cref="UtcMs"/> holds SNTP time.</summary>
        public bool IsTimeSynced { get; set; }

        /// <summary>UTC time, Unix ms; meaningful only when <see cref="IsTimeSynced"/>.</summary>
        public long UtcMs { get; set; }

        /// <summary>Why the device last started (a lower-case token).</summary>
        public string ResetReason { get; set; } = "unknown";

        /// <summary>Free managed memory in bytes.</summary>
        public long FreeMemoryBytes { get; set; }

        /// <summary>Wi-Fi signal in dBm.</summary>
        public int WifiRssiDbm { get; set; }

        /// <summary>Readings buffered and not yet acknowledged.</summary>
        public int Buffered { get; set; }

        /// <summary>Readings dropped on buffer overflow since the buffer was created.</summary>
        public long Dropped { get; set; }

        /// <summary>Sampling interval in s.</summary>
        public int IntervalS { get; set; }

        /// <summary>Publish interval in s.</summary>
        public int PublishIntervalS { get; set; }
    }
}
