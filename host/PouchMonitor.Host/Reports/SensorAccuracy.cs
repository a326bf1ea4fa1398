namespace PouchMonitor.Host.Reports;

/// <summary>A pressure/temperature sensor's stated accuracy, as ± limits.</summary>
/// <param name="AbsolutePressurePa">Absolute pressure accuracy: an offset common to every reading.</param>
/// <param name="RelativePressurePa">Relative pressure accuracy: the error of a difference between two readings.</param>
/// <param name="TemperatureC">Absolute temperature accuracy.</param>
internal sealed record SensorAccuracy(double AbsolutePressurePa, double RelativePressurePa, double TemperatureC)
{
    /// <summary>Bosch BME280 datasheet: pressure ±1 hPa absolute, ±0.12 hPa relative; temperature ±1 °C (0–65 °C).</summary>
    public static SensorAccuracy Bme280 { get; } = new(100, 12, 1.0);
}
