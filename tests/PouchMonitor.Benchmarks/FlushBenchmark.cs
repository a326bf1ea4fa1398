using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Benchmarks;

/// <summary>
/// The 24-h flush: one board of 16 sensors sends what it buffered over 24 h at one reading per sensor every 10 s
/// (8,640 batches of 16 readings, 138,240 readings, times from 24 h ago up to now), as fast as PUBACKs allow, with up to
/// <see cref="IngestBenchmark.InFlightPerBoard"/> in flight. Timed from the first publish until the last reading is
/// counted: by a plain subscriber of mosquitto (the raw time), then stored by <c>pouchmon serve</c> via mosquitto and
/// via the embedded broker, conversion and the InfluxDB mirror on.
/// </summary>
internal static class FlushBenchmark
{
    private const string Device = "flush-board";
    private const int Sensors = 16;
    private static readonly TimeSpan Buffered = TimeSpan.FromHours(24);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string work)
    {
        var batches = (int)(Buffered / Interval);
        long total = (long)batches * Sensors;
        var experimentPath = Path.Combine(work, "experiment.json");
        File.WriteAllText(experimentPath, IngestBenchmark.Experiment([Device], Sensors));
        Console.WriteLine($"1 board × {Sensors} sensors flushing {Buffered.TotalHours:F0} h at {Interval.TotalSeconds:F0} s: {batches} batches, {total} readings, {Environment.ProcessorCount} cores");

        var users = new Dictionary<string, string> { [Device] = IngestBenchmark.Password, [IngestBenchmark.HostUser] = IngestBenchmark.Password };
        string[] acl = [$"user {IngestBenchmark.HostUser}", "topic readwrite pouchmon/v1/#", "", "pattern readwrite pouchmon/v1/%u/#"];
        await using var mosquitto = await MosquittoServer.StartNewAsync(users, acl).ConfigureAwait(false);
        await using var victoria = await VictoriaMetricsServer.StartNewAsync().ConfigureAwait(false);
        string[] influx = [$"--Influx:Url={victoria.Url}", "--Influx:Org=lab", "--Influx:Bucket=pouchmon", "--Influx:Token=unused"];

        var raw = await RawAsync(mosquitto.Port, batches, total).ConfigureAwait(false);
        var viaMosquitto = await HostAsync(Path.Combine(work, "mosquitto"), mosquitto.Port, batches, total, experimentPath,
            [.. influx, $"--Mqtt:Broker=mqtt://127.0.0.1:{mosquitto.Port}", $"--Mqtt:UserName={IngestBenchmark.HostUser}", $"--Mqtt:Password={IngestBenchmark.Password}"])
            .ConfigureAwait(false);
        var embeddedPort = FreePort.Next();
        var viaEmbedded = await HostAsync(Path.Combine(work, "embedded"), embeddedPort, batches, total, experimentPath,
            [.. influx, $"--Mqtt:Port={embeddedPort}", $"--Mqtt:Devices:{Device}={IngestBenchmark.Password}"]).ConfigureAwait(false);

        Console.WriteLine();
        Console.WriteLine($"{"path",-46} {"seconds",8} {"readings/s",10} {"time / raw",10}");
        Print("mosquitto → counting subscriber (raw)", raw, total, raw);
        Print("mosquitto → pouchmon serve, mirror on", viaMosquitto, total, raw);
        Print("embedded broker → pouchmon serve, mirror on", viaEmbedded, total, raw);
        Console.WriteLine();
        Console.WriteLine("Target: the flush stored in under 60 s.");
        return 0;
    }

    private static async Task<TimeSpan> RawAsync(int port, int batches, long total)
    {
        long readings = 0;
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        subscriber.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Add(ref readings, Sensors);
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(IngestBenchmark.ClientOptions(port, "bench-counter", IngestBenchmark.HostUser, persistent: true)).ConfigureAwait(false);
        await subscriber.SubscribeAsync(Topics.AllReadings, MqttQualityOfServiceLevel.AtLeastOnce).ConfigureAwait(false);
        var elapsed = await FlushAsync(port, batches, () => Interlocked.Read(ref readings) >= total).ConfigureAwait(false);
        await subscriber.DisconnectAsync().ConfigureAwait(false);
        return elapsed;
    }

    private static async Task<TimeSpan> HostAsync(string dataFolder, int port, int batches, long total, string experimentPath, string[] settings)
    {
        await using var app = await IngestBenchmark.StartHostAsync(dataFolder, settings, experimentPath).ConfigureAwait(false);
        var store = app.Services.GetRequiredService<ReadingStore>();
        var elapsed = await FlushAsync(port, batches, () => store.Count() >= total).ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        return elapsed;
    }

    /// <summary>Publishes the whole buffer in order and returns the time until <paramref name="allCounted"/> holds.</summary>
    private static async Task<TimeSpan> FlushAsync(int port, int batches, Func<bool> allCounted)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(IngestBenchmark.ClientOptions(port, Device, Device, persistent: false)).ConfigureAwait(false);
        var topic = Topics.Readings(Device);
        var first = DateTimeOffset.UtcNow - Buffered;
        using var slots = new SemaphoreSlim(IngestBenchmark.InFlightPerBoard);
        var inFlight = new List<Task>();
        var watch = Stopwatch.StartNew();
        for (var batch = 0; batch < batches; batch++)
        {
            await slots.WaitAsync().ConfigureAwait(false);
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(IngestBenchmark.Batch(Device, (uint)(batch * Sensors), Sensors, first + (Interval * batch)))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            inFlight.Add(client.PublishAsync(message, CancellationToken.None).ContinueWith(_ => slots.Release(), TaskScheduler.Default));
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        await Waiting.UntilAsync(allCounted, () => "the flush is counted within 10 minutes of its last publish", TimeSpan.FromMinutes(10), CancellationToken.None)
            .ConfigureAwait(false);

        var elapsed = watch.Elapsed;
        await client.DisconnectAsync().ConfigureAwait(false);
        return elapsed;
    }

    private static void Print(string name, TimeSpan elapsed, long total, TimeSpan raw) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-46} {elapsed.TotalSeconds,8:F1} {total / elapsed.TotalSeconds,10:F0} {elapsed / raw,10:F2}"));
}
