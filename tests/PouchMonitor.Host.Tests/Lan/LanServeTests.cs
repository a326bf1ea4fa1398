using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Lan;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Cli;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Lan;

/// <summary><c>pouchmon serve --lan</c> through its real command line: TLS for broker and web app, sign-in, the certificate.</summary>
[SupportedOSPlatform("linux")]
public sealed class LanServeTests : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-01T08:00:00Z", CultureInfo.InvariantCulture);
    private readonly TempFolder _folder = new();

    private string Data => Path.Combine(_folder.Path, "data");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ServeLan_DeviceTrustingOnlyPrintedCertificate_BatchStoredOverTls()
    {
        using var host = await LanHost.StartAsync(Data);

        using var device = await host.ConnectDeviceAsync(host.Fingerprint);
        var published = await device.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic(Topics.Readings(LanHost.DeviceId))
                .WithPayload(Encoding.UTF8.GetBytes(TestDevice.Batch(LanHost.DeviceId, boot: 1, firstSeq: 0, count: 3, Start)))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(),
            TestContext.Current.CancellationToken);

        Assert.True(published.IsSuccess, published.ReasonString);
        var readings = new ReadingStore(new SqliteDatabase(Data));
        await Eventually.WaitAsync(() => readings.ForSensor(LanHost.DeviceId, 0).Count == 3, "the batch is stored");
    }

    [Fact]
    public async Task ServeLan_ClientWithoutTlsOnTlsPort_Refused()
    {
        using var host = await LanHost.StartAsync(Data);
        // The port listens: a TLS client gets through, so the refusal below is the handshake's, not a closed port's.
        (await host.ConnectDeviceAsync(host.Fingerprint)).Dispose();

        await Assert.ThrowsAnyAsync<MQTTnet.Exceptions.MqttCommunicationException>(() => host.ConnectDeviceAsync(pinnedFingerprint: null));
    }

    [Fact]
    public async Task ServeLan_DevicePinningAnotherCertificate_Refused()
    {
        using var host = await LanHost.StartAsync(Data);
        using var other = SelfSignedCertificate.ForLoopback();
        (await host.ConnectDeviceAsync(host.Fingerprint)).Dispose();

        await Assert.ThrowsAnyAsync<MQTTnet.Exceptions.MqttCommunicationException>(() => host.ConnectDeviceAsync(LanHost.FingerprintOf(other)));
    }

    [Fact]
    public async Task ServeLan_HttpsWithPinnedCertificate_AnonymousReadIs401AndHealthShowsFingerprint()
    {
        using var host = await LanHost.StartAsync(Data);
        using var https = host.PinnedHttps(host.Fingerprint);
        using var untrusting = new HttpClient { BaseAddress = host.HttpsUrl };

        using var devices = await https.GetAsync(new Uri("api/devices", UriKind.Relative), TestContext.Current.CancellationToken);
        var health = await https.GetFromJsonAsync<JsonElement>(new Uri("healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, devices.StatusCode);
        Assert.Equal(host.Fingerprint, health.GetProperty("tls").GetProperty("fingerprintSha256").GetString());
        Assert.Equal(host.MqttTlsPort, health.GetProperty("tls").GetProperty("mqttPort").GetInt32());
        // A client with the system's trust store refuses the self-signed certificate: clients must pin or trust it.
        await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync(new Uri("healthz", UriKind.Relative), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ServeLan_SecondStart_ReusesTheGeneratedCertificateKeptOwnerOnly()
    {
        string first;
        using (var host = await LanHost.StartAsync(Data))
        {
            first = host.Fingerprint;
            host.Kill();
        }

        using var again = await LanHost.StartAsync(Data);
        string? presented = null;
        using var device = await again.ConnectDeviceAsync(first, seen => presented = seen);

        Assert.Equal((first, first), (again.Fingerprint, presented));
        var certificatePath = GeneratedCertificate.CertificatePath(Data);
        Assert.Contains($"certificate {certificatePath} (generated)", again.Output, StringComparison.Ordinal);
        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(owner | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(certificatePath)!));
        Assert.Equal(owner, File.GetUnixFileMode(Path.Combine(Path.GetDirectoryName(certificatePath)!, GeneratedCertificate.KeyFileName)));
    }

    [Theory]
    [InlineData("pem")]
    [InlineData("pfx")]
    public async Task ServeLan_ConfiguredCertificateFile_PresentsItAndGeneratesNone(string format)
    {
        using var certificate = SelfSignedCertificate.ForLoopback();
        var settings = WriteCertificate(certificate, format);

        using var host = await LanHost.StartAsync(Data, settings);
        string? presented = null;
        using var device = await host.ConnectDeviceAsync(host.Fingerprint, seen => presented = seen);

        Assert.Equal((LanHost.FingerprintOf(certificate), LanHost.FingerprintOf(certificate)), (host.Fingerprint, presented));
        Assert.Contains("(configured)", host.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Data, GeneratedCertificate.FolderName)));
    }

    [Theory]
    [InlineData("--Lan:CertificateFile=/nonexistent/host.pem", "Lan:CertificateFile '/nonexistent/host.pem' does not exist")]
    [InlineData("--Lan:KeyFile=/nonexistent/host.key", "Lan:KeyFile: is for Lan:CertificateFile, which is not set")]
    public async Task ServeLan_BadCertificateSetting_OneLineNamingItExit2(string setting, string message)
    {
        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            "serve", "--lan", "--data", Data, $"--urls=http://127.0.0.1:{FreePort.Next()}", $"--Mqtt:Port={FreePort.Next()}",
            "--Lan:Addresses:0=127.0.0.1", $"--Lan:MqttPort={FreePort.Next()}", $"--Lan:HttpsPort={FreePort.Next()}", setting);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("pouchmon serve: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeLan_CertificateFileWithoutKey_OneLineNamingTheFileExit2()
    {
        using var certificate = SelfSignedCertificate.ForLoopback();
        var path = Path.Combine(_folder.Path, "cert-only.pem");
        await File.WriteAllTextAsync(path, certificate.ExportCertificatePem(), TestContext.Current.CancellationToken);

        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            "serve", "--lan", "--data", Data, $"--urls=http://127.0.0.1:{FreePort.Next()}", $"--Mqtt:Port={FreePort.Next()}",
            "--Lan:Addresses:0=127.0.0.1", $"--Lan:MqttPort={FreePort.Next()}", $"--Lan:HttpsPort={FreePort.Next()}", $"--Lan:CertificateFile={path}");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"pouchmon serve: Lan:CertificateFile '{path}' is not a PEM certificate with its key", line, StringComparison.Ordinal);
    }

    private Dictionary<string, string> WriteCertificate(X509Certificate2 certificate, string format)
    {
        if (format == "pfx")
        {
            var pfx = Path.Combine(_folder.Path, "host.pfx");
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
            return new() { ["Lan:CertificateFile"] = pfx, ["Lan:CertificatePassword"] = "pfx-password" };
        }

        var cert = Path.Combine(_folder.Path, "host.pem");
        var key = Path.Combine(_folder.Path, "host.key");
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        File.WriteAllText(key, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return new() { ["Lan:CertificateFile"] = cert, ["Lan:KeyFile"] = key };
    }
}
