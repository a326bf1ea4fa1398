namespace PouchMonitor.Contracts;

/// <summary>The last level of a device topic <c>pouchmon/v1/{deviceId}/{kind}</c>.</summary>
public enum DeviceTopicKind
{
    /// <summary><c>readings</c>: device → host, reading batches, QoS 1, not retained.</summary>
    Readings,

    /// <summary><c>status</c>: device → host, retained; birth <c>online</c> with health, last will <c>offline</c>.</summary>
    Status,

    /// <summary><c>cmd</c>: host → device commands, QoS 1, never retained.</summary>
    Command,

    /// <summary><c>config</c>: device → host, retained, the device's reply to <c>report-config</c>.</summary>
    Config,
}
