using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PouchMonitor.Host.Plotting;

namespace PouchMonitor.Host.Tests.Dashboard;

/// <summary><c>GET /api/compare</c>, <c>GET /api/plot-style</c> and the raw view's days, against the real host fed with two batches.</summary>
public sealed class ComparisonApiTests : IAsyncLifetime
{
    private const string Both = $"/api/compare?experiment={ComparisonRig.BatchOne}&experiment={ComparisonRig.BatchTwo}";
    private ComparisonRig _rig = null!;

    public async ValueTask InitializeAsync()
    {
        _rig = await ComparisonRig.StartAsync();
        _rig.Feed(ComparisonRig.BatchOne, 5, TimeSpan.FromMinutes(10));
        _rig.Feed(ComparisonRig.BatchTwo, 4, TimeSpan.FromMinutes(10));
    }

    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task GetCompare_TwoBatches_BandPerGroupWithSampleNamesMeanAndSd()
    {
        var compare = await GetJsonAsync($"{Both}&columns=600");

        Assert.Equal(("mL g⁻¹ slurry", "mL at 0 °C, 101.325 kPa", "d"),
            (compare.GetProperty("unit").GetString(), compare.GetProperty("standardConditions").GetString(), compare.GetProperty("xUnit").GetString()));
        var experiments = compare.GetProperty("experiments").EnumerateArray().ToList();
        Assert.Equal([ComparisonRig.BatchOne, ComparisonRig.BatchTwo], experiments.Select(e => e.GetProperty("name").GetString()));
        var groups = experiments[0].GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["bare", "coated"], groups.Select(g => g.GetProperty("group").GetString()));
        Assert.Equal([ComparisonRig.BareSample], Strings(groups[0], "samples"));
        Assert.Equal(["P1", "P2", "P3"], Strings(groups[0], "pouches"));

