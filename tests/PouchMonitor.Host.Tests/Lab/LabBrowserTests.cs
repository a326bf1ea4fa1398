using System.Globalization;
using System.Text.Json.Nodes;
using System.Text;
using Microsoft.Playwright;
using PouchMonitor.Contracts;
using PouchMonitor.Host.Auth;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Experiments;
using PouchMonitor.Host.Ingestion;
using PouchMonitor.Host.Mqtt;
using PouchMonitor.Host.Storage;
using PouchMonitor.Host.Tests.Dashboard;
using PouchMonitor.Simulator;

namespace PouchMonitor.Host.Tests.Lab;

/// <summary>
/// The devices and experiments pages in Debian's chromium against the dashboard rig (board rig-1, sensors 0–7 feeding
/// the running experiment, 8 and 9 unassigned), signed in as an operator. Screenshots go to artifacts/dashboard/.
/// </summary>
public sealed class LabBrowserTests : IAsyncLifetime
{
    private const string Operator = "olga";
    private const int UnassignedSensor = 8;
    private const int NewPouchSensor = 9;
    private DashboardRig _rig = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _operatorPassword = null!;

    public async ValueTask InitializeAsync()
    {
        _rig = await DashboardRig.StartAsync();
        _rig.FeedDays(0.5, TimeSpan.FromHours(1));
        _operatorPassword = await _rig.Host.AddUserAsync(Operator, Roles.Operator);
        SendBoardMessages();
        var now = DateTimeOffset.UtcNow;
        for (var i = 12; i >= 1; i--)
        {
            _rig.FeedOne(now - TimeSpan.FromMinutes(5 * i), UnassignedSensor, 100_000 + 10 * i);
        }

        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task DevicesPage_SignedInOperator_ShowsRigHealthUnassignedSensorReadingsAndSendsIdentify()
    {
        var page = await SignInAsync("/devices.html");
        await page.WaitForSelectorAsync("body[data-ready=true]");

        var device = page.Locator(".device[data-device='rig-1']");
        Assert.Equal("1.0.0", await device.Locator(".firmware").TextContentAsync());
        Assert.Equal("7", await device.Locator(".boot").TextContentAsync());
        Assert.Equal("-61 dBm", await device.Locator(".rssi").TextContentAsync());
        Assert.Equal("12", await device.Locator(".buffered").TextContentAsync());
        Assert.Contains(DashboardRig.Experiment + " / P01", await device.Locator("tr.sensor[data-sensor='0'] .feeds").TextContentAsync(), StringComparison.Ordinal);
        var unassigned = device.Locator($"tr.sensor[data-sensor='{UnassignedSensor}']");
        Assert.Equal("false", await unassigned.GetAttributeAsync("data-assigned"));
        Assert.Equal("unassigned", await unassigned.Locator(".feeds").TextContentAsync());
        Assert.Equal("100.010 kPa", await unassigned.Locator(".pressure").TextContentAsync());

        await unassigned.Locator("button.show-readings").ClickAsync();
        await page.Locator($"#readings-section[data-sensor='{UnassignedSensor}']").WaitForAsync();
        Assert.Equal("12", await page.GetAttributeAsync("#readings-section", "data-points"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "devices.png"), FullPage = true });

        var subscriber = _rig.Host.Get<ReadingSubscriber>();
        await Eventually.WaitAsync(() => subscriber.IsConnected, "the host is connected to its embedded broker");
        await device.Locator("button.command[data-kind=identify]").ClickAsync();
        await page.Locator(".device[data-device='rig-1'][data-sent=identify]").WaitForAsync();
        Assert.Equal("", await page.Locator("#command-error").TextContentAsync());
    }

