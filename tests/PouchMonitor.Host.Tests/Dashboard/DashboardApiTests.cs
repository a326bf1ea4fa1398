using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Tests.Dashboard;

public sealed class DashboardApiTests : IAsyncLifetime
{
    private const string Api = $"/api/experiments/{DashboardRig.Experiment}";
    private DashboardRig _rig = null!;

    public async ValueTask InitializeAsync()
    {
        _rig = await DashboardRig.StartAsync();
        _rig.FeedDays(3, TimeSpan.FromMinutes(10));
    }

    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task GetTrend_Defaults_EveryPouchPerGramSlurryWithUnitsAndStandardConditions()
    {
        var trend = await GetJsonAsync($"{Api}/trend");

        Assert.Equal("mL g⁻¹ slurry", trend.GetProperty("unit").GetString());
        Assert.Equal("mL at 0 °C, 101.325 kPa", trend.GetProperty("standardConditions").GetString());
        Assert.Equal("d", trend.GetProperty("xUnit").GetString());
        var series = trend.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(DashboardRig.PouchIds, series.Select(s => s.GetProperty("pouch").GetString()));
        for (var i = 0; i < series.Count; i++)
        {
            var days = Numbers(series[i], "days");
            Assert.Equal(3, days[^1], 9);
            Assert.Equal(DashboardRig.GasMlStd(i, 3) / 1.1, Numbers(series[i], "values")[^1], 1e-6);
        }
    }

    [Fact]
    public async Task GetTrend_ActiveBasis_DividesByActiveMass()
    {
        var slurry = await GetJsonAsync($"{Api}/trend?full=true");
        var active = await GetJsonAsync($"{Api}/trend?basis=active&full=true");

        Assert.Equal("mL g⁻¹ active material", active.GetProperty("unit").GetString());
        Assert.Equal(Numbers(slurry.GetProperty("series")[3], "values")[^1] * 1.1 / 0.44, Numbers(active.GetProperty("series")[3], "values")[^1], 1e-5);
    }

    [Fact]
    public async Task GetTrend_FewColumns_KeepsEveryPouchsExtremesIncludingASpike()
    {
        var spikeAt = DashboardRig.TimeAt(1.5) + TimeSpan.FromMinutes(5);
        _rig.FeedOne(spikeAt, 2, DashboardRig.PressurePa(2, 1.5) + 4000);

        var full = await GetJsonAsync($"{Api}/trend?full=true");
        var reduced = await GetJsonAsync($"{Api}/trend?columns=12");

        for (var i = 0; i < DashboardRig.PouchCount; i++)
        {
            var all = Numbers(full.GetProperty("series")[i], "values");
            var kept = Numbers(reduced.GetProperty("series")[i], "values");
            Assert.Equal((all.Min(), all.Max()), (kept.Min(), kept.Max()));
            Assert.InRange(kept.Length, 12, 48);
            Assert.Equal(all.Length, reduced.GetProperty("series")[i].GetProperty("sourcePoints").GetInt32());
        }

        var spiked = Numbers(full.GetProperty("series")[2], "values");
        Assert.True(spiked.Max() > DashboardRig.GasMlStd(2, 3) / 1.1, "the spike is the series' maximum");
    }

    [Fact]
    public async Task GetTrend_NewReadingAfterARequest_IsAppended()
    {
        await GetJsonAsync($"{Api}/trend?full=true");
        _rig.FeedOne(DashboardRig.TimeAt(3.5), 1, DashboardRig.PressurePa(1, 3.5));

        var series = (await GetJsonAsync($"{Api}/trend?full=true")).GetProperty("series")[1];

        Assert.Equal(3.5, Numbers(series, "days")[^1], 9);
        Assert.Equal(DashboardRig.GasMlStd(1, 3.5) / 1.1, Numbers(series, "values")[^1], 1e-6);
    }

