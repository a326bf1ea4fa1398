using System.CommandLine;

namespace PouchMonitor.Host.Cli;

/// <summary>The `pouchmon` command line: one verb per job.</summary>
internal static class PouchmonCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("PouchMonitor: gas evolution of battery slurries from sealed-vessel pressure readings.");
        return root.Parse(args).InvokeAsync();
    }
}
