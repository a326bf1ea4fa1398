using System.Globalization;
using Microsoft.Playwright;
using MQTTnet;
using MQTTnet.Formatter;
using PouchMonitor.Analysis;
using PouchMonitor.Firmware.Core;
using PouchMonitor.Host.Auth;
using PouchMonitor.Host.Tests.Dashboard;
using PouchMonitor.Host.Tests.Hosting;
using PouchMonitor.Host.Tests.Storage;
using PouchMonitor.Simulator;
using PouchMonitor.TestSupport;

namespace PouchMonitor.Host.Tests.Lab;

/// <summary>
/// "Add device" and "Remove" on the devices page in Debian's chromium, signed in as an admin, with a virtual board (the
/// firmware core over MQTTnet) that logs in to the host's embedded broker with the credential the page showed.
/// </summary>
public sealed class DeviceProvisioningBrowserTests : IAsyncLifetime
{
    private const string Admin = "ada";
    private const string DeviceId = "oven1-a";
    private readonly TempFolder _folder = new();
    private readonly int _mqttPort = FreePort.Next();
    private ServeHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _adminPassword = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ServeHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = _folder.Path,
            ["Mqtt:Port"] = _mqttPort.ToString(CultureInfo.InvariantCulture),
        });
        _adminPassword = await _host.AddUserAsync(Admin, Roles.Admin);
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AddDevice_BoardLogsInWithTheShownCredentialAndReports_RemoveRefusesItsLogin()
    {
        var page = await SignInAsync("/devices.html");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.Locator("#provision-section[data-ready=true]").WaitForAsync();
        var form = page.Locator("#provision-form");
        await form.Locator("input[name=deviceId]").FillAsync("Oven_1");
        await form.Locator("input[name=broker]").FillAsync($"mqtt://127.0.0.1:{_mqttPort}");
        await form.Locator("input[name=wifiSsid]").FillAsync("lab-wifi");
        await form.Locator("input[name=wifiPassword]").FillAsync("lab-wifi-password");
        await page.Locator("#provision-add").ClickAsync();
        var idError = form.Locator(".field-error[data-field=deviceId]");
        await idError.Locator("text=is not a valid device id").WaitForAsync();
        Assert.StartsWith("deviceId 'Oven_1' is not a valid device id", await idError.TextContentAsync(), StringComparison.Ordinal);

        await form.Locator("input[name=deviceId]").FillAsync(DeviceId);
        await form.Locator("input[name=label]").FillAsync("oven 1, top shelf");
        await form.Locator("input[name=wifiPassword]").FillAsync("lab-wifi-password");
        await page.Locator("#provision-add").ClickAsync();
        await page.Locator($"#provisioned[data-device={DeviceId}]").WaitForAsync();
        var password = (await page.Locator("#provisioned-password").TextContentAsync())!;
        _host.Secrets.Add(password);
        var parser = new BoardConfigParser();
        var config = parser.Parse((await page.Locator("#provisioned-config").TextContentAsync())!);
        Assert.True(config is not null, parser.Error);
        Assert.Equal((DeviceId, DeviceId, password, "127.0.0.1", _mqttPort), (config.DeviceId, config.MqttUsername, config.MqttPassword, config.BrokerHost, config.BrokerPort));
        Assert.Equal("nanoff --serialport PORT --filedeployment \"deploy.json\"", await page.Locator("#nanoff-command").TextContentAsync());
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-config").ClickAsync());
        Assert.Equal("pouchmon.json", download.SuggestedFilename);
        Assert.Equal(await page.Locator("#provisioned-config").TextContentAsync(), await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        await page.Locator($"#credentials tr.credential[data-device={DeviceId}]", new PageLocatorOptions { HasText = "oven 1, top shelf" }).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "device-added.png"), FullPage = true });

        using (var rig = StartBoard(password))
        {
            var reporting = page.Locator($".device[data-device={DeviceId}][data-state=online] tr.sensor[data-sensor='0']", new PageLocatorOptions { HasText = "ok" });
            await reporting.WaitForAsync(new LocatorWaitForOptions { Timeout = 90_000 });
            await page.Locator($"#credentials tr.credential[data-device={DeviceId}] .badge.ok").WaitForAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, "device-reporting.png"), FullPage = true });
        }

        await page.Locator($"#credentials button.remove-device[data-device={DeviceId}]").ClickAsync();
        await page.Locator("#provision-section[data-credentials='0']").WaitForAsync();
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await ConnectAsync(password));
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains(password, StringComparison.Ordinal) || line.Contains("lab-wifi-password", StringComparison.Ordinal));
    }

    // One pouch on sensor 0 of the board, whose firmware core sends through MQTTnet in real time.
    private Rig StartBoard(string password)
    {
        var time = new AcceleratedTimeProvider(DateTimeOffset.UtcNow, 1);
        var pouch = new RigPouchSpec("P1", "mSi", DeviceId, 0, VesselKind.Headspace, 60, 1.1, new GompertzKinetics(10, 2, 1));
        var rig = Rig.Create([pouch], new OvenProfile(50, 0, TimeSpan.FromMinutes(30)), time,
            id => new MqttNetTransport("127.0.0.1", _mqttPort, id, password), intervalS: 2, publishIntervalS: 2);
        rig.Start();
        return rig;
    }

    private async Task<MqttClientConnectResultCode> ConnectAsync(string password)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _mqttPort).WithClientId(DeviceId).WithCredentials(DeviceId, password)
            .WithProtocolVersion(MqttProtocolVersion.V500).Build();
        return (await client.ConnectAsync(options, TestContext.Current.CancellationToken)).ResultCode;
    }

    private async Task<IPage> SignInAsync(string path)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _host.Url.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(path)}");
        await page.Locator("input[name=name]").FillAsync(Admin);
        await page.Locator("input[name=password]").FillAsync(_adminPassword);
        await page.Locator("#signin button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**{path}");
        return page;
    }
}
