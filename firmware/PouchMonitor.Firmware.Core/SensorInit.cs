namespace PouchMonitor.Firmware.Core
{
    /// <summary>Outcome of <see cref="ISensorPort.Initialize"/>.</summary>
    public enum SensorInit
    {
        /// <summary>The chip answered with the expected chip id and is configured.</summary>
        Ok,

        /// <summary>A chip answered with another chip id than the slot's <see cref="SensorChip"/> expects.</summary>
        WrongChipId,

        /// <summary>The chip did not answer on the bus (no ACK, bus error, multiplexer not answering).</summary>
        BusError,
    }
}
