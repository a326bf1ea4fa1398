using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PouchMonitor.Firmware.Core;
using PouchMonitor.Host.Auth;
using PouchMonitor.Host.Lan;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Lan;

/// <summary>The devices page's "Add device" (<c>/api/device-credentials</c>) on a host that runs with <c>--lan</c>.</summary>
public sealed class LanProvisioningApiTests : IAsyncLifetime
{
    private static readonly Uri Credentials = new("/api/device-credentials", UriKind.Relative);
    private readonly TempFolder _folder = new();
    private readonly int _tlsPort = FreePort.Next();
    private ServeHost _host = null!;
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ServeHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = _folder.Path,
            ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Lan:Enabled"] = "true",
            ["Lan:Addresses:0"] = "127.0.0.1",
            ["Lan:MqttPort"] = _tlsPort.ToString(CultureInfo.InvariantCulture),
            ["Lan:HttpsPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        _admin = await _host.ClientAsAsync(Roles.Admin);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Add_NoBrokerGivenOnLanHost_BoardGetsTheTlsPortAndTheGeneratedCertificate()
    {
        var certificatePem = (await File.ReadAllTextAsync(GeneratedCertificate.CertificatePath(_folder.Path), TestContext.Current.CancellationToken)).Trim();
        var defaults = await _admin.GetFromJsonAsync<JsonElement>(new Uri("/api/device-credentials/defaults", UriKind.Relative), TestContext.Current.CancellationToken);

        using var response = await _admin.PostAsJsonAsync(Credentials, new { DeviceId = "oven1-a", WifiSsid = "lab-wifi", WifiPassword = "lab-wifi-password" },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        _host.Secrets.Add(added.GetProperty("password").GetString()!);
        var parser = new BoardConfigParser();
        var board = parser.Parse(added.GetProperty("configFile").GetString()!);
        Assert.True(board is not null, parser.Error);
        Assert.Equal((_tlsPort, certificatePem), (board.BrokerPort, board.CaPem.Trim()));
        Assert.StartsWith("mqtts://", defaults.GetProperty("broker").GetString(), StringComparison.Ordinal);
        Assert.Equal(certificatePem, defaults.GetProperty("caPem").GetString()!.Trim());
    }
}
