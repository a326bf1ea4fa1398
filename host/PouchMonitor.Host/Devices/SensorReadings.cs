using PouchMonitor.Host.Dashboard;

namespace PouchMonitor.Host.Devices;

/// <summary>A sensor's stored data readings, downsampled per pixel column (<c>GET /api/devices/{id}/sensors/{s}/readings</c>).</summary>
/// <param name="Device">Device id.</param>
/// <param name="Sensor">Sensor index.</param>
/// <param name="Count">Data readings stored (faults left out), before downsampling.</param>
/// <param name="Pressure">Absolute pressure, kPa.</param>
/// <param name="Temperature">Sensor temperature, °C.</param>
public sealed record SensorReadings(string Device, int Sensor, int Count, RawChannel Pressure, RawChannel Temperature);
