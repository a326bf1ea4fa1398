using PouchMonitor.Host.Cli;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Hosting;

public sealed class ServeCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("--Mqtt:Port=70000", "Mqtt:Port")]
    [InlineData("--Mqtt:Port=many", "Mqtt:Port")]
    [InlineData("--Mqtt:Broker=http://example.org", "Mqtt:Broker")]
    [InlineData("--Mqtt:Devices:Bad_Id=secret", "Mqtt:Devices")]
    [InlineData("--Mqtt:BindAddress=localhost", "Mqtt:BindAddress")]
    [InlineData("--Mqtt:Devices:pouchmon-host=secret", "Mqtt:Devices: device id 'pouchmon-host' is the host's own login")]
    [InlineData("--Mqtt:CaCertificatePath=/nonexistent/ca.pem", "Mqtt:CaCertificatePath")]
    [InlineData("--Mqtt:DeviceSet:0=dev-a", "Mqtt:DeviceSet")]
    [InlineData("--Influx:Url=http://127.0.0.1:8086", "Influx:Org")]
    [InlineData("--Influx:Url=http://127.0.0.1:8086", "Influx:Token")]
    [InlineData("--Influx:Site=north wing", "Influx:Site")]
    [InlineData("--Experiments:Files:0=/nonexistent/experiment.json", "/nonexistent/experiment.json")]
    public async Task RunAsync_BadSetting_PrintsOneLineNamingItAndExits2(string setting, string named)
    {
        using var error = new StringWriter();
        string[] args = [$"--Storage:DataFolder={_folder.Path}", $"--urls=http://127.0.0.1:{FreePort.Next()}", $"--Mqtt:Port={FreePort.Next()}", setting];

        var exitCode = await ServeCommand.RunAsync(args, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("pouchmon serve: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }
}
