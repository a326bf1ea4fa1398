using PouchMonitor.Contracts;

namespace PouchMonitor.Host.Core;

/// <summary>A raw reading placed in UTC time: identified by (device, boot, sequence).</summary>
public sealed record StoredReading(
    string DeviceId,
    uint Boot,
    uint Sequence,
    int SensorIndex,
    DateTimeOffset Time,
    double? PressurePa,
    double? TemperatureC,
    SensorFault? Fault);
