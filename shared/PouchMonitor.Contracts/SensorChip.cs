namespace PouchMonitor.Contracts;

/// <summary>The Bosch chip configured at a sensor slot (<c>"chip"</c> in a configuration report).</summary>
public enum SensorChip
{
    /// <summary><c>bme280</c>: pressure, temperature, humidity (chip id 0x60).</summary>
    Bme280,

    /// <summary><c>bmp280</c>: pressure, temperature (chip id 0x58).</summary>
    Bmp280,
}
