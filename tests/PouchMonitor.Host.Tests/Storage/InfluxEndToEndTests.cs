using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Mqtt;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Ingestion;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Storage;

public sealed class InfluxEndToEndTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_DatabaseDownWhileReadingsArrive_MirrorsEveryReadingAndGasPointOnceItReturns()
    {
        var example = ExampleData.Create(_folder.Path);
        await using var victoria = await VictoriaMetricsServer.StartNewAsync();
        victoria.Stop();
        await using var broker = await TestBroker.StartAsync(TestBroker.Mosquitto);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _folder.Path;
        settings["Experiments:Files:0"] = example.ExperimentPath;
        settings["Influx:Url"] = victoria.Url.ToString();
        settings["Influx:Org"] = "lab";
        settings["Influx:Bucket"] = "pouchmon";
        settings["Influx:Token"] = "unused-by-victoria-metrics";
        settings["Influx:InitialBackoff"] = "00:00:00.050";
        settings["Influx:MaxBackoff"] = "00:00:00.500";
        await using var host = await ServeHost.StartAsync(settings);
        await Eventually.WaitAsync(() => host.Get<ReadingSubscriber>().IsConnected, "the host is subscribed");
        await using var device = await TestDevice.ConnectAsync(broker, ExampleData.DeviceId);

        foreach (var batch in example.Batches(1, example.Readings, 50))
        {
            await device.PublishAsync(Topics.Readings(ExampleData.DeviceId), batch);
        }

        var outbox = host.Get<Outbox>();
        var gas = host.Get<GasStore>();
        var pouches = example.Experiment.Pouches.Select(p => new PouchKey(example.Experiment.Name, p.Spec.Id)).ToList();
        await Eventually.WaitAsync(() => pouches.Sum(p => gas.Series(p).Count) == example.Readings.Count && host.Get<InfluxMirror>().LastError is not null,
            "every reading is converted while the database is down");

        // A line per reading and per gas point (queued with them), and the alerts' lines, wait.
        Assert.True(outbox.Count() >= 2 * example.Readings.Count);

        await victoria.StartAsync();
        await Eventually.WaitAsync(() => outbox.Count() == 0, "the outbox drains once the database is back");

        foreach (var pouch in example.Experiment.Pouches.Select(p => p.Spec.Id))
        {
            var expectedTimes = example.Readings.Where(r => r.Pouch == pouch).Select(r => r.Reading.Time.ToUnixTimeMilliseconds()).ToList();
            var stored = gas.Series(new PouchKey(example.Experiment.Name, pouch));
            var pressure = Assert.Single(await victoria.ExportAsync($"{{__name__=\"pouch_reading_pressure_pa\",pouch=\"{pouch}\"}}", TestContext.Current.CancellationToken));
            var exported = Assert.Single(await victoria.ExportAsync($"{{__name__=\"pouch_gas_dry_gas_ml_std\",pouch=\"{pouch}\"}}", TestContext.Current.CancellationToken));
            Assert.Equal(expectedTimes, pressure.Timestamps.Order());
            // VictoriaMetrics keeps about 12 significant digits; InfluxDB keeps the float64.
            var expectedGas = stored.Where(p => p.DryGasMlStd is not null).Select(p => p.DryGasMlStd!.Value).ToList();
            var exportedGas = exported.Values.Zip(exported.Timestamps).OrderBy(v => v.Second).Select(v => v.First).ToList();
            Assert.Equal(expectedGas.Count, exportedGas.Count);
            Assert.All(expectedGas.Zip(exportedGas), v => Assert.Equal(v.First, v.Second, 1e-9));
            Assert.Equal(example.Experiment.FindPouch(pouch)!.Spec.Sample, pressure.Metric["sample"]);
            Assert.Equal(example.Experiment.Name, exported.Metric["experiment"]);
            Assert.Equal(ExampleData.DeviceId, exported.Metric["device"]);
        }
    }
}
