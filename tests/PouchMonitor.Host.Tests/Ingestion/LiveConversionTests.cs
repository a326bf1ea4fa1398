using PouchMonitor.Analysis;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Tests.Cli;
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
        var firstBoot = example.Batches(1, [.. example.Readings.Take(half)], BatchSize);
        var secondBoot = example.Batches(2, [.. example.Readings.Skip(half)], BatchSize);
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

    [Fact]
    public async Task Publish_PouchWithABlank_StoredGasEqualsConvert()
    {
        var example = ExampleData.Create(_folder.Path, secondIsBlankOfFirst: true);
        var gasCsv = Path.Combine(_folder.Path, "gas.csv");
        var (exitCode, stderr, _) = await PouchmonProcess.Run(
            "convert", "--experiment", example.ExperimentPath, "--readings", ExampleData.ReadingsPath,
            "--events", ExampleData.EventsPath, "--gc", ExampleData.GcPath, "--out", gasCsv);
        Assert.True(exitCode == 0, stderr);
        var pouch = example.Experiment.Pouches[0].Spec.Id;
        var converted = ConvertedGas(gasCsv, pouch);

        await using var broker = await TestBroker.StartAsync(TestBroker.Mosquitto);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _folder.Path;
        settings["Experiments:Files:0"] = example.ExperimentPath;
        await using var host = await ServeHost.StartAsync(settings);
        AddEventsAndGc(host.Get<ExperimentDataStore>(), example);
        await Eventually.WaitAsync(() => host.Get<ReadingSubscriber>().IsConnected, "the host is subscribed");
        await using var device = await TestDevice.ConnectAsync(broker, ExampleData.DeviceId);
        foreach (var batch in example.Batches(1, example.Readings, BatchSize))
        {
            await device.PublishAsync(Topics.Readings(ExampleData.DeviceId), batch);
        }

        var gas = host.Get<GasStore>();
        var key = new PouchKey(example.Experiment.Name, pouch);
        await Eventually.WaitAsync(
            () => example.Experiment.Pouches.Sum(p => gas.Series(new PouchKey(example.Experiment.Name, p.Spec.Id)).Count) == example.Readings.Count,
            "a gas point for every reading");
        var served = gas.Series(key);
        Assert.Equal(converted.Select(c => c.Time), served.Select(p => p.Time));
        Assert.Contains(converted, c => c.GasMlStd is not null);
        foreach (var (c, p) in converted.Zip(served))
        {
            Assert.Equal(c.GasMlStd is null, p.DryGasMlStd is null);
            Assert.True(Math.Abs((c.GasMlStd ?? 0) - (p.DryGasMlStd ?? 0)) <= 1e-9, $"{c.Time:O}: convert {c.GasMlStd:R} mL, serve {p.DryGasMlStd:R} mL");
        }
    }

    // The pouch's time and dry_gas_ml_std (mL at standard conditions) from convert's gas.csv.
    private static List<(DateTimeOffset Time, double? GasMlStd)> ConvertedGas(string gasCsv, string pouch)
    {
        var lines = File.ReadAllLines(gasCsv);
        var header = lines[0].Split(',');
        int time = Array.IndexOf(header, "time"), id = Array.IndexOf(header, "pouch"), gas = Array.IndexOf(header, "dry_gas_ml_std");
        return [.. lines.Skip(1).Select(l => l.Split(',')).Where(f => f[id] == pouch).Select(f => (
            DateTimeOffset.Parse(f[time], System.Globalization.CultureInfo.InvariantCulture),
            f[gas].Length == 0 ? (double?)null : double.Parse(f[gas], System.Globalization.CultureInfo.InvariantCulture)))];
    }

    private static void AddEventsAndGc(ExperimentDataStore store, ExampleData example)
    {
        foreach (var (pouch, events) in example.Events)
        {
            events.ForEach(e => store.AddEvent(new PouchKey(example.Experiment.Name, pouch), e, "test"));
        }

        foreach (var (pouch, results) in example.Gc)
        {
            store.AddGcResults([.. results.Select(r => (new PouchKey(example.Experiment.Name, pouch), r))], replace: false, "test");
        }
    }

    private static object Comparable(GasPoint p) => (p.Time, p.PressurePa, p.TemperatureC, p.DryGasMlStd, p.DryGasMlStdPerG,
        p.SwellingMl, p.H2Percent, p.H2MlStd, p.H2MlStdPerG, p.H2Basis, p.Flags);
}
