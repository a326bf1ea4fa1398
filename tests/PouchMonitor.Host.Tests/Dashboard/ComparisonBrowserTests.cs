using System.Globalization;
using Microsoft.Playwright;
using PouchMonitor.Host.Tests.Hosting;

namespace PouchMonitor.Host.Tests.Dashboard;

/// <summary>
/// The comparison page and the dashboard's trend and raw view in Debian's chromium against a host fed with two batches
/// (the second one stopped). Screenshots go to artifacts/dashboard/compare-*.png.
/// </summary>
public sealed class ComparisonBrowserTests : IAsyncLifetime
{
    private ComparisonRig _rig = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private readonly List<string> _pageErrors = [];

    public async ValueTask InitializeAsync()
    {
        _rig = await ComparisonRig.StartAsync();
        _rig.Feed(ComparisonRig.BatchOne, 5, TimeSpan.FromMinutes(10));
        _rig.Feed(ComparisonRig.BatchTwo, 4, TimeSpan.FromMinutes(10));
        using var stopped = await _rig.Host.Http.PostAsync(new Uri($"/api/experiments/{ComparisonRig.BatchTwo}/stop", UriKind.Relative), null,
            TestContext.Current.CancellationToken);
        stopped.EnsureSuccessStatusCode();
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task ComparePage_TwoBatches_LegendNamesSamplesSinglePouchesToggleAndSymlogLiftsTheCoatedGroup()
    {
        var page = await SignInAsync("/compare.html");
        await page.Locator($"#experiments label[data-experiment={ComparisonRig.BatchTwo}]", new PageLocatorOptions { HasText = "stopped" }).WaitForAsync();
        await page.Locator($"#experiments input[value={ComparisonRig.BatchOne}]").CheckAsync();
        await page.Locator($"#experiments input[value={ComparisonRig.BatchTwo}]").CheckAsync();
        var chart = page.Locator("#compare[data-drawn*='experiment=batch-2'][data-series*='group:batch-2/coated']");
        await chart.WaitForAsync();

        var legend = await page.Locator("#compare .u-legend .u-label").AllTextContentsAsync();
        Assert.Contains($"{ComparisonRig.BareSample} (group bare, n = 3) · {ComparisonRig.BatchOne}", legend);
        Assert.Contains($"{ComparisonRig.CoatedSample} (group coated, n = 3) · {ComparisonRig.BatchTwo}", legend);
        Assert.DoesNotContain(legend, l => l.Contains("(P4)", StringComparison.Ordinal));
        Assert.InRange(Span(await chart.GetAttributeAsync("data-spans"), "group:batch-1/coated"), 0, 4);
        await HoverAsync(page);
        Assert.Contains(await page.Locator("#compare .u-legend .u-value").AllTextContentsAsync(),
            v => v.Contains(" ± ", StringComparison.Ordinal) && v.EndsWith("mL g⁻¹ slurry at 0 °C, 101.325 kPa", StringComparison.Ordinal));
        await Shot(page, "compare-groups.png");

        await page.Locator("#show-pouches").CheckAsync();
        await page.Locator("#compare[data-drawn*='pouches=1']").WaitForAsync();
        var series = (await page.GetAttributeAsync("#compare", "data-series"))!.Split(',');
        Assert.Equal(12, series.Count(s => s.StartsWith("pouch:", StringComparison.Ordinal)));
        Assert.Contains($"{ComparisonRig.CoatedSample} (P4) · {ComparisonRig.BatchOne}", await page.Locator("#compare .u-legend .u-label").AllTextContentsAsync());
        await Shot(page, "compare-pouches.png");

        await page.Locator("#yscale button[data-value=symlog]").ClickAsync();
        await page.Locator("#compare[data-drawn*='y=symlog']").WaitForAsync();
        Assert.InRange(Span(await page.GetAttributeAsync("#compare", "data-spans"), "group:batch-1/coated"), 40, 500);
        await Shot(page, "compare-symlog.png");

        var bookmark = page.Url;
        var again = await page.Context.NewPageAsync();
        await again.GotoAsync(bookmark);
        await again.Locator("#compare[data-drawn*='y=symlog'][data-series*='pouch:batch-2/P6']").WaitForAsync();
        Assert.True(await again.Locator("#show-pouches").IsCheckedAsync());
        Assert.Empty(_pageErrors);
    }

    [Fact]
    public async Task Dashboard_GroupedExperiment_TrendLegendNamesSamplesAndRawViewCountsDaysSinceBaseline()
    {
        var page = await SignInAsync($"/?experiment={ComparisonRig.BatchOne}");
        await page.WaitForSelectorAsync("body[data-ready=true]");

        Assert.Contains($"{ComparisonRig.BareSample} (P1, group bare)", await page.Locator("#trend .u-legend .u-label").AllTextContentsAsync());
        Assert.Contains("GC sample", await page.Locator("#trend-marks").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Time since baseline / d", await page.GetAttributeAsync("#raw-section", "data-x-axis"));
        await page.Locator("#raw-pressure").ScrollIntoViewIfNeededAsync();
        var rawBox = (await page.Locator("#raw-pressure .u-over").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(rawBox.X + (rawBox.Width / 2), rawBox.Y + (rawBox.Height / 2));
        Assert.Matches(@"^\d\.\d{3} d \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)$", await page.Locator("#raw-pressure .u-legend .u-series").First.Locator(".u-value").TextContentAsync());
        Assert.EndsWith($"compare.html?experiment={ComparisonRig.BatchOne}", await page.GetAttributeAsync("#groups-link", "href"), StringComparison.Ordinal);
        await page.Locator("#raw-section").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "compare-raw-days.png") });
        Assert.Empty(_pageErrors);
    }

    private static double Span(string? spans, string key) =>
        double.Parse(spans!.Split(',').Single(s => s.StartsWith(key + ":", StringComparison.Ordinal))[(key.Length + 1)..], CultureInfo.InvariantCulture);

    private static async Task HoverAsync(IPage page)
    {
        var box = (await page.Locator("#compare .u-over").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.6f), box.Y + (box.Height / 2));
    }

    private static Task Shot(IPage page, string name) =>
        page.Locator("#compare-section").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, name) });

    private async Task<IPage> SignInAsync(string path)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _rig.Host.Url.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => _pageErrors.Add(error);
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(path)}");
        await page.Locator("input[name=name]").FillAsync(ServeHost.OperatorName);
        await page.Locator("input[name=password]").FillAsync(_rig.Host.OperatorPassword);
        await page.Locator("#signin button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**{path}");
        await page.WaitForSelectorAsync("body[data-ready=true]");
        return page;
    }
}
