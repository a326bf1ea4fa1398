using System.Diagnostics;

namespace PouchMonitor.Host.Tests.Cli;

/// <summary>Runs `pouchmon` as a user does: a separate process, its exit code, stderr and stdout.</summary>
internal static class PouchmonProcess
{
    public static Task<(int ExitCode, string Stderr, string Stdout)> Run(params string[] args) => RunWithInput(null, args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input (none redirected when null).</summary>
    public static async Task<(int ExitCode, string Stderr, string Stdout)> RunWithInput(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = stdin is not null };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pouchmon.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stderr, await stdout);
    }
}