    [Fact]
    public async Task GetTrend_TareAfterARequest_ServesTheRecomputedCurve()
    {
        await GetJsonAsync($"{Api}/trend?full=true");
        using var tared = await _rig.Host.Http.PostAsJsonAsync(new Uri($"{Api}/pouches/P01/tare", UriKind.Relative),
            new { time = DashboardRig.TimeAt(1) }, TestContext.Current.CancellationToken);

        var series = (await GetJsonAsync($"{Api}/trend?full=true")).GetProperty("series")[0];

        Assert.Equal(HttpStatusCode.NoContent, tared.StatusCode);
        Assert.Equal(2, Numbers(series, "days")[^1], 9);
        Assert.Equal((DashboardRig.GasMlStd(0, 3) - DashboardRig.GasMlStd(0, 1)) / 1.1, Numbers(series, "values")[^1], 1e-6);
    }

    [Fact]
    public async Task GetTrend_EventAndAlert_AreMarkersOnTheCurve()
    {
        using var created = await _rig.Host.Http.PostAsJsonAsync(new Uri($"{Api}/pouches/P01/events", UriKind.Relative),
            new { time = DashboardRig.TimeAt(1), kind = "sample", note = "GC 0.5 mL" }, TestContext.Current.CancellationToken);
        OpenAlert("P02");

        var markers = (await GetJsonAsync($"{Api}/trend")).GetProperty("markers").EnumerateArray().ToList();

        var sample = Assert.Single(markers, m => m.GetProperty("kind").GetString() == "sample");
        Assert.Equal(("P01", 1.0), (sample.GetProperty("pouch").GetString(), sample.GetProperty("days").GetDouble()));
        Assert.Equal(JsonValueKind.Number, sample.GetProperty("value").ValueKind);
        Assert.Single(markers, m => m.GetProperty("kind").GetString() == "alert" && m.GetProperty("pouch").GetString() == "P02");
    }

    [Fact]
    public async Task GetRaw_Pouch_ChannelsWithUnitsAndTheOvenBand()
    {
        var raw = await GetJsonAsync($"{Api}/pouches/P04/raw?columns=50");

        Assert.Equal((48.0, 52.0, 110.0), (raw.GetProperty("ovenLowC").GetDouble(), raw.GetProperty("ovenHighC").GetDouble(), raw.GetProperty("sensorMaxKPa").GetDouble()));
        Assert.Equal(["kPa", "°C", "mL"], new[] { "pressure", "temperature", "vesselDryGas" }.Select(c => raw.GetProperty(c).GetProperty("unit").GetString()));
        Assert.Equal("mL at 0 °C, 101.325 kPa", raw.GetProperty("standardConditions").GetString());
        Assert.Equal(DashboardRig.PressurePa(3, 3) / 1000, Numbers(raw.GetProperty("pressure"), "values")[^1], 6);
        Assert.InRange(Numbers(raw.GetProperty("pressure"), "days").Length, 50, 200);
    }

    [Fact]
    public async Task GetOverview_AfterThreeDays_CardPerPouchWithGasRateAndHealth()
    {
        var overview = await GetJsonAsync($"{Api}/overview");

        var cards = overview.GetProperty("pouches").EnumerateArray().ToList();
        Assert.Equal(DashboardRig.PouchIds, cards.Select(c => c.GetProperty("pouch").GetString()));
        var card = cards[5];
        Assert.Equal(DashboardRig.GasMlStd(5, 3) / 1.1, card.GetProperty("dryGasMlStdPerG").GetDouble(), 6);
        var expectedRate = (DashboardRig.GasMlStd(5, 3) - DashboardRig.GasMlStd(5, 3 - 1.0 / 24)) / 1.1 * 24;
        Assert.Equal(expectedRate, card.GetProperty("rateMlStdPerGPerDay").GetDouble(), 6);
        Assert.Equal(("online", "ok", "rig-1"), (card.GetProperty("deviceHealth").GetString(), card.GetProperty("sensorHealth").GetString(), card.GetProperty("device").GetString()));
    }

