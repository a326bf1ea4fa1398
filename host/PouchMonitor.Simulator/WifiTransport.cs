using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Simulator;

/// <summary>
/// The board's MQTT transport behind its Wi-Fi link: while <see cref="LinkUp"/> is false nothing connects or is sent,
/// as when the access point is gone (the core then buffers its readings on flash).
/// </summary>
public sealed class WifiTransport(IMqttTransport inner) : IMqttTransport
{
    private volatile bool _linkUp = true;

    /// <summary>False during a Wi-Fi outage; setting it false drops the connection at once.</summary>
    public bool LinkUp
    {
        get => _linkUp;
        set
        {
            _linkUp = value;
            if (!value)
            {
                inner.Disconnect();
            }
        }
    }

    /// <inheritdoc/>
    public bool IsConnected => _linkUp && inner.IsConnected;

    /// <inheritdoc/>
    public long AckTimeoutMs => inner.AckTimeoutMs;

    /// <inheritdoc/>
    public bool Connect(string clientId, string willTopic, byte[] willPayload, IMqttListener listener) =>
        _linkUp && inner.Connect(clientId, willTopic, willPayload, listener);

    /// <inheritdoc/>
    public bool Subscribe(string topicFilter) => _linkUp && inner.Subscribe(topicFilter);

    /// <inheritdoc/>
    public int Publish(string topic, byte[] payload, bool retain) => _linkUp ? inner.Publish(topic, payload, retain) : 0;

    /// <inheritdoc/>
    public void Disconnect() => inner.Disconnect();
}
