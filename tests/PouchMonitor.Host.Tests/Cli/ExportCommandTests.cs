using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Ingestion;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Cli;

/// <summary>
/// `pouchmon export` and `report --data` through the real command line, against the store of a host fed readings, a GC result,
/// a vent and a tare: `convert` on the export reproduces the stored gas.csv, and the report of the store is the report of the files.
/// </summary>
public sealed class ExportCommandTests : IAsyncLifetime
{
    private const double ToleranceMl = 2e-4;
    private readonly TempFolder _folder = new();
    private readonly TempFolder _work = new();
    private ExampleData _example = null!;
    private ServeHost _host = null!;

    private string Experiment => _example.Experiment.Name;

    public async ValueTask InitializeAsync()
    {
        _example = ExampleData.Create(_folder.Path);
        _host = await ServeHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = _folder.Path,
            ["Experiments:Files:0"] = _example.ExperimentPath,
            ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        await FeedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
        _work.Dispose();
    }

    [Fact]
    public async Task Export_FedHost_ConvertOfTheZipReproducesTheStoredGasCsv()
    {
        var files = await ExportAndUnzipAsync();

        var (exitCode, stderr, _) = await PouchmonProcess.Run("convert", "--experiment", files("experiment.json"), "--readings", files("readings.csv"),
            "--events", files("events.csv"), "--gc", files("gc.csv"), "--out", _work.Path + "/converted.csv");

        Assert.True(exitCode == 0, stderr);
        var stored = File.ReadAllLines(files("gas.csv"));
        var converted = File.ReadAllLines(_work.Path + "/converted.csv");
        Assert.Equal(stored[0], converted[0]);
        Assert.Contains("n2_percent", stored[0], StringComparison.Ordinal);
        Assert.Equal(stored.Length, converted.Length);
        for (var row = 1; row < stored.Length; row++)
        {
            AssertRowsMatch(row, stored[row].Split(','), converted[row].Split(','));
        }

        Assert.Contains(stored, line => line.Contains("event", StringComparison.Ordinal) && line.Contains(",A1,", StringComparison.Ordinal));
        Assert.Contains(stored, line => line.Contains(",measured,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_FedHost_ZipHoldsTheStoreAsConvertSpellsIt()
    {
        var files = await ExportAndUnzipAsync();

        Assert.Contains($"\"baselineAt\": \"{TareTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\"", File.ReadAllText(files("experiment.json")), StringComparison.Ordinal);
        Assert.Equal(["time,pouch,kind,note", $"{VentTime:yyyy-MM-dd'T'HH:mm:ss'Z'},A1,vent,vented at the bench"], File.ReadAllLines(files("events.csv")));
        Assert.Equal(["time,pouch,h2_percent,n2_percent", $"{GcTime:yyyy-MM-dd'T'HH:mm:ss'Z'},A1,42.5,55"], File.ReadAllLines(files("gc.csv")));
        Assert.Equal(_example.Readings.Count + 1, File.ReadAllLines(files("readings.csv")).Length);
        Assert.Equal("pouch,kind,opened_at,closed_at,acknowledged_at,value,message", File.ReadLines(files("alerts.csv")).First());
    }

    [Fact]
    public async Task ExportZip_Download_HasTheCliZipsContent()
    {
        var cli = await ExportAndUnzipAsync();
        using var response = await _host.Http.GetAsync(new Uri($"/api/experiments/{Experiment}/export.zip", UriKind.Relative), TestContext.Current.CancellationToken);
        using var anonymous = await _host.Anonymous.GetAsync(new Uri($"/api/experiments/{Experiment}/export.zip", UriKind.Relative), TestContext.Current.CancellationToken);
        using var missing = await _host.Http.GetAsync(new Uri("/api/experiments/no-such/export.zip", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, "application/zip"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["experiment.json", "readings.csv", "events.csv", "gc.csv", "gas.csv", "alerts.csv"], zip.Entries.Select(e => e.FullName));
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            Assert.True(await File.ReadAllTextAsync(cli(entry.FullName), TestContext.Current.CancellationToken) == await reader.ReadToEndAsync(TestContext.Current.CancellationToken),
                entry.FullName);
        }
    }

    [Fact]
    public async Task ReportData_FedHost_SummaryIsTheReportOfTheExportedFiles()
    {
        var files = await ExportAndUnzipAsync();

        var fromStore = await PouchmonProcess.Run("report", "--data", _folder.Path, "--experiment", Experiment, "--out-dir", _work.Path + "/store");
        var fromFiles = await PouchmonProcess.Run("report", "--experiment", files("experiment.json"), "--readings", files("readings.csv"),
            "--events", files("events.csv"), "--gc", files("gc.csv"), "--out-dir", _work.Path + "/files");

        Assert.True((fromStore.ExitCode, fromFiles.ExitCode) == (0, 0), fromStore.Stderr + fromFiles.Stderr);
        foreach (var name in new[] { "summary.csv", "summary.md" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(_work.Path, "files", name)), File.ReadAllText(Path.Combine(_work.Path, "store", name)));
        }
    }

    [Fact]
    public async Task SummaryMd_Download_IsTheSummaryOfReportData()
    {
        var ct = TestContext.Current.CancellationToken;
        var fromStore = await PouchmonProcess.Run("report", "--data", _folder.Path, "--experiment", Experiment, "--out-dir", _work.Path + "/store");
        using var response = await _host.Http.GetAsync(new Uri($"/api/experiments/{Experiment}/summary.md", UriKind.Relative), ct);
        using var missing = await _host.Http.GetAsync(new Uri("/api/experiments/no-such/summary.md", UriKind.Relative), ct);

        Assert.True(fromStore.ExitCode == 0, fromStore.Stderr);
        Assert.Equal((HttpStatusCode.OK, "text/markdown"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        var summary = await response.Content.ReadAsStringAsync(ct);
        Assert.Equal(File.ReadAllText(Path.Combine(_work.Path, "store", "summary.md")), summary);
        Assert.Contains(" ± ", summary, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (missing.StatusCode, missing.Content.Headers.ContentType?.MediaType));
    }

    [Theory]
    [InlineData("experiment", "no-such-experiment")]
    [InlineData("data", "missing-folder")]
    [InlineData("out", "no-such-folder/export.zip")]
    public async Task Export_BadArgument_ExitsTwoWithOneLine(string which, string value)
    {
        string Value(string option, string good) => option == which ? Path.Combine(_work.Path, value) : good;
        string experiment = which == "experiment" ? value : Experiment;

        var (exitCode, stderr, _) = await PouchmonProcess.Run("export", "--data", Value("data", _folder.Path), "--experiment", experiment,
            "--out", Value("out", Path.Combine(_work.Path, "export.zip")));

        Assert.Equal((2, 1), (exitCode, stderr.Trim().Split('\n').Length));
        Assert.StartsWith("pouchmon export: ", stderr, StringComparison.Ordinal);
        Assert.Contains(which == "experiment" ? value : Path.Combine(_work.Path, value), stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work.Path, "export.zip")));
    }

    private DateTimeOffset TareTime => ReadingTime("A2", 3);

    private DateTimeOffset VentTime => ReadingTime("A1", 60);

    private DateTimeOffset GcTime => ReadingTime("A1", 100);

    private DateTimeOffset ReadingTime(string pouch, int index) => _example.Readings.Where(r => r.Pouch == pouch).ElementAt(index).Reading.Time;

    private static void AssertRowsMatch(int row, string[] stored, string[] converted)
    {
        Assert.True(stored.Length == converted.Length, $"row {row}: {stored.Length} vs {converted.Length} fields");
        for (var i = 0; i < stored.Length; i++)
        {
            if (double.TryParse(stored[i], CultureInfo.InvariantCulture, out var s) && double.TryParse(converted[i], CultureInfo.InvariantCulture, out var c))
            {
                Assert.True(Math.Abs(s - c) <= ToleranceMl, $"row {row}, column {i}: stored {s}, converted {c}");
            }
            else
            {
                Assert.True(stored[i] == converted[i], $"row {row}, column {i}: stored '{stored[i]}', converted '{converted[i]}'");
            }
        }
    }

    private async Task<Func<string, string>> ExportAndUnzipAsync()
    {
        string zip = Path.Combine(_work.Path, "export.zip");
        var (exitCode, stderr, _) = await PouchmonProcess.Run("export", "--data", _folder.Path, "--experiment", Experiment, "--out", zip);
        Assert.True(exitCode == 0, stderr);
        Assert.False(File.Exists(zip + ".partial"));
        string unzipped = Path.Combine(_work.Path, "unzipped");
        ZipFile.ExtractToDirectory(zip, unzipped, overwriteFiles: true);
        return name => Path.Combine(unzipped, name);
    }

    private async Task FeedAsync()
    {
        var ingestor = _host.Get<MessageIngestor>();
        foreach (var batch in _example.Batches(1, _example.Readings, ContractV1.MaxReadingsPerBatch))
        {
            await ingestor.HandleAsync(Topics.Readings(ExampleData.DeviceId), new System.Buffers.ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(batch)));
        }

        await PostAsync($"pouches/A2/tare", new { time = TareTime });
        await PostAsync($"pouches/A1/events", new { time = VentTime, kind = "vent", note = "vented at the bench" });
        await PostAsync("gc", new[] { new { time = GcTime, pouch = "A1", h2Percent = 42.5, otherPercents = new Dictionary<string, double> { ["n2_percent"] = 55 } } });
    }

    private async Task PostAsync(string path, object body)
    {
        using var response = await _host.Http.PostAsJsonAsync(new Uri($"/api/experiments/{Experiment}/{path}", UriKind.Relative), body, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
