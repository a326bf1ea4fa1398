using System.Buffers;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Auth;
using PouchMonitor.Host.Devices;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Lab;

/// <summary><c>/api/devices</c> against the host's embedded broker, with devices logging in as the board does.</summary>
public sealed class DeviceApiTests : IDisposable
{
    private const string Status = """{"v":1,"device":"dev-a","state":"online","boot":7,"fw":"1.2.3","up":123456,"t":1762000000123,"reset":"power-on","freeBytes":81234,"rssiDbm":-61,"buffered":12,"dropped":3,"intervalS":10,"publishIntervalS":10}""";
    private const string Config = """{"v":1,"device":"dev-a","boot":7,"fw":"1.2.3","intervalS":10,"publishIntervalS":10,"capacity":6144,"sensors":[{"s":0,"bus":0,"addr":118,"chip":"bme280"},{"s":1,"bus":0,"addr":119,"mux":3,"chip":"bmp280"}]}""";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task GetDevices_StatusConfigAndReadings_ShowsHealthChipsLatestReadingAndUnassignedSensors()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Embedded);
        await using var host = await StartHostAsync(broker);
        await using var device = await TestDevice.ConnectAsync(broker, "dev-a");

        await device.PublishAsync(Topics.Status("dev-a"), Status);
        await device.PublishAsync(Topics.Config("dev-a"), Config);
        await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 7, 0, 3, DateTimeOffset.UtcNow, i => 101_000 + i));

        var devices = await WaitForAsync(host, d => d.Config is not null && d.Status is not null && d.Latest.Count == 1);
        var found = devices.Single();
        Assert.Equal("online", found.GetProperty("state").GetString());
        Assert.Equal(7u, found.GetProperty("boot").GetUInt32());
        Assert.Equal(-61, found.GetProperty("wifiRssiDbm").GetInt32());
        Assert.Equal(81234, found.GetProperty("freeMemoryBytes").GetInt64());
        Assert.Equal(12, found.GetProperty("buffered").GetInt32());
        var sensors = found.GetProperty("sensors").EnumerateArray().ToList();
        Assert.Equal(["bme280", "bmp280"], sensors.Select(s => s.GetProperty("chip").GetString()));
        Assert.Equal(["ok", "no data"], sensors.Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(101.002, sensors[0].GetProperty("pressureKPa").GetDouble(), 6);
        Assert.All(sensors, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("pouch").ValueKind));

        var readings = await host.Http.GetFromJsonAsync<JsonElement>(new Uri("/api/devices/dev-a/sensors/0/readings", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(3, readings.GetProperty("count").GetInt32());
        Assert.Equal([101.0, 101.001, 101.002], readings.GetProperty("pressure").GetProperty("values").EnumerateArray().Select(v => Math.Round(v.GetDouble(), 6)));
    }

    [Fact]
    public async Task PostCommand_IdentifyAsOperator_ReachesTheDevicesCommandTopic()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Embedded);
        await using var host = await StartHostAsync(broker);
        await using var device = await TestDevice.ConnectAsync(broker, "dev-a");
        await using var board = await CommandListener.ConnectAsync(broker, "dev-b");
        await device.PublishAsync(Topics.Status("dev-a"), Status);
        await board.PublishAsync(Topics.Status("dev-b"), Status.Replace("dev-a", "dev-b", StringComparison.Ordinal));
        await WaitForAsync(host, d => d.Id == "dev-b");
        using var operatorClient = await host.ClientAsAsync(Roles.Operator);

        using var identify = await operatorClient.PostAsJsonAsync(new Uri("/api/devices/dev-b/commands", UriKind.Relative), new { kind = "identify", durationS = 30 }, TestContext.Current.CancellationToken);
        using var reboot = await operatorClient.PostAsJsonAsync(new Uri("/api/devices/dev-b/commands", UriKind.Relative), new { kind = "reboot" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, identify.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, reboot.StatusCode);
        await Eventually.WaitAsync(() => board.Received.Count == 2, "both commands reach dev-b");
        Assert.Equal([Topics.Command("dev-b"), Topics.Command("dev-b")], board.Received.Select(m => m.Topic));
        Assert.Equal(Convert.ToHexString(DeviceCommand.Identify(30).ToPayload()), Convert.ToHexString(board.Received.First().Payload.ToArray()));
        Assert.Equal(Convert.ToHexString(DeviceCommand.Reboot().ToPayload()), Convert.ToHexString(board.Received.Last().Payload.ToArray()));
        Assert.All(board.Received, m => Assert.False(m.Retain));
    }

    [Theory]
    [InlineData("""{"kind":"selfdestruct"}""", HttpStatusCode.BadRequest, "kind: 'selfdestruct' is not a command")]
    [InlineData("""{"kind":"identify","durationS":301}""", HttpStatusCode.BadRequest, "durationS: 301 s is outside 1 – 300 s")]
    [InlineData("""{"kind":"reboot"}""", HttpStatusCode.NotFound, "No message of a device 'dev-z'")]
    public async Task PostCommand_BadRequest_IsProblemDetailsNamingTheField(string body, HttpStatusCode status, string detail)
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Embedded);
        await using var host = await StartHostAsync(broker);
        await using var device = await TestDevice.ConnectAsync(broker, "dev-a");
        await device.PublishAsync(Topics.Status("dev-a"), Status);
        await WaitForAsync(host, d => d.Id == "dev-a");
        using var operatorClient = await host.ClientAsAsync(Roles.Operator);
        var target = status == HttpStatusCode.NotFound ? "dev-z" : "dev-a";

        using var response = await operatorClient.PostAsync(new Uri($"/api/devices/{target}/commands", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostCommand_AnonymousOrViewer_IsRefused()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Embedded);
        await using var host = await StartHostAsync(broker);
        using var viewer = await host.ClientAsAsync(Roles.Viewer);
        var uri = new Uri("/api/devices/dev-a/commands", UriKind.Relative);

        using var anonymous = await host.Anonymous.PostAsJsonAsync(uri, new { kind = "reboot" }, TestContext.Current.CancellationToken);
        using var viewed = await viewer.PostAsJsonAsync(uri, new { kind = "reboot" }, TestContext.Current.CancellationToken);
        using var read = await viewer.GetAsync(new Uri("/api/devices", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    private static async Task<List<JsonElement>> WaitForAsync(ServeHost host, Func<DeviceSnapshot, bool> condition)
    {
        var registry = host.Get<DeviceRegistry>();
        await Eventually.WaitAsync(() => registry.Snapshot().Any(condition), "the registry has the device");
        return (await host.Http.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/devices", UriKind.Relative), TestContext.Current.CancellationToken))!;
    }

    private Task<ServeHost> StartHostAsync(TestBroker broker) =>
        ServeHost.StartAsync(new Dictionary<string, string>(broker.HostSettings) { ["Storage:DataFolder"] = _folder.Path });

    /// <summary>A board that logs in with its own credentials, subscribes to its command topic and keeps what arrives.</summary>
    private sealed class CommandListener : IAsyncDisposable
    {
        private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

        public System.Collections.Concurrent.ConcurrentQueue<MqttApplicationMessage> Received { get; } = new();

        public static async Task<CommandListener> ConnectAsync(TestBroker broker, string deviceId)
        {
            var listener = new CommandListener();
            listener._client.ApplicationMessageReceivedAsync += e =>
            {
                listener.Received.Enqueue(e.ApplicationMessage);
                return Task.CompletedTask;
            };
            var cancel = TestContext.Current.CancellationToken;
            await listener._client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId(deviceId)
                .WithCredentials(deviceId, TestBroker.DevicePasswords[deviceId]).WithProtocolVersion(MqttProtocolVersion.V500).Build(), cancel);
            var granted = await listener._client.SubscribeAsync(Topics.Command(deviceId), MqttQualityOfServiceLevel.AtLeastOnce, cancel);
            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, granted.Items.Single().ResultCode);
            return listener;
        }

        public async Task PublishAsync(string topic, string payload) =>
            await _client.PublishStringAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: TestContext.Current.CancellationToken);

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync();
            }

            _client.Dispose();
        }
    }
}
