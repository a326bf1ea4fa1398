using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PouchMonitor.Contracts;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Mqtt;

/// <summary>deploy/mosquitto/pouchmon.conf, run as it is: the host's session and its backlog survive.</summary>
public sealed class MosquittoConfigTests
{
    private const int Messages = 20_000;

    [Fact]
    public async Task DocumentedConfig_HostDownAndBrokerKilled_HostGetsEveryMessage()
    {
        var users = TestBroker.DevicePasswords.Append(new(TestBroker.HostUser, TestBroker.HostPassword)).ToDictionary();
        string[] acl = [$"user {TestBroker.HostUser}", "topic readwrite pouchmon/v1/#", "", "pattern readwrite pouchmon/v1/%u/#"];
        await using var broker = await MosquittoServer.StartWithConfigFileAsync(RepositoryPath.Of("deploy/mosquitto/pouchmon.conf"), users, acl);
        var received = new ConcurrentDictionary<string, bool>();
        using (var host = await ConnectHostAsync(broker, received))
        {
            await host.SubscribeAsync(Topics.AllReadings, MqttQualityOfServiceLevel.AtLeastOnce, TestContext.Current.CancellationToken);
            await host.DisconnectAsync(cancellationToken: TestContext.Current.CancellationToken);
        }

        var subscribedAt = DateTime.UtcNow;
        await Eventually.WaitAsync(
            () => File.Exists(broker.PersistenceFile) && File.GetLastWriteTimeUtc(broker.PersistenceFile) > subscribedAt,
            "mosquitto saves its state after the host subscribed");
        broker.Kill();
        await broker.StartAsync();
        await PublishAsync(broker);

        using var back = await ConnectHostAsync(broker, received);
        await Eventually.WaitAsync(() => received.Count == Messages, $"all {Messages} messages reach the host");

        Assert.Equal(Messages, received.Count);
    }

    private static async Task PublishAsync(MosquittoServer broker)
    {
        using var device = new MqttClientFactory().CreateMqttClient();
        await device.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer(MosquittoServer.Host, broker.Port).WithClientId("dev-a")
                .WithCredentials("dev-a", TestBroker.DevicePasswords["dev-a"]).WithProtocolVersion(MqttProtocolVersion.V500).Build(),
            TestContext.Current.CancellationToken);
        var start = DateTimeOffset.Parse("2026-11-01T08:00:00Z", CultureInfo.InvariantCulture);
        for (var first = 0; first < Messages; first += 100)
        {
            await Task.WhenAll(Enumerable.Range(first, 100).Select(seq => device.PublishAsync(
                new MqttApplicationMessageBuilder().WithTopic(Topics.Readings("dev-a"))
                    .WithPayload(Encoding.UTF8.GetBytes(TestDevice.Batch("dev-a", 1, (uint)seq, 1, start)))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                TestContext.Current.CancellationToken)));
        }

        await device.DisconnectAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    // The host's own session settings: fixed client id, clean start off, a session that never expires.
    private static async Task<IMqttClient> ConnectHostAsync(MosquittoServer broker, ConcurrentDictionary<string, bool> received)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            received[Encoding.UTF8.GetString(e.ApplicationMessage.Payload)] = true;
            return Task.CompletedTask;
        };
        var result = await client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer(MosquittoServer.Host, broker.Port).WithClientId("pouchmon-host")
                .WithCredentials(TestBroker.HostUser, TestBroker.HostPassword).WithProtocolVersion(MqttProtocolVersion.V500)
                .WithCleanStart(false).WithSessionExpiryInterval(uint.MaxValue).Build(),
            TestContext.Current.CancellationToken);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }
}
