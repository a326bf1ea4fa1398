namespace PouchMonitor.Firmware.Core.Tests.Broker;

/// <summary>
/// A transport that knows whether the broker has acknowledged everything published on the current connection, so a
/// test's device loop can wait for the broker (a fact) before it advances the device clock, instead of sleeping.
/// </summary>
internal sealed class AckWaitingTransport(IMqttTransport inner) : IMqttTransport
{
    private int _awaiting;

    /// <summary>True when no publish waits for its PUBACK, or the connection is down (nothing will come).</summary>
    public bool Settled => !inner.IsConnected || Volatile.Read(ref _awaiting) <= 0;

    public bool IsConnected => inner.IsConnected;

    public long AckTimeoutMs => inner.AckTimeoutMs;

    public bool Connect(string clientId, string willTopic, byte[] willPayload, IMqttListener listener)
    {
        Interlocked.Exchange(ref _awaiting, 0);
        return inner.Connect(clientId, willTopic, willPayload, new Listener(this, listener));
    }

    public bool Subscribe(string topicFilter) => inner.Subscribe(topicFilter);

    public int Publish(string topic, byte[] payload, bool retain)
    {
        var messageId = inner.Publish(topic, payload, retain);
        if (messageId != 0)
        {
            Interlocked.Increment(ref _awaiting);
        }

        return messageId;
    }

    public void Disconnect() => inner.Disconnect();

    private sealed class Listener(AckWaitingTransport owner, IMqttListener inner) : IMqttListener
    {
        public void OnPublishAcknowledged(int messageId)
        {
            inner.OnPublishAcknowledged(messageId);
            Interlocked.Decrement(ref owner._awaiting);
        }

        public void OnMessage(string topic, byte[] payload, bool retained) => inner.OnMessage(topic, payload, retained);
    }
}
