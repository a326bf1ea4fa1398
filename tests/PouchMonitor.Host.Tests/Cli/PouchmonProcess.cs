using System.Diagnostics;

namespace PouchMonitor.Host.Tests.Cli;

/// <summary>Runs `pouchmon` as a user does: a separate process, its exit code, stderr and stdout.</summary>
internal static class PouchmonProcess
{
    public static async Task<(int ExitCode, string Stderr, string Stdout)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pouchmon.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stderr, await stdout);
    }
}
