using System.Globalization;
using PouchMonitor.Analysis;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Mqtt;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Ingestion;

public sealed class LiveConversionTests : IDisposable
{
    private const int BatchSize = 25;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(TestBroker.Mosquitto)]
    [InlineData(TestBroker.Embedded)]
    public async Task Publish_ExampleWithAnEarlierBootArrivingLate_StoredGasEqualsPhysicsLibrary(string brokerKind)
    {
        var example = ExampleData.Create(_folder.Path);
        await using var broker = await TestBroker.StartAsync(brokerKind);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _folder.Path;
        settings["Experiments:Files:0"] = example.ExperimentPath;
        await using var host = await ServeHost.StartAsync(settings);
        AddEventsAndGc(host.Get<ExperimentDataStore>(), example);
        await Eventually.WaitAsync(() => host.Get<ReadingSubscriber>().IsConnected, "the host is subscribed");
        await using var device = await TestDevice.ConnectAsync(broker, ExampleData.DeviceId);

        // The second boot's readings arrive first; the first boot's buffer is flushed afterwards.
        var half = example.Readings.Count / 2;
        var firstBoot = Batches(example, boot: 1, example.Readings.Take(half).ToList());
        var secondBoot = Batches(example, boot: 2, example.Readings.Skip(half).ToList());
        foreach (var batch in secondBoot.Concat(firstBoot))
        {
            await device.PublishAsync(Topics.Readings(ExampleData.DeviceId), batch);
        }

        var gas = host.Get<GasStore>();
        var pouches = example.Experiment.Pouches.Select(p => p.Spec.Id).ToList();
        await Eventually.WaitAsync(
            () => pouches.Sum(p => gas.Series(new PouchKey(example.Experiment.Name, p)).Count) == example.Readings.Count,
            "a gas point for every reading");
        foreach (var pouch in pouches)
        {
            Assert.Equal(
                example.Expected(pouch).Select(Comparable),
                gas.Series(new PouchKey(example.Experiment.Name, pouch)).Select(Comparable));
        }
    }

    private static void AddEventsAndGc(ExperimentDataStore store, ExampleData example)
    {
        foreach (var (pouch, events) in example.Events)
        {
            events.ForEach(e => store.AddEvent(new PouchKey(example.Experiment.Name, pouch), e));
        }

        foreach (var (pouch, results) in example.Gc)
        {
            results.ForEach(r => store.AddGcResult(new PouchKey(example.Experiment.Name, pouch), r));
        }
    }

    private static List<string> Batches(ExampleData example, uint boot, List<(string Pouch, PressureReading Reading)> readings) =>
        readings.Chunk(BatchSize).Select((chunk, index) =>
        {
            var items = chunk.Select((r, i) =>
            {
                var seq = (index * BatchSize) + i;
                return string.Create(CultureInfo.InvariantCulture,
                    $$"""{"seq":{{seq}},"up":{{seq * 1000}},"t":{{r.Reading.Time.ToUnixTimeMilliseconds()}},"s":{{example.SensorOf(r.Pouch)}},"p":{{r.Reading.PressurePa:R}},"c":{{r.Reading.TemperatureC:R}}}""");
            });
            return string.Create(CultureInfo.InvariantCulture,
                $$"""{"v":1,"device":"{{ExampleData.DeviceId}}","boot":{{boot}},"readings":[{{string.Join(',', items)}}]}""");
        }).ToList();

    private static object Comparable(GasPoint p) => (p.Time, p.PressurePa, p.TemperatureC, p.DryGasMlStd, p.DryGasMlStdPerG,
        p.SwellingMl, p.H2Percent, p.H2MlStd, p.H2MlStdPerG, p.H2Basis, p.Flags);
}
