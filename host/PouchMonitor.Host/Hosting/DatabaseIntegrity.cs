using PouchMonitor.Host.Storage;
using Microsoft.Data.Sqlite;

namespace PouchMonitor.Host.Hosting;

/// <summary>SQLite's own checks of the host's database file, and a copy of what is still readable.</summary>
public static class DatabaseIntegrity
{
    /// <summary>The database file in a data folder.</summary>
    public static string PathIn(string dataFolder) => Path.Combine(dataFolder, SqliteDatabase.FileName);

    /// <summary>
    /// Runs <c>PRAGMA quick_check</c> (<paramref name="thorough"/> false: pages and structure) or
    /// <c>PRAGMA integrity_check</c> (also indexes against tables); returns the problems, empty when the file is sound.
    /// </summary>
    public static IReadOnlyList<string> Check(string databasePath, bool thorough)
    {
        try
        {
            using var connection = Open(databasePath);
            using var command = connection.CreateCommand();
            command.CommandText = thorough ? "PRAGMA integrity_check" : "PRAGMA quick_check";
            using var reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read())
            {
                lines.Add(reader.GetString(0));
            }

            return lines is ["ok"] ? [] : lines;
        }
        catch (SqliteException e)
        {
            return [e.Message];
        }
    }

    /// <summary>Copies every readable table into a new file with <c>VACUUM INTO</c>; fails on a page it cannot read.</summary>
    /// <exception cref="SqliteException">The source cannot be read to the end.</exception>
    public static void CopyTo(string databasePath, string outPath)
    {
        using var connection = Open(databasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $out";
        command.Parameters.AddWithValue("$out", outPath);
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }
}
