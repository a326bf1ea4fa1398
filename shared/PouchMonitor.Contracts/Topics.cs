namespace PouchMonitor.Contracts;

/// <summary>Builds and parses the MQTT topics of contract v1.</summary>
public static class Topics
{
    /// <summary>Common prefix of every v1 topic.</summary>
    public const string Prefix = "pouchmon/v1/";

    /// <summary>Subscription filter for every device's reading batches.</summary>
    public const string AllReadings = Prefix + "+/readings";

    /// <summary>Subscription filter for every device's status.</summary>
    public const string AllStatus = Prefix + "+/status";

    /// <summary>Subscription filter for every device's configuration report.</summary>
    public const string AllConfig = Prefix + "+/config";

    /// <summary>Subscription filter for every alert the host publishes.</summary>
    public const string AllAlerts = Prefix + DeviceId.ReservedAlerts + "/#";

    /// <summary>Topic of a device's reading batches.</summary>
    public static string Readings(string deviceId) => Device(deviceId, "readings");

    /// <summary>Topic of a device's retained status.</summary>
    public static string Status(string deviceId) => Device(deviceId, "status");

    /// <summary>Topic the device subscribes to for commands.</summary>
    public static string Command(string deviceId) => Device(deviceId, "cmd");

    /// <summary>Topic of a device's retained configuration report.</summary>
    public static string Config(string deviceId) => Device(deviceId, "config");

    /// <summary>Retained alert topic of one pouch, published by the host: <c>pouchmon/v1/alerts/{experiment}/{pouch}</c>.</summary>
    /// <exception cref="ArgumentException">A level is empty or contains '/', '+', '#' or a control character.</exception>
    public static string Alert(string experiment, string pouch)
    {
        ThrowIfBadLevel(experiment, nameof(experiment));
        ThrowIfBadLevel(pouch, nameof(pouch));
        return Prefix + DeviceId.ReservedAlerts + "/" + experiment + "/" + pouch;
    }

    /// <summary>Parses <c>pouchmon/v1/{deviceId}/{kind}</c>; false for any other topic or an invalid device id.</summary>
    public static bool TryParseDeviceTopic(string? topic, out string deviceId, out DeviceTopicKind kind)
    {
        deviceId = "";
        kind = default;
        if (topic is null || !topic.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = topic.AsSpan(Prefix.Length);
        var slash = rest.IndexOf('/');
        if (slash < 0 || !TryParseKind(rest[(slash + 1)..], out kind))
        {
            return false;
        }

        var id = rest[..slash].ToString();
        if (!DeviceId.IsValid(id))
        {
            return false;
        }

        deviceId = id;
        return true;
    }

    private static bool TryParseKind(ReadOnlySpan<char> level, out DeviceTopicKind kind)
    {
        kind = level switch
        {
            "readings" => DeviceTopicKind.Readings,
            "status" => DeviceTopicKind.Status,
            "cmd" => DeviceTopicKind.Command,
            "config" => DeviceTopicKind.Config,
            _ => (DeviceTopicKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    private static string Device(string deviceId, string kind)
    {
        if (!DeviceId.IsValid(deviceId))
        {
            throw new ArgumentException($"'{deviceId}' is not a valid device id.", nameof(deviceId));
        }

        return Prefix + deviceId + "/" + kind;
    }

    private static void ThrowIfBadLevel(string level, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(level, paramName);
        foreach (var c in level)
        {
            if (c is '/' or '+' or '#' || char.IsControl(c))
            {
                throw new ArgumentException($"'{level}' cannot be an MQTT topic level.", paramName);
            }
        }
    }
}
