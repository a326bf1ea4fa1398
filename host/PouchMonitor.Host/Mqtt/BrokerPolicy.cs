using PouchMonitor.Contracts;

namespace PouchMonitor.Host.Mqtt;

/// <summary>What the embedded broker lets a client do beyond its topic branch: client ids, packet sizes, retained messages.</summary>
public static class BrokerPolicy
{
    /// <summary>Largest PUBLISH payload the broker takes, in bytes: the contract's limit plus room for a host's alert.</summary>
    public const int MaxPayloadBytes = ContractV1.MaxPayloadBytes + (4 * 1024);

    /// <summary>
    /// A device's client id is its device id, so no device takes over another's session or the host's; the host's
    /// login (a per-process secret) may use any client id.
    /// </summary>
    public static bool IsClientIdAllowed(string? userName, string clientId) =>
        userName == EmbeddedBroker.HostUserName || clientId == userName;

    /// <summary>Why a retained publish is refused, or null: only status and config (devices) and alerts (host) are retained.</summary>
    public static string? RetainRefusal(string? userName, string topic)
    {
        if (userName == EmbeddedBroker.HostUserName)
        {
            return topic.StartsWith(Topics.Prefix + DeviceId.ReservedAlerts + "/", StringComparison.Ordinal)
                ? null
                : $"the host retains only alerts, not {topic}";
        }

        return Topics.TryParseDeviceTopic(topic, out _, out var kind) && kind is DeviceTopicKind.Status or DeviceTopicKind.Config
            ? null
            : $"{topic} is never retained (contract v1)";
    }
}
