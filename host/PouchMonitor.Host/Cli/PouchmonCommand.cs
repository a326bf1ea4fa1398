using System.CommandLine;

namespace PouchMonitor.Host.Cli;

/// <summary>The `pouchmon` command line: one verb per job.</summary>
internal static class PouchmonCommand
{
    /// <summary>Exit code for a command line or input that cannot be used.</summary>
    public const int UsageError = 2;

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("PouchMonitor: gas evolution of battery slurries from sealed-vessel pressure readings. Volumes are in mL at the experiment's standard conditions (0 °C, 101.325 kPa by default).")
        {
            ConvertCommand.Create(),
            ReportCommand.Create(),
            CalibrateCommand.Create(),
            ExportCommand.Create(),
            ServeCommand.Create(),
            DemoCommand.Create(),
            SimulateCommand.Create(),
            BackupCommand.CreateBackup(),
            BackupCommand.CreateRestore(),
            UserCommand.Create(),
            DeviceCommand.Create(),
            DbCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"pouchmon: {parse.Errors[0].Message} (see 'pouchmon {parse.CommandResult.Command.Name} --help')");
            return Task.FromResult(UsageError);
        }

        return parse.InvokeAsync();
    }
}
