using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Ingestion;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Api;

public sealed class ApiTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
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
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task GetExperiments_OneFile_ListsItsPouches()
    {
        var experiments = await GetJsonAsync("/api/experiments");
        var pouches = await GetJsonAsync($"/api/experiments/{Experiment}/pouches");

        Assert.Equal(Experiment, experiments[0].GetProperty("name").GetString());
        Assert.Equal(["A1", "A2"], pouches.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(1, pouches[1].GetProperty("sensor").GetInt32());
    }

    [Fact]
    public async Task PostReload_ChangedThenBrokenFile_TakesTheChangeAndKeepsItWhenTheNextIsBad()
    {
        var json = File.ReadAllText(_example.ExperimentPath);
        File.WriteAllText(_example.ExperimentPath, json.Replace("\"mSi\"", "\"mSi-b\"", StringComparison.Ordinal));
        using var changed = await _host.Http.PostAsync(new Uri("/api/experiments/reload", UriKind.Relative), null, TestContext.Current.CancellationToken);
        File.WriteAllText(_example.ExperimentPath, json.Replace("\"slurryMassG\":1.12", "\"slurryMassG\":-1", StringComparison.Ordinal));
        using var broken = await _host.Http.PostAsync(new Uri("/api/experiments/reload", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await AssertProblemAsync(broken, (HttpStatusCode)422, "slurryMassG");
        Assert.Equal("mSi-b", (await GetJsonAsync($"/api/experiments/{Experiment}/pouches"))[0].GetProperty("sample").GetString());
    }

    [Theory]
    [InlineData("/api/experiments/nope/pouches", HttpStatusCode.NotFound)]
    [InlineData("/api/experiments/example-headspace/pouches/Z9/gas", HttpStatusCode.NotFound)]
    public async Task Get_UnknownExperimentOrPouch_IsProblemDetails(string path, HttpStatusCode status)
    {
        using var response = await _host.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, status, "There is no");
    }

    [Fact]
    public async Task PostEvent_UnknownKind_IsBadRequestNamingTheField()
    {
        using var response = await PostJsonAsync($"/api/experiments/{Experiment}/pouches/A1/events", new { time = "2026-01-06T22:15:00Z", kind = "burp" });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "kind: 'burp'");
    }

    [Fact]
    public async Task PostTare_LaterBaseline_RecomputesEarlierPointsAsPreBaseline()
    {
        FeedExampleReadings();
        var tareTime = _example.Readings.Where(r => r.Pouch == "A1").ElementAt(10).Reading.Time;

        using var response = await PostJsonAsync($"/api/experiments/{Experiment}/pouches/A1/tare", new { time = tareTime });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var series = _host.Get<GasStore>().Series(new PouchKey(Experiment, "A1"));
        Assert.All(series.Take(10), p => Assert.Null(p.DryGasMlStd));
        Assert.Equal(0, series[10].DryGasMlStd);
    }

    [Fact]
    public async Task PostGcCsv_ExampleFile_ImportsAndFillsHydrogen()
    {
        FeedExampleReadings();
        using var content = CsvUpload(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "example-headspace", "gc.csv")));

        using var response = await _host.Http.PostAsync(new Uri($"/api/experiments/{Experiment}/gc.csv", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("imported").GetInt32());
        Assert.NotNull(_host.Get<GasStore>().Series(new PouchKey(Experiment, "A1"))[^1].H2MlStd);
    }

    [Fact]
    public async Task PostGcCsv_UnknownPouch_IsBadRequestWithLine()
    {
        using var content = CsvUpload("time,pouch,h2_percent\n2026-01-06T22:15:00Z,Z9,3.2\n");

        using var response = await _host.Http.PostAsync(new Uri($"/api/experiments/{Experiment}/gc.csv", UriKind.Relative), content, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "gc.csv: line 2: pouch: 'Z9'");
    }

    [Fact]
    public async Task PostGcJson_PercentOutOfRange_IsBadRequest()
    {
        using var response = await PostJsonAsync($"/api/experiments/{Experiment}/gc", new[] { new { time = "2026-01-06T22:15:00Z", pouch = "A1", h2Percent = 140.0 } });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "[0].h2Percent: needs a number in 0–100");
    }

    [Fact]
    public async Task PostAck_OpenAlert_AcknowledgesOnce()
    {
        var tags = new SeriesTags(Experiment, "A1", "mSi", ExampleData.DeviceId);
        _host.Get<AlertEngine>().Set(tags, AlertKind.Swelling, shouldOpen: true, shouldClose: false, 6.0, "swelling 6 mL/g", _host.Get<TimeProvider>().GetUtcNow());
        var id = _host.Get<AlertStore>().OpenAlerts()[0].Id;

        using var first = await _host.Http.PostAsync(new Uri($"/api/alerts/{id}/ack", UriKind.Relative), null, TestContext.Current.CancellationToken);
        using var second = await _host.Http.PostAsync(new Uri($"/api/alerts/{id}/ack", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await AssertProblemAsync(second, HttpStatusCode.NotFound, "no unacknowledged alert");
        Assert.NotNull((await GetJsonAsync("/api/alerts"))[0].GetProperty("acknowledgedAt").GetString());
    }

    [Fact]
    public void Feed_NoInfluxConfigured_QueuesNothingForIt()
    {
        FeedExampleReadings();

        Assert.NotEmpty(_host.Get<GasStore>().Series(new PouchKey(Experiment, "A1")));
        Assert.Equal(0, _host.Get<Outbox>().Count());
    }

    [Fact]
    public async Task GetHealthz_RunningHost_ReportsBrokerStorageAndOutbox()
    {
        var health = await GetJsonAsync("/healthz");

        var checks = health.GetProperty("checks");
        Assert.Equal(["broker", "storage", "outbox"], checks.EnumerateObject().Select(c => c.Name));
        Assert.Equal("Healthy", checks.GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetMetrics_AfterReadings_ExposesPipelineCounters()
    {
        FeedExampleReadings();

        var metrics = await _host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        foreach (var name in (string[])["pouchmon_readings_received_total", "pouchmon_messages_rejected_total", "pouchmon_reading_lag_seconds", "pouchmon_outbox_backlog", "pouchmon_alerts_open"])
        {
            Assert.Contains(name, metrics, StringComparison.Ordinal);
        }
    }

    /// <summary>Stores the example readings as one batch per pouch and runs them through the pipeline, as MQTT ingestion does.</summary>
    private void FeedExampleReadings()
    {
        var ingestor = _host.Get<MessageIngestor>();
        foreach (var batch in _example.Batches(1, _example.Readings, ContractV1.MaxReadingsPerBatch))
        {
            ingestor.HandleAsync(Topics.Readings(ExampleData.DeviceId), new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(batch))).GetAwaiter().GetResult();
        }
    }

    private static MultipartFormDataContent CsvUpload(string csv)
    {
        var content = new MultipartFormDataContent();
        content.Add(new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "gc.csv");
        return content;
    }

    private Task<HttpResponseMessage> PostJsonAsync(string path, object body) =>
        _host.Http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, TestContext.Current.CancellationToken);

    private async Task<JsonElement> GetJsonAsync(string path) =>
        await _host.Http.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
