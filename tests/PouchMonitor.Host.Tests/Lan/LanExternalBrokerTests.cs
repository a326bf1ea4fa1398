using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using PouchMonitor.Host.Mqtt;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Lan;

public sealed class LanExternalBrokerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ServeLan_ExternalBroker_OpensHttpsOnlyAndHealthSaysNoMqttPort()
    {
        await using var mosquitto = await MosquittoServer.StartNewAsync();
        var (mqttTlsPort, httpsPort) = (FreePort.Next(), FreePort.Next());
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = _folder.Path,
            ["Mqtt:Broker"] = string.Create(CultureInfo.InvariantCulture, $"mqtt://127.0.0.1:{mosquitto.Port}"),
            ["Lan:Enabled"] = "true",
            ["Lan:Addresses:0"] = "127.0.0.1",
            ["Lan:MqttPort"] = mqttTlsPort.ToString(CultureInfo.InvariantCulture),
            ["Lan:HttpsPort"] = httpsPort.ToString(CultureInfo.InvariantCulture),
        });
        await Eventually.WaitAsync(() => host.Get<ReadingSubscriber>().IsConnected, "the host is connected to mosquitto");

        var tls = (await host.Anonymous.GetFromJsonAsync<JsonElement>(new Uri("healthz", UriKind.Relative), TestContext.Current.CancellationToken))
            .GetProperty("tls");

        Assert.Equal((JsonValueKind.Null, httpsPort), (tls.GetProperty("mqttPort").ValueKind, tls.GetProperty("httpsPort").GetInt32()));
        using var probe = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync("127.0.0.1", mqttTlsPort, TestContext.Current.CancellationToken).AsTask());
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }
}
