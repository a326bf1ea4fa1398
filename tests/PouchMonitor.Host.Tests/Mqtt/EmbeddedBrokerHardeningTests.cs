using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Devices;
using PouchMonitor.Host.Lan;
using PouchMonitor.Host.Mqtt;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Mqtt;

/// <summary>The probes of issue 11 against the real in-process broker, with MQTTnet clients.</summary>
public sealed class EmbeddedBrokerHardeningTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly TempFolder _folder = new();
    private readonly List<IMqttClient> _clients = [];
    private EmbeddedBroker? _broker;
    private int _port;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_broker is not null)
        {
            await _broker.StopAsync(CancellationToken.None);
            await _broker.DisposeAsync();
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task Connect_DeviceAsHostClientId_RefusedAndHostKeepsItsSession()
    {
        await StartAsync();
        var host = await ConnectHostAsync();

        var (result, _) = await ConnectAsync("dev-a", "secret-a", clientId: EmbeddedBroker.HostUserName);

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, result);
        Assert.True(host.IsConnected);
    }

    [Fact]
    public async Task Connect_DeviceWithAnotherDevicesClientId_RefusedAndOtherStaysConnected()
    {
        await StartAsync();
        var (_, devB) = await ConnectAsync("dev-b", "secret-b");

        var (result, _) = await ConnectAsync("dev-a", "secret-a", clientId: "dev-b");

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, result);
        Assert.True(devB.IsConnected);
    }

    [Fact]
    public async Task Publish_PayloadOverLimit_DisconnectsAndDeliversNothing()
    {
        await StartAsync();
        var received = new ConcurrentQueue<long>();
        var host = await ConnectHostAsync();
        host.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(e.ApplicationMessage.Payload.Length);
            return Task.CompletedTask;
        };
        await host.SubscribeAsync(Topics.AllReadings, MqttQualityOfServiceLevel.AtLeastOnce, TestContext.Current.CancellationToken);
        var (_, devA) = await ConnectAsync("dev-a", "secret-a");
        var (_, devB) = await ConnectAsync("dev-b", "secret-b");

        var big = devA.PublishAsync(Message(Topics.Readings("dev-a"), new byte[1024 * 1024]), TestContext.Current.CancellationToken);
        await Eventually.WaitAsync(() => !devA.IsConnected, "the broker disconnects the device that sent 1 MiB");
        await devB.PublishAsync(Message(Topics.Readings("dev-b"), new byte[100]), TestContext.Current.CancellationToken);
        await Eventually.WaitAsync(() => !received.IsEmpty, "the small message of dev-b arrives");

        Assert.Equal([100L], received);
        await Assert.ThrowsAnyAsync<Exception>(() => big);
    }

    [Fact]
    public async Task Publish_RetainedCommandFromHost_Refused()
    {
        await StartAsync();
        var host = await ConnectHostAsync();

        var result = await host.PublishAsync(Message(Topics.Command("dev-a"), DeviceCommand.Reboot().ToPayload(), retain: true), TestContext.Current.CancellationToken);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
    }

    [Theory]
    [InlineData("readings", false)]
    [InlineData("cmd", false)]
    [InlineData("status", true)]
    [InlineData("config", true)]
    public async Task Publish_RetainedFromDevice_OnlyStatusAndConfig(string kind, bool accepted)
    {
        await StartAsync();
        var (_, devA) = await ConnectAsync("dev-a", "secret-a");

        var result = await devA.PublishAsync(Message($"pouchmon/v1/dev-a/{kind}", new byte[10], retain: true), TestContext.Current.CancellationToken);

        Assert.Equal(accepted, result.IsSuccess);
    }

    [Fact]
    public async Task Connect_AfterFiveWrongPasswords_RefusedForAGrowingWindow()
    {
        await StartAsync();
        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
        {
            Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, (await ConnectAsync("dev-a", "wrong")).Result);
        }

        var blocked = (await ConnectAsync("dev-a", "secret-a")).Result;
        _time.Advance(TimeSpan.FromSeconds(1));
        var afterFirstWindow = (await ConnectAsync("dev-a", "wrong")).Result;
        _time.Advance(TimeSpan.FromSeconds(1));
        var withinSecondWindow = (await ConnectAsync("dev-a", "secret-a")).Result;
        _time.Advance(TimeSpan.FromSeconds(1));
        var afterSecondWindow = (await ConnectAsync("dev-a", "secret-a")).Result;

        Assert.Equal(MqttClientConnectResultCode.ConnectionRateExceeded, blocked);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, afterFirstWindow);
        Assert.Equal(MqttClientConnectResultCode.ConnectionRateExceeded, withinSecondWindow);
        Assert.Equal(MqttClientConnectResultCode.Success, afterSecondWindow);
    }

    [Fact]
    public async Task Start_BoundToIpv4Loopback_DoesNotListenOnIpv6()
    {
        await StartAsync("127.0.0.1");

        Assert.True(await CanConnectAsync(IPAddress.Loopback));
        Assert.False(await CanConnectAsync(IPAddress.IPv6Loopback));
    }

    [Fact]
    public async Task Start_BoundToIpv6Loopback_DoesNotListenOnIpv4()
    {
        await StartAsync("::1");

        Assert.True(await CanConnectAsync(IPAddress.IPv6Loopback));
        Assert.False(await CanConnectAsync(IPAddress.Loopback));
    }

    private async Task StartAsync(string bindAddress = "127.0.0.1")
    {
        _port = FreePort.Next();
        var options = new MqttOptions
        {
            BindAddress = bindAddress,
            Port = _port,
            Devices = new() { ["dev-a"] = "secret-a", ["dev-b"] = "secret-b" },
        };
        _broker = new EmbeddedBroker(
            Options.Create(options), new StoredAtOnce(), new DeviceCredentialStore(new SqliteDatabase(_folder.Path), _time), LanMode.Off, _time, NullLogger<EmbeddedBroker>.Instance);
        await _broker.StartAsync(TestContext.Current.CancellationToken);
    }

    private async Task<IMqttClient> ConnectHostAsync()
    {
        var (result, client) = await ConnectAsync(EmbeddedBroker.HostUserName, _broker!.HostPassword);
        Assert.Equal(MqttClientConnectResultCode.Success, result);
        return client;
    }

    private async Task<(MqttClientConnectResultCode Result, IMqttClient Client)> ConnectAsync(string user, string password, string? clientId = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        _clients.Add(client);
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _port).WithClientId(clientId ?? user)
            .WithCredentials(user, password).WithProtocolVersion(MqttProtocolVersion.V500).Build();
        try
        {
            var result = await client.ConnectAsync(options, TestContext.Current.CancellationToken);
            return (result.ResultCode, client);
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e) when (e.InnerException is not null)
        {
            return (MqttClientConnectResultCode.UnspecifiedError, client);
        }
    }

    private async Task<bool> CanConnectAsync(IPAddress address)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, _port), TestContext.Current.CancellationToken);
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return false;
        }
    }

    private static MqttApplicationMessage Message(string topic, byte[] payload, bool retain = false) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    // The broker's own rules are under test here, not storage: every message is taken as stored.
    private sealed class StoredAtOnce : IDeviceMessageHandler
    {
        public Task HandleAsync(string topic, System.Buffers.ReadOnlySequence<byte> payload) => Task.CompletedTask;
    }
}
