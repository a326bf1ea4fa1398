using PouchMonitor.Host.Cli;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Lan;

public sealed class LanConfigurationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("--Lan:Addresses:0=lab-host", "Lan:Addresses: 'lab-host' is not an IP address")]
    [InlineData("--Lan:Addresses:1=127.0.0.2", "Lan:Addresses: at most one IPv4 and one IPv6 address")]
    [InlineData("--Lan:MqttPort=70000", "Lan:MqttPort")]
    [InlineData("--Lan:Enabled=yes", "Lan:Enabled")]
    [InlineData("--Lan:CertificatePassword=x", "Lan:CertificatePassword: is for Lan:CertificateFile")]
    [InlineData("--Lan:Port=8883", "Lan:Port is not a configuration key")]
    public async Task RunAsync_BadLanSetting_PrintsOneLineNamingItAndExits2(string setting, string named)
    {
        using var error = new StringWriter();
        string[] args = [$"--Storage:DataFolder={_folder.Path}", $"--urls=http://127.0.0.1:{FreePort.Next()}", $"--Mqtt:Port={FreePort.Next()}",
            "--Lan:Enabled=true", "--Lan:Addresses:0=127.0.0.1", $"--Lan:MqttPort={FreePort.Next()}", $"--Lan:HttpsPort={FreePort.Next()}", setting];

        var exitCode = await ServeCommand.RunAsync(args, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("pouchmon serve: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }
}
