using System.Globalization;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Mqtt;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Reliability;

/// <summary>
/// Bad input at volume: generated malformed MQTT messages (<see cref="MalformedMessages"/>) at <c>pouchmon serve</c>'s
/// embedded broker, many in flight. The host stays up, its memory stays bounded, and every message is accounted for:
/// stored + quarantined + refused = sent, where refused is not acknowledged by the broker (refused itself, or in flight on
/// a connection the broker closed for another message, as a board would send it again). The decoder's own property tests are
/// DecoderPoisonPropertyTests; the broker's single probes are EmbeddedBrokerHardeningTests.
/// </summary>
[Collection(nameof(ReliabilityCollection))]
public sealed class MalformedMqttTests
{
    private const int InFlight = 32;
    private static readonly int Messages = SuiteSize.Pick(5_000, 100_000);

    // Past the broker's maximum packet (the contract's 16 KiB plus headroom): the broker drops the connection.
    private static readonly int PastPacketLimit = SuiteSize.Pick(10, 100);

    [Fact]
    public async Task Publish_GeneratedMalformedMessages_HostUpMemoryBoundedEveryMessageAccountedFor()
    {
        using var folder = new TempFolder();
        await using var broker = await TestBroker.StartAsync(TestBroker.Embedded);
        var settings = broker.HostSettings.ToDictionary();
        settings["Storage:DataFolder"] = folder.Path;
        settings["Logging:LogLevel:Default"] = "Error";
        using var host = await HostProcess.StartAsync(settings);
        var before = host.WorkingSetMb;
        var generator = new MalformedMessages(seed: 11, "dev-a", "dev-b");
        long refused = 0, validAccepted = 0, closed = 0;
        var device = await ConnectAsync(broker.Port, "dev-a");
        for (uint first = 0; first < Messages; first += InFlight)
        {
            var batch = Enumerable.Range((int)first, (int)Math.Min(InFlight, Messages - first)).Select(i => generator.Next((uint)i)).ToList();
            var results = await Task.WhenAll(batch.Select(m => PublishAsync(device, m.Topic, m.Payload, m.Retain)));
            refused += results.Count(accepted => !accepted);
            validAccepted += batch.Zip(results).Count(x => x.First.Valid && x.Second);
            if (!device.IsConnected)
            {
                closed++;
                device.Dispose();
                device = await ConnectAsync(broker.Port, "dev-a");
            }
        }

        device.Dispose();
        var oversizedRefused = await PublishPastPacketLimitAsync(broker.Port);
        var after = host.WorkingSetMb;

        var stored = new ReadingStore(new SqliteDatabase(folder.Path)).Count();
        var quarantined = new QuarantineStore(new SqliteDatabase(folder.Path)).Reasons().Count;
        var sent = Messages + PastPacketLimit;
        Figures.Add("bad input", "malformed MQTT messages at the embedded broker", string.Create(CultureInfo.InvariantCulture,
            $"{sent:N0} sent ({validAccepted:N0} valid ones acknowledged): {stored:N0} stored + {quarantined:N0} quarantined + {refused + oversizedRefused:N0} refused = {stored + quarantined + refused + oversizedRefused:N0} (the broker closed the connection {closed + PastPacketLimit:N0} times); host working set {before:F0} → {after:F0} MB"));
        Assert.Equal(sent, stored + quarantined + refused + oversizedRefused);
        // Only a storage failure may withhold an acknowledgement for a message the broker let through; there was none.
        Assert.DoesNotContain("closing the device's connection unacknowledged", host.Output, StringComparison.Ordinal);
        Assert.True(stored >= validAccepted, $"{stored} stored of {validAccepted} acknowledged valid batches");
        Assert.True(after < before + 300, $"working set {before:F0} → {after:F0} MB");
        await AssertStillIngestsAsync(broker.Port, folder.Path, stored);
    }

    private static async Task<long> PublishPastPacketLimitAsync(int port)
    {
        long refused = 0;
        for (var i = 0; i < PastPacketLimit; i++)
        {
            using var client = await ConnectAsync(port, "dev-b");
            var payload = new byte[(i % 2 == 0 ? 100 : 1024) * 1024];
            refused += await PublishAsync(client, PouchMonitor.Contracts.Topics.Readings("dev-b"), payload, retain: false) ? 0 : 1;
        }

        return refused;
    }

    // A valid batch after all that is stored: ingestion was not poisoned.
    private static async Task AssertStillIngestsAsync(int port, string dataFolder, long storedBefore)
    {
        using var client = await ConnectAsync(port, "dev-b");
        var batch = TestDevice.Batch("dev-b", 7, 0, 10, DateTimeOffset.Parse("2026-11-01T08:00:00Z", CultureInfo.InvariantCulture));
        Assert.True(await PublishAsync(client, PouchMonitor.Contracts.Topics.Readings("dev-b"), System.Text.Encoding.UTF8.GetBytes(batch), retain: false));
        Assert.Equal(storedBefore + 10, new ReadingStore(new SqliteDatabase(dataFolder)).Count());
    }

    // True when the broker acknowledged the publish (the host has stored or quarantined it then); false when refused.
    private static async Task<bool> PublishAsync(IMqttClient client, string topic, byte[] payload, bool retain)
    {
        try
        {
            var result = await client.PublishAsync(
                new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(retain)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                TestContext.Current.CancellationToken);
            return result.IsSuccess;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            // The broker closed the connection on this message: refused.
            return false;
        }
    }

    private static async Task<IMqttClient> ConnectAsync(int port, string deviceId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(deviceId)
                .WithCredentials(deviceId, TestBroker.DevicePasswords[deviceId]).WithProtocolVersion(MqttProtocolVersion.V500)
                .WithTimeout(TimeSpan.FromSeconds(30)).Build(),
            TestContext.Current.CancellationToken);
        return client;
    }
}
