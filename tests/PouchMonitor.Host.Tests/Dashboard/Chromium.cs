using Microsoft.Playwright;

namespace PouchMonitor.Host.Tests.Dashboard;

/// <summary>Debian's chromium, headless, through Playwright for .NET; no browser is ever downloaded.</summary>
internal static class Chromium
{
    /// <summary>Where the dashboard tests save their screenshots: artifacts/dashboard/ of the repository.</summary>
    public static string Screenshots { get; } = Path.Combine(RepositoryRoot(), "artifacts", "dashboard");

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Directory.CreateDirectory(Screenshots);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "PouchMonitor.sln")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("PouchMonitor.sln not found above the test's folder");
        }

        return folder.FullName;
    }
}
