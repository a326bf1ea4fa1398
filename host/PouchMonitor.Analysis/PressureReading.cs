namespace PouchMonitor.Analysis;

/// <summary>One valid sensor reading of a vessel.</summary>
/// <param name="Time">When it was taken.</param>
/// <param name="PressurePa">Absolute pressure in Pa.</param>
/// <param name="TemperatureC">Gas temperature in °C (the sensor's).</param>
public readonly record struct PressureReading(DateTimeOffset Time, double PressurePa, double TemperatureC);
