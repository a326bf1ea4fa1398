using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MQTTnet;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Mqtt;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Storage;

namespace PouchMonitor.Host.Tests.Mqtt;

/// <summary>A PUBACK to a device means its readings are committed: counted by sequence numbers.</summary>
public sealed class AcknowledgementTests : IDisposable
{
    private const int ReadingsPerBatch = 10;
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-01T08:00:00Z", CultureInfo.InvariantCulture);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Publish_HostKilledMidStreamWithEmbeddedBroker_EveryAcknowledgedReadingIsStored()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Embedded);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _folder.Path;
        var acknowledged = new ConcurrentBag<uint>();
        using (var host = await HostProcess.StartAsync(settings))
        {
            await using var device = await TestDevice.ConnectAsync(broker, "dev-a");
            var next = -1;
            async Task PublishUntilRefusedAsync()
            {
                while (true)
                {
                    var firstSeq = (uint)(Interlocked.Increment(ref next) * ReadingsPerBatch);
                    try
                    {
                        var result = await device.PublishAsync(Topics.Readings("dev-a"), TestDevice.Batch("dev-a", 1, firstSeq, ReadingsPerBatch, Start));
                        if (!result.IsSuccess)
                        {
                            return;
                        }
                    }
                    catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
                    {
                        // The host is gone: this batch was never acknowledged.
                        return;
                    }

                    acknowledged.Add(firstSeq);
                }
            }

            // Many batches in flight at once, as a board flushing its buffer sends them.
            var publishers = Enumerable.Range(0, 16).Select(_ => Task.Run(PublishUntilRefusedAsync)).ToList();
            await Eventually.WaitAsync(() => acknowledged.Count >= 300, "300 batches are acknowledged");
            host.Kill();
            await Task.WhenAll(publishers);
        }

        var stored = new ReadingStore(new SqliteDatabase(_folder.Path)).ForSensor("dev-a", 0).Select(r => r.Sequence).ToHashSet();
        var lost = acknowledged.SelectMany(first => Enumerable.Range(0, ReadingsPerBatch).Select(i => first + (uint)i)).Where(seq => !stored.Contains(seq)).ToList();
        Assert.Empty(lost);
    }

    [Fact]
    public async Task Publish_StoreLockedWithEmbeddedBroker_NotAcknowledgedHealthUnhealthyThenStoredWhenSentAgain()
    {
        await using var broker = await TestBroker.StartAsync(TestBroker.Embedded);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = _folder.Path;
        await using var host = await ServeHost.StartAsync(settings);
        await Eventually.WaitAsync(() => host.Get<ReadingSubscriber>().IsConnected, "the host's MQTT client is connected");
        var batch = TestDevice.Batch("dev-a", 1, 0, ReadingsPerBatch, Start);

        await using (var device = await TestDevice.ConnectAsync(broker, "dev-a"))
        {
            using var other = new SqliteDatabase(_folder.Path).Open();
            // Another writer holds the database past the store's busy timeout (5 s): the write fails, and the broker
            // closes the connection instead of acknowledging.
            SqliteDatabase.Execute(other, "BEGIN EXCLUSIVE");
            await Assert.ThrowsAnyAsync<MQTTnet.Exceptions.MqttCommunicationException>(() => device.PublishAsync(Topics.Readings("dev-a"), batch));
            Assert.Equal("Unhealthy", await StorageStatusAsync(host));
            SqliteDatabase.Execute(other, "COMMIT");
        }

        await using var reconnected = await TestDevice.ConnectAsync(broker, "dev-a");
        var accepted = await reconnected.PublishAsync(Topics.Readings("dev-a"), batch);

        Assert.True(accepted.IsSuccess);
        Assert.Equal(ReadingsPerBatch, host.Get<ReadingStore>().Count());
        Assert.Equal("Healthy", await StorageStatusAsync(host));
    }

    private static async Task<string?> StorageStatusAsync(ServeHost host)
    {
        // Unhealthy answers 503 with the same body.
        using var response = await host.Http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return health.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString();
    }
}
