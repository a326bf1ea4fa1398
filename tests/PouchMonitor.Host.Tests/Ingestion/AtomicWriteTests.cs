using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Mqtt;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Ingestion;

/// <summary>A message's readings and gas points are stored together or not at all.</summary>
public sealed class AtomicWriteTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Publish_GasWriteFailsAfterTheReadings_NothingStoredThenAllOnceDeliveredAgain()
    {
        var example = ExampleData.Create(_folder.Path);
        await using var broker = await TestBroker.StartAsync(TestBroker.Mosquitto);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _folder.Path;
        settings["Experiments:Files:0"] = example.ExperimentPath;
        await using var host = await ServeHost.StartAsync(settings);
        await Eventually.WaitAsync(() => host.Get<ReadingSubscriber>().IsConnected, "the host is subscribed");
        var readings = host.Get<ReadingStore>();
        var writer = host.Get<WriteQueue>();
        var batch = example.Batches(1, [.. example.Readings.Take(20)], 20)[0];
        using var other = new SqliteDatabase(_folder.Path).Open();
        // Every gas insert fails, after the readings' inserts of the same message succeeded.
        SqliteDatabase.Execute(other, "CREATE TRIGGER gas_fails BEFORE INSERT ON gas BEGIN SELECT RAISE(ABORT, 'gas store broken'); END;");
        await using var device = await TestDevice.ConnectAsync(broker, ExampleData.DeviceId);

        await device.PublishAsync(Topics.Readings(ExampleData.DeviceId), batch);
        await Eventually.WaitAsync(() => writer.FailedCommits >= 2, "the message fails, is not acknowledged and fails again when delivered again");
        Assert.Equal(0, readings.Count());
        SqliteDatabase.Execute(other, "DROP TRIGGER gas_fails");

        var gas = host.Get<GasStore>();
        var pouches = example.Experiment.Pouches.Select(p => new PouchKey(example.Experiment.Name, p.Spec.Id)).ToList();
        await Eventually.WaitAsync(() => readings.Count() == 20, "the readings are stored once delivered again");
        await Eventually.WaitAsync(() => pouches.Sum(p => gas.Series(p).Count) == 20, "a gas point for every reading");
    }
}
