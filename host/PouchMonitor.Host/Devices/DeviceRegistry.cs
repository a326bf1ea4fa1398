using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Devices;

/// <summary>
/// Every device the host has heard from since it started: its last status (health), its last configuration report
/// (the sensors and their chips) and each sensor's newest reading. In memory: status and configuration are retained
/// on the broker, so they arrive again when the host reconnects.
/// </summary>
public sealed class DeviceRegistry : IPipelineObserver
{
    private readonly Dictionary<string, DeviceRecord> _devices = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public void OnReadings(ReadingBatch batch, IReadOnlyList<StoredReading> placed, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_lock)
        {
            var device = Seen(batch.DeviceId, receivedAt);
            foreach (var reading in batch.Readings)
            {
                var known = device.Latest.GetValueOrDefault(reading.SensorIndex);
                if (known?.Time is null || reading.Time is null || reading.Time >= known.Time)
                {
                    device.Latest[reading.SensorIndex] = reading;
                }
            }
        }
    }

    /// <inheritdoc />
    public void OnStatus(DeviceStatus status, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(status);
        lock (_lock)
        {
            var device = Seen(status.DeviceId, receivedAt);
            device.Status = status;
            device.Health = status.Health ?? device.Health;
        }
    }

    /// <inheritdoc />
    public void OnConfig(DeviceConfig config, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (_lock)
        {
            Seen(config.DeviceId, receivedAt).Config = config;
        }
    }

    /// <summary>Whether the host has heard from <paramref name="deviceId"/>.</summary>
    public bool Knows(string deviceId)
    {
        lock (_lock)
        {
            return _devices.ContainsKey(deviceId);
        }
    }

    /// <summary>A copy of every device's state, by id.</summary>
    public IReadOnlyList<DeviceSnapshot> Snapshot()
    {
        lock (_lock)
        {
            return [.. _devices.Values.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => new DeviceSnapshot(
                d.Id, d.LastSeen, d.Status, d.Health, d.Config, new Dictionary<int, Reading>(d.Latest)))];
        }
    }

    private DeviceRecord Seen(string deviceId, DateTimeOffset receivedAt)
    {
        if (!_devices.TryGetValue(deviceId, out var device))
        {
            device = new DeviceRecord(deviceId);
            _devices[deviceId] = device;
        }

        device.LastSeen = receivedAt > device.LastSeen ? receivedAt : device.LastSeen;
        return device;
    }

    private sealed class DeviceRecord(string id)
    {
        public string Id { get; } = id;

        public DateTimeOffset LastSeen { get; set; }

        public DeviceStatus? Status { get; set; }

        public DeviceHealth? Health { get; set; }

        public DeviceConfig? Config { get; set; }

        public Dictionary<int, Reading> Latest { get; } = [];
    }
}
