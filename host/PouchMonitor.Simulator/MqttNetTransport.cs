using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Simulator;

/// <summary>
/// The firmware core's <see cref="IMqttTransport"/> over an MQTTnet client: what a virtual board uses where the device
/// uses M2Mqtt. Calls block up to <see cref="Timeout"/>; a QoS 1 publish returns at once with its own message id,
/// and the broker's acknowledgement is reported to the listener when it arrives.
/// </summary>
public sealed class MqttNetTransport : IMqttTransport, IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly string _host;
    private readonly int _port;
    private readonly string? _username;
    private readonly string? _password;
    private IMqttListener? _listener;
    private int _lastMessageId;

    /// <summary>A transport to the broker at <paramref name="host"/>:<paramref name="port"/>, optionally with credentials.</summary>
    public MqttNetTransport(string host, int port, string? username = null, string? password = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        _host = host;
        _port = port;
        _username = username;
        _password = password;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            _listener?.OnMessage(message.Topic, message.Payload.ToArray(), message.Retain);
            return Task.CompletedTask;
        };
    }

    /// <summary>Longest time a connect, subscribe or disconnect may block.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Keep-alive period of the connection.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Device-clock seconds per real second of the board using this transport (the rig's speed). The broker's
    /// acknowledgement takes real time (a durable commit at the host), so the board waits for it the longer of the
    /// device's 30 s on its clock and <see cref="Timeout"/> of real time.
    /// </summary>
    public double ClockSpeed { get; init; } = 1;

    /// <inheritdoc/>
    public bool IsConnected => _client.IsConnected;

    /// <inheritdoc/>
    public long AckTimeoutMs => Math.Max(Publisher.DefaultAckTimeoutMs, (long)(Timeout.TotalMilliseconds * ClockSpeed));

    /// <inheritdoc/>
    public bool Connect(string clientId, string willTopic, byte[] willPayload, IMqttListener listener)
    {
        _listener = listener;
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(_host, _port)
            .WithClientId(clientId)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(KeepAlive)
            .WithTimeout(Timeout)
            .WithWillTopic(willTopic)
            .WithWillPayload(willPayload)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain(true);
        if (_username is not null)
        {
            options.WithCredentials(_username, _password);
        }

        return Run(async ct => (await _client.ConnectAsync(options.Build(), ct)).ResultCode == MqttClientConnectResultCode.Success);
    }

    /// <inheritdoc/>
    public bool Subscribe(string topicFilter) =>
        Run(async ct =>
        {
            var result = await _client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
            return result.Items.All(i => i.ResultCode == MqttClientSubscribeResultCode.GrantedQoS1);
        });

    /// <inheritdoc/>
    public int Publish(string topic, byte[] payload, bool retain)
    {
        if (!_client.IsConnected)
        {
            return 0;
        }

        var messageId = NextMessageId();
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        _ = AcknowledgeWhenPublishedAsync(message, messageId, _listener);
        return messageId;
    }

    /// <inheritdoc/>
    public void Disconnect() => Run(async ct =>
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), ct);
        }

        return true;
    });

    /// <summary>Disposes the MQTTnet client.</summary>
    public void Dispose() => _client.Dispose();

    private async Task AcknowledgeWhenPublishedAsync(MqttApplicationMessage message, int messageId, IMqttListener? listener)
    {
        try
        {
            var result = await _client.PublishAsync(message).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                listener?.OnPublishAcknowledged(messageId);
            }
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            // The connection died before the acknowledgement: the core sends the readings again after reconnecting.
        }
        catch (OperationCanceledException)
        {
            // Same: the client was disconnected while waiting.
        }
    }

    // Ids 1–65535 as MQTT's packet identifiers; the core only matches them, so reuse after wrapping is harmless.
    private int NextMessageId() => (Interlocked.Increment(ref _lastMessageId) % 65535) + 1;

    private bool Run(Func<CancellationToken, Task<bool>> operation)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            return operation(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            return false;
        }
    }
}
