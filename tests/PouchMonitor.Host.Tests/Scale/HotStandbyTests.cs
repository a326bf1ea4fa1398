using System.Globalization;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Ingestion;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Scale;

public sealed class HotStandbyTests
{
    private const string Mirrored = "{__name__=~\"pouch_(reading|gas)_.*\"}";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Publish_OneOfTwoHostsKilledMidRun_MirrorIdenticalToAnUndisturbedHost()
    {
        using var folder = new TempFolder();
        var example = ExampleData.Create(folder.Path);
        var batches = example.Batches(1, example.Readings, 10);
        await using var broker = await TestBroker.StartAsync(TestBroker.Mosquitto);
        await using var pair = await VictoriaMetricsServer.StartNewAsync();
        await using var reference = await VictoriaMetricsServer.StartNewAsync();
        using var first = await HostProcess.StartAsync(Settings(broker, example, pair, "host-1"));
        using var second = await HostProcess.StartAsync(Settings(broker, example, pair, "host-2"));
        using var undisturbed = await HostProcess.StartAsync(Settings(broker, example, reference, "host-reference"));
        await using var device = await TestDevice.ConnectAsync(broker, ExampleData.DeviceId);

        foreach (var batch in batches.Take(batches.Count / 2))
        {
            await device.PublishAsync(Topics.Readings(ExampleData.DeviceId), batch);
        }

        await Eventually.WaitAsync(() => Samples(pair, "pouch_reading_pressure_pa") > 0, "the pair has mirrored some readings", Deadline);
        first.Kill();
        foreach (var batch in batches.Skip(batches.Count / 2))
        {
            await device.PublishAsync(Topics.Readings(ExampleData.DeviceId), batch);
        }

        foreach (var server in new[] { pair, reference })
        {
            await Eventually.WaitAsync(() => IsComplete(server, example.Readings.Count), "every reading and gas point is mirrored", Deadline);
        }

        var expected = await CanonicalAsync(reference);
        var actual = await CanonicalAsync(pair);
        Assert.Contains(expected.Keys, k => k.Contains("__name__=pouch_gas_dry_gas_ml_std", StringComparison.Ordinal));
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, series => Assert.Equal(series.Value, actual[series.Key]));
    }

    private static Dictionary<string, string> Settings(TestBroker broker, ExampleData example, VictoriaMetricsServer victoria, string clientId)
    {
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = Path.Combine(Path.GetDirectoryName(example.ExperimentPath)!, clientId);
        settings["Mqtt:ClientId"] = clientId;
        settings["Experiments:Files:0"] = example.ExperimentPath;
        settings["Influx:Url"] = victoria.Url.ToString();
        settings["Influx:Org"] = "lab";
        settings["Influx:Bucket"] = "pouchmon";
        settings["Influx:Token"] = "unused-by-victoria-metrics";
        return settings;
    }

    private static bool IsComplete(VictoriaMetricsServer server, int readings) =>
        Samples(server, "pouch_reading_pressure_pa") == readings && Samples(server, "pouch_gas_pressure_pa") == readings;

    private static int Samples(VictoriaMetricsServer server, string metric) =>
        server.ExportAsync($"{{__name__=\"{metric}\"}}", TestContext.Current.CancellationToken).GetAwaiter().GetResult()
            .Sum(s => s.Timestamps.Count);

    /// <summary>Each series, named by all its labels, to its samples in time order.</summary>
    private static async Task<Dictionary<string, List<string>>> CanonicalAsync(VictoriaMetricsServer server)
    {
        var series = await server.ExportAsync(Mirrored, TestContext.Current.CancellationToken);
        return series.ToDictionary(
            s => string.Join(',', s.Metric.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")),
            s => s.Timestamps.Zip(s.Values).OrderBy(p => p.First)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.First}:{p.Second:R}")).ToList());
    }
}
