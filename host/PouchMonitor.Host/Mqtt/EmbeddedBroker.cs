using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Devices;

namespace PouchMonitor.Host.Mqtt;

/// <summary>
/// The host's own MQTT broker (MQTTnet), used when no external broker is configured: each device logs in
/// with its id and password (from <c>Mqtt:Devices</c>, or made by <c>pouchmon device add</c> and kept hashed in
/// <see cref="DeviceCredentialStore"/>) and may use only its own topic branch; the host logs in with a per-process secret.
/// </summary>
public sealed partial class EmbeddedBroker(IOptions<MqttOptions> options, DeviceCredentialStore credentials, ILogger<EmbeddedBroker> logger)
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
        var known = expected is not null
            ? CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(e.Password ?? ""), Encoding.UTF8.GetBytes(expected))
            : e.UserName is not null && credentials.Verify(e.UserName, e.Password ?? "");
        if (!known)
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            LogRefusedLogin(e.UserName, e.ClientId);
        }

        return Task.CompletedTask;
    }

    private Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        if (!IsAllowed(e.UserName, e.ApplicationMessage.Topic))
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            LogRefusedPublish(e.UserName, e.ApplicationMessage.Topic);
        }

        return Task.CompletedTask;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT publish refused: user {UserName} may not publish to {Topic}")]
    private partial void LogRefusedPublish(string? userName, string topic);
}
