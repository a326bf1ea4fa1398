using System.CommandLine;
using Microsoft.Data.Sqlite;
using PouchMonitor.Host.Conversion;
using PouchMonitor.Host.Experiments;

namespace PouchMonitor.Host.Cli;

/// <summary>`pouchmon export`: one experiment of a host's store as a zip in the formats of `convert` (docs/file-formats.md).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data folder of the host (Storage:DataFolder).", Required = true, HelpName = "folder" };
        var experiment = new Option<string>("--experiment") { Description = "Name of the experiment in the store.", Required = true, HelpName = "name" };
        var output = new Option<string>("--out")
        {
            Description = "Zip to write: experiment.json, readings.csv, events.csv, gc.csv, gas.csv, alerts.csv; replaced only on success.",
            Required = true,
            HelpName = "file.zip",
        };
        var command = new Command("export", "Export an experiment of the host's store as one zip that `pouchmon convert` and `report` read. Exit 0: written; 2: no such folder or experiment, or the zip cannot be written.")
        {
            data, experiment, output,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(data), parse.GetRequiredValue(experiment), parse.GetRequiredValue(output)));
        return command;
    }

    private static int Run(string dataFolder, string name, string outPath)
    {
        string partial = outPath + ".partial";
        try
        {
            var store = StoreFolder.Open(dataFolder, name);
            using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                store.Export.Write(store.Experiment, file);
            }

            File.Move(partial, outPath, overwrite: true);
            Console.Error.WriteLine($"pouchmon export: wrote experiment '{name}' to {outPath}");
            return 0;
        }
        catch (Exception e) when (e is InputFileException or ExperimentFileException or SqliteException)
        {
            DeletePartial(partial);
            Console.Error.WriteLine($"pouchmon export: {e.Message}");
            return PouchmonCommand.UsageError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DeletePartial(partial);
            Console.Error.WriteLine($"pouchmon export: cannot write {outPath}: {e.Message}");
            return PouchmonCommand.UsageError;
        }
    }

    private static void DeletePartial(string partial)
    {
        if (File.Exists(partial))
        {
            File.Delete(partial);
        }
    }
}
