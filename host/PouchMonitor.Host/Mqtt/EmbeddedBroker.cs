using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Devices;
using PouchMonitor.Host.Lan;

namespace PouchMonitor.Host.Mqtt;

/// <summary>
/// The host's own MQTT broker (MQTTnet), used when no external broker is configured: each device logs in
/// with its id and password (from <c>Mqtt:Devices</c>, or made by <c>pouchmon device add</c> and kept hashed in
/// <see cref="DeviceCredentialStore"/>) and may use only its own topic branch; the host logs in with a per-process secret.
/// With <c>--lan</c> it listens with TLS on the lab's addresses too (<see cref="LanMode"/>); the plain listener stays on
/// <c>Mqtt:BindAddress</c>.
/// A device's publish is stored inside the broker's publish path and PUBACKed only once it is committed; a failed
/// write gets no PUBACK and the connection closes, so the device keeps the batch and sends it again.
/// </summary>
public sealed partial class EmbeddedBroker(
    IOptions<MqttOptions> options,
    IDeviceMessageHandler ingestor,
    DeviceCredentialStore credentials,
    LanMode lan,
    TimeProvider time,
    ILogger<EmbeddedBroker> logger)
    : IHostedService, IAsyncDisposable
{
    /// <summary>Username of the host's own client.</summary>
    public const string HostUserName = "pouchmon-host";

    private readonly MqttOptions _options = options.Value;
    private readonly LoginThrottle _throttle = new(time);
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

        // MQTTnet listens on IPv4 and IPv6 unless told otherwise: bind exactly the configured address, nothing else.
        var address = IPAddress.Parse(_options.BindAddress);
        var isIpv6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(isIpv6 ? IPAddress.None : address)
            .WithDefaultEndpointBoundIPV6Address(isIpv6 ? address : IPAddress.None)
            .WithDefaultEndpointPort(_options.Port)
            .WithMaxPendingMessagesPerClient(_options.MaxPendingMessagesPerClient)
            .WithPersistentSessions();
        if (lan.Certificate is { } tls)
        {
            AddTlsEndpoint(serverOptions, tls.Certificate);
        }

        _server = new MqttServerFactory().CreateMqttServer(serverOptions.Build());
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingInboundPacketAsync += InterceptInboundPacketAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        try
        {
            await _server.StartAsync().ConfigureAwait(false);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            var tlsPort = lan.IsOn ? $" or Lan:MqttPort {lan.Options.MqttPort}" : "";
            throw new IOException($"Mqtt:Port: {_options.BindAddress} port {_options.Port}{tlsPort} is already in use", e);
        }

        LogStarted(_options.BindAddress, _options.Port, _options.Devices.Count);
        if (lan.IsOn)
        {
            LogTlsStarted(lan.Options.Addresses.Count == 0 ? "every interface" : string.Join(", ", lan.Options.Addresses), lan.Options.MqttPort);
        }
    }

    // One IPv4 and one IPv6 address (MQTTnet binds one of each), or every interface of both families.
    private void AddTlsEndpoint(MqttServerOptionsBuilder builder, X509Certificate2 certificate)
    {
        var addresses = lan.Options.BoundAddresses();
        var ipv4 = addresses.Count == 0 ? IPAddress.Any
            : addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? IPAddress.None;
        var ipv6 = addresses.Count == 0 ? (Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.None)
            : addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetworkV6) ?? IPAddress.None;
        builder.WithEncryptedEndpoint()
            .WithEncryptedEndpointBoundIPAddress(ipv4)
            .WithEncryptedEndpointBoundIPV6Address(ipv6)
            .WithEncryptedEndpointPort(lan.Options.MqttPort)
            .WithEncryptionCertificate(certificate)
            // The boards' nanoFramework client speaks TLS 1.2 (MqttSslProtocols.TLSv1_2).
            .WithEncryptionSslProtocol(SslProtocols.Tls12 | SslProtocols.Tls13);
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
        var addressKey = "address " + (e.RemoteEndPoint is IPEndPoint ip ? ip.Address.ToString() : e.RemoteEndPoint?.ToString());
        var userKey = "user " + e.UserName;
        if (_throttle.IsBlocked(addressKey) || _throttle.IsBlocked(userKey))
        {
            e.ReasonCode = MqttConnectReasonCode.ConnectionRateExceeded;
            return Task.CompletedTask;
        }

        if (!IsKnown(e.UserName, e.Password))
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            RecordFailure(addressKey, e.UserName, e.ClientId);
            RecordFailure(userKey, e.UserName, e.ClientId);
            return Task.CompletedTask;
        }

        if (!BrokerPolicy.IsClientIdAllowed(e.UserName, e.ClientId))
        {
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            LogRefusedClientId(e.UserName, e.ClientId);
            return Task.CompletedTask;
        }

        _throttle.RecordSuccess(addressKey);
        _throttle.RecordSuccess(userKey);
        return Task.CompletedTask;
    }

    private bool IsKnown(string? userName, string? password)
    {
        var expected = userName == HostUserName ? HostPassword
            : userName is not null && _options.Devices.TryGetValue(userName, out var devicePassword) ? devicePassword
            : null;
        return expected is not null
            ? CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password ?? ""), Encoding.UTF8.GetBytes(expected))
            : userName is not null && credentials.Verify(userName, password ?? "");
    }

    // One line when a burst starts and one each time it is refused for longer, never one per try.
    private void RecordFailure(string key, string? userName, string clientId)
    {
        var block = _throttle.RecordFailure(key);
        if (_throttle.FailureCount(key) == 1)
        {
            LogRefusedLogin(key, userName, clientId);
        }
        else if (block is { } window)
        {
            LogThrottled(key, _throttle.FailureCount(key), window);
        }
    }

    private Task InterceptInboundPacketAsync(InterceptingPacketEventArgs e)
    {
        if (e.Packet is MQTTnet.Packets.MqttPublishPacket publish && publish.Payload.Length > BrokerPolicy.MaxPayloadBytes)
        {
            // MQTT 5 says a packet over the limit ends the connection; it is never delivered, retained or acked.
            e.ProcessPacket = false;
            LogTooLarge(e.UserName, publish.Topic, publish.Payload.Length);
            var server = _server!;
            var clientId = e.ClientId;
            _ = Task.Run(() => server.DisconnectClientAsync(clientId, MqttDisconnectReasonCode.PacketTooLarge), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        var refusal = !IsAllowed(e.UserName, topic) ? $"may not publish to {topic}"
            : e.ApplicationMessage.Retain ? BrokerPolicy.RetainRefusal(e.UserName, topic)
            : null;
        if (refusal is not null)
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            LogRefusedPublish(e.UserName, refusal);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening with TLS on {Addresses}, port {Port}")]
    private partial void LogTlsStarted(string addresses, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT login refused ({Key}): user {UserName}, client {ClientId}")]
    private partial void LogRefusedLogin(string key, string? userName, string clientId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a message on {Topic} failed; closing the device's connection unacknowledged, it sends the message again: {Reason}")]
    private partial void LogStoreFailed(string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT logins throttled ({Key}): {Failures} failures in a row, refused for {Window}")]
    private partial void LogThrottled(string key, int failures, TimeSpan window);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT login refused: user {UserName} may not use client id {ClientId}")]
    private partial void LogRefusedClientId(string? userName, string clientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT publish refused: user {UserName} {Reason}")]
    private partial void LogRefusedPublish(string? userName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT client disconnected: user {UserName} sent {Bytes} bytes to {Topic}, over the limit")]
    private partial void LogTooLarge(string? userName, string topic, long bytes);
}
