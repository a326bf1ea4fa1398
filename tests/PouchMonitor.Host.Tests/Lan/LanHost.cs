using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Lan;

/// <summary>
/// <c>pouchmon serve --lan</c> as its own process, its TLS listeners on 127.0.0.1 (never beyond loopback in a test) and
/// free ports, one device <see cref="DeviceId"/> at the embedded broker, and the fingerprint it printed.
/// </summary>
internal sealed class LanHost : IDisposable
{
    public const string DeviceId = "oven1-a";
    public const string DevicePassword = "oven1-a-secret";
    private const string FingerprintLabel = "SHA-256 fingerprint ";

    private readonly HostProcess _process;

    private LanHost(HostProcess process, int mqttTlsPort, int httpsPort, string fingerprint)
    {
        _process = process;
        MqttTlsPort = mqttTlsPort;
        HttpsPort = httpsPort;
        Fingerprint = fingerprint;
    }

    public int MqttTlsPort { get; }

    public int HttpsPort { get; }

    /// <summary>The fingerprint from the start line.</summary>
    public string Fingerprint { get; }

    public Uri HttpsUrl => new(string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{HttpsPort}/"));

    public string Output => _process.Output;

    /// <summary>Starts on <paramref name="dataFolder"/> with <paramref name="settings"/> added to the lan settings.</summary>
    public static async Task<LanHost> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var (mqttTlsPort, httpsPort) = (FreePort.Next(), FreePort.Next());
        var all = new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = dataFolder,
            ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Mqtt:Devices:" + DeviceId] = DevicePassword,
            ["Lan:Addresses:0"] = "127.0.0.1",
            ["Lan:MqttPort"] = mqttTlsPort.ToString(CultureInfo.InvariantCulture),
            ["Lan:HttpsPort"] = httpsPort.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var process = await HostProcess.StartAsync(all, "--lan");
        await Eventually.WaitAsync(() => process.Output.Contains(FingerprintLabel, StringComparison.Ordinal), "the start line with the fingerprint");
        var line = process.Output.Split('\n').Single(l => l.Contains(FingerprintLabel, StringComparison.Ordinal));
        return new LanHost(process, mqttTlsPort, httpsPort, line[(line.IndexOf(FingerprintLabel, StringComparison.Ordinal) + FingerprintLabel.Length)..].Trim());
    }

    /// <summary>The colon-separated SHA-256 of a certificate as a client sees it, to compare with a printed fingerprint.</summary>
    public static string FingerprintOf(X509Certificate? certificate) =>
        certificate is null ? "" : string.Join(':', SHA256.HashData(certificate.GetRawCertData()).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));

    /// <summary>MQTT 3.1.1 (as the boards speak it) to the TLS port; with <paramref name="pinnedFingerprint"/> only that certificate is trusted, without it TLS is off.</summary>
    public async Task<IMqttClient> ConnectDeviceAsync(string? pinnedFingerprint, Action<string>? seenFingerprint = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", MqttTlsPort)
            .WithClientId(DeviceId)
            .WithCredentials(DeviceId, DevicePassword)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithTimeout(TimeSpan.FromSeconds(30));
        if (pinnedFingerprint is not null)
        {
            options.WithTlsOptions(tls => tls.UseTls().WithCertificateValidationHandler(e =>
            {
                var seen = FingerprintOf(e.Certificate);
                seenFingerprint?.Invoke(seen);
                return seen == pinnedFingerprint;
            }));
        }

        try
        {
            await client.ConnectAsync(options.Build(), TestContext.Current.CancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>An HTTPS client that trusts only the certificate with <paramref name="pinnedFingerprint"/>.</summary>
    public HttpClient PinnedHttps(string pinnedFingerprint) => new(new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => FingerprintOf(certificate) == pinnedFingerprint },
    })
    { BaseAddress = HttpsUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL, so a test can start again on the same data folder.</summary>
    public void Kill() => _process.Kill();

    public void Dispose() => _process.Dispose();
}
