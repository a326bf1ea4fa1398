using Microsoft.Playwright;
using PouchMonitor.Host.Alerts;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Tests.Hosting;

namespace PouchMonitor.Host.Tests.Dashboard;

/// <summary>
/// The dashboard in Debian's chromium (headless, driven by Playwright; no browser is downloaded) against a host with
/// eight pouches of data. Screenshots go to artifacts/dashboard/.
/// </summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private static readonly string Screenshots = Chromium.Screenshots;
    private DashboardRig _rig = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async ValueTask InitializeAsync()
    {
        _rig = await DashboardRig.StartAsync();
        _rig.FeedDays(6, TimeSpan.FromMinutes(10));
        await _rig.AddSamplingAsync("P01", 2, 31.5);
        await _rig.AddSamplingAsync("P05", 4, 38.2);
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task Dashboard_SeededExperiment_ShowsPouchesTrendAlertsAndLiveReadings()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        var failedRequests = new List<string>();
        page.RequestFailed += (_, request) => failedRequests.Add(request.Url);
        await page.GotoAsync(new Uri(_rig.Host.Url, "/signin?returnUrl=%2F").ToString());
        await page.FillAsync("#signin input[name=name]", ServeHost.OperatorName);
        await page.FillAsync("#signin input[name=password]", _rig.Host.OperatorPassword);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "signin.png") });
        await page.ClickAsync("#signin button[type=submit]");
        await page.WaitForSelectorAsync("body[data-ready=true]");
        Assert.Contains(ServeHost.OperatorName, await page.Locator("#user").TextContentAsync(), StringComparison.Ordinal);

        Assert.Equal(DashboardRig.PouchIds, await page.Locator(".card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.pouch)"));
        var plotted = (await page.GetAttributeAsync("#trend", "data-series-points"))!.Split(',').Select(s => s.Split(':')).ToList();
        Assert.Equal(DashboardRig.PouchIds, plotted.Select(p => p[0]));
        Assert.All(plotted, p => Assert.True(int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture) > 100, $"{p[0]} has points"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "overview.png"), FullPage = true });

        var alert = InjectAlert("P03");
        var row = page.Locator($"#alerts-open tr[data-alert='{alert.Id}']");
        await row.WaitForAsync();
        await page.Locator(".card[data-pouch=P03] .alert-kind").WaitForAsync();
        await page.Locator("#alerts-section").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots, "alert-open.png") });
        await row.Locator("button.ack").ClickAsync();
        await page.Locator($"#alerts-open tr[data-alert='{alert.Id}']", new PageLocatorOptions { HasText = "acknowledged" }).WaitForAsync();
        Assert.NotNull(_rig.Host.Get<AlertStore>().Find(alert.Id)!.AcknowledgedAt);

        Assert.Contains("no GC yet", await page.Locator(".card[data-pouch=P07]").TextContentAsync(), StringComparison.Ordinal);
        await _rig.AddSamplingAsync("P07", 5, 47.5);
        await page.Locator(".card[data-pouch=P07]", new PageLocatorOptions { HasText = "47.5 % (extrapolated)" }).WaitForAsync();

        var livePa = Math.Round(DashboardRig.PressurePa(4, 6.01)) + 37;
        var shown = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{livePa / 1000:F3} kPa");
        Assert.NotEqual(shown, await page.Locator(".card[data-pouch=P05] .pressure").TextContentAsync());
        _rig.FeedOne(DashboardRig.TimeAt(6.01), 4, livePa);
        await page.Locator(".card[data-pouch=P05] .pressure", new PageLocatorOptions { HasText = shown }).WaitForAsync();

        Assert.Contains("P01:", await page.GetAttributeAsync("#trend", "data-markers"), StringComparison.Ordinal);
        await page.Locator("#basis button[data-value=active]").ClickAsync();
        await page.Locator("#trend[data-unit='mL g⁻¹ active material']").WaitForAsync();
        await page.Locator("#trend-section").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots, "trend-active.png") });
        await page.Locator("#raw-section").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots, "raw.png") });

        await page.Locator("#summary-compute").ClickAsync();
        var summaryRow = page.Locator("#summary table tr", new PageLocatorOptions { HasText = "P01" }).First;
        await summaryRow.WaitForAsync();
        Assert.Contains(" ± ", await summaryRow.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal($"/api/experiments/{DashboardRig.Experiment}/summary.md", await page.GetAttributeAsync("#summary-download", "href"));
        await page.Locator("#summary-section").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Screenshots, "summary.png") });
        Assert.DoesNotContain(failedRequests, u => !u.Contains("/live", StringComparison.Ordinal));

        await page.Locator("#user a[href='/account.html']").ClickAsync();
        // The form is the script's once the page says it is ready; a click before that would submit it natively.
        await page.WaitForURLAsync("**/account.html");
        await page.WaitForSelectorAsync("body[data-ready=true]");
        await page.FillAsync("#token-name", "GC import script");
        await page.ClickAsync("#token-form button[type=submit]");
        var secret = (await page.Locator("#token-secret", new PageLocatorOptions { HasText = "pm_" }).TextContentAsync())!.Split(' ')[^1];
        await page.Locator("#tokens tr", new PageLocatorOptions { HasText = "GC import script" }).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "account.png"), FullPage = true });
        using var script = _rig.Host.NewClient(secret);
        using var before = await script.PostAsync(new Uri("/api/alerts/999999/ack", UriKind.Relative), null, TestContext.Current.CancellationToken);
        await page.Locator("#tokens tr", new PageLocatorOptions { HasText = "GC import script" }).Locator("button.revoke").ClickAsync();
        await page.Locator("#tokens tr", new PageLocatorOptions { HasText = "revoked" }).WaitForAsync();
        using var after = await script.PostAsync(new Uri("/api/alerts/999999/ack", UriKind.Relative), null, TestContext.Current.CancellationToken);
        Assert.Equal((System.Net.HttpStatusCode.NotFound, System.Net.HttpStatusCode.Unauthorized), (before.StatusCode, after.StatusCode));
    }

    private Alert InjectAlert(string pouch)
    {
        _rig.Host.Get<AlertEngine>().Set(new SeriesTags(DashboardRig.Experiment, pouch, "sample", DashboardRig.DeviceId),
            AlertKind.OvenTemperature, true, false, 55.3, $"{pouch}: oven 55.3 °C, outside 48–52 °C", _rig.Host.Get<TimeProvider>().GetUtcNow());
        return _rig.Host.Get<AlertStore>().OpenAlerts().Single(a => a.Pouch == pouch);
    }
}
