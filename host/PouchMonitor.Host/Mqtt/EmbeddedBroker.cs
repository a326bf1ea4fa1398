using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Ingestion;

namespace PouchMonitor.Host.Mqtt;

/// <summary>
/// The host's own MQTT broker (MQTTnet), used when no external broker is configured: each device logs in
/// with its id and password and may use only its own topic branch; the host logs in with a per-process secret.
/// A device's publish is stored inside the broker's publish path and PUBACKed only once it is committed; a failed
/// write gets no PUBACK and the connection closes, so the device keeps the batch and sends it again.
/// </summary>
public sealed partial class EmbeddedBroker(IOptions<MqttOptions> options, MessageIngestor ingestor, ILogger<EmbeddedBroker> logger)
    : IHostedService, IAsyncDisposable
{
    /// <summary>Username of the host's own client.</summary>
    public const string HostUserName = "pouchmon-host";

    private readonly MqttOptions _options = options.Value;
    private MqttServer? _server;

    /// <summary>Password of the host's own client, new for each process.</summary>
    public string HostPassword { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>True while it accepts connections.</summary>
    public bool IsRunning => _server?.IsStarted == true;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.IsEmbedded)
        {
            return;
        }

        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(_options.BindAddress))
            .WithDefaultEndpointPort(_options.Port)
            .WithMaxPendingMessagesPerClient(_options.MaxPendingMessagesPerClient)
            .WithPersistentSessions()
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        await _server.StartAsync().ConfigureAwait(false);
        LogStarted(_options.BindAddress, _options.Port, _options.Devices.Count);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true })
        {
            await _server.StopAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        var expected = e.UserName == HostUserName ? HostPassword
            : e.UserName is not null && _options.Devices.TryGetValue(e.UserName, out var password) ? password
            : null;
        var known = expected is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(e.Password ?? ""), Encoding.UTF8.GetBytes(expected));
        if (!known)
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            LogRefusedLogin(e.UserName, e.ClientId);
        }

        return Task.CompletedTask;
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        if (!IsAllowed(e.UserName, topic))
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            LogRefusedPublish(e.UserName, topic);
            return;
        }

        if (e.UserName == HostUserName)
        {
            // The host's own commands and alerts are not device data.
            return;
        }

        try
        {
            await ingestor.HandleAsync(topic, e.ApplicationMessage.Payload).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // No PUBACK at all: the connection closes, so an MQTT 3.1.1 device (whose PUBACK carries no reason
            // code) keeps the batch as surely as an MQTT 5 one, and sends it again after reconnecting.
            e.ProcessPublish = false;
            e.CloseConnection = true;
            e.Response.ReasonCode = MqttPubAckReasonCode.UnspecifiedError;
            LogStoreFailed(topic, ex.Message);
        }
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        if (!IsAllowed(e.UserName, e.TopicFilter.Topic))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    /// <summary>The host may use any topic; a device only its own branch, with no wildcard reaching out of it.</summary>
    private static bool IsAllowed(string? userName, string topicOrFilter) =>
        userName == HostUserName
        || (DeviceId.IsValid(userName) && topicOrFilter.StartsWith(Topics.Prefix + userName + "/", StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Address}:{Port} for {DeviceCount} devices")]
    private partial void LogStarted(string address, int port, int deviceCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT login refused: user {UserName}, client {ClientId}")]
    private partial void LogRefusedLogin(string? userName, string clientId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a message on {Topic} failed; closing the device's connection unacknowledged, it sends the message again: {Reason}")]
    private partial void LogStoreFailed(string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT publish refused: user {UserName} may not publish to {Topic}")]
    private partial void LogRefusedPublish(string? userName, string topic);
}
