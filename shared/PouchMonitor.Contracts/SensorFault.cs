namespace PouchMonitor.Contracts;

/// <summary>Why a sensor gave no data for a reading; the wire codes are in <see cref="SensorFaultCodes"/>.</summary>
public enum SensorFault
{
    /// <summary><c>chip-id</c>: the chip at the address is not the configured BME280/BMP280.</summary>
    ChipId,

    /// <summary><c>i2c</c>: bus errors persisted through retries and a re-initialisation.</summary>
    I2c,

    /// <summary><c>stuck</c>: the sensor returned identical values too many times in a row.</summary>
    Stuck,

    /// <summary><c>out-of-range</c>: a value outside the sensor's range (see <see cref="ContractV1"/>) or not a number.</summary>
    OutOfRange,
}
