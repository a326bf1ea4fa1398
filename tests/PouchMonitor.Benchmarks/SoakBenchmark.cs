using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Benchmarks;

/// <summary>
/// A soak at constant load: 25 boards of 4 sensors (100 pouches) publish at a fixed total rate through mosquitto to
/// <c>pouchmon serve</c> with conversion, SQLite and the InfluxDB mirror on. In real time it runs for a fixed time with
/// readings stamped now; accelerated (<see cref="SoakForm.RigDays"/>) each board's readings are 10 s apart in rig time,
/// the first that many days before the start, published as fast as the rate allows until the last. Each sample
/// (<see cref="SoakProbe"/>) gives the stored rate, CPU per stored reading, memory, the database and the outbox; at the
/// end the first and last sample and least-squares slopes, and whether the host is alive with the mirror on: every
/// acknowledged reading stored, the outbox drained, <c>/healthz</c>.
/// </summary>
internal static class SoakBenchmark
{
    internal const int Boards = 25;
    internal const int Sensors = 4;

    /// <summary>How long the end waits for a count that has stopped moving before it reports what it has.</summary>
    private static readonly TimeSpan Stalled = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(string work, SoakForm form, int readingsPerSecond)
    {
        var devices = Enumerable.Range(1, Boards).Select(b => string.Create(CultureInfo.InvariantCulture, $"board-{b:00}")).ToList();
        var experimentPath = Path.Combine(work, "experiment.json");
        File.WriteAllText(experimentPath, IngestBenchmark.Experiment(devices, Sensors));
        Console.WriteLine($"{Boards} boards × {Sensors} sensors at {readingsPerSecond} readings/s, {form.Describe()}, {Environment.ProcessorCount} cores");

        var users = devices.ToDictionary(d => d, _ => IngestBenchmark.Password);
        users[IngestBenchmark.HostUser] = IngestBenchmark.Password;
        string[] acl = [$"user {IngestBenchmark.HostUser}", "topic readwrite pouchmon/v1/#", "", "pattern readwrite pouchmon/v1/%u/#"];
        await using var mosquitto = await MosquittoServer.StartNewAsync(users, acl).ConfigureAwait(false);
        await using var victoria = await VictoriaMetricsServer.StartNewAsync().ConfigureAwait(false);
        string[] settings = [$"--Influx:Url={victoria.Url}", "--Influx:Org=lab", "--Influx:Bucket=pouchmon", "--Influx:Token=unused",
            $"--Mqtt:Broker=mqtt://127.0.0.1:{mosquitto.Port}", $"--Mqtt:UserName={IngestBenchmark.HostUser}", $"--Mqtt:Password={IngestBenchmark.Password}"];
        var dataFolder = Path.Combine(work, "soak");
        await using var app = await IngestBenchmark.StartHostAsync(dataFolder, settings, experimentPath).ConfigureAwait(false);
        var outbox = app.Services.GetRequiredService<Outbox>();

        var clients = new List<IMqttClient>();
        foreach (var device in devices)
        {
            var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(IngestBenchmark.ClientOptions(mosquitto.Port, device, device, persistent: false)).ConfigureAwait(false);
            clients.Add(client);
        }

        long acknowledged = 0;
        var batchInterval = TimeSpan.FromSeconds((double)Boards * Sensors / readingsPerSecond);
        var schedule = form.Schedule(DateTimeOffset.UtcNow);
        using var stop = new CancellationTokenSource(form.Duration ?? Timeout.InfiniteTimeSpan);
        var publishing = Task.WhenAll(clients.Select((client, board) => IngestBenchmark.PublishBoardAsync(
            client, devices[board], Sensors, batchInterval, schedule, () => Interlocked.Add(ref acknowledged, Sensors), stop.Token)));
        var probe = new SoakProbe(dataFolder, outbox, () => Interlocked.Read(ref acknowledged));
        var samples = await SampleAsync(probe, form, publishing).ConfigureAwait(false);

        var sent = Interlocked.Read(ref acknowledged);
        var storing = await SettleAsync(() => probe.Stored >= sent, () => probe.Stored).ConfigureAwait(false);
        var draining = await SettleAsync(() => outbox.Backlog == 0, () => -outbox.Backlog).ConfigureAwait(false);
        foreach (var client in clients)
        {
            await client.DisconnectAsync().ConfigureAwait(false);
            client.Dispose();
        }

        SoakSummary.Print(samples);
        await PrintEndAsync(app, sent, storing, draining).ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>Samples while the boards publish and, in the accelerated form, until every rig day is stored.</summary>
    private static async Task<List<SoakSample>> SampleAsync(SoakProbe probe, SoakForm form, Task publishing)
    {
        SoakSample.PrintHeader();
        var samples = new List<SoakSample>();
        var watch = Stopwatch.StartNew();
        var (lastStored, lastProgress) = (probe.Stored, watch.Elapsed);
        while (!publishing.IsCompleted || (form.RigDays > 0 && samples.Count < form.RigDays && watch.Elapsed - lastProgress < Stalled))
        {
            await Task.WhenAny(publishing, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
            var stored = probe.Stored;
            (lastStored, lastProgress) = stored > lastStored ? (stored, watch.Elapsed) : (lastStored, lastProgress);
            if (form.IsSampleDue(samples.Count, watch.Elapsed - probe.LapStart, stored))
            {
                var sample = probe.Take(watch.Elapsed, form.RigDay(watch.Elapsed, stored));
                samples.Add(sample);
                sample.Print();
            }
        }

        await publishing.ConfigureAwait(false);
        return samples;
    }

    /// <summary>Waits until <paramref name="done"/> holds or <paramref name="progress"/> has not moved for <see cref="Stalled"/>; the time waited.</summary>
    private static async Task<TimeSpan> SettleAsync(Func<bool> done, Func<long> progress)
    {
        var watch = Stopwatch.StartNew();
        var (last, lastMoved) = (progress(), TimeSpan.Zero);
        while (!done() && watch.Elapsed - lastMoved < Stalled)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
            var now = progress();
            (last, lastMoved) = now > last ? (now, watch.Elapsed) : (last, lastMoved);
        }

        return watch.Elapsed;
    }

    private static async Task PrintEndAsync(WebApplication app, long sent, TimeSpan storing, TimeSpan draining)
    {
        var database = app.Services.GetRequiredService<SqliteDatabase>();
        var mirror = app.Services.GetRequiredService<InfluxMirror>();
        var outbox = app.Services.GetRequiredService<Outbox>();
        var stored = app.Services.GetRequiredService<ReadingStore>().Count();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"readings acknowledged by the broker {sent:N0}, stored {stored:N0} (missing {sent - stored:N0}), gas points {GasCount(database):N0}; "
            + $"the last stored {storing.TotalSeconds:F0} s after the last publish"));
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative)).ConfigureAwait(false);
        var status = await health.Content.ReadAsStringAsync().ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"host alive at the end: /healthz {(int)health.StatusCode} {status[..Math.Min(status.Length, 24)]}…; mirror failures {mirror.FailureCount}, "
            + $"rejected lines {mirror.RejectedLineCount}, last error {mirror.LastError ?? "none"}; outbox backlog {outbox.Backlog} lines, "
            + $"{draining.TotalSeconds:F0} s after the last reading was stored"));
    }

    private static long GasCount(SqliteDatabase database)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM gas";
        return (long)command.ExecuteScalar()!;
    }
}
