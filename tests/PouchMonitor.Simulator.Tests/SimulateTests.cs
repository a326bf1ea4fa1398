using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Cli;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Simulator.Tests;

/// <summary><c>pouchmon simulate</c> against a real mosquitto with per-device logins and an ACL, restarted mid-run.</summary>
public class SimulateTests
{
    private const string Password = "rig-secret";

    // Readings of each board at one per 10 min: half a day, then a day and a half.
    private const uint HalfADay = 72;
    private const uint ADayAndAHalf = 216;

    // Generous: 36 rig hours take 16 s at ×8000 on an idle machine.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Simulate_MosquittoRestartedMidRun_EveryReadingArrivesInSequence()
    {
        var ct = TestContext.Current.CancellationToken;
        var users = SeedExperiment.Pouches.Select(p => p.DeviceId).Append("reader").ToDictionary(u => u, _ => Password);
        await using var mosquitto = await MosquittoServer.StartNewAsync(users, ["user reader", "topic read pouchmon/v1/#", "pattern readwrite pouchmon/v1/%u/#"]);
        var received = new ConcurrentDictionary<(string Device, uint Boot, uint Seq), bool>();
        using var reader = await SubscribeAsync(mosquitto.Port, received, ct);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var simulate = SimulateCommand.RunAsync(new Uri($"mqtt://{MosquittoServer.Host}:{mosquitto.Port}"), null, Password, null, null, 8000, TextWriter.Null, run.Token);
        var devices = SeedExperiment.Pouches.Select(p => p.DeviceId).Distinct().ToList();

        await WaitForReadingsAsync(received, devices, HalfADay, ct);
        mosquitto.Stop();
        await Waiting.UntilAsync(() => !reader.IsConnected, () => "the reader sees mosquitto gone", Deadline, ct);
        await mosquitto.StartAsync();
        await WaitForReadingsAsync(received, devices, ADayAndAHalf, ct);
        await run.CancelAsync();
        Assert.Equal(0, await simulate);

        foreach (var device in devices)
        {
            var seqs = received.Keys.Where(k => k.Device == device).Select(k => k.Seq).Order().ToList();
            Assert.Equal(Enumerable.Range(0, seqs.Count).Select(i => (uint)i), seqs);
        }
    }

    /// <summary>Waits until every device's readings 0 to <paramref name="count"/> − 1 have arrived.</summary>
    private static Task WaitForReadingsAsync(ConcurrentDictionary<(string Device, uint Boot, uint Seq), bool> received, List<string> devices, uint count, CancellationToken ct)
    {
        IEnumerable<string> Missing() => devices.Where(d => received.Keys.Count(k => k.Device == d && k.Seq < count) < count);
        return Waiting.UntilAsync(() => !Missing().Any(), () => $"readings 0 to {count - 1} of {string.Join(", ", Missing())} arrive", Deadline, ct);
    }

    private static async Task<IMqttClient> SubscribeAsync(int port, ConcurrentDictionary<(string, uint, uint), bool> received, CancellationToken ct)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            var device = e.ApplicationMessage.Topic.Split('/')[2];
            var batch = ReadingBatchDecoder.Decode(device, e.ApplicationMessage.Payload);
            foreach (var reading in batch.Value!.Readings)
            {
                received[(device, batch.Value.Boot, reading.Sequence)] = true;
            }

            return Task.CompletedTask;
        };
        client.DisconnectedAsync += async e =>
        {
            // mosquitto restarts: reconnect to the persistent session until it is back.
            await Waiting.UntilAsync(
                async () =>
                {
                    try
                    {
                        await client.ConnectAsync(Options(port), CancellationToken.None);
                    }
                    catch (MQTTnet.Exceptions.MqttCommunicationException)
                    {
                        // Not yet.
                    }

                    return client.IsConnected || ct.IsCancellationRequested;
                },
                () => "the counting subscriber reconnects to mosquitto", TimeSpan.FromMinutes(2), CancellationToken.None);
        };
        await client.ConnectAsync(Options(port), ct);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(Topics.AllReadings, MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
        return client;
    }

    private static MqttClientOptions Options(int port) => new MqttClientOptionsBuilder()
        .WithTcpServer(MosquittoServer.Host, port).WithClientId("reader").WithCredentials("reader", Password)
        .WithCleanSession(false).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311).Build();
}
