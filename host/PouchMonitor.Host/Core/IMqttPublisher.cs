namespace PouchMonitor.Host.Core;

/// <summary>Publishes the host's own messages (alerts, device commands) to the broker, apart from what the host subscribes to.</summary>
public interface IMqttPublisher
{
    /// <summary>Publishes at QoS 1; false when the broker is not connected or did not take it.</summary>
    Task<bool> TryPublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken);

    /// <summary>Raised after each (re)connect, e.g. to publish retained state again.</summary>
    event Action? Connected;
}
