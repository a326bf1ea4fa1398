using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PouchMonitor.Host.Demo;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.Simulator;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Dashboard;

/// <summary>
/// The dashboard of <c>pouchmon demo</c>: the seed experiment's virtual rig publishing over MQTT to the host on an
/// accelerated clock (3000×), opened in Debian's chromium once every pouch has half a simulated day of gas.
/// </summary>
public sealed class DemoBrowserTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private DemoSession _demo = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _demo = await DemoSession.StartAsync(new DemoSettings
        {
            Speed = 3000,
            DataFolder = _folder.Path,
            PreferredHttpPort = FreePort.Next(),
            PreferredMqttPort = FreePort.Next(),
        }, TestContext.Current.CancellationToken);
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _demo.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Dashboard_RunningDemo_ShowsEveryPouchWithDataAndLiveReadings()
    {
        await WaitForHalfADayOfGasAsync();
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        await page.GotoAsync(_demo.WebUrl.ToString());
        await page.WaitForSelectorAsync("body[data-ready=true]");

        var pouches = SeedExperiment.Pouches.Select(p => p.Id).ToArray();
        Assert.Equal(pouches, await page.Locator(".card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.pouch)"));
        var plotted = (await page.GetAttributeAsync("#trend", "data-series-points"))!.Split(',').Select(s => s.Split(':')).ToList();
        Assert.Equal(pouches, plotted.Select(p => p[0]));
        Assert.All(plotted, p => Assert.True(int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture) > 10, $"{p[0]} has points"));
        await page.WaitForSelectorAsync("body[data-live-readings]");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "demo.png"), FullPage = true });
    }

    private async Task WaitForHalfADayOfGasAsync()
    {
        var uri = new Uri($"/api/experiments/{_demo.Settings.Experiment}/trend?columns=10", UriKind.Relative);
        var ct = TestContext.Current.CancellationToken;
        await Waiting.UntilAsync(
            async () => HasHalfADay(await _demo.Api.GetFromJsonAsync<JsonElement>(uri, ct)),
            () => "the demo stores half a day of gas for every pouch", TimeSpan.FromMinutes(3), ct);
    }

    private static bool HasHalfADay(JsonElement trend)
    {
        var lastDays = trend.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("days").EnumerateArray().Select(d => d.GetDouble()).LastOrDefault()).ToList();
        return lastDays.Count == SeedExperiment.Pouches.Count && lastDays.All(d => d >= 0.5);
    }
}
