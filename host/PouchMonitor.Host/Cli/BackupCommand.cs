using System.CommandLine;
using Microsoft.Data.Sqlite;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Cli;

/// <summary><c>pouchmon backup</c> and <c>pouchmon restore</c>: the data folder's databases to a backup folder and back.</summary>
internal static class BackupCommand
{
    public static Command CreateBackup()
    {
        var data = FolderOption("--data", "Data folder of the host (Storage:DataFolder).");
        var output = FolderOption("--out", "Backup folder to write: one file per database, each replaced only when complete.");
        var command = new Command("backup", "Copy the host's databases while it serves (SQLite online backup). Exit 0: written; 2: nothing to back up or the folder cannot be written.")
        {
            data, output,
        };
        command.SetAction(parse => Run("backup", () => DatabaseBackup.Backup(parse.GetRequiredValue(data), parse.GetRequiredValue(output)), "backed up"));
        return command;
    }

    public static Command CreateRestore()
    {
        var from = FolderOption("--from", "Backup folder written by 'pouchmon backup'.");
        var data = FolderOption("--data", "Data folder to restore into; stop the host that uses it first.");
        var replace = new Option<bool>("--replace") { Description = "Overwrite databases that exist in the data folder." };
        var command = new Command("restore", "Check a backup's databases and put them into a data folder. Exit 0: restored; 2: a damaged backup, or a database exists without --replace.")
        {
            from, data, replace,
        };
        command.SetAction(parse => Run(
            "restore",
            () => DatabaseBackup.Restore(parse.GetRequiredValue(from), parse.GetRequiredValue(data), parse.GetValue(replace)),
            "restored"));
        return command;
    }

    private static Option<string> FolderOption(string name, string description) =>
        new(name) { Description = description, Required = true, HelpName = "folder" };

    private static int Run(string verb, Func<IReadOnlyList<string>> copy, string done)
    {
        try
        {
            foreach (var file in copy())
            {
                Console.Error.WriteLine($"pouchmon {verb}: {done} {file}");
            }

            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            Console.Error.WriteLine($"pouchmon {verb}: {e.Message}");
            return PouchmonCommand.UsageError;
        }
    }
}
