namespace PouchMonitor.Host.Devices;

/// <summary>One sensor of a device as the devices page shows it.</summary>
/// <param name="Index">Sensor index on the board, 0–15.</param>
/// <param name="Chip">Configured chip (bme280, bmp280) from the configuration report, or null before one arrived.</param>
/// <param name="Status">"ok", the fault code of its newest reading, or "no data".</param>
/// <param name="LastReadingAt">Time of its newest reading, or null.</param>
/// <param name="PressureKPa">Absolute pressure of its newest data reading, kPa.</param>
/// <param name="TemperatureC">Sensor temperature of its newest data reading, °C.</param>
/// <param name="Experiment">The running experiment whose pouch it feeds, or null (unassigned).</param>
/// <param name="Pouch">That pouch's id, or null (unassigned).</param>
public sealed record SensorView(
    int Index,
    string? Chip,
    string Status,
    DateTimeOffset? LastReadingAt,
    double? PressureKPa,
    double? TemperatureC,
    string? Experiment,
    string? Pouch);
