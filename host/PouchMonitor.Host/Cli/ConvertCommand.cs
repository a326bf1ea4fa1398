using System.CommandLine;
using PouchMonitor.Host.Conversion;
using PouchMonitor.Host.Experiments;
using Spectre.Console;

namespace PouchMonitor.Host.Cli;

/// <summary>`pouchmon convert`: re-computes an experiment's gas curves from recorded files (docs/file-formats.md).</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var experiment = FileOption("--experiment", "experiment.json: pouches, masses, vessels, standard conditions.", required: true);
        var readings = FileOption("--readings", "readings.csv: time,pouch,pressure_pa,temperature_c (any row order).", required: true);
        var events = FileOption("--events", "events.csv: time,pouch,kind(sample|vent),note.", required: false);
        var gc = FileOption("--gc", "gc.csv: time,pouch,h2_percent[,other *_percent columns].", required: false);
        var output = FileOption("--out", "gas.csv to write: one row per accepted reading, sorted by pouch then time; replaced only on success.", required: true);
        var rejects = FileOption("--rejects", "rejects.csv to write: line number and reason of every rejected reading.", required: false);
        var command = new Command("convert", "Turn recorded pressure readings into evolved gas (mL at standard conditions) per pouch. Exit 0: written (rejected rows are counted on stderr); 2: unusable input.")
        {
            experiment, readings, events, gc, output, rejects,
        };
        command.SetAction(parse => Run(new ConversionRequest(
            parse.GetRequiredValue(experiment),
            parse.GetRequiredValue(readings),
            parse.GetValue(events),
            parse.GetValue(gc),
            parse.GetRequiredValue(output),
            parse.GetValue(rejects))));
        return command;
    }

    private static Option<string> FileOption(string name, string description, bool required) =>
        new(name) { Description = description, Required = required, HelpName = "file" };

    private static int Run(ConversionRequest request)
    {
        try
        {
            var summary = Console.IsErrorRedirected ? Converter.Run(request) : RunWithProgress(request);
            foreach (string warning in summary.Warnings)
            {
                Console.Error.WriteLine($"pouchmon convert: warning: {warning}");
            }

            Console.Error.WriteLine(
                $"pouchmon convert: wrote {summary.RowsWritten} rows to {request.OutPath} from {summary.RowsRead} readings; " +
                $"{summary.Rejected} rejected{(request.RejectsPath is null || summary.Rejected == 0 ? string.Empty : $" (reasons in {request.RejectsPath})")}, " +
                $"{summary.DuplicatesDropped} identical duplicates dropped");
            return 0;
        }
        catch (Exception e) when (e is ExperimentFileException or InputFileException)
        {
            Console.Error.WriteLine($"pouchmon convert: {e.Message}");
            return 2;
        }
    }

    private static ConversionSummary RunWithProgress(ConversionRequest request)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress().Start(context =>
        {
            var task = context.AddTask("reading " + Path.GetFileName(request.ReadingsPath), maxValue: 1);
            var summary = Converter.Run(request, new Progress<double>(fraction => task.Value = fraction));
            task.Value = 1;
            return summary;
        });
    }
}