    [Fact]
    public async Task PostAck_OpenAlert_AcknowledgesOnceAndTheStreamSaysSo()
    {
        var alert = OpenAlert("P03");
        using var stream = await _rig.Host.Http.GetStreamAsync(new Uri($"{Api}/live", UriKind.Relative), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        Assert.Equal(": open", await reader.ReadLineAsync(TestContext.Current.CancellationToken));

        using var first = await _rig.Host.Http.PostAsync(new Uri($"/api/alerts/{alert.Id}/ack", UriKind.Relative), null, TestContext.Current.CancellationToken);
        using var second = await _rig.Host.Http.PostAsync(new Uri($"/api/alerts/{alert.Id}/ack", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (first.StatusCode, second.StatusCode));
        Assert.Equal("event: alert", await NextEventLineAsync(reader, "alert"));
        var data = JsonDocument.Parse((await reader.ReadLineAsync(TestContext.Current.CancellationToken))!["data: ".Length..]).RootElement;
        Assert.Equal((alert.Id, JsonValueKind.String), (data.GetProperty("id").GetInt64(), data.GetProperty("acknowledgedAt").ValueKind));
    }

    [Fact]
    public async Task PostGc_NoNewReading_StreamSaysEntryAndTheCardShowsTheResult()
    {
        using var stream = await _rig.Host.Http.GetStreamAsync(new Uri($"{Api}/live", UriKind.Relative), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        Assert.Equal(": open", await reader.ReadLineAsync(TestContext.Current.CancellationToken));
        var before = (await GetJsonAsync($"{Api}/overview")).GetProperty("pouches")[2];

        await _rig.AddSamplingAsync("P03", 2, 64.5);

        Assert.Equal("event: entry", await NextEventLineAsync(reader, "entry"));
        var card = (await GetJsonAsync($"{Api}/overview")).GetProperty("pouches")[2];
        Assert.Equal(JsonValueKind.Null, before.GetProperty("h2Percent").ValueKind);
        Assert.Equal((64.5, "extrapolated"), (card.GetProperty("h2Percent").GetDouble(), card.GetProperty("h2Basis").GetString()));
    }

    [Fact]
    public async Task GetLive_NewReading_IsStreamedWithUnits()
    {
        using var stream = await _rig.Host.Http.GetStreamAsync(new Uri($"{Api}/live", UriKind.Relative), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        Assert.Equal(": open", await reader.ReadLineAsync(TestContext.Current.CancellationToken));

        _rig.FeedOne(DashboardRig.TimeAt(3.01), 6, 103_000);

        Assert.Equal("event: reading", await NextEventLineAsync(reader, "reading"));
        var data = JsonDocument.Parse((await reader.ReadLineAsync(TestContext.Current.CancellationToken))!["data: ".Length..]).RootElement;
        Assert.Equal(("P07", 103.0), (data.GetProperty("pouch").GetString(), data.GetProperty("pressureKPa").GetDouble()));
        Assert.Equal(JsonValueKind.Number, data.GetProperty("dryGasMlStdPerG").ValueKind);
    }

    [Theory]
    [InlineData("/trend?quantity=co2", HttpStatusCode.BadRequest)]
    [InlineData("/trend?columns=0", HttpStatusCode.BadRequest)]
    [InlineData("/pouches/Z9/raw", HttpStatusCode.NotFound)]
    public async Task Get_BadQuery_IsProblemDetails(string path, HttpStatusCode status)
    {
        using var response = await _rig.Host.Http.GetAsync(new Uri(Api + path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private Alert OpenAlert(string pouch)
    {
        var engine = _rig.Host.Get<AlertEngine>();
        engine.Set(new SeriesTags(DashboardRig.Experiment, pouch, "sample", DashboardRig.DeviceId), AlertKind.OvenTemperature, true, false, 55.3, $"{pouch}: oven 55.3 °C, outside 48–52 °C", _rig.Host.Get<TimeProvider>().GetUtcNow());
        return _rig.Host.Get<AlertStore>().OpenAlerts().Single(a => a.Pouch == pouch);
    }

    private static async Task<string?> NextEventLineAsync(StreamReader reader, string name)
    {
        string? line;
        do
        {
            line = await reader.ReadLineAsync(TestContext.Current.CancellationToken);
        }
        while (line is not null && line != $"event: {name}");
        return line;
    }

    private static double[] Numbers(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(v => v.GetDouble())];

    private async Task<JsonElement> GetJsonAsync(string path) =>
        await _rig.Host.Http.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
}
