using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Mqtt;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Mqtt;

/// <summary>A device's last will is a publish like any other: it may only land under the device's own topics.</summary>
public sealed class LastWillTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(TestBroker.Mosquitto)]
    [InlineData(TestBroker.Embedded)]
    public async Task AbruptDisconnect_WillOnAnotherDevicesTopic_IsNotDelivered(string brokerKind)
    {
        await using var broker = await TestBroker.StartAsync(brokerKind);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _folder.Path;
        await using var host = await ServeHost.StartAsync(settings);
        var received = new ConcurrentQueue<string>();
        using var observer = await ObserveAsync(broker, host, received);

        await DropWithWillAsync(broker, Topics.Status("dev-b"), "forged offline");
        await DropWithWillAsync(broker, Topics.Status("dev-a"), "own offline");

        await Eventually.WaitAsync(() => received.Contains(Topics.Status("dev-a")), "dev-a's own will arrives");
        Assert.DoesNotContain(Topics.Status("dev-b"), received);
    }

    private static async Task<IMqttClient> ObserveAsync(TestBroker broker, ServeHost host, ConcurrentQueue<string> received)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        string password = broker.Server is null ? host.Get<EmbeddedBroker>().HostPassword : TestBroker.HostPassword;
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(e.ApplicationMessage.Topic);
            return Task.CompletedTask;
        };
        await client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId("observer")
                .WithCredentials(TestBroker.HostUser, password).WithProtocolVersion(MqttProtocolVersion.V500).Build(),
            TestContext.Current.CancellationToken);
        await client.SubscribeAsync(Topics.AllStatus, MqttQualityOfServiceLevel.AtLeastOnce, TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>dev-a connects with a will and vanishes without DISCONNECT, as a board losing power does.</summary>
    private static async Task DropWithWillAsync(TestBroker broker, string willTopic, string payload)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId("dev-a")
                .WithCredentials("dev-a", TestBroker.DevicePasswords["dev-a"]).WithProtocolVersion(MqttProtocolVersion.V500)
                .WithWillTopic(willTopic).WithWillPayload(Encoding.UTF8.GetBytes(payload))
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            TestContext.Current.CancellationToken);
        client.Dispose();
    }
}
