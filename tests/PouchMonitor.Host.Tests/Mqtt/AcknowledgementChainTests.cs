using System.Globalization;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Devices;
using PouchMonitor.Host.Mqtt;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Mqtt;

/// <summary>Via mosquitto the host acknowledges each message after its commit, in arrival order, over reconnects.</summary>
public sealed class AcknowledgementChainTests : IDisposable
{
    private const string Status = """{"v":1,"device":"dev-a","state":"online","boot":1,"fw":"1.2.3","up":1000,"t":1762000000123,"reset":"power-on","freeBytes":81234,"rssiDbm":-61,"buffered":0,"dropped":0,"intervalS":10,"publishIntervalS":10}""";
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-01T08:00:00Z", CultureInfo.InvariantCulture);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Publish_CommitEndsWhileDisconnected_LaterMessagesAreStillAcknowledged()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Mosquitto);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _folder.Path;
        await using var host = await ServeHost.StartAsync(settings);
        var subscriber = host.Get<ReadingSubscriber>();
        await Eventually.WaitAsync(() => subscriber.IsConnected, "the host's MQTT client is connected");
        var readings = host.Get<ReadingStore>();
        using var gate = new ManualResetEventSlim();
        var holding = WriterHold.Until(host.Get<WriteQueue>(), gate);
        await using (var device = await TestDevice.ConnectAsync(broker, "dev-a"))
        {
            await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, 0, 10, Start));
            // The host handles messages in arrival order and a status without the writer: once it knows the
            // device, the batch waits in the held writer for its commit.
            await device.PublishAsync(Topics.Status("dev-a"), Status);
            await Eventually.WaitAsync(() => host.Get<DeviceRegistry>().Knows("dev-a"), "the host has taken the batch");
        }

        // The batch's commit ends while the host is disconnected: its acknowledgement cannot be sent.
        broker.Server!.Stop();
        await Eventually.WaitAsync(() => !subscriber.IsConnected, "the host sees the broker gone");
        gate.Set();
        await holding;
        await Eventually.WaitAsync(() => readings.Count() == 10, "the batch is stored");
        await broker.Server.StartAsync();

        // More batches than mosquitto keeps unacknowledged in flight to one client (max_inflight_messages 100):
        // only acknowledgements let the rest through.
        const int Batches = 150;
        await using var again = await TestDevice.ConnectAsync(broker, "dev-a");
        for (var i = 1u; i <= Batches; i++)
        {
            await again.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, i * 10, 10, Start.AddMinutes(i)));
        }

        await Eventually.WaitAsync(() => readings.Count() == (Batches + 1) * 10, $"all {(Batches + 1) * 10} readings are stored");
    }
}
