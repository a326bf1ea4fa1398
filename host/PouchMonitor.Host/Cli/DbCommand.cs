using System.CommandLine;
using Microsoft.Data.Sqlite;
using PouchMonitor.Host.Hosting;

namespace PouchMonitor.Host.Cli;

/// <summary><c>pouchmon db check</c> and <c>pouchmon db recover</c>: SQLite's integrity check and a fresh copy of a readable database.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var command = new Command("db", "Check the host's SQLite database, or copy it into a fresh file.")
        {
            CheckCommand(),
            RecoverCommand(),
        };
        return command;
    }

    private static Command CheckCommand()
    {
        var data = DataOption();
        var command = new Command("check", "Run SQLite's integrity_check on pouchmon.db. Exit 0: sound; 2: damaged or unreadable.") { data };
        command.SetAction(parse => Check(parse.GetRequiredValue(data)));
        return command;
    }

    private static Command RecoverCommand()
    {
        var data = DataOption();
        var output = new Option<string>("--out") { Description = "New database file to write; must not exist.", Required = true, HelpName = "file" };
        var command = new Command("recover", "Copy every table of pouchmon.db into a new file (VACUUM INTO). Exit 0: written; 2: unreadable.") { data, output };
        command.SetAction(parse => Recover(parse.GetRequiredValue(data), parse.GetRequiredValue(output)));
        return command;
    }

    private static Option<string> DataOption() =>
        new("--data") { Description = "Data folder holding pouchmon.db (Storage:DataFolder).", Required = true, HelpName = "folder" };

    private static int Check(string dataFolder)
    {
        var database = DatabaseIntegrity.PathIn(Path.GetFullPath(dataFolder));
        if (!File.Exists(database))
        {
            Console.Error.WriteLine($"pouchmon db check: '{database}' does not exist");
            return PouchmonCommand.UsageError;
        }

        var problems = DatabaseIntegrity.Check(database, thorough: true);
        if (problems.Count == 0)
        {
            Console.WriteLine($"{database}: ok");
            return 0;
        }

        foreach (var problem in problems)
        {
            Console.WriteLine($"{database}: {problem}");
        }

        Console.Error.WriteLine($"pouchmon db check: '{database}' is damaged ({problems.Count} problems); see 'pouchmon db recover'");
        return PouchmonCommand.UsageError;
    }

    private static int Recover(string dataFolder, string outPath)
    {
        var database = DatabaseIntegrity.PathIn(Path.GetFullPath(dataFolder));
        var target = Path.GetFullPath(outPath);
        var refusal = !File.Exists(database) ? $"'{database}' does not exist"
            : File.Exists(target) || Directory.Exists(target) ? $"--out '{target}' already exists"
            : !Directory.Exists(Path.GetDirectoryName(target)) ? $"--out '{target}': folder '{Path.GetDirectoryName(target)}' does not exist"
            : null;
        if (refusal is null)
        {
            try
            {
                DatabaseIntegrity.CopyTo(database, target);
                Console.Error.WriteLine($"pouchmon db recover: copied '{database}' to '{target}'");
                return 0;
            }
            catch (SqliteException e)
            {
                refusal = $"'{database}' cannot be read to the end ({e.Message}); nothing usable was written to '{target}'";
                File.Delete(target);
            }
        }

        Console.Error.WriteLine($"pouchmon db recover: {refusal}");
        return PouchmonCommand.UsageError;
    }
}
