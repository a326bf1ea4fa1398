using PouchMonitor.Contracts;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Ingestion;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Scale;

public sealed class SiteTagTests
{
    [Fact]
    public async Task Serve_TwoSitesOnOneDatabase_EveryPointCarriesItsHostsSite()
    {
        using var folder = new TempFolder();
        var example = ExampleData.Create(folder.Path);
        var batches = example.Batches(1, example.Readings, 50);
        await using var victoria = await VictoriaMetricsServer.StartNewAsync();
        var sites = new[] { "north", "south" };
        foreach (var site in sites)
        {
            // Each site has its own broker and host; both mirror the same readings into one database.
            await using var broker = await TestBroker.StartAsync(TestBroker.Mosquitto);
            var settings = broker.HostSettings.ToDictionary();
            settings["Storage:DataFolder"] = Path.Combine(folder.Path, site);
            settings["Experiments:Files:0"] = example.ExperimentPath;
            settings["Influx:Url"] = victoria.Url.ToString();
            settings["Influx:Org"] = "lab";
            settings["Influx:Bucket"] = "pouchmon";
            settings["Influx:Token"] = "unused-by-victoria-metrics";
            settings["Influx:Site"] = site;
            using var host = await HostProcess.StartAsync(settings);
            await using var device = await TestDevice.ConnectAsync(broker, ExampleData.DeviceId);
            foreach (var batch in batches)
            {
                await device.PublishAsync(Topics.Readings(ExampleData.DeviceId), batch);
            }

            await Eventually.WaitAsync(() => Samples(victoria, site) == example.Readings.Count, $"site {site}'s readings are mirrored", TimeSpan.FromMinutes(3));
        }

        var series = await victoria.ExportAsync("{__name__=~\"pouch_(reading|gas)_.*\"}", TestContext.Current.CancellationToken);
        Assert.All(series, s => Assert.Contains(s.Metric.GetValueOrDefault("site"), sites));
        Assert.Equal(
            series.Where(s => s.Metric["site"] == "north").Select(s => s.Name).Order(),
            series.Where(s => s.Metric["site"] == "south").Select(s => s.Name).Order());
    }

    private static int Samples(VictoriaMetricsServer victoria, string site) =>
        victoria.ExportAsync($"{{__name__=\"pouch_gas_pressure_pa\",site=\"{site}\"}}", TestContext.Current.CancellationToken)
            .GetAwaiter().GetResult().Sum(s => s.Timestamps.Count);
}
