using System.Text;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware.Core.Tests.Fakes;

internal readonly record struct Published(string Topic, byte[] Payload, bool Retain, int MessageId)
{
    public string Text => Encoding.UTF8.GetString(Payload);
}

/// <summary>
/// A broker connection in memory. With <see cref="AutoAck"/> every publish is acknowledged from inside Publish, before
/// it returns (the earliest an acknowledgement can come); otherwise the test acknowledges by id.
/// </summary>
internal sealed class FakeTransport(int expectedPublishes = 64) : IMqttTransport
{
    private IMqttListener? _listener;
    private int _nextMessageId;

    public bool BrokerUp { get; set; } = true;

    public bool AutoAck { get; set; } = true;

    public bool IsConnected { get; private set; }

    public long AckTimeoutMs => Publisher.DefaultAckTimeoutMs;

    public int ConnectAttempts { get; private set; }

    public (string ClientId, string Topic, string Payload)? LastConnect { get; private set; }

    public List<string> Subscriptions { get; } = [];

    public List<Published> Published { get; } = new(expectedPublishes);

    public bool Connect(string clientId, string willTopic, byte[] willPayload, IMqttListener listener)
    {
        ConnectAttempts++;
        LastConnect = (clientId, willTopic, Encoding.UTF8.GetString(willPayload));
        _listener = listener;
        IsConnected = BrokerUp;
        return IsConnected;
    }

    public bool Subscribe(string topicFilter)
    {
        Subscriptions.Add(topicFilter);
        return IsConnected;
    }

    public int Publish(string topic, byte[] payload, bool retain)
    {
        if (!IsConnected)
        {
            return 0;
        }

        var messageId = ++_nextMessageId;
        Published.Add(new Published(topic, payload, retain, messageId));
        if (AutoAck)
        {
            _listener!.OnPublishAcknowledged(messageId);
        }

        return messageId;
    }

    public void Disconnect() => IsConnected = false;

    /// <summary>The broker goes away: the connection drops and new ones fail.</summary>
    public void BreakConnection()
    {
        BrokerUp = false;
        IsConnected = false;
    }

    public void Acknowledge(int messageId) => _listener!.OnPublishAcknowledged(messageId);

    public void Deliver(string topic, string payload, bool retained = false) =>
        _listener!.OnMessage(topic, Encoding.UTF8.GetBytes(payload), retained);

    public IEnumerable<Published> On(string topicEnd) => Published.Where(p => p.Topic.EndsWith(topicEnd, StringComparison.Ordinal));
}
