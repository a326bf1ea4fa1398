using System.Text.Json;
using PouchMonitor.Firmware.Core;
using PouchMonitor.Host.Lan;
using PouchMonitor.Host.Tests.Cli;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Lan;

/// <summary><c>pouchmon device add</c> on the data folder of a host that runs with <c>--lan</c>.</summary>
public sealed class LanDeviceAddTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Data => Path.Combine(_folder.Path, "data");

    private string Out => Path.Combine(_folder.Path, "out");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task DeviceAdd_HostWithGeneratedCertificate_BoardGetsTlsPort8883AndTheCertificate()
    {
        using var host = await LanHost.StartAsync(Data);
        var certificatePem = (await File.ReadAllTextAsync(GeneratedCertificate.CertificatePath(Data), TestContext.Current.CancellationToken)).Trim();

        var result = await PouchmonProcess.Run(
            "device", "add", "--data", Data, "--id", "oven1-b", "--wifi-ssid", "lab-wifi", "--wifi-password", "wifi-secret", "--out", Out);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"with TLS 1.2 and trusts {GeneratedCertificate.CertificatePath(Data)}", result.Stdout, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(Path.Combine(Out, "pouchmon.json"), TestContext.Current.CancellationToken);
        var parser = new BoardConfigParser();
        var board = parser.Parse(text);
        Assert.True(board is not null, parser.Error);
        Assert.Equal((LanOptions.DefaultMqttPort, certificatePem), (board.BrokerPort, board.CaPem.Trim()));
        using var config = JsonDocument.Parse(text);
        Assert.Equal(System.Net.Dns.GetHostName().ToLowerInvariant(), config.RootElement.GetProperty("brokerHost").GetString());
    }

    [Fact]
    public async Task DeviceAdd_PlainBrokerGivenOnLanHost_NoCertificateInTheFile()
    {
        using var host = await LanHost.StartAsync(Data);

        var result = await PouchmonProcess.Run(
            "device", "add", "--data", Data, "--id", "oven1-b", "--broker", "mqtt://127.0.0.1:1883",
            "--wifi-ssid", "lab-wifi", "--wifi-password", "wifi-secret", "--out", Out);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var board = new BoardConfigParser().Parse(await File.ReadAllTextAsync(Path.Combine(Out, "pouchmon.json"), TestContext.Current.CancellationToken));
        Assert.Equal((1883, (string?)null), (board!.BrokerPort, board.CaPem));
    }
}
