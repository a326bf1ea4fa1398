namespace PouchMonitor.Contracts;

/// <summary>One reading of one sensor, as a device published it.</summary>
/// <param name="Sequence">Per-boot sequence number over all readings of the boot (<c>seq</c>), from 0.</param>
/// <param name="UptimeMs">Device uptime when the sensor was read (<c>up</c>), in ms since boot.</param>
/// <param name="Time">
/// UTC time of the reading (<c>t</c>), or null when the device had no SNTP time yet; the host aligns such a reading
/// with a reading of the same boot that has both uptime and time.
/// </param>
/// <param name="SensorIndex">Sensor index on the board (<c>s</c>), 0–15.</param>
/// <param name="PressurePa">Absolute pressure (<c>p</c>) in Pa, 30 000–110 000; null for a fault.</param>
/// <param name="TemperatureC">Sensor temperature (<c>c</c>) in °C, −40–85; null for a fault.</param>
/// <param name="Fault">Why the sensor gave no data, or null for a data reading.</param>
public sealed record Reading(
    uint Sequence,
    long UptimeMs,
    DateTimeOffset? Time,
    int SensorIndex,
    double? PressurePa,
    double? TemperatureC,
    SensorFault? Fault);
