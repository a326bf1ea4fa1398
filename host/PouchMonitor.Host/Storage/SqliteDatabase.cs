using Microsoft.Data.Sqlite;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// The durable local store: one SQLite file in WAL mode. Reads open pooled connections, so the stores built on it
/// are safe to read from several threads; the ingest path writes through the one <see cref="WriteQueue"/>.
/// </summary>
public sealed class SqliteDatabase
{
    /// <summary>Name of the store's file in the data folder.</summary>
    public const string FileName = "pouchmon.db";

    private readonly string _connectionString;
    private readonly string _pragmas;

    /// <summary>Opens (creating when missing) <c>pouchmon.db</c> in <paramref name="dataFolder"/>, with <c>synchronous=FULL</c>.</summary>
    public SqliteDatabase(string dataFolder)
        : this(dataFolder, SqliteSynchronous.Full)
    {
    }

    /// <summary>Opens (creating when missing) <c>pouchmon.db</c> in <paramref name="dataFolder"/>, giving up on a locked database after 5 s.</summary>
    public SqliteDatabase(string dataFolder, SqliteSynchronous synchronous)
        : this(dataFolder, synchronous, StorageOptions.DefaultBusyTimeout)
    {
    }

    /// <summary>Opens (creating when missing) <c>pouchmon.db</c> in <paramref name="dataFolder"/>; a statement waits at most <paramref name="busyTimeout"/> (at least 1 s) for a lock.</summary>
    public SqliteDatabase(string dataFolder, SqliteSynchronous synchronous, TimeSpan busyTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(busyTimeout, TimeSpan.Zero);
        _pragmas = $"PRAGMA synchronous={(synchronous == SqliteSynchronous.Normal ? "NORMAL" : "FULL")}; PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds};";
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        Directory.CreateDirectory(dataFolder);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataFolder, FileName),
            Pooling = true,
            // Give up on a locked database after the busy timeout (not the default 30 s), so the message is not
            // acknowledged and the broker delivers it again, rather than the MQTT client stalling. Whole seconds here.
            DefaultTimeout = (int)Math.Max(1, Math.Ceiling(busyTimeout.TotalSeconds)),
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
        // FULL (the default): each commit is on disk before it returns, so a power loss cannot undo a commit that was
        // acknowledged (NORMAL in WAL mode can). docs/performance.md gives its cost.
        Execute(connection, _pragmas);
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
