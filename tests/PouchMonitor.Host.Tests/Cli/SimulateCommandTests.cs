using System.Collections.Concurrent;
using System.Diagnostics;
using MQTTnet;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.Simulator;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Cli;

public sealed class SimulateCommandTests : IDisposable
{
    private const string Password = "rig-secret";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("--broker", "not a uri")]
    [InlineData("--api", "relative/path")]
    public async Task Simulate_UnusableUri_PrintsOneLineNamingTheOptionAndExits2(string option, string value)
    {
        string[] args = option == "--broker" ? ["simulate", option, value] : ["simulate", "--broker", "mqtt://127.0.0.1:1883", option, value];

        var result = await PouchmonProcess.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_AgainstMosquitto_WritesTheExperimentAndEveryBoardPublishes()
    {
        var ct = TestContext.Current.CancellationToken;
        var boards = SeedExperiment.Pouches.Select(p => p.DeviceId).Distinct().ToList();
        var users = boards.Append("reader").ToDictionary(u => u, _ => Password);
        await using var mosquitto = await MosquittoServer.StartNewAsync(users, ["user reader", "topic read pouchmon/v1/#", "pattern readwrite pouchmon/v1/%u/#"]);
        var publishers = new ConcurrentDictionary<string, bool>();
        using var reader = new MqttClientFactory().CreateMqttClient();
        reader.ApplicationMessageReceivedAsync += e =>
        {
            publishers[e.ApplicationMessage.Topic.Split('/')[2]] = true;
            return Task.CompletedTask;
        };
        await reader.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(MosquittoServer.Host, mosquitto.Port).WithCredentials("reader", Password).Build(), ct);
        await reader.SubscribeAsync("pouchmon/v1/+/readings", cancellationToken: ct);
        var experiment = Path.Combine(_folder.Path, "experiment.json");

        using var simulate = Start("simulate", "--broker", $"mqtt://{MosquittoServer.Host}:{mosquitto.Port}", "--password", Password,
            "--write-experiment", experiment, "--speed", "2000");
        try
        {
            await Eventually.WaitAsync(() => boards.All(publishers.ContainsKey), "every board of the rig publishes readings");
        }
        finally
        {
            simulate.Kill();
            await simulate.WaitForExitAsync(ct);
        }

        Assert.Contains(SeedExperiment.Name, await File.ReadAllTextAsync(experiment, ct), StringComparison.Ordinal);
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pouchmon.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
