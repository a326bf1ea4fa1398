using PouchMonitor.Contracts;
using PouchMonitor.Host.Ingestion;

namespace PouchMonitor.Host.Devices;

/// <summary>A device as the devices page shows it (<c>GET /api/devices</c>).</summary>
/// <param name="Id">Device id.</param>
/// <param name="State">"online" or "offline" from its last status, or "unknown" before a status arrived.</param>
/// <param name="Boot">Boot counter, from its last status or configuration report.</param>
/// <param name="FirmwareVersion">Firmware version.</param>
/// <param name="LastSeen">When the host last received a message of it (host clock).</param>
/// <param name="LastSeenAgeS">Seconds from <paramref name="LastSeen"/> to when this answer was made.</param>
/// <param name="WifiRssiDbm">Wi-Fi signal of its last online status, dBm.</param>
/// <param name="FreeMemoryBytes">Free managed memory, bytes.</param>
/// <param name="Buffered">Readings buffered on the device, not yet acknowledged by the broker.</param>
/// <param name="Dropped">Readings dropped by a full buffer since the buffer was created.</param>
/// <param name="IntervalS">Sampling interval, s.</param>
/// <param name="ResetReason">Why it last started.</param>
/// <param name="Sensors">Its sensors, by index: the configured ones and any that sent readings.</param>
public sealed record DeviceView(
    string Id,
    string State,
    uint? Boot,
    string? FirmwareVersion,
    DateTimeOffset LastSeen,
    double LastSeenAgeS,
    int? WifiRssiDbm,
    long? FreeMemoryBytes,
    int? Buffered,
    long? Dropped,
    int? IntervalS,
    string? ResetReason,
    IReadOnlyList<SensorView> Sensors)
{
    /// <summary>The view of <paramref name="device"/>, with each sensor's pouch looked up in <paramref name="catalog"/>.</summary>
    public static DeviceView Of(DeviceSnapshot device, ExperimentCatalog catalog, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(catalog);
        var chips = device.Config?.Sensors.ToDictionary(s => s.SensorIndex, s => s.Chip) ?? [];
        var sensors = chips.Keys.Union(device.Latest.Keys).Order().Select(index =>
        {
            var reading = device.Latest.GetValueOrDefault(index);
            var assigned = catalog.TryFindBySource(device.Id, index, out var experiment, out var pouch);
            return new SensorView(
                index,
                chips.TryGetValue(index, out var chip) ? chip.ToString().ToLowerInvariant() : null,
                reading is null ? "no data" : reading.Fault is { } fault ? SensorFaultCodes.ToCode(fault) : "ok",
                reading?.Time,
                reading?.PressurePa / 1000,
                reading?.TemperatureC,
                assigned ? experiment.Name : null,
                assigned ? pouch.Spec.Id : null);
        }).ToList();
        var health = device.Health;
        return new DeviceView(
            device.Id,
            device.Status is null ? "unknown" : device.Status.State == DeviceState.Online ? "online" : "offline",
            device.Status?.Boot ?? device.Config?.Boot,
            health?.FirmwareVersion ?? device.Config?.FirmwareVersion,
            device.LastSeen,
            Math.Max(0, (now - device.LastSeen).TotalSeconds),
            health?.WifiRssiDbm,
            health?.FreeMemoryBytes,
            health?.Buffered,
            health?.Dropped,
            health?.IntervalS ?? device.Config?.IntervalS,
            health?.ResetReason,
            sensors);
    }
}
