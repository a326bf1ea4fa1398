namespace PouchMonitor.Host.Experiments;

/// <summary>Which sensor of which board reads a pouch.</summary>
/// <param name="Device">The board's device id, e.g. "esp32-3c71bf".</param>
/// <param name="Sensor">The sensor index on that board, 0–15.</param>
public sealed record PouchSource(string Device, int Sensor);
