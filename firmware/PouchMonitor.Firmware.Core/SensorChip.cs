namespace PouchMonitor.Firmware.Core
{
    /// <summary>The Bosch chip expected at a sensor slot.</summary>
    public enum SensorChip
    {
        /// <summary>BME280, chip id 0x60.</summary>
        Bme280,

        /// <summary>BMP280, chip id 0x58.</summary>
        Bmp280,
    }
}
