using System.Collections.Concurrent;
using PouchMonitor.Contracts;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Host.Tests.Reliability;

/// <summary>
/// A board's transport that keeps every reading the board publishes, by (device, boot, seq): what the board sent, the
/// truth the host's store is compared with. With <see cref="SendTwice"/> every batch goes out a second time.
/// </summary>
internal sealed class TappedTransport(string deviceId, IMqttTransport inner, ConcurrentDictionary<ReadingKey, Contracts.Reading> sent) : IMqttTransport
{
    private readonly string _readingsTopic = Topics.Readings(deviceId);
    private volatile bool _sendTwice;

    /// <summary>Publishes each batch twice (as a broker redelivering, or a board resending after a lost PUBACK).</summary>
    public bool SendTwice
    {
        get => _sendTwice;
        set => _sendTwice = value;
    }

    public bool IsConnected => inner.IsConnected;

    public long AckTimeoutMs => inner.AckTimeoutMs;

    public bool Connect(string clientId, string willTopic, byte[] willPayload, IMqttListener listener) =>
        inner.Connect(clientId, willTopic, willPayload, listener);

    public bool Subscribe(string topicFilter) => inner.Subscribe(topicFilter);

    public int Publish(string topic, byte[] payload, bool retain)
    {
        var messageId = inner.Publish(topic, payload, retain);
        if (messageId != 0 && topic == _readingsTopic)
        {
            var batch = ReadingBatchDecoder.Decode(deviceId, payload).Value
                ?? throw new InvalidOperationException($"{deviceId} published a batch that breaks the contract");
            foreach (var reading in batch.Readings)
            {
                sent[new ReadingKey(deviceId, batch.Boot, reading.Sequence)] = reading;
            }

            if (_sendTwice)
            {
                inner.Publish(topic, payload, retain);
            }
        }

        return messageId;
    }

    public void Disconnect() => inner.Disconnect();
}
