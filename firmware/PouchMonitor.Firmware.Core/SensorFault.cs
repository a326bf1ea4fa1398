namespace PouchMonitor.Firmware.Core
{
    /// <summary>Why a reading carries no data; <see cref="None"/> for a data reading.</summary>
    public enum SensorFault
    {
        /// <summary>A data reading.</summary>
        None = 0,

        /// <summary><c>chip-id</c>: another chip answered at the address.</summary>
        ChipId = 1,

        /// <summary><c>i2c</c>: bus errors through the retries and a re-initialisation.</summary>
        I2c = 2,

        /// <summary><c>stuck</c>: identical values <see cref="SensorChannel.StuckLimit"/> times in a row.</summary>
        Stuck = 3,

        /// <summary><c>out-of-range</c>: a value outside the sensor's range, or NaN.</summary>
        OutOfRange = 4,
    }
}
