using PouchMonitor.Contracts;

namespace PouchMonitor.Host.Devices;

/// <summary>What the host knows of one device at one moment.</summary>
/// <param name="Id">The device id.</param>
/// <param name="LastSeen">When the host last received any message of it.</param>
/// <param name="Status">Its last status message, or null if none arrived yet.</param>
/// <param name="Health">The health of its last online status (kept when it goes offline), or null.</param>
/// <param name="Config">Its last configuration report, or null.</param>
/// <param name="Latest">Each sensor's newest reading, by sensor index.</param>
public sealed record DeviceSnapshot(
    string Id,
    DateTimeOffset LastSeen,
    DeviceStatus? Status,
    DeviceHealth? Health,
    DeviceConfig? Config,
    IReadOnlyDictionary<int, Reading> Latest);
