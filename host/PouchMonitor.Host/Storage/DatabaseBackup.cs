using Microsoft.Data.Sqlite;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// Copies every SQLite database of a data folder with SQLite's online backup API, so a serving host keeps
/// writing meanwhile, and puts such a copy back into a data folder that no host is using.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Backs up each <c>*.db</c> of <paramref name="dataFolder"/> into <paramref name="backupFolder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Backup(string dataFolder, string backupFolder)
    {
        var databases = Databases(dataFolder);
        if (databases.Count == 0)
        {
            throw new IOException($"'{dataFolder}' holds no database (*.db) to back up");
        }

        Directory.CreateDirectory(backupFolder);
        var written = new List<string>();
        foreach (var source in databases)
        {
            var target = Path.Combine(backupFolder, Path.GetFileName(source));
            var partial = target + ".partial";
            File.Delete(partial);
            using (var from = Connect(source, SqliteOpenMode.ReadOnly))
            using (var to = Connect(partial, SqliteOpenMode.ReadWriteCreate))
            {
                from.BackupDatabase(to);
            }

            File.Move(partial, target, overwrite: true);
            written.Add(target);
        }

        return written;
    }

    /// <summary>
    /// Checks each database of <paramref name="backupFolder"/> and copies it into <paramref name="dataFolder"/>;
    /// an existing database there is replaced only when <paramref name="replace"/> is set.
    /// </summary>
    public static IReadOnlyList<string> Restore(string backupFolder, string dataFolder, bool replace)
    {
        var backups = Databases(backupFolder);
        if (backups.Count == 0)
        {
            throw new IOException($"'{backupFolder}' holds no database (*.db) to restore");
        }

        foreach (var backup in backups)
        {
            CheckIntegrity(backup);
            var target = Path.Combine(dataFolder, Path.GetFileName(backup));
            if (!replace && File.Exists(target))
            {
                throw new IOException($"'{target}' exists; stop the host and restore with --replace to overwrite it");
            }
        }

        Directory.CreateDirectory(dataFolder);
        var restored = new List<string>();
        foreach (var backup in backups)
        {
            var target = Path.Combine(dataFolder, Path.GetFileName(backup));
            File.Copy(backup, target + ".partial", overwrite: true);
            // A write-ahead log left beside the old file belongs to it, not to the restored one.
            File.Delete(target + "-wal");
            File.Delete(target + "-shm");
            File.Move(target + ".partial", target, overwrite: true);
            restored.Add(target);
        }

        return restored;
    }

    private static List<string> Databases(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*.db").Order(StringComparer.Ordinal)] : [];

    private static void CheckIntegrity(string path)
    {
        using var connection = Connect(path, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        string result;
        try
        {
            result = command.ExecuteScalar() as string ?? "no answer";
        }
        catch (SqliteException e)
        {
            result = e.Message;
        }

        if (result != "ok")
        {
            throw new IOException($"'{path}' is not a sound SQLite database: {result}");
        }
    }

    private static SqliteConnection Connect(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
