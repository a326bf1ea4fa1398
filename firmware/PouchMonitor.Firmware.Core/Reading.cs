namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// One reading of one sensor. The core reuses instances instead of allocating one per reading, so nothing here is
    /// valid after the call that filled it returns.
    /// </summary>
    public sealed class Reading
    {
        /// <summary>Boot counter of the boot that made the reading.</summary>
        public uint Boot { get; set; }

        /// <summary>Per-boot sequence number over all readings of the boot, from 0.</summary>
        public uint Sequence { get; set; }

        /// <summary>Uptime when the sensor was read, in ms.</summary>
        public long UptimeMs { get; set; }

        /// <summary>True when <see cref="UtcMs"/> holds SNTP time.</summary>
        public bool IsTimeSynced { get; set; }

        /// <summary>UTC time of the reading, Unix ms; meaningful only when <see cref="IsTimeSynced"/>.</summary>
        public long UtcMs { get; set; }

        /// <summary>Sensor index, 0–15.</summary>
        public int SensorIndex { get; set; }

        /// <summary>Absolute pressure in 0.01 Pa; meaningful only when <see cref="Fault"/> is <see cref="SensorFault.None"/>.</summary>
        public long PressureCentiPa { get; set; }

        /// <summary>Sensor temperature in 0.01 °C; meaningful only when <see cref="Fault"/> is <see cref="SensorFault.None"/>.</summary>
        public int TemperatureCentiC { get; set; }

        /// <summary>Why there is no data, or <see cref="SensorFault.None"/>.</summary>
        public SensorFault Fault { get; set; }
    }
}
