using System.Globalization;
using MQTTnet;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Mqtt;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Mqtt;

public sealed class IngestionTests : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-01T08:00:00Z", CultureInfo.InvariantCulture);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(TestBroker.Mosquitto)]
    [InlineData(TestBroker.Embedded)]
    public async Task Publish_SameBatchTwice_StoresEachReadingOnce(string brokerKind)
    {
        await using var broker = await TestBroker.StartAsync(brokerKind);
        await using var host = await StartHostAsync(broker);
        await using var device = await TestDevice.ConnectAsync(broker, "dev-a");
        var batch = TestDevice.Batch("dev-a", boot: 1, firstSeq: 0, count: 5, Start);

        await device.PublishAsync(Topics.Readings("dev-a"), batch);
        await device.PublishAsync(Topics.Readings("dev-a"), batch);
        await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, 5, 1, Start));

        var readings = host.Get<ReadingStore>();
        await Eventually.WaitAsync(() => readings.ForSensor("dev-a", 0).Any(r => r.Sequence == 5), "the marker reading is stored");
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (uint)i), readings.ForSensor("dev-a", 0).Select(r => r.Sequence));
    }

    [Theory]
    [InlineData(TestBroker.Mosquitto)]
    [InlineData(TestBroker.Embedded)]
    public async Task Publish_ToAnotherDevicesTopic_IsRefused(string brokerKind)
    {
        await using var broker = await TestBroker.StartAsync(brokerKind);
        await using var host = await StartHostAsync(broker);
        await using var device = await TestDevice.ConnectAsync(broker, "dev-a");

        var forged = await device.PublishAsync(Topics.Readings("dev-b"), TestDevice.Batch("dev-b", 1, 0, 3, Start));
        await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, 0, 1, Start));

        var readings = host.Get<ReadingStore>();
        await Eventually.WaitAsync(() => readings.Count() == 1, "dev-a's own reading is stored");
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.Empty(readings.ForSensor("dev-b", 0));
    }

    [Theory]
    [InlineData(TestBroker.Mosquitto)]
    [InlineData(TestBroker.Embedded)]
    public async Task Publish_MalformedAndForeignPayloads_QuarantinedWhilePipelineGoesOn(string brokerKind)
    {
        await using var broker = await TestBroker.StartAsync(brokerKind);
        await using var host = await StartHostAsync(broker);
        await using var device = await TestDevice.ConnectAsync(broker, "dev-a");

        await device.PublishAsync(Topics.Readings("dev-a"), "{not json");
        await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-b", 1, 0, 1, Start));
        await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, 0, 1, Start, _ => 5.0));
        await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, 0, 2, Start));

        var readings = host.Get<ReadingStore>();
        await Eventually.WaitAsync(() => readings.Count() == 2, "the valid batch is stored");
        Assert.Equal(3, host.Get<QuarantineStore>().Reasons().Count);
    }

    [Fact]
    public async Task Restart_HostDownWhileDevicePublishes_ResumesFromItsSessionWithoutLoss()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Mosquitto);
        await using (await StartHostAsync(broker))
        {
            // The first run creates the host's persistent session at the broker.
        }

        await using var device = await TestDevice.ConnectAsync(broker, "dev-a");
        for (var i = 0u; i < 20; i++)
        {
            await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, i * 10, 10, Start));
        }

        broker.Server!.Stop();
        await broker.Server.StartAsync();
        await using var restarted = await StartHostAsync(broker);
        var readings = restarted.Get<ReadingStore>();
        await Eventually.WaitAsync(() => readings.Count() == 200, "all 200 readings published while the host was down are stored");
    }

    [Fact]
    public async Task Restart_HostProcessKilledMidStream_ResumesFromItsSessionWithoutLoss()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Mosquitto);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _folder.Path;
        await using var device = await TestDevice.ConnectAsync(broker, "dev-a");
        using (var host = await HostProcess.StartAsync(settings))
        {
            for (var i = 0u; i < 20; i++)
            {
                await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, i * 10, 10, Start));
            }

            host.Kill();
        }

        for (var i = 20u; i < 30; i++)
        {
            await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, i * 10, 10, Start));
        }

        using var restarted = await HostProcess.StartAsync(settings);
        var readings = new ReadingStore(new SqliteDatabase(_folder.Path));
        await Eventually.WaitAsync(() => readings.Count() == 300, "all 300 readings are stored after the kill and restart");
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (uint)i), readings.ForSensor("dev-a", 0).Select(r => r.Sequence));
    }

    [Fact]
    public async Task Publish_LocalStoreLockedForAWhile_MessageIsDeliveredAgainAndStoredOnce()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Mosquitto);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _folder.Path;
        settings["Storage:BusyTimeout"] = "00:00:00.200";
        await using var host = await StartAndWaitConnectedAsync(settings);
        await using var device = await TestDevice.ConnectAsync(broker, "dev-a");
        var readings = host.Get<ReadingStore>();
        var writer = host.Get<WriteQueue>();

        using (var connection = new SqliteDatabase(_folder.Path).Open())
        {
            // Another writer holds the database past the store's busy timeout: every insert fails meanwhile.
            SqliteDatabase.Execute(connection, "BEGIN EXCLUSIVE");
            await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, 0, 10, Start));
            await Eventually.WaitAsync(() => writer.Failure is not null, "the storage reports the failed write");
            Assert.Equal(0, readings.Count());
            SqliteDatabase.Execute(connection, "COMMIT");
        }

        await Eventually.WaitAsync(() => readings.Count() == 10, "the batch is delivered again and stored");
    }

    [Fact]
    public async Task Publish_BurstFarAboveMqttNetDefaultQueue_EmbeddedBrokerDropsNothing()
    {
        const int Batches = 3000;
        await using var broker = await TestBroker.StartAsync(TestBroker.Embedded);
        await using var host = await StartHostAsync(broker);
        // The embedded broker reads a client's next packet only once the previous publish is stored, so with
        // thousands queued a keep-alive ping waits behind them and, on a busy machine, past the 1.5 keep-alive
        // periods after which the broker drops the client: this test's devices send no pings.
        await using var deviceA = await TestDevice.ConnectAsync(broker, "dev-a", keepAlive: TimeSpan.Zero);
        await using var deviceB = await TestDevice.ConnectAsync(broker, "dev-b", keepAlive: TimeSpan.Zero);

        // All in flight at once from two devices: with MQTTnet's default queue of 250 this loses readings
        // (checked by hand with Mqtt:MaxPendingMessagesPerClient=250).
        await Task.WhenAll(Enumerable.Range(0, Batches).SelectMany(i => new[]
        {
            deviceA.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", (uint)i, 0, 10, Start.AddMinutes(i))),
            deviceB.PublishAsync(Topics.Readings("dev-b"), TestDevice.Batch("dev-b", (uint)i, 0, 10, Start.AddMinutes(i))),
        }));

        var readings = host.Get<ReadingStore>();
        // A count, not a speed: 6,000 durable commits may take minutes on a busy machine.
        await Eventually.WaitAsync(() => readings.Count() == 2 * Batches * 10, $"all {2 * Batches * 10} readings are stored", TimeSpan.FromMinutes(10));
    }

    private Task<ServeHost> StartHostAsync(TestBroker broker)
    {
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _folder.Path;
        return StartAndWaitConnectedAsync(settings);
    }

    private static async Task<ServeHost> StartAndWaitConnectedAsync(Dictionary<string, string> settings)
    {
        var host = await ServeHost.StartAsync(settings);
        await Eventually.WaitAsync(() => host.Get<ReadingSubscriber>().IsConnected, "the host's MQTT client is connected");
        return host;
    }
}
