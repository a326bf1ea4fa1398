using System.Diagnostics;

namespace PouchMonitor.Host.Tests.Deploy;

/// <summary>deploy/systemd's units as systemd itself reads them.</summary>
public sealed class SystemdUnitTests
{
    [Theory]
    [InlineData("pouchmon.service")]
    [InlineData("pouchmon-backup.service")]
    [InlineData("pouchmon-backup.timer")]
    public async Task Verify_Unit_SystemdFindsNothingToComplainAbout(string unit)
    {
        var start = new ProcessStartInfo("systemd-analyze") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("verify");
        start.ArgumentList.Add(RepositoryPath.Of("deploy/systemd/" + unit));
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // An unknown key or a bad value is only a warning to systemd: it logs it and ignores the line.
        Assert.Equal(string.Empty, (await stderr + await stdout).Trim());
        Assert.Equal(0, process.ExitCode);
    }
}
