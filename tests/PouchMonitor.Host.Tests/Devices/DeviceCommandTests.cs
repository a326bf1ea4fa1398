using System.Globalization;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PouchMonitor.Contracts;
using PouchMonitor.Firmware.Core;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Cli;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Devices;

public sealed class DeviceCommandTests : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-01T08:00:00Z", CultureInfo.InvariantCulture);
    private readonly TempFolder _folder = new();

    private string Data => Path.Combine(_folder.Path, "data");

    private string Out => Path.Combine(_folder.Path, "out");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Add_ThenBoardLogsInWithPrintedPassword_BatchIsStored()
    {
        var port = FreePort.Next();
        var password = await AddAsync("oven1-a", port);
        using var host = await HostProcess.StartAsync(HostSettings(port));

        var (client, connected) = await ConnectAsync(port, "oven1-a", password);
        using var disposeClient = client;
        Assert.Equal(MqttClientConnectResultCode.Success, connected);
        var published = await client.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic(Topics.Readings("oven1-a"))
                .WithPayload(Encoding.UTF8.GetBytes(TestDevice.Batch("oven1-a", boot: 1, firstSeq: 0, count: 3, Start)))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(),
            TestContext.Current.CancellationToken);

        Assert.True(published.IsSuccess);
        var readings = new ReadingStore(new SqliteDatabase(Data));
        await Eventually.WaitAsync(() => readings.ForSensor("oven1-a", 0).Count == 3, "the batch is stored");
        Assert.DoesNotContain(password, host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ThenWrongPassword_LoginRefused()
    {
        var port = FreePort.Next();
        var password = await AddAsync("oven1-a", port);
        using var host = await HostProcess.StartAsync(HostSettings(port));

        var (client, refused) = await ConnectAsync(port, "oven1-a", password[..^1] + "x");
        client.Dispose();

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, refused);
    }

    [Fact]
    public async Task Add_WritesConfigTheFirmwareReadsAndDeploymentFilePointingAtIt()
    {
        var password = await AddAsync("oven1-a", 1883);

        var text = await File.ReadAllTextAsync(Path.Combine(Out, "pouchmon.json"), TestContext.Current.CancellationToken);
        using var config = JsonDocument.Parse(text);
        using var deployment = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Out, "deploy.json"), TestContext.Current.CancellationToken));
        Assert.Equal(
            ("oven1-a", "oven1-a", password, "127.0.0.1", 1883, "lab-wifi", "wifi \"secret\""),
            (Text(config, "deviceId"), Text(config, "mqttUsername"), Text(config, "mqttPassword"), Text(config, "brokerHost"),
             config.RootElement.GetProperty("brokerPort").GetInt32(), Text(config, "wifiSsid"), Text(config, "wifiPassword")));
        var parser = new BoardConfigParser();
        var board = parser.Parse(text);
        Assert.True(board is not null, parser.Error);
        Assert.Equal(("oven1-a", password, 1883), (board.DeviceId, board.MqttPassword, board.BrokerPort));
        var file = Assert.Single(deployment.RootElement.GetProperty("Files").EnumerateArray());
        Assert.Equal(@"I:\pouchmon.json", file.GetProperty("DestinationFilePath").GetString());
        Assert.Equal(Path.Combine(Out, "pouchmon.json"), file.GetProperty("SourceFilePath").GetString());
    }

    [Fact]
    public async Task Add_ExistingDevice_ExitsTwoKeepingTheFirstPassword()
    {
        var port = FreePort.Next();
        var password = await AddAsync("oven1-a", port);

        var again = await PouchmonProcess.Run("device", "add", "--data", Data, "--id", "oven1-a", "--wifi-ssid", "lab", "--wifi-password", "lab-password", "--out", Out + "2");

        Assert.Equal(2, again.ExitCode);
        Assert.Equal("pouchmon device add: device 'oven1-a' already has a credential; remove it first to issue a new one", again.Stderr.Trim());
        using var host = await HostProcess.StartAsync(HostSettings(port));
        var (client, connected) = await ConnectAsync(port, "oven1-a", password);
        client.Dispose();
        Assert.Equal(MqttClientConnectResultCode.Success, connected);
    }

    [Theory]
    [InlineData("--id", "Oven_1", "--id 'Oven_1' is not a valid device id")]
    [InlineData("--broker", "http://127.0.0.1:1883", "--broker 'http://127.0.0.1:1883' must be mqtt://host:port or mqtts://host:port")]
    [InlineData("--broker", "mqtts://127.0.0.1:8883", "--broker mqtts:// needs --ca")]
    [InlineData("--ca", "/nonexistent/ca.pem", "--ca '/nonexistent/ca.pem' is not a PEM certificate file")]
    [InlineData("--wifi-password", "short", "--wifi-password the board would refuse its config file: \"wifiPassword\" must be 8-63 characters long")]
    [InlineData("--wifi-ssid", "a-network-name-longer-than-32-bytes", "--wifi-ssid the board would refuse its config file: \"wifiSsid\" must be 1-32 characters long")]
    [InlineData("--label", "two\nlines", "--label must be at most 100 characters on one line")]
    public async Task Add_BadInput_OneLineExitTwoNoCredential(string option, string value, string message)
    {
        var arguments = new Dictionary<string, string>
        {
            ["--id"] = "oven1-a", ["--broker"] = "mqtt://127.0.0.1:1883", ["--wifi-ssid"] = "lab", ["--wifi-password"] = "lab-password", [option] = value,
        };

        var result = await PouchmonProcess.Run(
            ["device", "add", "--data", Data, "--out", Out, .. arguments.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("pouchmon device add: " + message, line, StringComparison.Ordinal);
        Assert.Equal("no devices", (await PouchmonProcess.Run("device", "list", "--data", Data)).Stdout.Trim());
    }

    [Fact]
    public async Task List_DeviceAddedWithLabel_ShowsItsLabel()
    {
        var result = await PouchmonProcess.Run("device", "add", "--data", Data, "--id", "oven1-a", "--label", "oven 1, top shelf",
            "--wifi-ssid", "lab-wifi", "--wifi-password", "", "--out", Out);

        var list = await PouchmonProcess.Run("device", "list", "--data", Data);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.EndsWith("  oven 1, top shelf", list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_AddedDevice_GoneFromListAndLoginRefused()
    {
        var port = FreePort.Next();
        var password = await AddAsync("oven1-a", port);
        await AddAsync("oven1-b", port, Out + "-b");

        var removed = await PouchmonProcess.Run("device", "remove", "--data", Data, "--id", "oven1-a");
        var list = await PouchmonProcess.Run("device", "list", "--data", Data);
        var again = await PouchmonProcess.Run("device", "remove", "--data", Data, "--id", "oven1-a");

        Assert.Equal((0, 2), (removed.ExitCode, again.ExitCode));
        Assert.Equal(["device id", "oven1-b"], list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split("  ")[0].Trim()));
        Assert.Equal("pouchmon device remove: device 'oven1-a' has no credential", again.Stderr.Trim());
        using var host = await HostProcess.StartAsync(HostSettings(port));
        var (client, refused) = await ConnectAsync(port, "oven1-a", password);
        client.Dispose();
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, refused);
    }

    private async Task<string> AddAsync(string deviceId, int port, string? output = null)
    {
        var result = await PouchmonProcess.Run(
            "device", "add", "--data", Data, "--id", deviceId, "--broker", $"mqtt://127.0.0.1:{port}",
            "--wifi-ssid", "lab-wifi", "--wifi-password", "wifi \"secret\"", "--out", output ?? Out);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var line = Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("password: ", StringComparison.Ordinal));
        return line["password: ".Length..].Trim();
    }

    private Dictionary<string, string> HostSettings(int port) => new()
    {
        ["Storage:DataFolder"] = Data,
        ["Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture),
    };

    // MQTTnet 5 reports a refused login in the result, not by throwing.
    private static async Task<(IMqttClient Client, MqttClientConnectResultCode Code)> ConnectAsync(int port, string userName, string password)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(userName)
            .WithCredentials(userName, password)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .Build();
        try
        {
            var result = await client.ConnectAsync(options, TestContext.Current.CancellationToken);
            return (client, result.ResultCode);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static string? Text(JsonDocument document, string name) => document.RootElement.GetProperty(name).GetString();
}
