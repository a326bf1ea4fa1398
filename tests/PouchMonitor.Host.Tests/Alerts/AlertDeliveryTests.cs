using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Mqtt;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Alerts;

public sealed class AlertDeliveryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SensorFault_OpensAndCloses_RetainedTopicAndWebhookFollow()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Mosquitto);
        await using var webhook = await WebhookReceiver.StartAsync();
        var experimentPath = Path.Combine(_folder.Path, "experiment.json");
        File.WriteAllText(experimentPath, """
            {"experiment":"e1","pouches":[{"id":"P1","sample":"mSi","slurryMassG":1.0,
              "source":{"device":"dev-a","sensor":0},"vessel":{"kind":"headspace","gasVolumeMl":60}}]}
            """);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _folder.Path;
        settings["Experiments:Files:0"] = experimentPath;
        settings["Alerts:Webhooks:0"] = webhook.Url.ToString();
        await using var host = await ServeHost.StartAsync(settings);
        await Eventually.WaitAsync(() => host.Get<ReadingSubscriber>().IsConnected, "the host is subscribed");
        await using var device = await TestDevice.ConnectAsync(broker, "dev-a");
        var start = DateTimeOffset.Parse("2026-11-01T08:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

        await device.PublishAsync(Topics.Readings("dev-a"), $$"""{"v":1,"device":"dev-a","boot":1,"readings":[{"seq":0,"up":1000,"t":{{start}},"s":0,"fault":"i2c"}]}""");
        await Eventually.WaitAsync(() => !webhook.Bodies.IsEmpty, "the webhook received the opened alert");
        using var watcher = await WatchAlertsAsync(broker);
        await Eventually.WaitAsync(() => !watcher.Payloads.IsEmpty, "the retained alert topic is delivered to a late subscriber");
        await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, 1, 1, DateTimeOffset.FromUnixTimeMilliseconds(start)));
        await Eventually.WaitAsync(() => webhook.Bodies.Count == 2 && watcher.Payloads.Count == 2, "the closed alert is delivered");

        var opened = JsonDocument.Parse(webhook.Bodies.First()).RootElement;
        Assert.Equal("open", opened.GetProperty("state").GetString());
        Assert.Contains("sensor-fault on e1/P1", opened.GetProperty("text").GetString(), StringComparison.Ordinal);
        var retained = watcher.Payloads.ToArray();
        Assert.Equal("pouchmon/v1/alerts/e1/P1", watcher.Topic);
        Assert.Equal("sensor-fault", JsonDocument.Parse(retained[0]).RootElement.GetProperty("open")[0].GetProperty("kind").GetString());
        Assert.Equal("", retained[1]);
        Assert.Equal("closed", JsonDocument.Parse(webhook.Bodies.Last()).RootElement.GetProperty("state").GetString());
    }

    private static async Task<AlertWatcher> WatchAlertsAsync(TestBroker broker)
    {
        var watcher = new AlertWatcher();
        await watcher.Client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId("watcher")
                .WithCredentials("dev-b", TestBroker.DevicePasswords["dev-b"]).WithProtocolVersion(MqttProtocolVersion.V500).Build(),
            TestContext.Current.CancellationToken);
        await watcher.Client.SubscribeAsync(Topics.AllAlerts, cancellationToken: TestContext.Current.CancellationToken);
        return watcher;
    }

    private sealed class AlertWatcher : IDisposable
    {
        public AlertWatcher()
        {
            Client.ApplicationMessageReceivedAsync += e =>
            {
                Topic = e.ApplicationMessage.Topic;
                Payloads.Enqueue(Encoding.UTF8.GetString(e.ApplicationMessage.Payload));
                return Task.CompletedTask;
            };
        }

        public IMqttClient Client { get; } = new MqttClientFactory().CreateMqttClient();

        public ConcurrentQueue<string> Payloads { get; } = new();

        public string? Topic { get; private set; }

        public void Dispose() => Client.Dispose();
    }
}
