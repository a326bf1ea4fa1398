using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Mqtt;

/// <summary>
/// The host's MQTT client: a fixed client id and a session that never expires, so the broker queues QoS 1
/// messages while the host is away. A message is acknowledged only after it is committed: the receive loop hands it
/// to the writer and goes on, so messages arriving meanwhile share the next commit, and the acknowledgements follow
/// in arrival order. When storing fails the client disconnects and the broker delivers the message again.
/// With the embedded broker the broker itself stores each device message before its PUBACK, so this client
/// subscribes to nothing and only publishes (commands, alerts).
/// </summary>
public sealed partial class ReadingSubscriber(
    IOptions<MqttOptions> options,
    EmbeddedBroker embeddedBroker,
    IDeviceMessageHandler ingestor,
    TimeProvider timeProvider,
    ILogger<ReadingSubscriber> logger) : BackgroundService, IMqttPublisher
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly MqttOptions _options = options.Value;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private volatile bool _subscribed;
    private Task _acknowledged = Task.CompletedTask;

    /// <summary>True while connected and subscribed.</summary>
    public bool IsConnected => _subscribed && _client.IsConnected;

    /// <summary>Why the last connection attempt failed; null once connected.</summary>
    public string? LastError { get; private set; }

    /// <inheritdoc />
    public event Action? Connected;

    /// <inheritdoc />
    public async Task<bool> TryPublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        if (!IsConnected)
        {
            return false;
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        try
        {
            var result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            return result.IsSuccess;
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_client.IsConnected)
        {
            // A normal disconnect keeps the session: its expiry interval is "never".
            await _client.DisconnectAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        var backoff = CheckInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                _subscribed = false;
                backoff = await TryConnectAsync(stoppingToken).ConfigureAwait(false)
                    ? CheckInterval
                    : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }

            await Task.Delay(_client.IsConnected ? CheckInterval : backoff, timeProvider, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await _client.ConnectAsync(BuildClientOptions(), cancellationToken).ConfigureAwait(false);
            if (!_options.IsEmbedded)
            {
                await SubscribeAsync(cancellationToken).ConfigureAwait(false);
            }

            _subscribed = true;
            LastError = null;
            LogConnected(_options.ClientId, result.IsSessionPresent);
            Connected?.Invoke();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LastError = ex.Message;
            LogConnectFailed(ex.Message);
            return false;
        }
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var topic in SubscribedTopics())
        {
            subscribe.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var granted = await _client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        if (granted.Items.FirstOrDefault(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2) is { } refused)
        {
            throw new InvalidOperationException($"the broker refused the subscription to {refused.TopicFilter.Topic}: {refused.ResultCode}");
        }

        if (_options.DeviceSet.Count > 0)
        {
            // A session kept from a run without a device set still holds the wildcard filters.
            await _client.UnsubscribeAsync(
                new MqttClientUnsubscribeOptionsBuilder()
                    .WithTopicFilter(Topics.AllReadings).WithTopicFilter(Topics.AllStatus).WithTopicFilter(Topics.AllConfig).Build(),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private IEnumerable<string> SubscribedTopics() =>
        _options.DeviceSet.Count == 0
            ? [Topics.AllReadings, Topics.AllStatus, Topics.AllConfig]
            : _options.DeviceSet.SelectMany(id => new[] { Topics.Readings(id), Topics.Status(id), Topics.Config(id) });

    private MqttClientOptions BuildClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithClientId(_options.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(uint.MaxValue)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (_options.IsEmbedded)
        {
            var host = _options.BindAddress is "0.0.0.0" or "::" ? "127.0.0.1" : _options.BindAddress;
            return builder.WithTcpServer(host, _options.Port)
                .WithCredentials(EmbeddedBroker.HostUserName, embeddedBroker.HostPassword)
                .Build();
        }

        builder.WithConnectionUri(_options.Broker!);
        if (_options.UserName is not null)
        {
            builder.WithCredentials(_options.UserName, _options.Password);
        }

        if (_options.Broker!.Scheme == "mqtts")
        {
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls().WithAllowUntrustedCertificates(_options.AllowUntrustedCertificates)
                    .WithIgnoreCertificateChainErrors(_options.AllowUntrustedCertificates);
                if (_options.CaCertificatePath is { } caPath)
                {
                    var trust = new X509Certificate2Collection();
                    trust.ImportFromPemFile(caPath);
                    tls.WithTrustChain(trust);
                }
            });
        }

        return builder.Build();
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        if (Topics.TryParseDeviceTopic(topic, out var deviceId, out _) && !_options.Takes(deviceId))
        {
            // Left in this host's session by an earlier device set: another host takes it; acknowledged, not stored.
            LogNotInDeviceSet(topic);
            return Task.CompletedTask;
        }

        e.AutoAcknowledge = false;
        Task stored;
        try
        {
            stored = ingestor.HandleAsync(topic, e.ApplicationMessage.Payload);
        }
        catch (Exception ex)
        {
            stored = Task.FromException(ex);
        }

        // The receive loop calls this handler for one message at a time, so the chain keeps arrival order.
        _acknowledged = AcknowledgeWhenStoredAsync(_acknowledged, stored, e, topic);
        return Task.CompletedTask;
    }

    private async Task AcknowledgeWhenStoredAsync(Task previous, Task stored, MqttApplicationMessageReceivedEventArgs e, string topic)
    {
        await previous.ConfigureAwait(false);
        try
        {
            await stored.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Not acknowledged: the broker keeps the message in this session and sends it again after reconnecting.
            LogStoreFailed(topic, ex.Message);
            await DisconnectQuietlyAsync().ConfigureAwait(false);
            return;
        }

        try
        {
            await e.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The connection is gone: the broker delivers the message again, and it is stored once. Any exception:
            // a client torn down by a lost connection throws a NullReferenceException here, and a link that fails
            // would fail every later one (each awaits the one before), so nothing would be acknowledged again.
            LogAckFailed(topic, ex.Message);
        }
    }

    private async Task DisconnectQuietlyAsync()
    {
        try
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // As for an acknowledgement: this link must not fail.
            LogAckFailed("(disconnect)", ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT connected as {ClientId}, session present: {SessionPresent}")]
    private partial void LogConnected(string clientId, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connect failed, will retry: {Reason}")]
    private partial void LogConnectFailed(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Acknowledging a stored message on {Topic} failed; it is delivered again: {Reason}")]
    private partial void LogAckFailed(string topic, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring a message on {Topic}: its device is not in Mqtt:DeviceSet")]
    private partial void LogNotInDeviceSet(string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a message on {Topic} failed; disconnecting so it is delivered again: {Reason}")]
    private partial void LogStoreFailed(string topic, string reason);
}
