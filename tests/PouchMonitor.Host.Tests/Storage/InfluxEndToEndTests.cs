using System.Globalization;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Ingestion;
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

        foreach (var chunk in example.Readings.Chunk(50).Select((c, i) => (c, i)))
        {
            var readings = chunk.c.Select((r, j) => string.Create(CultureInfo.InvariantCulture,
                $$"""{"seq":{{(chunk.i * 50) + j}},"up":{{((chunk.i * 50) + j) * 1000}},"t":{{r.Reading.Time.ToUnixTimeMilliseconds()}},"s":{{example.SensorOf(r.Pouch)}},"p":{{r.Reading.PressurePa:R}},"c":{{r.Reading.TemperatureC:R}}}"""));
            await device.PublishAsync(Topics.Readings(ExampleData.DeviceId),
                $$"""{"v":1,"device":"{{ExampleData.DeviceId}}","boot":1,"readings":[{{string.Join(',', readings)}}]}""");
        }

        var outbox = host.Get<Outbox>();
        await Eventually.WaitAsync(() => host.Get<ReadingStore>().Count() == example.Readings.Count && host.Get<InfluxMirror>().LastError is not null,
            "every reading is stored while the database is down");
        Assert.True(outbox.Count() >= 2 * example.Readings.Count);

        await victoria.StartAsync();
        await Eventually.WaitAsync(() => outbox.Count() == 0, "the outbox drains once the database is back");

        foreach (var pouch in example.Experiment.Pouches.Select(p => p.Spec.Id))
        {
            var expectedTimes = example.Readings.Where(r => r.Pouch == pouch).Select(r => r.Reading.Time.ToUnixTimeMilliseconds()).ToList();
            var stored = host.Get<GasStore>().Series(new PouchKey(example.Experiment.Name, pouch));
            var pressure = Assert.Single(await victoria.ExportAsync($"{{__name__=\"pouch_reading_pressure_pa\",pouch=\"{pouch}\"}}", TestContext.Current.CancellationToken));
            var gas = Assert.Single(await victoria.ExportAsync($"{{__name__=\"pouch_gas_dry_gas_ml_std\",pouch=\"{pouch}\"}}", TestContext.Current.CancellationToken));
            Assert.Equal(expectedTimes, pressure.Timestamps.Order());
            // VictoriaMetrics keeps about 12 significant digits; InfluxDB keeps the float64.
            var expectedGas = stored.Where(p => p.DryGasMlStd is not null).Select(p => p.DryGasMlStd!.Value).ToList();
            var exportedGas = gas.Values.Zip(gas.Timestamps).OrderBy(v => v.Second).Select(v => v.First).ToList();
            Assert.Equal(expectedGas.Count, exportedGas.Count);
            Assert.All(expectedGas.Zip(exportedGas), v => Assert.Equal(v.First, v.Second, 1e-9));
            Assert.Equal(example.Experiment.FindPouch(pouch)!.Spec.Sample, pressure.Metric["sample"]);
            Assert.Equal(example.Experiment.Name, gas.Metric["experiment"]);
            Assert.Equal(ExampleData.DeviceId, gas.Metric["device"]);
        }
    }
}
