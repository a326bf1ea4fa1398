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

    [Fact]
    public async Task Simulate_MosquittoRestartedMidRun_EveryReadingArrivesInSequence()
    {
        var ct = TestContext.Current.CancellationToken;
        var users = SeedExperiment.Pouches.Select(p => p.DeviceId).Append("reader").ToDictionary(u => u, _ => Password);
        await using var mosquitto = await MosquittoServer.StartNewAsync(users, ["user reader", "topic read pouchmon/v1/#", "pattern readwrite pouchmon/v1/%u/#"]);
        var received = new ConcurrentDictionary<(string Device, uint Boot, uint Seq), bool>();
        using var reader = await SubscribeAsync(mosquitto.Port, received, ct);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var speed = 8000.0;
        var simulate = SimulateCommand.RunAsync(new Uri($"mqtt://{MosquittoServer.Host}:{mosquitto.Port}"), null, Password, null, null, speed, TextWriter.Null, run.Token);

        await Task.Delay(TimeSpan.FromHours(12) / speed, ct);
        mosquitto.Stop();
        await Task.Delay(TimeSpan.FromHours(2) / speed, ct);
        await mosquitto.StartAsync();
        await Task.Delay(TimeSpan.FromHours(24) / speed, ct);
        await run.CancelAsync();
        Assert.Equal(0, await simulate);
        await WaitUntilStableAsync(received, ct);

        foreach (var device in SeedExperiment.Pouches.Select(p => p.DeviceId))
        {
            var seqs = received.Keys.Where(k => k.Device == device).Select(k => k.Seq).Order().ToList();
            // 36 h at one reading per 10 min is 216; the last half hour may still sit in the board's buffer.
            Assert.InRange(seqs.Count, 200, 230);
            Assert.Equal(Enumerable.Range(0, seqs.Count).Select(i => (uint)i), seqs);
        }
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
            while (!client.IsConnected && !ct.IsCancellationRequested)
            {
                await Task.Delay(100, CancellationToken.None);
                try
                {
                    await client.ConnectAsync(Options(port), CancellationToken.None);
                }
                catch (MQTTnet.Exceptions.MqttCommunicationException)
                {
                    // Not yet.
                }
            }
        };
        await client.ConnectAsync(Options(port), ct);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(Topics.AllReadings, MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
        return client;
    }

    private static MqttClientOptions Options(int port) => new MqttClientOptionsBuilder()
        .WithTcpServer(MosquittoServer.Host, port).WithClientId("reader").WithCredentials("reader", Password)
        .WithCleanSession(false).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311).Build();

    private static async Task WaitUntilStableAsync(ConcurrentDictionary<(string, uint, uint), bool> received, CancellationToken ct)
    {
        for (var count = -1; received.Count != count;)
        {
            count = received.Count;
            await Task.Delay(500, ct);
        }
    }
}
