namespace PouchMonitor.Contracts;

/// <summary>A decoded configuration report (topic <c>pouchmon/v1/{deviceId}/config</c>, retained).</summary>
/// <param name="DeviceId">The device; equal to the topic's device id.</param>
/// <param name="Boot">The device's boot counter.</param>
/// <param name="FirmwareVersion">Firmware version (<c>fw</c>).</param>
/// <param name="IntervalS">Sampling interval (<c>intervalS</c>), in s.</param>
/// <param name="PublishIntervalS">Longest wait before pending readings are published (<c>publishIntervalS</c>), in s.</param>
/// <param name="BufferCapacity">Readings the store-and-forward buffer holds (<c>capacity</c>).</param>
/// <param name="Sensors">The configured sensor slots, by increasing sensor index.</param>
public sealed record DeviceConfig(
    string DeviceId,
    uint Boot,
    string FirmwareVersion,
    int IntervalS,
    int PublishIntervalS,
    int BufferCapacity,
    IReadOnlyList<SensorSlot> Sensors);