    [Fact]
    public async Task ExperimentsPage_FormErrorThenCreateStartLivePointsStopArchive()
    {
        var page = await SignInAsync("/experiments.html");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.WaitForSelectorAsync("body[data-ready=true]");

        await page.Locator("#new-experiment").ClickAsync();
        await page.Locator("#form-section[data-mode=new]").WaitForAsync();
        await page.Locator("#f-name").FillAsync("first-lab");
        // A one-reading baseline: with the recommended 60-min window the first points come an hour after the start.
        await page.Locator("#experiment-fields [data-key=baselineMinutes]").FillAsync("0");
        var row = page.Locator("#pouches .pouch").First;
        await row.Locator("[data-key=id]").FillAsync("P01");
        await row.Locator("[data-key='vessel.kind']").SelectOptionAsync("headspace");
        await row.Locator("[data-key=sample]").FillAsync("mSi/CMC/SWCNT");
        await row.Locator("[data-key='vessel.gasVolumeMl']").FillAsync("200");
        await row.Locator("[data-key=source]").SelectOptionAsync($"{DashboardRig.DeviceId}/{NewPouchSensor}");
        await page.Locator("#save").ClickAsync();
        await page.Locator("#form-error[data-path='$.pouches[0].slurryMassG']").WaitForAsync();
        Assert.Equal("experiment.json: $.pouches[0].slurryMassG: required property is missing", await page.Locator("#form-error").TextContentAsync());
        Assert.Contains("invalid", await row.Locator("[data-key=slurryMassG]").GetAttributeAsync("class"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "experiment-form-error.png"), FullPage = true });

