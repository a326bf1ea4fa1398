using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Hosting;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Benchmarks;

/// <summary>
/// The dashboard's trend endpoint on a stored two-week, 10-s experiment, timed over HTTP against the same endpoint
/// returning every point and against the per-pouch gas endpoints a client without the trend would call.
/// </summary>
internal static class TrendBenchmark
{
    private const int Runs = 3;

    public static async Task<int> RunAsync(string work, int pouches, int days, int intervalS)
    {
        Console.WriteLine($"Generating {pouches} pouches × {days} days at {intervalS} s in {work} …");
        ReadingsFileGenerator.Write(work, pouches, TimeSpan.FromDays(days), TimeSpan.FromSeconds(intervalS));
        var experimentPath = Path.Combine(work, "experiment.json");
        var experiment = ExperimentFile.Load(experimentPath);
        var stored = Store(work, experiment);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stored {stored:N0} gas points in SQLite."));

        await using var app = ServeApplication.Build([$"--Storage:DataFolder={work}", $"--Experiments:Files:0={experimentPath}",
            $"--Mqtt:Port={FreePort()}", "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync().ConfigureAwait(false);
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        var api = $"/api/experiments/{experiment.Name}";
        var trend = await MeasureAsync(http, [$"{api}/trend?columns=1200"]).ConfigureAwait(false);
        var full = await MeasureAsync(http, [$"{api}/trend?full=true"]).ConfigureAwait(false);
        var perPouch = await MeasureAsync(http, [.. experiment.Pouches.Select(p => $"{api}/pouches/{p.Spec.Id}/gas")]).ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);

        Console.WriteLine();
        Console.WriteLine($"{"query",-44} {"first ms",9} {"then ms",8} {"payload MB",11}");
        Print("trend, M4 at 1200 columns", trend);
        Print("trend, full resolution (?full=true)", full);
        Print($"gas endpoint of each of {pouches} pouches", perPouch);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"M4 trend vs full-resolution trend: {full.Ms / trend.Ms:F1}× faster, {(double)full.Bytes / trend.Bytes:F0}× smaller payload"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"M4 trend vs per-pouch gas series:  {perPouch.Ms / trend.Ms:F1}× faster, {(double)perPouch.Bytes / trend.Bytes:F0}× smaller payload"));
        return 0;
    }

    private static long Store(string work, Experiment experiment)
    {
        var database = new SqliteDatabase(work);
        var gas = new GasStore(database, new Outbox(database, Options.Create(new InfluxOptions())));
        using var writer = new WriteQueue(database, TimeProvider.System, NullLogger<WriteQueue>.Instance);
        var readings = File.ReadLines(Path.Combine(work, "readings.csv")).Skip(1).Select(line => line.Split(','))
            .GroupBy(f => f[1])
            .ToDictionary(g => g.Key, g => g.Select(f => new PressureReading(
                DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture))).ToList());
        long stored = 0;
        foreach (var pouch in experiment.Pouches)
        {
            var calculator = new PouchGasCalculator(pouch.Spec, experiment.Settings, [], new GasCompositionTimeline([], []));
            var points = new List<GasPoint>();
            readings[pouch.Spec.Id].ForEach(r => calculator.Add(r, points));
            calculator.Complete(points);
            foreach (var chunk in points.Chunk(50_000))
            {
                writer.Write(session =>
                {
                    gas.Write(session, SeriesTags.Of(experiment, pouch), [], chunk);
                    return chunk.Length;
                });
            }

            stored += points.Count;
        }

        // The benchmark mirrors nothing to InfluxDB: drop the lines the writes queued.
        using var connection = database.Open();
        SqliteDatabase.Execute(connection, "DELETE FROM outbox; VACUUM;");
        return stored;
    }

    private static async Task<(double FirstMs, double Ms, long Bytes)> MeasureAsync(HttpClient http, string[] paths)
    {
        var first = Stopwatch.StartNew();
        await FetchAsync(http, paths).ConfigureAwait(false);
        var firstMs = first.Elapsed.TotalMilliseconds;
        var runs = new List<(double Ms, long Bytes)>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var bytes = await FetchAsync(http, paths).ConfigureAwait(false);
            runs.Add((watch.Elapsed.TotalMilliseconds, bytes));
        }

        var median = runs.OrderBy(r => r.Ms).ElementAt(Runs / 2);
        return (firstMs, median.Ms, median.Bytes);
    }

    private static async Task<long> FetchAsync(HttpClient http, string[] paths)
    {
        long bytes = 0;
        foreach (var path in paths)
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            bytes += (await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).LongLength;
        }

        return bytes;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // "first" is the first request after the host started (SQLite read in full); "then" the median of the next runs.
    private static void Print(string name, (double FirstMs, double Ms, long Bytes) result) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-44} {result.FirstMs,9:F0} {result.Ms,8:F0} {result.Bytes / 1e6,11:F2}"));
}
