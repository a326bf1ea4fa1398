namespace PouchMonitor.Host.Mqtt;

/// <summary>Who may use which topic under <c>pouchmon/v1/</c>: a device only its own <c>pouchmon/v1/{deviceId}/</c> branch.</summary>
public static class Topics
{
    /// <summary>Root of every PouchMonitor topic.</summary>
    public const string Root = "pouchmon/v1/";

    /// <summary>The level the host publishes alerts under, so no device may take it as its id.</summary>
    public const string AlertsLevel = "alerts";

    /// <summary>True when <paramref name="deviceId"/> can be one topic level of its own.</summary>
    public static bool IsValidDeviceId(string deviceId) =>
        deviceId.Length is > 0 and <= 64
        && deviceId != AlertsLevel
        && deviceId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The device id a topic belongs to, if it is <c>pouchmon/v1/{deviceId}/…</c>.</summary>
    public static bool TryGetDeviceId(string topic, out string deviceId)
    {
        deviceId = "";
        if (!topic.StartsWith(Root, StringComparison.Ordinal))
        {
            return false;
        }

        var end = topic.IndexOf('/', Root.Length);
        if (end < 0)
        {
            return false;
        }

        deviceId = topic[Root.Length..end];
        return IsValidDeviceId(deviceId);
    }

    /// <summary>A device may publish and subscribe only below its own branch, with no wildcard reaching out of it.</summary>
    public static bool IsDeviceAllowed(string deviceId, string topicOrFilter) =>
        topicOrFilter.StartsWith(Root + deviceId + "/", StringComparison.Ordinal);
}
