using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Dashboard;
using PouchMonitor.Host.Hosting;
using PouchMonitor.Host.Mqtt;
using PouchMonitor.Host.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Benchmarks;

/// <summary>
/// Ingest at broker speed: virtual boards publish contract-v1 batches (one reading per sensor, QoS 1, several in
/// flight per board) for a fixed time. Measured in one run, one phase after another: mosquitto to a plain counting
/// subscriber (the raw rate), mosquitto to <c>pouchmon serve</c> with conversion, SQLite and the InfluxDB mirror to
/// VictoriaMetrics on, and the same with the embedded broker (with <c>synchronous=FULL</c> and <c>NORMAL</c>).
/// Publish-to-stored latency is the age of each live-feed point, which is sent only after its commit.
/// </summary>
internal static class IngestBenchmark
{
    /// <summary>Publishes a board has awaiting their PUBACK at most.</summary>
    internal const int InFlightPerBoard = 8;

    /// <summary>How long each phase runs before its measured window.</summary>
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);

    /// <summary>The host's user name at mosquitto.</summary>
    internal const string HostUser = "pouchmon-host";

    /// <summary>The password of every benchmark user.</summary>
    internal const string Password = "bench-password";

    /// <summary>Runs every phase; <paramref name="readingsPerSecond"/> caps the offered load (0: as fast as PUBACKs come).</summary>
    public static async Task<int> RunAsync(string work, int boards, int sensors, TimeSpan duration, int readingsPerSecond)
    {
        var batchInterval = readingsPerSecond > 0 ? TimeSpan.FromSeconds((double)boards * sensors / readingsPerSecond) : TimeSpan.Zero;
        var devices = Enumerable.Range(1, boards).Select(b => string.Create(CultureInfo.InvariantCulture, $"board-{b:00}")).ToList();
        var experimentPath = Path.Combine(work, "experiment.json");
        File.WriteAllText(experimentPath, Experiment(devices, sensors));
        Console.WriteLine($"{boards} boards × {sensors} sensors, {InFlightPerBoard} publishes in flight per board, {duration.TotalSeconds:F0} s per phase after a {Warmup.TotalSeconds:F0}-s warm-up, "
            + (readingsPerSecond > 0 ? $"offered {readingsPerSecond} readings/s" : "offered as fast as acknowledged") + $", {Environment.ProcessorCount} cores");

        var users = devices.ToDictionary(d => d, _ => Password);
        users[HostUser] = Password;
        string[] acl = [$"user {HostUser}", "topic readwrite pouchmon/v1/#", "", "pattern readwrite pouchmon/v1/%u/#"];
        await using var mosquitto = await MosquittoServer.StartNewAsync(users, acl).ConfigureAwait(false);
        await using var victoria = await VictoriaMetricsServer.StartNewAsync().ConfigureAwait(false);

        var raw = await RawAsync(mosquitto.Port, devices, sensors, duration, batchInterval).ConfigureAwait(false);
        string[] influx = [$"--Influx:Url={victoria.Url}", "--Influx:Org=lab", "--Influx:Bucket=pouchmon", "--Influx:Token=unused"];
        var direct = await DirectAsync(Path.Combine(work, "direct"), devices, sensors, duration, batchInterval,
            [.. influx, $"--Mqtt:Port={FreePort.Next()}"], experimentPath).ConfigureAwait(false);
        var viaMosquitto = await HostAsync(Path.Combine(work, "mosquitto"), mosquitto.Port, devices, sensors, duration, batchInterval,
            [.. influx, $"--Mqtt:Broker=mqtt://127.0.0.1:{mosquitto.Port}", $"--Mqtt:UserName={HostUser}", $"--Mqtt:Password={Password}"],
            experimentPath).ConfigureAwait(false);
        var embeddedPort = FreePort.Next();
        string[] embedded = [.. influx, $"--Mqtt:Port={embeddedPort}", .. devices.Select(d => $"--Mqtt:Devices:{d}={Password}")];
        var viaEmbedded = await HostAsync(Path.Combine(work, "embedded"), embeddedPort, devices, sensors, duration, batchInterval, embedded, experimentPath).ConfigureAwait(false);
        var embeddedNormal = await HostAsync(Path.Combine(work, "embedded-normal"), embeddedPort, devices, sensors, duration, batchInterval,
            [.. embedded, "--Storage:Synchronous=Normal"], experimentPath).ConfigureAwait(false);

        Console.WriteLine();
        Console.WriteLine($"{"path",-52} {"readings/s",10} {"ratio",6} {"p50 ms",7} {"p99 ms",7} {"CPU ms/rdg",10} {"B alloc/rdg",11}");
        Print("mosquitto → counting subscriber (raw)", raw, raw.Rate);
        Print("handler alone, no MQTT → mirror on (FULL)", direct, raw.Rate);
        Print("mosquitto → pouchmon serve, mirror on (FULL)", viaMosquitto, raw.Rate);
        Print("embedded broker → pouchmon serve, mirror on (FULL)", viaEmbedded, raw.Rate);
        Print("embedded broker → pouchmon serve, mirror on (NORMAL)", embeddedNormal, raw.Rate);
        Console.WriteLine();
        Console.WriteLine("CPU and allocation are of this whole process (publishers, subscriber and host); the raw row is the publishers' and subscriber's share.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"synchronous=FULL / NORMAL (embedded): {viaEmbedded.Rate / embeddedNormal.Rate:F2} of the rate"));
        return 0;
    }

    private static async Task<Phase> RawAsync(int port, List<string> devices, int sensors, TimeSpan duration, TimeSpan batchInterval)
    {
        long readings = 0;
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        subscriber.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Add(ref readings, sensors);
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(ClientOptions(port, "bench-counter", HostUser, persistent: true)).ConfigureAwait(false);
        await subscriber.SubscribeAsync(Topics.AllReadings, MqttQualityOfServiceLevel.AtLeastOnce).ConfigureAwait(false);
        var phase = await PublishAsync(port, devices, sensors, duration, batchInterval, () => Interlocked.Read(ref readings), []).ConfigureAwait(false);
        await subscriber.DisconnectAsync().ConfigureAwait(false);
        return phase;
    }

    private static async Task<Phase> HostAsync(
        string dataFolder, int port, List<string> devices, int sensors, TimeSpan duration, TimeSpan batchInterval, string[] settings, string experimentPath)
    {
        await using var app = await StartHostAsync(dataFolder, settings, experimentPath).ConfigureAwait(false);
        var store = app.Services.GetRequiredService<ReadingStore>();
        var latenciesMs = new List<double>();
        using var live = app.Services.GetRequiredService<LiveFeed>().Subscribe();
        using var stopLive = new CancellationTokenSource();
        var listening = Task.Run(async () =>
        {
            await foreach (var message in live.Messages.ReadAllAsync(stopLive.Token).ConfigureAwait(false))
            {
                if (message.Data is LiveReading reading)
                {
                    lock (latenciesMs)
                    {
                        latenciesMs.Add((DateTimeOffset.UtcNow - reading.Time).TotalMilliseconds);
                    }
                }
            }
        });
        var phase = await PublishAsync(port, devices, sensors, duration, batchInterval, store.Count, latenciesMs).ConfigureAwait(false);
        await stopLive.CancelAsync().ConfigureAwait(false);
        await listening.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        return phase;
    }

    /// <summary>
    /// The host's message handler fed directly, as the MQTT layer would, each board with up to
    /// <see cref="InFlightPerBoard"/> messages awaiting their commit: what storing costs without any MQTT.
    /// </summary>
    private static async Task<Phase> DirectAsync(
        string dataFolder, List<string> devices, int sensors, TimeSpan duration, TimeSpan batchInterval, string[] settings, string experimentPath)
    {
        await using var app = await StartHostAsync(dataFolder, settings, experimentPath).ConfigureAwait(false);
        var store = app.Services.GetRequiredService<ReadingStore>();
        var handler = app.Services.GetRequiredService<IDeviceMessageHandler>();
        var phase = await MeasureAsync(
            stop => Task.WhenAll(devices.Select(device => Task.Run(() => HandleBoardAsync(handler, device, sensors, batchInterval, stop), CancellationToken.None))),
            duration, store.Count, []).ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        return phase;
    }

    private static async Task HandleBoardAsync(IDeviceMessageHandler handler, string device, int sensors, TimeSpan batchInterval, CancellationToken stop)
    {
        var topic = Topics.Readings(device);
        var inFlight = new Queue<Task>();
        var clock = Stopwatch.StartNew();
        for (var (seq, batch) = (0u, 0L); !stop.IsCancellationRequested; seq += (uint)sensors, batch++)
        {
            var due = batchInterval * batch;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, CancellationToken.None).ConfigureAwait(false);
            }

            if (inFlight.Count == InFlightPerBoard)
            {
                await inFlight.Dequeue().ConfigureAwait(false);
            }

            inFlight.Enqueue(handler.HandleAsync(topic, new ReadOnlySequence<byte>(Batch(device, seq, sensors, DateTimeOffset.UtcNow))));
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    /// <summary>Starts <c>pouchmon serve</c> in this process with <paramref name="settings"/> and waits until its MQTT client is connected.</summary>
    internal static async Task<WebApplication> StartHostAsync(string dataFolder, string[] settings, string experimentPath)
    {
        var app = ServeApplication.Build([.. settings, $"--Storage:DataFolder={dataFolder}", $"--Experiments:Files:0={experimentPath}",
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            // Each fresh data folder makes new data-protection keys, and ASP.NET Core warns that they are stored unencrypted.
            "--Logging:LogLevel:Microsoft.AspNetCore.DataProtection=Error"]);
        await app.StartAsync().ConfigureAwait(false);
        await Waiting.UntilAsync(() => app.Services.GetRequiredService<PouchMonitor.Host.Mqtt.ReadingSubscriber>().IsConnected,
            () => "the host's MQTT client connects", TimeSpan.FromMinutes(1), CancellationToken.None).ConfigureAwait(false);
        return app;
    }

    /// <summary>Every board publishes through the warm-up and then for <paramref name="duration"/>; the phase's figures over that window.</summary>
    private static async Task<Phase> PublishAsync(
        int port, List<string> devices, int sensors, TimeSpan duration, TimeSpan batchInterval, Func<long> delivered, List<double> latenciesMs)
    {
        var clients = new List<IMqttClient>();
        foreach (var device in devices)
        {
            var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(ClientOptions(port, device, device, persistent: false)).ConfigureAwait(false);
            clients.Add(client);
        }

        var phase = await MeasureAsync(
            stop => Task.WhenAll(clients.Select((client, board) =>
                PublishBoardAsync(client, devices[board], sensors, batchInterval, BoardSchedule.Live, () => { }, stop))),
            duration, delivered, latenciesMs).ConfigureAwait(false);
        foreach (var client in clients)
        {
            await client.DisconnectAsync().ConfigureAwait(false);
            client.Dispose();
        }

        return phase;
    }

    /// <summary>
    /// Runs <paramref name="load"/> through <see cref="Warmup"/> (start-up and JIT are not measured), then measures
    /// <paramref name="duration"/> of it: the rate <paramref name="delivered"/> grows at, this process's CPU and
    /// allocation per reading, and the latencies recorded in the window.
    /// </summary>
    private static async Task<Phase> MeasureAsync(Func<CancellationToken, Task> load, TimeSpan duration, Func<long> delivered, List<double> latenciesMs)
    {
        using var stop = new CancellationTokenSource();
        var running = load(stop.Token);
        await Task.Delay(Warmup).ConfigureAwait(false);
        lock (latenciesMs)
        {
            latenciesMs.Clear();
        }

        var before = delivered();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await Task.Delay(duration).ConfigureAwait(false);
        var count = delivered() - before;
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        List<double> sorted;
        lock (latenciesMs)
        {
            sorted = [.. latenciesMs.Order()];
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await running.ConfigureAwait(false);
        return new Phase(count / seconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), cpuMs / Math.Max(count, 1), (double)bytes / Math.Max(count, 1));
    }

    /// <summary>
    /// One board: batches in sequence and time order, up to <see cref="InFlightPerBoard"/> awaiting their PUBACK, until
    /// stopped or the schedule's last batch, one every <paramref name="batchInterval"/> at most, each stamped with the
    /// schedule's time; <paramref name="acknowledged"/> runs on each PUBACK. Each is sent in the order it was made, so
    /// none reaches the host older than one before it.
    /// </summary>
    internal static async Task PublishBoardAsync(
        IMqttClient client, string device, int sensors, TimeSpan batchInterval, BoardSchedule schedule, Action acknowledged, CancellationToken stop)
    {
        var topic = Topics.Readings(device);
        using var slots = new SemaphoreSlim(InFlightPerBoard);
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var (seq, batch) = (0u, 0L); !stop.IsCancellationRequested && batch < schedule.Batches; seq += (uint)sensors, batch++)
        {
            var due = batchInterval * batch;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, CancellationToken.None).ConfigureAwait(false);
            }

            await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(Batch(device, seq, sensors, schedule.TimeOfBatch(batch)))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            inFlight.Add(client.PublishAsync(message, CancellationToken.None).ContinueWith(
                published =>
                {
                    if (published.IsCompletedSuccessfully && published.Result.IsSuccess)
                    {
                        acknowledged();
                    }

                    slots.Release();
                },
                TaskScheduler.Default));
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    /// <summary>A contract-v1 batch in its documented form: readings seq.., one per sensor, all at <paramref name="time"/>.</summary>
    internal static byte[] Batch(string device, uint firstSeq, int sensors, DateTimeOffset time)
    {
        var timeMs = time.ToUnixTimeMilliseconds();
        var readings = Enumerable.Range(0, sensors).Select(s => string.Create(CultureInfo.InvariantCulture,
            $$"""{"seq":{{firstSeq + (uint)s}},"up":{{firstSeq + (uint)s}},"t":{{timeMs}},"s":{{s}},"p":{{101_325 + (s * 10)}}.00,"c":50.00}"""));
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"v":1,"device":"{{device}}","boot":1,"readings":[{{string.Join(',', readings)}}]}"""));
    }

    internal static string Experiment(List<string> devices, int sensors)
    {
        var pouches = devices.SelectMany(device => Enumerable.Range(0, sensors).Select(s =>
            $$"""    { "id": "{{device}}-s{{s}}", "sample": "mSi", "slurryMassG": 1.1, "source": { "device": "{{device}}", "sensor": {{s}} }, "vessel": { "kind": "headspace", "gasVolumeMl": 40 } }"""));
        return $$"""{ "experiment": "ingest-bench", "pouches": [{{Environment.NewLine}}{{string.Join("," + Environment.NewLine, pouches)}}{{Environment.NewLine}}] }""";
    }

    internal static MqttClientOptions ClientOptions(int port, string clientId, string user, bool persistent) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithCredentials(user, Password)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(!persistent)
            .Build();

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(fraction * sorted.Count))];

    private static void Print(string name, Phase phase, double rawRate) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-52} {phase.Rate,10:F0} {phase.Rate / rawRate,6:F2} {phase.P50Ms,7:F1} {phase.P99Ms,7:F1} {phase.CpuMsPerReading,10:F3} {phase.BytesPerReading,11:F0}"));

    private sealed record Phase(double Rate, double P50Ms, double P99Ms, double CpuMsPerReading, double BytesPerReading);
}