        // 5 days in 600 columns is under an hour a column: the band's grid is hourly, as the report's group plot
        Assert.Equal(1 / 24.0, compare.GetProperty("bandStepDays").GetDouble(), 12);
        var (days, mean, sd) = Band(groups[0]);
        var at = Array.FindIndex(days, d => d >= 3);
        var members = Enumerable.Range(0, 3).Select(i => ComparisonRig.GasMlPerG(ComparisonRig.BatchOne, i, days[at])).ToArray();
        Assert.Equal(members.Average(), mean[at], 3);
        Assert.Equal(0.6 * (1 - Math.Exp(-days[at] / 2.5)), sd[at]!.Value, 3);
        var (_, coatedMean, _) = Band(groups[1]);
        Assert.Equal(Enumerable.Range(3, 3).Average(i => ComparisonRig.GasMlPerG(ComparisonRig.BatchOne, i, days[at])), coatedMean[at], 4);
        Assert.InRange(Band(experiments[1].GetProperty("groups")[0]).Days[^1], 3.9, 4.0);
    }

    [Fact]
    public async Task GetCompare_TwoBatches_ColoursFromTheOnePaletteRunOnAndEachBatchHasItsDash()
    {
        var experiments = (await GetJsonAsync(Both)).GetProperty("experiments").EnumerateArray().ToList();

        string[] Colours(JsonElement e, string list) => [.. e.GetProperty(list).EnumerateArray().Select(g => g.GetProperty("colour").GetString()!)];
        Assert.Equal([SeriesStyle.Colour(0), SeriesStyle.Colour(3)], Colours(experiments[0], "groups"));
        Assert.Equal([SeriesStyle.Colour(6), SeriesStyle.Colour(9)], Colours(experiments[1], "groups"));
        Assert.Equal([.. Enumerable.Range(0, 6).Select(SeriesStyle.Colour)], Colours(experiments[0], "pouches"));
        Assert.Equal([SeriesStyle.ExperimentDash(0).Count, SeriesStyle.ExperimentDash(1).Count], experiments.Select(e => e.GetProperty("dash").GetArrayLength()));
        Assert.Equal([ComparisonRig.BareSample, ComparisonRig.CoatedSample],
            experiments[1].GetProperty("pouches").EnumerateArray().Select(p => p.GetProperty("sample").GetString()).Distinct());
    }

    [Fact]
    public async Task GetCompare_FewColumns_BandAndPouchPointsStayBounded()
    {
        var compare = await GetJsonAsync($"{Both}&columns=20");

        // 5 days in 20 columns: a quarter-day grid; M4 keeps at most four points a column
        Assert.Equal(0.25, compare.GetProperty("bandStepDays").GetDouble(), 12);
        var experiments = compare.GetProperty("experiments").EnumerateArray().ToList();
        Assert.All(experiments.SelectMany(e => e.GetProperty("groups").EnumerateArray()), g => Assert.InRange(g.GetProperty("days").GetArrayLength(), 10, 21));
        Assert.All(experiments.SelectMany(e => e.GetProperty("pouches").EnumerateArray()), p => Assert.InRange(p.GetProperty("days").GetArrayLength(), 10, 80));
    }

    [Fact]
    public async Task GetCompare_StoppedThenArchivedBatch_IsStillCompared()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var stopped = await _rig.Host.Http.PostAsync(new Uri($"/api/experiments/{ComparisonRig.BatchTwo}/stop", UriKind.Relative), null, cancel);
        var whileStopped = (await GetJsonAsync(Both)).GetProperty("experiments")[1].GetProperty("state").GetString();
        using var archived = await _rig.Host.Http.PostAsync(new Uri($"/api/experiments/{ComparisonRig.BatchTwo}/archive", UriKind.Relative), null, cancel);

        var batch = (await GetJsonAsync(Both)).GetProperty("experiments")[1];

        Assert.Equal((true, true, "stopped"), (stopped.IsSuccessStatusCode, archived.IsSuccessStatusCode, whileStopped));
        Assert.Equal("archived", batch.GetProperty("state").GetString());
        Assert.InRange(Band(batch.GetProperty("groups")[0]).Days.Length, 90, 100);
    }

    [Theory]
    [InlineData("/api/compare", HttpStatusCode.BadRequest)]
    [InlineData("/api/compare?experiment=no-such-batch", HttpStatusCode.NotFound)]
    [InlineData($"{Both}&experiment=no-such-batch", HttpStatusCode.NotFound)]
    [InlineData($"{Both}&columns=abc", HttpStatusCode.BadRequest)]
    [InlineData($"{Both}&columns=0", HttpStatusCode.BadRequest)]
    [InlineData($"{Both}&fromDays=NaN", HttpStatusCode.BadRequest)]
    [InlineData($"{Both}&fromDays=2&toDays=1", HttpStatusCode.BadRequest)]
    [InlineData($"{Both}&quantity=co2", HttpStatusCode.BadRequest)]
    [InlineData("/api/compare?experiment=a&experiment=b&experiment=c&experiment=d&experiment=e&experiment=f&experiment=g", HttpStatusCode.BadRequest)]
    public async Task GetCompare_BadQuery_IsProblemDetails(string path, HttpStatusCode status)
    {
        using var response = await _rig.Host.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetPlotStyle_Always_ServesThePaletteAndGlyphsTheReportDrawsWith()
    {
        var style = await GetJsonAsync("/api/plot-style");

        Assert.Equal(SeriesStyle.Palette, Strings(style, "palette"));
        var markers = style.GetProperty("markers").EnumerateArray().ToDictionary(m => m.GetProperty("kind").GetString()!, m => m.GetProperty("glyph").GetString());
        Assert.Equal(("▼", "●", "◆", "■"), (markers["sample"], markers["vent"], markers["gc"], markers["alert"]));
        Assert.False(style.GetProperty("markers")[0].TryGetProperty("reportShape", out _));
    }

    [Fact]
    public async Task GetRaw_FedPouch_ChannelsInDaysSinceTheBaseline()
    {
        var raw = await GetJsonAsync($"/api/experiments/{ComparisonRig.BatchOne}/pouches/P1/raw?columns=100");

        var days = raw.GetProperty("pressure").GetProperty("days").EnumerateArray().Select(d => d.GetDouble()).ToArray();
        Assert.Equal(raw.GetProperty("baselineAt").GetDateTimeOffset(), raw.GetProperty("dayZero").GetDateTimeOffset());
        Assert.Equal((0.0, 5.0), (days[0], Math.Round(days[^1], 6)));
    }

    private static string[] Strings(JsonElement element, string property) => [.. element.GetProperty(property).EnumerateArray().Select(v => v.GetString()!)];

    private static (double[] Days, double[] Mean, double?[] Sd) Band(JsonElement group) =>
        ([.. group.GetProperty("days").EnumerateArray().Select(v => v.GetDouble())],
         [.. group.GetProperty("mean").EnumerateArray().Select(v => v.GetDouble())],
         [.. group.GetProperty("sd").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble())]);

    private async Task<JsonElement> GetJsonAsync(string path) =>
        await _rig.Host.Http.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
}
