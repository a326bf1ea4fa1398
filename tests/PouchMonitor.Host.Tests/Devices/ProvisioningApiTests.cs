using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using PouchMonitor.Firmware.Core;
using PouchMonitor.Host.Auth;
using PouchMonitor.Host.Tests.Auth;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Devices;

/// <summary><c>/api/device-credentials</c> against a running host and its embedded broker.</summary>
public sealed class ProvisioningApiTests : IAsyncLifetime
{
    private static readonly Uri Credentials = new("/api/device-credentials", UriKind.Relative);
    private readonly TempFolder _folder = new();
    private readonly int _mqttPort = FreePort.Next();
    private ServeHost _host = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ServeHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = _folder.Path,
            ["Mqtt:Port"] = _mqttPort.ToString(CultureInfo.InvariantCulture),
        });
        _admin = await _host.ClientAsAsync(Roles.Admin);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Add_AsAdmin_PasswordLogsInConfigParsesAndRemoveRefusesTheNextLogin()
    {
        using var response = await _admin.PostAsJsonAsync(Credentials, Request("oven1-a"), TestContext.Current.CancellationToken);
        var added = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var password = added.GetProperty("password").GetString()!;
        _host.Secrets.Add(password);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var parser = new BoardConfigParser();
        var board = parser.Parse(added.GetProperty("configFile").GetString()!);
        Assert.True(board is not null, parser.Error);
        Assert.Equal(("oven1-a", password, "127.0.0.1", _mqttPort, "lab-wifi"), (board.DeviceId, board.MqttPassword, board.BrokerHost, board.BrokerPort, board.WifiSsid));
        Assert.Equal("nanoff --serialport PORT --filedeployment \"deploy.json\"", added.GetProperty("nanoffCommand").GetString());
        using var deployment = JsonDocument.Parse(added.GetProperty("deploymentFile").GetString()!);
        Assert.Equal("pouchmon.json", deployment.RootElement.GetProperty("Files")[0].GetProperty("SourceFilePath").GetString());
        var listed = await _admin.GetFromJsonAsync<JsonElement>(Credentials, TestContext.Current.CancellationToken);
        Assert.Equal(("oven1-a", "oven 1, top"), (listed[0].GetProperty("deviceId").GetString(), listed[0].GetProperty("label").GetString()));
        Assert.Equal(MqttClientConnectResultCode.Success, await ConnectAsync("oven1-a", password));

        using var removed = await _admin.DeleteAsync(new Uri("/api/device-credentials/oven1-a", UriKind.Relative), TestContext.Current.CancellationToken);
        using var again = await _admin.DeleteAsync(new Uri("/api/device-credentials/oven1-a", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (removed.StatusCode, again.StatusCode));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectAsync("oven1-a", password));
    }

    [Theory]
    [InlineData("Oven_1", null, HttpStatusCode.BadRequest, "deviceId", "deviceId 'Oven_1' is not a valid device id")]
    [InlineData("oven1-a", "http://127.0.0.1:1883", HttpStatusCode.BadRequest, "broker", "broker 'http://127.0.0.1:1883' must be mqtt://host:port or mqtts://host:port")]
    [InlineData("oven1-a", "mqtts://127.0.0.1:8883", HttpStatusCode.BadRequest, "broker", "broker mqtts:// needs caPem")]
    [InlineData("oven1-b", null, HttpStatusCode.Conflict, "deviceId", "device 'oven1-b' already has a credential")]
    public async Task Add_BadOrDuplicate_ProblemNamingTheField(string deviceId, string? broker, HttpStatusCode status, string field, string detail)
    {
        using var first = await _admin.PostAsJsonAsync(Credentials, Request("oven1-b"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var response = await _admin.PostAsJsonAsync(Credentials, Request(deviceId) with { Broker = broker ?? $"mqtt://127.0.0.1:{_mqttPort}" },
            TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single((await _admin.GetFromJsonAsync<JsonElement>(Credentials, TestContext.Current.CancellationToken)).EnumerateArray());
    }

    [Fact]
    public async Task Add_SignedInAdminWithoutTheAntiforgeryHeader_RefusedAndWithItCreated()
    {
        var password = await _host.AddUserAsync("ada", Roles.Admin);
        using var browser = new Browser(_host.Url);
        await browser.SignInAsync("ada", password);
        var me = await browser.GetJsonAsync("/api/me");

        using var without = await browser.Client.PostAsJsonAsync(Credentials, Request("oven1-d"), TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, Credentials) { Content = JsonContent.Create(Request("oven1-d")) };
        request.Headers.Add(CrossSiteGuard.HeaderName, me.GetProperty("antiforgery").GetString());
        using var with = await browser.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Created), (without.StatusCode, with.StatusCode));
        _host.Secrets.Add((await with.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("password").GetString()!);
    }

    [Fact]
    public async Task Remove_BadId_BadRequest()
    {
        using var response = await _admin.DeleteAsync(new Uri("/api/device-credentials/Oven_1", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Operator)]
    public async Task Endpoints_NotAdmin_Forbidden(string role)
    {
        var client = await _host.ClientAsAsync(role);

        using var list = await client.GetAsync(Credentials, TestContext.Current.CancellationToken);
        using var add = await client.PostAsJsonAsync(Credentials, Request("oven1-c"), TestContext.Current.CancellationToken);
        using var remove = await client.DeleteAsync(new Uri("/api/device-credentials/oven1-c", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { list.StatusCode, add.StatusCode, remove.StatusCode });
        Assert.Empty((await _admin.GetFromJsonAsync<JsonElement>(Credentials, TestContext.Current.CancellationToken)).EnumerateArray());
    }

    private AddRequest Request(string deviceId) =>
        new(deviceId, "oven 1, top", $"mqtt://127.0.0.1:{_mqttPort}", "lab-wifi", "lab-wifi-password");

    // MQTTnet 5 reports a refused login in the result, not by throwing.
    private async Task<MqttClientConnectResultCode> ConnectAsync(string deviceId, string password)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _mqttPort).WithClientId(deviceId).WithCredentials(deviceId, password)
            .WithProtocolVersion(MqttProtocolVersion.V500).Build();
        var result = await client.ConnectAsync(options, TestContext.Current.CancellationToken);
        if (client.IsConnected)
        {
            await client.DisconnectAsync(cancellationToken: TestContext.Current.CancellationToken);
        }

        return result.ResultCode;
    }

    private sealed record AddRequest(string DeviceId, string Label, string Broker, string WifiSsid, string WifiPassword);
}
