using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Auth;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Lab;

/// <summary>Experiments in the store through <c>/api/experiments</c>: create, validate, lifecycle, edit, export, import at start.</summary>
public sealed class ExperimentApiTests : IAsyncLifetime
{
    private const string Device = "lab-1";
    private readonly TempFolder _folder = new();
    private ServeHost _host = null!;
    private HttpClient _operator = null!;
    private uint _sequence;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await StartHostAsync([]);
        _operator = await _host.ClientAsAsync(Roles.Operator);
    }

    public async ValueTask DisposeAsync()
    {
        _operator.Dispose();
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Create_ValidDocument_IsDraftWhoseReadingsMakeNoGasUntilStarted()
    {
        using var created = await PostAsync("/api/experiments", Document("e1", slurryMassG: 1.0));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("draft", (await JsonAsync(created)).GetProperty("state").GetString());

        Feed(DateTimeOffset.UtcNow.AddMinutes(-10), 101_325);
        Assert.Single(_host.Get<ReadingStore>().ForSensor(Device, 0));
        Assert.Empty(Gas("e1"));

        using var started = await PostAsync("/api/experiments/e1/start", "{}");
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var view = await JsonAsync(started);
        Assert.Equal("running", view.GetProperty("state").GetString());
        var baseline = view.GetProperty("pouches")[0].GetProperty("baselineAt").GetDateTimeOffset();
        Assert.True(baseline > DateTimeOffset.UtcNow.AddMinutes(-5), "the start sets the tare to now");
        Assert.Single(Gas("e1"));

        FeedAfterStart();
        Assert.Equal(3, Gas("e1").Count);
        Assert.True(Gas("e1")[^1].DryGasMlStd > 0, "gas after the baseline");
    }

    [Theory]
    // 10.2 mL g⁻¹ · 1.0 g in a 60 mL headspace at 50 °C: 101.3 + 20.4 kPa, past 110 kPa; 0.1 g: 103.4 kPa, within it
    [InlineData(1.0, "pouch P1: 10.2 mL g⁻¹ slurry (mL at 0 °C, 101.325 kPa) in its 60 mL vessel would reach 121.7 kPa")]
    [InlineData(0.1, null)]
    public async Task Create_ExpectedGas_DetailsWarnWhenTheVesselPassesTheSensorsRange(double slurryMassG, string? warning)
    {
        using var created = await PostAsync("/api/experiments", Document("range", slurryMassG));

        var warnings = (await JsonAsync(created)).GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
        if (warning is null)
        {
            Assert.Empty(warnings);
        }
        else
        {
            Assert.StartsWith(warning, Assert.Single(warnings), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0.0, "$.pouches[0].slurryMassG", "experiment.json: $.pouches[0].slurryMassG: 0 g is outside 1E-06 – 1000000 g")]
    [InlineData(-1.0, "$.pouches[0].slurryMassG", "$.pouches[0].slurryMassG: -1 g is outside")]
    public async Task Create_InvalidDocument_IsBadRequestWithTheFilesMessageAndPath(double slurryMassG, string path, string detail)
    {
        using var response = await PostAsync("/api/experiments", Document("bad", slurryMassG));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(path, problem.GetProperty("path").GetString());
        var file = Path.Combine(_folder.Path, "bad.json");
        File.WriteAllText(file, Document("bad", slurryMassG));
        var fromFile = Assert.Throws<ExperimentFileException>(() => ExperimentFile.Load(file));
        Assert.Equal(fromFile.Message.Replace(file, "experiment.json", StringComparison.Ordinal), problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("not json", "$", "invalid JSON")]
    [InlineData("""{"experiment":"x","pouches":[],"colour":1}""", "$.colour", "unknown property 'colour'")]
    public async Task Create_BrokenDocument_IsBadRequestNamingThePath(string body, string path, string detail)
    {
        using var response = await PostAsync("/api/experiments", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(path, problem.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Update_RunningExperimentsMass_RecomputesItsPouch()
    {
        await CreateAndStartAsync("e1", 1.0);
        FeedAfterStart();
        var perGram = Gas("e1")[^1].DryGasMlStdPerG!.Value;

        using var updated = await PutAsync("/api/experiments/e1", Document("e1", slurryMassG: 2.0));

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(perGram / 2, Gas("e1")[^1].DryGasMlStdPerG!.Value, 9);
    }

    [Fact]
    public async Task Lifecycle_StopThenArchive_NoNewGasAndReadOnlyButViewableAndExportable()
    {
        await CreateAndStartAsync("e1", 1.0);
        using var stopped = await PostAsync("/api/experiments/e1/stop", "");
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        var points = Gas("e1").Count;

        FeedAfterStart();
        using var edit = await PutAsync("/api/experiments/e1", Document("e1", slurryMassG: 2.0));
        using var archived = await PostAsync("/api/experiments/e1/archive", "");
        using var restart = await PostAsync("/api/experiments/e1/start", "{}");
        using var view = await _host.Http.GetAsync(new Uri("/api/experiments/e1", UriKind.Relative), Cancel);

        Assert.Equal(points, Gas("e1").Count);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, restart.StatusCode);
        Assert.Contains("only a draft can be started", (await JsonAsync(restart)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var details = await JsonAsync(view);
        Assert.Equal("archived", details.GetProperty("state").GetString());
        Assert.True(details.GetProperty("readOnly").GetBoolean());
    }

    [Fact]
    public async Task LabEntries_ArchivedExperiment_AreConflictProblemsAndStoreNothing()
    {
        await CreateAndStartAsync("e1", 1.0);
        using var stopped = await PostAsync("/api/experiments/e1/stop", "");
        using var archived = await PostAsync("/api/experiments/e1/archive", "");
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);

        using var vent = await PostAsync("/api/experiments/e1/pouches/P1/events", """{"kind":"vent"}""");
        using var gc = await PostAsync("/api/experiments/e1/gc", """[{"time":"2026-01-06T22:15:00Z","pouch":"P1","h2Percent":30}]""");
        using var tare = await PostAsync("/api/experiments/e1/pouches/P1/tare", "{}");
        using var preview = await _operator.PostAsync(new Uri("/api/experiments/e1/gc.csv/preview", UriKind.Relative), GcCsv("time,pouch,h2_percent\n"), Cancel);

        foreach (var response in new[] { vent, gc, tare, preview })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("archived", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var key = new PouchKey("e1", "P1");
        Assert.Empty(_host.Get<ExperimentDataStore>().StoredEvents(key));
        Assert.Empty(_host.Get<ExperimentDataStore>().GcResults(key));
    }

    [Fact]
    public async Task LabEntry_StoppedExperiment_RecomputeCountsNoReadingAfterTheStop()
    {
        await CreateAndStartAsync("e1", 1.0);
        FeedAfterStart();
        using var stopped = await PostAsync("/api/experiments/e1/stop", "");
        var points = Gas("e1").Count;
        Feed(DateTimeOffset.UtcNow.AddSeconds(3), 103_000);

        using var vent = await PostAsync("/api/experiments/e1/pouches/P1/events", """{"kind":"vent"}""");

        Assert.Equal(HttpStatusCode.Created, vent.StatusCode);
        Assert.Equal(points, Gas("e1").Count);
    }

    [Fact]
    public async Task PreviewGcCsv_MixedRows_ListsEachRowsVerdictAndStoresNothing()
    {
        await CreateAndStartAsync("e1", 1.0);
        using var stored = await PostAsync("/api/experiments/e1/gc", """[{"time":"2026-01-06T10:00:00Z","pouch":"P1","h2Percent":30}]""");
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        const string Csv = "time,pouch,h2_percent,n2_percent\n2026-01-06T22:15:00Z,P1,72.4,1\n2026-01-06T23:00:00Z,P9,5,\n"
            + "2026-01-07T01:00:00Z,P1,80,30\n2026-01-06T10:00:00Z,P1,31,\n2026-01-07T02:00:00Z,P1,,\n";

        using var preview = await _operator.PostAsync(new Uri("/api/experiments/e1/gc.csv/preview", UriKind.Relative), GcCsv(Csv), Cancel);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var rows = (await JsonAsync(preview)).GetProperty("rows").EnumerateArray()
            .Select(r => $"{r.GetProperty("line").GetInt32()} {r.GetProperty("status").GetString()} {r.GetProperty("reason").GetString()}").ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal("2 accepted ", rows[0]);
        Assert.StartsWith("3 rejected pouch: 'P9' is not in the experiment", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("4 rejected h2_percent and the other *_percent columns add up to 110 %", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("5 exists a GC result of P1 at 2026-01-06T10:00:00", rows[3], StringComparison.Ordinal);
        Assert.Equal("6 rejected h2_percent: missing", rows[4]);
        Assert.Single(_host.Get<ExperimentDataStore>().GcResults(new PouchKey("e1", "P1")));
    }

    [Fact]
    public async Task Export_StartedExperiment_IsAnExperimentFileWithTheTareAsBaseline()
    {
        var view = await CreateAndStartAsync("e1", 1.0);
        var tare = view.GetProperty("pouches")[0].GetProperty("baselineAt").GetDateTimeOffset();

        var exported = await _host.Http.GetStringAsync(new Uri("/api/experiments/e1/experiment.json", UriKind.Relative), Cancel);

        var experiment = ExperimentFile.Parse(exported, "export");
        Assert.Equal("e1", experiment.Name);
        Assert.Equal(tare, experiment.Pouches[0].Spec.BaselineAt);
        Assert.Equal(new PouchSource(Device, 0), experiment.Pouches[0].Source);
    }

    [Fact]
    public async Task Start_SensorOfAnotherRunningExperiment_IsConflictNamingBoth()
    {
        await CreateAndStartAsync("e1", 1.0);
        using var created = await PostAsync("/api/experiments", Document("e2", 1.0));

        using var started = await PostAsync("/api/experiments/e2/start", "{}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, started.StatusCode);
        Assert.Contains("sensor 0 of device 'lab-1' is mapped to more than one pouch", (await JsonAsync(started)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(ExperimentState.Draft, _host.Get<ExperimentCatalog>().Stored("e2")!.State);
    }

    [Fact]
    public async Task Writes_AnonymousOrViewer_AreRefused()
    {
        using var viewer = await _host.ClientAsAsync(Roles.Viewer);
        using var content = new StringContent(Document("e1", 1.0), Encoding.UTF8, "application/json");

        using var anonymous = await _host.Anonymous.PostAsync(new Uri("/api/experiments", UriKind.Relative), content, Cancel);
        using var viewed = await viewer.PostAsync(new Uri("/api/experiments", UriKind.Relative), content, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewed.StatusCode);
        Assert.Null(_host.Get<ExperimentCatalog>().Stored("e1"));
    }

    [Fact]
    public async Task ImportAtStart_FileThenChangedFile_IsRunningAndTakesTheChangeKeepingItsState()
    {
        var file = Path.Combine(_folder.Path, "e9.json");
        File.WriteAllText(file, Document("e9", 1.0));
        await _host.DisposeAsync();
        _host = await StartHostAsync(new Dictionary<string, string> { ["Experiments:Files:0"] = file });
        Assert.Equal(ExperimentState.Running, _host.Get<ExperimentCatalog>().Stored("e9")!.State);
        Feed(DateTimeOffset.UtcNow, 101_325);
        Assert.Single(Gas("e9"));

        File.WriteAllText(file, Document("e9", 3.0));
        await _host.DisposeAsync();
        _host = await StartHostAsync(new Dictionary<string, string> { ["Experiments:Files:0"] = file });

        Assert.Equal(ExperimentState.Running, _host.Get<ExperimentCatalog>().Stored("e9")!.State);
        Assert.Equal(3.0, _host.Get<ExperimentCatalog>().Find("e9")!.Pouches[0].Spec.SlurryMassG);
    }

    private async Task<JsonElement> CreateAndStartAsync(string name, double slurryMassG)
    {
        using var created = await PostAsync("/api/experiments", Document(name, slurryMassG));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Feed(DateTimeOffset.UtcNow.AddMinutes(-10), 101_325);
        using var started = await PostAsync($"/api/experiments/{name}/start", "{}");
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        return await JsonAsync(started);
    }

    // The first reading after the start is the baseline; the second has gas.
    private void FeedAfterStart()
    {
        Feed(DateTimeOffset.UtcNow.AddSeconds(1), 101_325);
        Feed(DateTimeOffset.UtcNow.AddSeconds(2), 102_000);
    }

    private static string Document(string name, double slurryMassG) => new JsonObject
    {
        ["experiment"] = name,
        ["pouches"] = new JsonArray(new JsonObject
        {
            ["id"] = "P1",
            ["sample"] = "mSi",
            ["slurryMassG"] = slurryMassG,
            ["vessel"] = new JsonObject { ["kind"] = "headspace", ["gasVolumeMl"] = 60 },
            ["source"] = new JsonObject { ["device"] = Device, ["sensor"] = 0 },
        }),
    }.ToJsonString();

    private IReadOnlyList<Analysis.GasPoint> Gas(string experiment) => _host.Get<GasStore>().Series(new PouchKey(experiment, "P1"));

    private void Feed(DateTimeOffset time, double pressurePa)
    {
        var sequence = _sequence++;
        var json = string.Create(CultureInfo.InvariantCulture,
            $$"""{"v":1,"device":"{{Device}}","boot":1,"readings":[{"seq":{{sequence}},"up":{{sequence * 1000}},"t":{{time.ToUnixTimeMilliseconds()}},"s":0,"p":{{pressurePa:F2}},"c":50.00}]}""");
        _host.Get<MessageIngestor>().HandleAsync(Topics.Readings(Device), new System.Buffers.ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json))).GetAwaiter().GetResult();
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body) =>
        await _operator.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

    private async Task<HttpResponseMessage> PutAsync(string path, string body) =>
        await _operator.PutAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

    private static MultipartFormDataContent GcCsv(string csv) =>
        new() { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "gc.csv" } };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

    private Task<ServeHost> StartHostAsync(Dictionary<string, string> settings)
    {
        settings["Storage:DataFolder"] = _folder.Path;
        settings["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        return ServeHost.StartAsync(settings);
    }
}
