using System.Globalization;
using System.Text.Json;

namespace PouchMonitor.TestSupport;

/// <summary>
/// A private VictoriaMetrics on 127.0.0.1 and a free port: it accepts InfluxDB's <c>/api/v2/write</c>.
/// Retention is 100 years because it silently drops samples older than its retention period.
/// </summary>
public sealed class VictoriaMetricsServer : IAsyncDisposable
{
    private const string Executable = "/usr/bin/victoria-metrics";
    private readonly string _directory;
    private readonly HttpClient _http;
    private ServerProcess? _process;

    private VictoriaMetricsServer(string directory, int port)
    {
        _directory = directory;
        Port = port;
        _http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The TCP port it listens on.</summary>
    public int Port { get; }

    /// <summary>Base address, e.g. to configure an InfluxDB client with.</summary>
    public Uri Url => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));

    /// <summary>Starts a server with an empty data folder.</summary>
    public static async Task<VictoriaMetricsServer> StartNewAsync()
    {
        var server = new VictoriaMetricsServer(Directory.CreateTempSubdirectory("pouchmon-vm-").FullName, FreePort.Next());
        await server.StartAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>Starts (again) on the same port and data folder.</summary>
    public async Task StartAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("VictoriaMetrics is already running.");
        }

        _process = new ServerProcess(Executable,
        [
            string.Create(CultureInfo.InvariantCulture, $"-httpListenAddr=127.0.0.1:{Port}"),
            $"-storageDataPath={_directory}",
            "-retentionPeriod=100y",
            // Two writes of one point (same series, same timestamp) count once, as InfluxDB overwrites them.
            "-dedup.minScrapeInterval=1ms",
            "-loggerLevel=ERROR",
        ]);
        await Readiness.WaitAsync(_process, "victoria-metrics", IsHealthyAsync).ConfigureAwait(false);
    }

    /// <summary>Stops it (an outage); the data folder stays for <see cref="StartAsync"/>.</summary>
    public void Stop()
    {
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Makes recently written samples visible to <see cref="ExportAsync"/>.</summary>
    public async Task ForceFlushAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(new Uri("internal/force_flush", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every series matching a selector such as <c>{__name__=~"pouch_gas_.*"}</c>, all time.</summary>
    public async Task<IReadOnlyList<ExportedSeries>> ExportAsync(string selector, CancellationToken cancellationToken = default)
    {
        await ForceFlushAsync(cancellationToken).ConfigureAwait(false);
        var query = $"api/v1/export?start=0&match[]={Uri.EscapeDataString(selector)}";
        var body = await _http.GetStringAsync(new Uri(query, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<ExportedSeries>(line, ExportedSeries.JsonOptions)!)
            .ToList();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Stop();
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<bool> IsHealthyAsync()
    {
        using var response = await _http.GetAsync(new Uri("health", UriKind.Relative)).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }
}
