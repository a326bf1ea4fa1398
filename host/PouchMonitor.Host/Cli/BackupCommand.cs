using System.CommandLine;
using Microsoft.Data.Sqlite;
using PouchMonitor.Host.Lan;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Cli;

/// <summary>
/// <c>pouchmon backup</c> and <c>pouchmon restore</c>: the data folder's databases and generated TLS certificate to a
/// backup folder and back.
/// </summary>
internal static class BackupCommand
{
    public static Command CreateBackup()
    {
        var data = FolderOption("--data", "Data folder of the host (Storage:DataFolder).");
        var output = FolderOption("--out", "Backup folder to write: one file per database and tls/ with the generated certificate and key, each replaced only when complete.");
        var command = new Command("backup", "Copy the host's databases while it serves (SQLite online backup) and its generated TLS certificate. Exit 0: written; 2: nothing to back up or the folder cannot be written.")
        {
            data, output,
        };
        command.SetAction(parse => Run(
            "backup",
            () => [.. DatabaseBackup.Backup(parse.GetRequiredValue(data), parse.GetRequiredValue(output)),
                .. CertificateBackup.Backup(parse.GetRequiredValue(data), parse.GetRequiredValue(output))],
            "backed up"));
        return command;
    }

    public static Command CreateRestore()
    {
        var from = FolderOption("--from", "Backup folder written by 'pouchmon backup'.");
        var data = FolderOption("--data", "Data folder to restore into; stop the host that uses it first.");
        var replace = new Option<bool>("--replace") { Description = "Overwrite databases and the certificate that exist in the data folder." };
        var command = new Command("restore", "Check a backup's databases and put them, and its TLS certificate if it holds one, into a data folder. Exit 0: restored; 2: a damaged backup, or a file exists without --replace.")
        {
            from, data, replace,
        };
        command.SetAction(parse => Run("restore", () => Restore(parse.GetRequiredValue(from), parse.GetRequiredValue(data), parse.GetValue(replace)), "restored"));
        return command;
    }

    // Every refusal before the first file is copied; a backup made before certificates were backed up restores its databases.
    private static IReadOnlyList<string> Restore(string backupFolder, string dataFolder, bool replace)
    {
        CertificateBackup.CheckRestore(backupFolder, dataFolder, replace);
        return [.. DatabaseBackup.Restore(backupFolder, dataFolder, replace), .. CertificateBackup.Restore(backupFolder, dataFolder, replace)];
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