        await row.Locator("[data-key=slurryMassG]").FillAsync("1.1");
        await row.Locator("[data-key=activeMassG]").FillAsync("0.44");
        await page.Locator("#save").ClickAsync();
        var listed = page.Locator("#experiments tr[data-experiment='first-lab']");
        await page.Locator("#experiments tr[data-experiment='first-lab'][data-state=draft]").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "experiments.png"), FullPage = true });

        await listed.Locator("button.start").ClickAsync();
        await page.Locator("#experiments tr[data-experiment='first-lab'][data-state=running]").WaitForAsync();
        Assert.Equal(ExperimentState.Running, _rig.Host.Get<ExperimentCatalog>().Stored("first-lab")!.State);

        var dashboard = await page.Context.NewPageAsync();
        await dashboard.GotoAsync("/?experiment=first-lab");
        await dashboard.WaitForSelectorAsync("body[data-ready=true]");
        await dashboard.Locator("#live.on").WaitForAsync();
        var start = DateTimeOffset.UtcNow;
        _rig.FeedOne(start.AddSeconds(1), NewPouchSensor, 101_325);
        _rig.FeedOne(start.AddSeconds(2), NewPouchSensor, 101_900);
        await dashboard.Locator(".card[data-pouch=P01] .pressure", new PageLocatorOptions { HasText = "101.900 kPa" }).WaitForAsync();
        await dashboard.WaitForSelectorAsync("body[data-live-readings='2']");
        // The trend follows live readings at most every 5 s: wait for it to draw the new pouch's points.
        await dashboard.WaitForFunctionAsync("() => /(^|,)P01:[1-9]/.test(document.getElementById('trend').dataset.seriesPoints ?? '')");
        await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "experiment-running.png"), FullPage = true });
        await dashboard.CloseAsync();

        await listed.Locator("button.stop").ClickAsync();
        await page.Locator("#experiments tr[data-experiment='first-lab'][data-state=stopped]").WaitForAsync();
        await listed.Locator("button.archive").ClickAsync();
        await page.Locator("#experiments tr[data-experiment='first-lab'][data-state=archived]").WaitForAsync();
        await listed.Locator("button.view").ClickAsync();
        await page.Locator("#form-section[data-mode=view]").WaitForAsync();
        Assert.True(await page.Locator("#save").IsDisabledAsync());
        Assert.Equal("1.1", await page.Locator("#pouches .pouch [data-key=slurryMassG]").InputValueAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "experiment-archived.png"), FullPage = true });
    }

    [Fact]
    public async Task ExperimentForm_NewWithOptInFields_PrefilledAsTheDemoFileMessageBesideTheFieldAndExportHasThem()
    {
        var page = await SignInAsync("/experiments.html");
        await page.WaitForSelectorAsync("body[data-ready=true]");
        await page.Locator("#new-experiment").ClickAsync();
        await page.Locator("#form-section[data-mode=new]").WaitForAsync();
        var experiment = page.Locator("#experiment-fields");
        Assert.Equal(["60", RecommendedWindowMinutes.ToString(CultureInfo.InvariantCulture), "extrapolate", "evolved-share", ""], [
            await experiment.Locator("[data-key=eventSettleMinutes]").InputValueAsync(),
            await experiment.Locator("[data-key=baselineMinutes]").InputValueAsync(),
            await experiment.Locator("[data-key=eventGap]").InputValueAsync(),
            await experiment.Locator("[data-key=h2Method]").InputValueAsync(),
            await experiment.Locator("[data-key=gasTemperatureUncertaintyK]").InputValueAsync()]);
        // Left empty, the gas temperature's uncertainty comes from the ripple; the form says so and still takes a value.
        var gasTemperature = experiment.Locator("[data-key=gasTemperatureUncertaintyK]");
        Assert.Equal("from the measured ripple", await gasTemperature.GetAttributeAsync("placeholder"));
        Assert.Contains("(empty: from the ripple in the baseline window, ≥ 0.2)",
            await experiment.Locator("label:has([data-key=gasTemperatureUncertaintyK])").TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "experiment-new.png"), FullPage = true });

        await page.Locator("#f-name").FillAsync("opt-in-lab");
        await gasTemperature.FillAsync("0.3");
        var blank = page.Locator("#pouches .pouch").Nth(0);
        await FillPouchAsync(blank, ("id", "B1"), ("sample", "blank (water)"), ("slurryMassG", "1.1"), ("vessel.jarGasVolumeMl", "600"),
            ("vessel.jarGasVolumeUncertaintyMl", "5"));
        await blank.Locator("[data-key=source]").SelectOptionAsync($"{DashboardRig.DeviceId}/{NewPouchSensor}");
        await page.Locator("#add-pouch").ClickAsync();
        var pouch = page.Locator("#pouches .pouch").Nth(1);
        await FillPouchAsync(pouch, ("id", "S1"), ("sample", "mSi"), ("group", "mSi"), ("blank", "B1"), ("slurryMassG", "1.1"), ("activeMassG", "0.44"),
            ("siliconFraction", "2"), ("vessel.jarGasVolumeMl", "600"), ("baselineMinutes", "90"));
        await pouch.Locator("[data-key=source]").SelectOptionAsync($"{DashboardRig.DeviceId}/{UnassignedSensor}");
        await page.Locator("#save").ClickAsync();

        await page.Locator("#form-error[data-path='$.pouches[1].siliconFraction']").WaitForAsync();
        var fileMessage = Assert.Throws<ExperimentFileException>(() => ExperimentFile.Parse(OptInDocument("2"), "experiment.json")).Message;
        Assert.Equal(fileMessage, await page.Locator("#form-error").TextContentAsync());
        Assert.Equal(fileMessage, await pouch.Locator("label:has([data-key=siliconFraction]) .field-error").TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "experiment-opt-in-error.png"), FullPage = true });

        await pouch.Locator("[data-key=siliconFraction]").FillAsync("0.5");
        await page.Locator("#save").ClickAsync();
        var listed = page.Locator("#experiments tr[data-experiment='opt-in-lab'][data-state=draft]");
        await listed.WaitForAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => listed.Locator("a", new LocatorLocatorOptions { HasText = "Export experiment.json" }).ClickAsync());
        var exported = JsonNode.Parse(await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken))!;

        var expected = JsonNode.Parse(OptInDocument("0.5"))!;
        foreach (var key in new[] { "eventSettleMinutes", "baselineMinutes", "eventGap", "h2Method", "gasTemperatureUncertaintyK" })
        {
            Assert.True(JsonNode.DeepEquals(expected[key], exported[key]), $"{key}: {exported[key]?.ToJsonString()}");
        }

        Assert.True(JsonNode.DeepEquals(expected["pouches"], exported["pouches"]), exported["pouches"]?.ToJsonString());
        var parsed = ExperimentFile.Parse(exported.ToJsonString(), "experiment.json");
        Assert.Equal(("B1", 0.22, 90.0), (parsed.Pouches[1].Spec.BlankId, parsed.Pouches[1].Spec.SiliconMassG!.Value, parsed.Pouches[1].Spec.BaselineWindow!.Value.TotalMinutes));
    }

    private static readonly int RecommendedWindowMinutes = Rig.RecommendedWindowMinutes(SeedExperiment.RealisticOven());

    // What the form above stores: the recommended fields, the blank jar and the sample jar with every opt-in field.
    private static string OptInDocument(string siliconFraction) => $$$"""
        {"standard":{"temperatureC":0,"pressurePa":101325},"eventSettleMinutes":60,"baselineMinutes":{{{RecommendedWindowMinutes}}},"eventGap":"extrapolate",
         "h2Method":"evolved-share","gasTemperatureUncertaintyK":0.3,"leakRule":{"windowHours":6,"noiseMultiple":5,"minimumDropMlStd":0.05},
         "pouches":[
          {"id":"B1","sensorMaxPa":110000,"expectedGasMlPerG":10.2,"vessel":{"kind":"pouch-in-jar","wet":true,"jarGasVolumeMl":600,"jarGasVolumeUncertaintyMl":5},
           "sample":"blank (water)","slurryMassG":1.1,"source":{"device":"{{{DashboardRig.DeviceId}}}","sensor":{{{NewPouchSensor}}}}},
          {"id":"S1","sensorMaxPa":110000,"expectedGasMlPerG":10.2,"vessel":{"kind":"pouch-in-jar","wet":true,"jarGasVolumeMl":600},
           "sample":"mSi","group":"mSi","blank":"B1","slurryMassG":1.1,"activeMassG":0.44,"siliconFraction":{{{siliconFraction}}},"baselineMinutes":90,
           "source":{"device":"{{{DashboardRig.DeviceId}}}","sensor":{{{UnassignedSensor}}}}}],
         "experiment":"opt-in-lab"}
        """;

    private static async Task FillPouchAsync(ILocator pouch, params (string Key, string Value)[] fields)
    {
        foreach (var (key, value) in fields)
        {
            await pouch.Locator($"[data-key='{key}']").FillAsync(value);
        }
    }

    [Fact]
    public async Task LabEntries_GcVentCorrectDeleteAndCsvPreview_ListedRecomputedAndInTheJournal()
    {
        var page = await SignInAsync($"/?experiment={DashboardRig.Experiment}");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.WaitForSelectorAsync("#entries-section[data-ready=true][data-pouch=P01]");
        await page.Locator("#live.on").WaitForAsync();
        var sampledAt = DashboardRig.TimeAt(0.25).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var section = page.Locator("#entries-section");
        Assert.NotEmpty(await page.Locator("#gc-form input[name=time]").InputValueAsync());

        await FillGcAsync(page, sampledAt, "72.4", "n2_percent=1.5");
        await page.Locator("#gc-list tr.gc").WaitForAsync();
        await page.Locator(".card[data-pouch=P01]", new PageLocatorOptions { HasText = "72.4 %" }).WaitForAsync();
        await FillGcAsync(page, sampledAt, "27.4", "");
        await page.Locator("#gc-replace:visible").WaitForAsync();
        Assert.Contains("already stored", await page.Locator("#entry-error").TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "entry-gc-conflict.png"), FullPage = true });
        await page.Locator("#gc-replace").ClickAsync();
        await page.Locator("#gc-list tr.gc", new PageLocatorOptions { HasText = "27.40 %" }).WaitForAsync();
        await page.Locator(".card[data-pouch=P01]", new PageLocatorOptions { HasText = "27.4 %" }).WaitForAsync();

        var form = page.Locator("#event-form");
        await form.Locator("select[name=kind]").SelectOptionAsync("vent");
        await form.Locator("input[name=time]").FillAsync(DashboardRig.TimeAt(0.3).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        await form.Locator("input[name=note]").FillAsync("P1 vented");
        await form.Locator("button[type=submit]").ClickAsync();
        var vent = page.Locator("#event-list tr.event[data-kind=vent]");
        await vent.WaitForAsync();
        await vent.Locator("button.event-correct").ClickAsync();
        await form.Locator("input[name=note]").FillAsync("P01 vented");
        await form.Locator("button[type=submit]").ClickAsync();
        await page.Locator("#event-list tr.event", new PageLocatorOptions { HasText = "P01 vented" }).WaitForAsync();
        await page.Locator("#journal tr.audit[data-entity=event][data-action=replace]").WaitForAsync();
        Assert.Contains("“P1 vented” → vent", await page.Locator("#journal tr.audit[data-entity=event][data-action=replace] .values").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(Operator, await page.Locator("#journal tr.audit[data-entity=event][data-action=replace] .who").TextContentAsync());
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "entries.png") });

        await vent.Locator("button.event-delete").ClickAsync();
        await page.Locator("#journal tr.audit[data-entity=event][data-action=delete]").WaitForAsync();
        Assert.Equal(0, await page.Locator("#event-list tr.event").CountAsync());
        Assert.Empty(_rig.Host.Get<ExperimentDataStore>().StoredEvents(new PouchKey(DashboardRig.Experiment, "P01")));

        var csv = $"time,pouch,h2_percent\n{DashboardRig.TimeAt(0.4):O},P02,40\n{DashboardRig.TimeAt(0.4):O},P99,41\n{DashboardRig.TimeAt(0.45):O},P03,\n";
        await page.Locator("#gc-file-form input[type=file]").SetInputFilesAsync(new FilePayload { Name = "gc.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.Locator("#gc-file-form button[type=submit]").ClickAsync();
        await page.Locator("#gc-preview[data-accepted='1'][data-rejected='2']").WaitForAsync();
        Assert.Contains("'P99' is not in the experiment", await page.Locator("#gc-preview-rows tr[data-line='3']").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(_rig.Host.Get<ExperimentDataStore>().GcResults(new PouchKey(DashboardRig.Experiment, "P02")));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "entry-gc-preview.png"), FullPage = true });
        await page.Locator("#gc-import").ClickAsync();
        await page.Locator("#gc-preview").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        Assert.Single(_rig.Host.Get<ExperimentDataStore>().GcResults(new PouchKey(DashboardRig.Experiment, "P02")));
    }

    [Fact]
    public async Task LabEntries_ArchivedExperiment_ListedReadOnly()
    {
        await _rig.AddSamplingAsync("P01", 0.2, 30);
        var catalog = _rig.Host.Get<ExperimentCatalog>();
        catalog.Save(catalog.Stored(DashboardRig.Experiment)! with { State = ExperimentState.Archived });

        var page = await SignInAsync($"/?experiment={DashboardRig.Experiment}");
        await page.WaitForSelectorAsync("#entries-section[data-ready=true]");

        Assert.False(await page.Locator("#entry-forms").IsVisibleAsync());
        Assert.Equal("Archived: read-only.", await page.Locator("#entries-readonly").TextContentAsync());
        Assert.Equal(1, await page.Locator("#gc-list tr.gc").CountAsync());
        Assert.Equal(0, await page.Locator("#entries-section table button").CountAsync());
    }

    private static async Task FillGcAsync(IPage page, string time, string h2Percent, string others)
    {
        var form = page.Locator("#gc-form");
        await form.Locator("input[name=time]").FillAsync(time);
        await form.Locator("input[name=h2]").FillAsync(h2Percent);
        await form.Locator("input[name=others]").FillAsync(others);
        await form.Locator("button[type=submit]").ClickAsync();
    }

    private async Task<IPage> SignInAsync(string path)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _rig.Host.Url.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(path)}");
        await page.Locator("input[name=name]").FillAsync(Operator);
        await page.Locator("input[name=password]").FillAsync(_operatorPassword);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "signin.png") });
        await page.Locator("#signin button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**{path}");
        return page;
    }

    // The retained status and configuration report rig-1 publishes when it connects (shared/PouchMonitor.Contracts).
    private void SendBoardMessages()
    {
        var sensors = string.Join(',', Enumerable.Range(0, 10).Select(s => string.Create(CultureInfo.InvariantCulture,
            $$"""{"s":{{s}},"bus":0,"addr":{{118 + (s % 2)}},"mux":{{s / 2 % 8}},"chip":"bme280"}""")));
        Handle(Topics.Status(DashboardRig.DeviceId), $$"""{"v":1,"device":"{{DashboardRig.DeviceId}}","state":"online","boot":7,"fw":"1.0.0","up":123456,"t":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}},"reset":"power-on","freeBytes":81234,"rssiDbm":-61,"buffered":12,"dropped":0,"intervalS":10,"publishIntervalS":10}""");
        Handle(Topics.Config(DashboardRig.DeviceId), $$"""{"v":1,"device":"{{DashboardRig.DeviceId}}","boot":7,"fw":"1.0.0","intervalS":10,"publishIntervalS":10,"capacity":8192,"sensors":[{{sensors}}]}""");
    }

    private void Handle(string topic, string json) =>
        _rig.Host.Get<MessageIngestor>().HandleAsync(topic, new System.Buffers.ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json))).GetAwaiter().GetResult();
}
