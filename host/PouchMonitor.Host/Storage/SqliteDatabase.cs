using Microsoft.Data.Sqlite;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// The durable local store: one SQLite file in WAL mode. Each operation opens a pooled connection,
/// so the stores built on it are safe to use from several threads.
/// </summary>
public sealed class SqliteDatabase
{
    /// <summary>Name of the store's file in the data folder.</summary>
    public const string FileName = "pouchmon.db";

    private readonly string _connectionString;

    /// <summary>Opens (creating when missing) <c>pouchmon.db</c> in <paramref name="dataFolder"/>.</summary>
    public SqliteDatabase(string dataFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        Directory.CreateDirectory(dataFolder);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataFolder, FileName),
            Pooling = true,
            // Give up on a locked database after 5 s (not the default 30 s), so the message is not
            // acknowledged and the broker delivers it again, rather than the MQTT client stalling.
            DefaultTimeout = 5,
        }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        SchemaMigrations.Apply(connection, Path.Combine(dataFolder, FileName));
    }

    /// <summary>An open connection; the caller disposes it.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Durable at each commit in WAL mode without fsyncing the main file every time.
        Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        return connection;
    }

    /// <summary>Runs SQL that returns nothing.</summary>
    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
