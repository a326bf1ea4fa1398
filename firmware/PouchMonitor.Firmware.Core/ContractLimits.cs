namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// The numbers of MQTT contract v1 the firmware needs (shared/PouchMonitor.Contracts/README.md); a test keeps them
    /// equal to PouchMonitor.Contracts.ContractV1, which the firmware cannot reference.
    /// </summary>
    public static class ContractLimits
    {
        /// <summary>Schema version written as <c>"v"</c>.</summary>
        public const int Version = 1;

        /// <summary>Highest sensor index.</summary>
        public const int MaxSensorIndex = 15;

        /// <summary>Most readings in one batch the firmware sends (the contract allows up to 128).</summary>
        public const int MaxBatchReadings = 32;

        /// <summary>Lowest pressure reported as data, in 0.01 Pa (30 000 Pa).</summary>
        public const long MinPressureCentiPa = 3000000;

        /// <summary>Highest pressure reported as data, in 0.01 Pa (110 000 Pa).</summary>
        public const long MaxPressureCentiPa = 11000000;

        /// <summary>Lowest temperature reported as data, in 0.01 °C (−40 °C).</summary>
        public const int MinTemperatureCentiC = -4000;

        /// <summary>Highest temperature reported as data, in 0.01 °C (85 °C).</summary>
        public const int MaxTemperatureCentiC = 8500;

        /// <summary>Earliest UTC time treated as synced, Unix ms (2020-01-01).</summary>
        public const long MinUnixTimeMs = 1577836800000;

        /// <summary>Latest accepted UTC time, Unix ms (2100-01-01).</summary>
        public const long MaxUnixTimeMs = 4102444800000;

        /// <summary>Shortest sampling or publish interval, in s.</summary>
        public const int MinIntervalS = 1;

        /// <summary>Longest sampling or publish interval, in s.</summary>
        public const int MaxIntervalS = 3600;

        /// <summary>Longest identify duration, in s.</summary>
        public const int MaxIdentifyS = 300;

        /// <summary>Longest device id, in characters.</summary>
        public const int MaxDeviceIdLength = 32;
    }
}
