using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace PouchMonitor.Host.Tests.Mqtt;

/// <summary>A device as the broker sees it: logs in with its id and publishes contract-v1 reading batches.</summary>
internal sealed class TestDevice : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    private TestDevice(string id) => Id = id;

    public string Id { get; }

    /// <param name="keepAlive">MQTTnet's default of 15 s unless given; zero turns keep-alive off.</param>
    public static async Task<TestDevice> ConnectAsync(TestBroker broker, string id, TimeSpan? keepAlive = null)
    {
        var device = new TestDevice(id);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.Port)
            .WithClientId(id)
            .WithCredentials(id, TestBroker.DevicePasswords[id])
            .WithProtocolVersion(MqttProtocolVersion.V500);
        if (keepAlive is { } period)
        {
            builder.WithKeepAlivePeriod(period);
        }

        var options = builder.Build();
        await device._client.ConnectAsync(options, TestContext.Current.CancellationToken);
        return device;
    }

    /// <summary>One reading per second of sensor 0 from <paramref name="firstSeq"/>, times from <paramref name="start"/>.</summary>
    public static string Batch(string deviceId, uint boot, uint firstSeq, int count, DateTimeOffset start, Func<int, double>? pressurePa = null)
    {
        var readings = Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"seq":{{firstSeq + i}},"up":{{(firstSeq + i) * 1000L}},"t":{{start.AddSeconds(firstSeq + i).ToUnixTimeMilliseconds()}},"s":0,"p":{{pressurePa?.Invoke((int)firstSeq + i) ?? 101325.0:F2}},"c":50.00}"""));
        return string.Create(CultureInfo.InvariantCulture, $$"""{"v":1,"device":"{{deviceId}}","boot":{{boot}},"readings":[{{string.Join(',', readings)}}]}""");
    }

    public Task<MqttClientPublishResult> PublishAsync(string topic, string payload) =>
        _client.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(Encoding.UTF8.GetBytes(payload))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(),
            TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
