using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Ingestion;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Api;

/// <summary>Lab entries over HTTP: every range checked with a ProblemDetails, imports whole or not at all, nothing silently replaced.</summary>
public sealed class LabEntryTests : IAsyncLifetime
{
    private const string At = "2026-01-06T22:15:00Z";
    private readonly TempFolder _folder = new();
    private ExampleData _example = null!;
    private ServeHost _host = null!;

    private string Experiment => _example.Experiment.Name;

    private PouchKey A1 => new(Experiment, "A1");

    public async ValueTask InitializeAsync()
    {
        _example = ExampleData.Create(_folder.Path);
        _host = await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("gc", """[{"time":"2026-01-06T22:15:00Z","pouch":"A1","h2Percent":72.4,"otherPercents":{"n2_percent":1e400}}]""")]
    [InlineData("gc", """[{"time":"2026-01-06T22:15:00Z","pouch":"A1","h2Percent":72.4,"otherPercents":{"n2_percent":-1}}]""")]
    [InlineData("gc", """[{"time":"2026-01-06T22:15:00Z","pouch":"A1","h2Percent":72.4,"otherPercents":{"n2_percent":40}}]""")]
    [InlineData("gc", """[{"time":"2026-01-06T22:15:00Z","pouch":"A1","h2Percent":72.4,"otherPercents":{"n2,x":1}}]""")]
    [InlineData("gc", """[{"time":"2026-01-06T22:15:00Z","pouch":"A1","h2Percent":"NaN"}]""")]
    [InlineData("gc", """[{"time":"9999-12-31T23:59:59Z","pouch":"A1","h2Percent":5}]""")]
    [InlineData("gc", """[{"time":"0001-01-01T00:00:00+14:00","pouch":"A1","h2Percent":5}]""")]
    [InlineData("gc", """[{"time":"yesterday","pouch":"A1","h2Percent":5}]""")]
    [InlineData("gc", """[null]""")]
    [InlineData("gc", """{"not":"an array"}""")]
    [InlineData("pouches/A1/events", """{"time":"1970-01-01T00:00:00Z","kind":"vent"}""")]
    [InlineData("pouches/A1/events", """{"kind":"vent","note":"NOTE"}""")]
    [InlineData("pouches/A1/events", """{"kind":null}""")]
    [InlineData("pouches/A1/tare", """{"time":"2200-01-01T00:00:00Z"}""")]
    [InlineData("pouches/A1/tare", """{"time":12}""")]
    public async Task Post_OutOfRange_IsBadRequestProblemAndStoresNothing(string path, string json)
    {
        using var content = new StringContent(json.Replace("NOTE", new string('x', 1001), StringComparison.Ordinal), Encoding.UTF8, "application/json");

        using var response = await _host.Http.PostAsync(new Uri($"/api/experiments/{Experiment}/{path}", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var data = _host.Get<ExperimentDataStore>();
        Assert.Equal((0, 0, (DateTimeOffset?)null), (data.GcResults(A1).Count, data.Events(A1).Count, data.Tare(A1)));
    }

    [Theory]
    [InlineData("trend?fromDays=NaN")]
    [InlineData("trend?toDays=Infinity")]
    [InlineData("trend?fromDays=1e300")]
    [InlineData("trend?columns=99999999999")]
    [InlineData("pouches/A1/raw?columns=-1")]
    public async Task Get_OutOfRangeQuery_IsBadRequestProblem(string path)
    {
        using var response = await _host.Http.GetAsync(new Uri($"/api/experiments/{Experiment}/{path}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostGc_OneBadResultAmongGood_StoresNone()
    {
        var body = new object[] { new { time = At, pouch = "A1", h2Percent = 30.0 }, new { time = At, pouch = "A2", h2Percent = 300.0 } };

        using var response = await PostJsonAsync("gc", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("[1].h2Percent", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(_host.Get<ExperimentDataStore>().GcResults(A1));
    }

    [Fact]
    public async Task PostGcCsv_SecondRowClashesWithAStoredResult_StoresNoneOfTheFile()
    {
        using var first = await PostJsonAsync("gc", new[] { new { time = "2026-01-07T10:00:00Z", pouch = "A2", h2Percent = 40.0 } });
        using var content = new MultipartFormDataContent
        {
            { new StringContent($"time,pouch,h2_percent\n{At},A1,30\n2026-01-07T10:00:00Z,A2,41\n", Encoding.UTF8, "text/csv"), "file", "gc.csv" },
        };

        using var response = await _host.Http.PostAsync(new Uri($"/api/experiments/{Experiment}/gc.csv", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(_host.Get<ExperimentDataStore>().GcResults(A1));
        Assert.Equal(40.0, _host.Get<ExperimentDataStore>().GcResults(new PouchKey(Experiment, "A2")).Single().H2Percent);
    }

    [Fact]
    public async Task PostGc_SameTimeAgain_IsConflictUnlessReplaceIsAsked()
    {
        using var first = await PostJsonAsync("gc", new[] { new { time = At, pouch = "A1", h2Percent = 72.4, otherPercents = new Dictionary<string, double> { ["n2_percent"] = 20 } } });
        using var again = await PostJsonAsync("gc", new[] { new { time = At, pouch = "A1", h2Percent = 27.4 } });
        var kept = _host.Get<ExperimentDataStore>().GcResults(A1).Single();
        using var replaced = await PostJsonAsync("gc?replace=true", new[] { new { time = At, pouch = "A1", h2Percent = 27.4 } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("replace=true", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((72.4, 20.0), (kept.H2Percent, kept.OtherPercents["n2_percent"]));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(27.4, _host.Get<ExperimentDataStore>().GcResults(A1).Single().H2Percent);
    }

    [Fact]
    public async Task CorrectAndDelete_EveryEntry_IsInTheJournalWithWhoOldAndNewValue()
    {
        using var created = await PostJsonAsync("pouches/A1/events", new { time = At, kind = "vent", note = "P3 vented" });
        var eventPath = created.Headers.Location!.OriginalString;
        using var corrected = await _host.Http.PutAsJsonAsync(new Uri(eventPath, UriKind.Relative), new { time = At, kind = "sample", note = "was a GC sample" },
            TestContext.Current.CancellationToken);
        var afterCorrection = await EntriesAsync();
        using var deleted = await _host.Http.DeleteAsync(new Uri(eventPath, UriKind.Relative), TestContext.Current.CancellationToken);
        using var deletedAgain = await _host.Http.DeleteAsync(new Uri(eventPath, UriKind.Relative), TestContext.Current.CancellationToken);
        using var gc = await PostJsonAsync("gc", new[] { new { time = At, pouch = "A1", h2Percent = 72.4 } });
        using var gcReplaced = await PostJsonAsync("gc?replace=true", new[] { new { time = At, pouch = "A1", h2Percent = 27.4 } });
        using var gcDeleted = await _host.Http.DeleteAsync(new Uri($"/api/experiments/{Experiment}/pouches/A1/gc?time={Uri.EscapeDataString(At)}", UriKind.Relative),
            TestContext.Current.CancellationToken);
        using var tared = await PostJsonAsync("pouches/A1/tare", new { time = At });
        using var untared = await _host.Http.DeleteAsync(new Uri($"/api/experiments/{Experiment}/pouches/A1/tare", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK,
                HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent],
            new[] { created, corrected, deleted, deletedAgain, gc, gcReplaced, gcDeleted, tared, untared }.Select(r => r.StatusCode));
        Assert.Equal(("sample", "was a GC sample"), (afterCorrection.GetProperty("events")[0].GetProperty("kind").GetString(),
            afterCorrection.GetProperty("events")[0].GetProperty("note").GetString()));
        var entries = await EntriesAsync();
        Assert.Equal((0, 0, JsonValueKind.Null), (entries.GetProperty("events").GetArrayLength(), entries.GetProperty("gcResults").GetArrayLength(),
            entries.GetProperty("tareAt").ValueKind));
        var journal = (await _host.Http.GetFromJsonAsync<JsonElement>(new Uri($"/api/experiments/{Experiment}/journal", UriKind.Relative),
            TestContext.Current.CancellationToken)).EnumerateArray().Reverse().ToList();
        Assert.Equal(
            ["event create", "event replace", "event delete", "gc create", "gc replace", "gc delete", "tare create", "tare delete"],
            journal.Select(j => $"{j.GetProperty("entity").GetString()} {j.GetProperty("action").GetString()}"));
        Assert.All(journal, j => Assert.Equal((ServeHost.OperatorName, "A1"), (j.GetProperty("user").GetString(), j.GetProperty("pouch").GetString())));
        Assert.Contains("\"note\":\"P3 vented\"", journal[1].GetProperty("oldJson").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"note\":\"was a GC sample\"", journal[1].GetProperty("newJson").GetString(), StringComparison.Ordinal);
        Assert.Contains("72.4", journal[4].GetProperty("oldJson").GetString(), StringComparison.Ordinal);
        Assert.Contains("27.4", journal[4].GetProperty("newJson").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, journal[5].GetProperty("newJson").ValueKind);
    }

    [Fact]
    public async Task DeleteGc_Result_RecomputesThePouchWithoutIt()
    {
        FeedExampleReadings();
        var lastTime = _example.Readings.Where(r => r.Pouch == "A1").Last().Reading.Time;
        using var gc = await PostJsonAsync("gc", new[] { new { time = lastTime, pouch = "A1", h2Percent = 50.0 } });
        var withGc = _host.Get<GasStore>().Series(A1)[^1].H2Percent;

        using var deleted = await _host.Http.DeleteAsync(
            new Uri($"/api/experiments/{Experiment}/pouches/A1/gc?time={Uri.EscapeDataString(lastTime.ToString("O", CultureInfo.InvariantCulture))}", UriKind.Relative),
            TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NoContent, 50.0), (gc.StatusCode, deleted.StatusCode, withGc));
        Assert.Null(_host.Get<GasStore>().Series(A1)[^1].H2Percent);
    }

    private async Task<JsonElement> EntriesAsync() =>
        await _host.Http.GetFromJsonAsync<JsonElement>(new Uri($"/api/experiments/{Experiment}/pouches/A1/entries", UriKind.Relative), TestContext.Current.CancellationToken);

    private void FeedExampleReadings()
    {
        var ingestor = _host.Get<MessageIngestor>();
        foreach (var batch in _example.Batches(1, _example.Readings, ContractV1.MaxReadingsPerBatch))
        {
            ingestor.HandleAsync(Topics.Readings(ExampleData.DeviceId), new System.Buffers.ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(batch))).GetAwaiter().GetResult();
        }
    }

    private List<string> StoredKinds()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, "pouchmon.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind FROM events ORDER BY kind";
        using var reader = command.ExecuteReader();
        var kinds = new List<string>();
        while (reader.Read())
        {
            kinds.Add(reader.GetString(0));
        }

        return kinds;
    }

    private Task<ServeHost> StartAsync() => ServeHost.StartAsync(new Dictionary<string, string>
    {
        ["Storage:DataFolder"] = _folder.Path,
        ["Experiments:Files:0"] = _example.ExperimentPath,
        ["Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
    });

    private Task<HttpResponseMessage> PostJsonAsync(string path, object body) =>
        _host.Http.PostAsJsonAsync(new Uri($"/api/experiments/{Experiment}/{path}", UriKind.Relative), body, TestContext.Current.CancellationToken);
}
