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
    private static readonly DateTimeOffset FaultTime = DateTimeOffset.Parse("2026-11-01T08:00:00Z", CultureInfo.InvariantCulture);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SensorFault_OpensAndCloses_RetainedTopicAndWebhookFollow()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Mosquitto);
        await using var webhook = await WebhookReceiver.StartAsync();
        await using var host = await StartServeAsync(broker, webhook.Url);
        await using var device = await TestDevice.ConnectAsync(broker, "dev-a");

        await PublishSensorFaultAsync(device);
        await Eventually.WaitAsync(() => !webhook.Bodies.IsEmpty, "the webhook received the opened alert");
        using var watcher = await WatchAlertsAsync(broker);
        await Eventually.WaitAsync(() => !watcher.Payloads.IsEmpty, "the retained alert topic is delivered to a late subscriber");
        await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, 1, 1, FaultTime));
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

    [Fact]
    public async Task Webhook_TwoTransientFailures_DeliveredOnThirdAttempt()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Mosquitto);
        await using var webhook = await WebhookReceiver.StartAsync(failures: 2);
        await using var host = await StartServeAsync(broker, webhook.Url);
        await using var device = await TestDevice.ConnectAsync(broker, "dev-a");

        await PublishSensorFaultAsync(device);
        await Eventually.WaitAsync(() => !webhook.Bodies.IsEmpty, "the webhook received the opened alert after two 503s");

        Assert.Equal(3, webhook.Attempts);
        Assert.Equal("open", JsonDocument.Parse(webhook.Bodies.Single()).RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Webhook_AlwaysFailing_ThreeAttemptsAndNextWebhookStillServed()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Mosquitto);
        await using var failing = await WebhookReceiver.StartAsync(failures: int.MaxValue);
        await using var working = await WebhookReceiver.StartAsync();
        // Webhooks are served in order: when the second has the alert, the first has had all its attempts.
        await using var host = await StartServeAsync(broker, failing.Url, working.Url);
        await using var device = await TestDevice.ConnectAsync(broker, "dev-a");

        await PublishSensorFaultAsync(device);
        await Eventually.WaitAsync(() => !working.Bodies.IsEmpty, "the second webhook received the opened alert");
        Assert.Equal(3, failing.Attempts);
        await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, 1, 1, FaultTime));
        await Eventually.WaitAsync(() => working.Bodies.Count == 2, "the host still delivers: the closed alert reached the second webhook");

        Assert.Equal(6, failing.Attempts);
        Assert.Empty(failing.Bodies);
    }

    /// <summary>A serve host for experiment e1 (pouch P1 on sensor 0 of dev-a) that posts alert changes to <paramref name="webhooks"/>.</summary>
    private async Task<ServeHost> StartServeAsync(TestBroker broker, params Uri[] webhooks)
    {
        var experimentPath = Path.Combine(_folder.Path, "experiment.json");
        File.WriteAllText(experimentPath, """
            {"experiment":"e1","pouches":[{"id":"P1","sample":"mSi","slurryMassG":1.0,
              "source":{"device":"dev-a","sensor":0},"vessel":{"kind":"headspace","gasVolumeMl":60}}]}
            """);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _folder.Path;
        settings["Experiments:Files:0"] = experimentPath;
        for (var i = 0; i < webhooks.Length; i++)
        {
            settings[$"Alerts:Webhooks:{i}"] = webhooks[i].ToString();
        }

        var host = await ServeHost.StartAsync(settings);
        await Eventually.WaitAsync(() => host.Get<ReadingSubscriber>().IsConnected, "the host is subscribed");
        return host;
    }

    /// <summary>Sensor 0 of dev-a reports an I2C fault: opens a sensor-fault alert on e1/P1.</summary>
    private static Task PublishSensorFaultAsync(TestDevice device) => device.PublishAsync(Topics.Readings("dev-a"),
        $$"""{"v":1,"device":"dev-a","boot":1,"readings":[{"seq":0,"up":1000,"t":{{FaultTime.ToUnixTimeMilliseconds()}},"s":0,"fault":"i2c"}]}""");

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
