using System.Globalization;
using PouchMonitor.Host.Mqtt;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Mqtt;

public sealed class TlsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_MqttsBrokerTrustedByCaFile_ConnectsAndSubscribes()
    {
        await using var mosquitto = await MosquittoServer.StartNewAsync(tls: true);
        await using var host = await ServeHost.StartAsync(Settings(mosquitto, trust: true));

        await Eventually.WaitAsync(() => host.Get<ReadingSubscriber>().IsConnected, "the host is connected over TLS");
        Assert.Null(host.Get<ReadingSubscriber>().LastError);
    }

    [Fact]
    public async Task Serve_MqttsBrokerWithUntrustedCertificate_RefusesToConnect()
    {
        await using var mosquitto = await MosquittoServer.StartNewAsync(tls: true);
        await using var host = await ServeHost.StartAsync(Settings(mosquitto, trust: false));

        await Eventually.WaitAsync(() => host.Get<ReadingSubscriber>().LastError is not null, "the connection attempt fails");
        Assert.False(host.Get<ReadingSubscriber>().IsConnected);
    }

    private Dictionary<string, string> Settings(MosquittoServer mosquitto, bool trust)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = _folder.Path,
            ["Mqtt:Broker"] = string.Create(CultureInfo.InvariantCulture, $"mqtts://127.0.0.1:{mosquitto.Port}"),
        };
        if (trust)
        {
            settings["Mqtt:CaCertificatePath"] = mosquitto.CertificatePath!;
        }

        return settings;
    }
}
