using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using PouchMonitor.Host.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Benchmarks;

/// <summary>
/// A soak at constant load: 25 boards of 4 sensors (100 pouches) publish at a fixed total rate through mosquitto to
/// <c>pouchmon serve</c> with conversion, SQLite and the InfluxDB mirror on, for a fixed time. Every interval it prints
/// the stored rate, this process's CPU per stored reading and its memory; at the end the first and last interval and
/// the least-squares slope of each, so a cost that grows with the run shows. The raw share (publishers alone) is
/// not subtracted: the same publishers run at the same rate throughout, so they shift the figures, not the slope.
/// </summary>
internal static class SoakBenchmark
{
    private const int Boards = 25;
    private const int Sensors = 4;
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string work, TimeSpan duration, int readingsPerSecond)
    {
        var devices = Enumerable.Range(1, Boards).Select(b => string.Create(CultureInfo.InvariantCulture, $"board-{b:00}")).ToList();
        var experimentPath = Path.Combine(work, "experiment.json");
        File.WriteAllText(experimentPath, IngestBenchmark.Experiment(devices, Sensors));
        Console.WriteLine($"{Boards} boards × {Sensors} sensors at {readingsPerSecond} readings/s for {duration.TotalMinutes:F0} min, "
            + $"sampled every {SampleInterval.TotalSeconds:F0} s, {Environment.ProcessorCount} cores");

        var users = devices.ToDictionary(d => d, _ => IngestBenchmark.Password);
        users[IngestBenchmark.HostUser] = IngestBenchmark.Password;
        string[] acl = [$"user {IngestBenchmark.HostUser}", "topic readwrite pouchmon/v1/#", "", "pattern readwrite pouchmon/v1/%u/#"];
        await using var mosquitto = await MosquittoServer.StartNewAsync(users, acl).ConfigureAwait(false);
        await using var victoria = await VictoriaMetricsServer.StartNewAsync().ConfigureAwait(false);
        string[] settings = [$"--Influx:Url={victoria.Url}", "--Influx:Org=lab", "--Influx:Bucket=pouchmon", "--Influx:Token=unused",
            $"--Mqtt:Broker=mqtt://127.0.0.1:{mosquitto.Port}", $"--Mqtt:UserName={IngestBenchmark.HostUser}", $"--Mqtt:Password={IngestBenchmark.Password}"];
        await using var app = await IngestBenchmark.StartHostAsync(Path.Combine(work, "soak"), settings, experimentPath).ConfigureAwait(false);
        var store = app.Services.GetRequiredService<ReadingStore>();
        var mirror = app.Services.GetRequiredService<InfluxMirror>();
        var outbox = app.Services.GetRequiredService<Outbox>();

        var clients = new List<IMqttClient>();
        foreach (var device in devices)
        {
            var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(IngestBenchmark.ClientOptions(mosquitto.Port, device, device, persistent: false)).ConfigureAwait(false);
            clients.Add(client);
        }

        var batchInterval = TimeSpan.FromSeconds((double)Boards * Sensors / readingsPerSecond);
        using var stop = new CancellationTokenSource(duration);
        var publishing = Task.WhenAll(clients.Select((client, board) => IngestBenchmark.PublishBoardAsync(client, devices[board], Sensors, batchInterval, stop.Token)));
        var samples = await SampleAsync(store, publishing).ConfigureAwait(false);
        foreach (var client in clients)
        {
            await client.DisconnectAsync().ConfigureAwait(false);
            client.Dispose();
        }

        PrintSummary(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"host alive at the end: mirror failures {mirror.FailureCount}, last error {mirror.LastError ?? "none"}, outbox backlog {outbox.Backlog} lines"));
        await app.StopAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>One sample per interval until <paramref name="publishing"/> ends.</summary>
    private static async Task<List<Sample>> SampleAsync(ReadingStore store, Task publishing)
    {
        Console.WriteLine($"{"minute",7} {"readings/s",10} {"CPU ms/rdg",10} {"working set MB",14} {"managed MB",10}");
        var samples = new List<Sample>();
        var watch = Stopwatch.StartNew();
        var (stored, cpu) = (store.Count(), Process.GetCurrentProcess().TotalProcessorTime);
        while (!publishing.IsCompleted)
        {
            var lapStart = watch.Elapsed;
            await Task.WhenAny(publishing, Task.Delay(SampleInterval)).ConfigureAwait(false);
            var (nowStored, nowCpu) = (store.Count(), Process.GetCurrentProcess().TotalProcessorTime);
            var seconds = (watch.Elapsed - lapStart).TotalSeconds;
            var count = Math.Max(nowStored - stored, 1);
            using var process = Process.GetCurrentProcess();
            var sample = new Sample(watch.Elapsed.TotalMinutes, count / seconds, (nowCpu - cpu).TotalMilliseconds / count,
                process.WorkingSet64 / 1e6, GC.GetTotalMemory(forceFullCollection: false) / 1e6);
            (stored, cpu) = (nowStored, nowCpu);
            if (seconds < SampleInterval.TotalSeconds / 2)
            {
                // The last, short lap mostly measures the stop.
                continue;
            }

            samples.Add(sample);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sample.Minute,7:F1} {sample.Rate,10:F0} {sample.CpuMsPerReading,10:F3} {sample.WorkingSetMb,14:F0} {sample.ManagedMb,10:F0}"));
        }

        await publishing.ConfigureAwait(false);
        return samples;
    }

    private static void PrintSummary(List<Sample> samples)
    {
        Console.WriteLine();
        Console.WriteLine($"{"figure",-22} {"first",9} {"last",9} {"slope per hour",15}");
        PrintTrend("readings/s", samples, s => s.Rate);
        PrintTrend("CPU ms/reading", samples, s => s.CpuMsPerReading);
        PrintTrend("working set MB", samples, s => s.WorkingSetMb);
        PrintTrend("managed heap MB", samples, s => s.ManagedMb);
    }

    private static void PrintTrend(string name, List<Sample> samples, Func<Sample, double> figure)
    {
        var (xMean, yMean) = (samples.Average(s => s.Minute), samples.Average(figure));
        var slopePerMinute = samples.Sum(s => (s.Minute - xMean) * (figure(s) - yMean)) / samples.Sum(s => (s.Minute - xMean) * (s.Minute - xMean));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} {figure(samples[0]),9:G4} {figure(samples[^1]),9:G4} {slopePerMinute * 60,15:+0.####;-0.####}"));
    }

    private sealed record Sample(double Minute, double Rate, double CpuMsPerReading, double WorkingSetMb, double ManagedMb);
}
