using System.Globalization;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Scale;

public sealed class PartitionedHostsTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-01T08:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Publish_TwoHostsWithDisjointDeviceSets_EachStoresExactlyItsDevices()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Mosquitto);
        using var folderA = new TempFolder();
        using var folderB = new TempFolder();
        using var hostA = await HostProcess.StartAsync(Settings(broker, folderA, "host-a", "dev-a"));
        using var hostB = await HostProcess.StartAsync(Settings(broker, folderB, "host-b", "dev-b"));
        await using var deviceA = await TestDevice.ConnectAsync(broker, "dev-a");
        await using var deviceB = await TestDevice.ConnectAsync(broker, "dev-b");

        // dev-b before and after dev-a: once a host has a device's last batch, the other device's batches reached it too.
        await PublishAsync(deviceB, 0, 10);
        await PublishAsync(deviceA, 0, 10);
        await PublishAsync(deviceB, 10, 1);

        var storeA = new ReadingStore(new SqliteDatabase(folderA.Path));
        var storeB = new ReadingStore(new SqliteDatabase(folderB.Path));
        await Eventually.WaitAsync(() => storeA.ForSensor("dev-a", 0).Count == 100, "host-a stores dev-a's 100 readings");
        await Eventually.WaitAsync(() => storeB.ForSensor("dev-b", 0).Count == 110, "host-b stores dev-b's 110 readings");
        Assert.Equal(100, storeA.Count());
        Assert.Equal(110, storeB.Count());
    }

    private static Dictionary<string, string> Settings(TestBroker broker, TempFolder folder, string clientId, string deviceId)
    {
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = folder.Path;
        settings["Mqtt:ClientId"] = clientId;
        settings["Mqtt:DeviceSet:0"] = deviceId;
        return settings;
    }

    private static async Task PublishAsync(TestDevice device, uint firstBatch, uint batches)
    {
        for (var i = firstBatch; i < firstBatch + batches; i++)
        {
            await device.PublishAsync(Topics.Readings(device.Id), TestDevice.Batch(device.Id, 1, i * 10, 10, Start));
        }
    }
}
