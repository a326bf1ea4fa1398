using Microsoft.Data.Sqlite;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// The durable local store: one SQLite file in WAL mode. Reads open pooled connections, so the stores built on it
/// are safe to read from several threads; the ingest path writes through the one <see cref="WriteQueue"/>.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly string _pragmas;

    /// <summary>Opens (creating when missing) <c>pouchmon.db</c> in <paramref name="dataFolder"/>, with <c>synchronous=FULL</c>.</summary>
    public SqliteDatabase(string dataFolder)
        : this(dataFolder, SqliteSynchronous.Full)
    {
    }

    /// <summary>Opens (creating when missing) <c>pouchmon.db</c> in <paramref name="dataFolder"/>.</summary>
    public SqliteDatabase(string dataFolder, SqliteSynchronous synchronous)
    {
        _pragmas = $"PRAGMA synchronous={(synchronous == SqliteSynchronous.Normal ? "NORMAL" : "FULL")}; PRAGMA busy_timeout=5000;";
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        Directory.CreateDirectory(dataFolder);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataFolder, "pouchmon.db"),
            Pooling = true,
            // Give up on a locked database after 5 s (not the default 30 s), so the message is not
            // acknowledged and the broker delivers it again, rather than the MQTT client stalling.
            DefaultTimeout = 5,
        }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, Schema);
        AddColumnIfMissing(connection, "gas", "vessel_dry_gas_ml_std REAL");
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

    // A file made before the column existed gets it empty; recomputing a pouch fills it.
    private static void AddColumnIfMissing(SqliteConnection connection, string table, string columnDefinition)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = $name";
        command.Parameters.AddWithValue("$name", columnDefinition.Split(' ')[0]);
        if ((long)command.ExecuteScalar()! == 0)
        {
            Execute(connection, $"ALTER TABLE {table} ADD COLUMN {columnDefinition}");
        }
    }

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS readings (
            device TEXT NOT NULL, boot INTEGER NOT NULL, seq INTEGER NOT NULL, sensor INTEGER NOT NULL,
            uptime_ms INTEGER NOT NULL, time_ms INTEGER, pressure_pa REAL, temperature_c REAL, fault TEXT,
            received_ms INTEGER NOT NULL,
            PRIMARY KEY (device, boot, seq));
        CREATE INDEX IF NOT EXISTS readings_by_sensor_time ON readings (device, sensor, time_ms);
        CREATE INDEX IF NOT EXISTS readings_unplaced ON readings (device, boot) WHERE time_ms IS NULL;
        CREATE TABLE IF NOT EXISTS reading_conflicts (
            id INTEGER PRIMARY KEY AUTOINCREMENT, device TEXT NOT NULL, boot INTEGER NOT NULL, seq INTEGER NOT NULL,
            sensor INTEGER NOT NULL, uptime_ms INTEGER NOT NULL, time_ms INTEGER, pressure_pa REAL, temperature_c REAL,
            fault TEXT, received_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS gas (
            experiment TEXT NOT NULL, pouch TEXT NOT NULL, time_ms INTEGER NOT NULL,
            pressure_pa REAL NOT NULL, temperature_c REAL NOT NULL,
            dry_gas_ml_std REAL, dry_gas_ml_std_per_g REAL, swelling_ml REAL, swelling_ml_per_g REAL,
            h2_percent REAL, h2_ml_std REAL, h2_ml_std_per_g REAL, h2_basis TEXT, flags INTEGER NOT NULL,
            vessel_dry_gas_ml_std REAL,
            PRIMARY KEY (experiment, pouch, time_ms));
        CREATE TABLE IF NOT EXISTS events (
            id INTEGER PRIMARY KEY AUTOINCREMENT, experiment TEXT NOT NULL, pouch TEXT NOT NULL,
            time_ms INTEGER NOT NULL, kind TEXT NOT NULL, note TEXT);
        CREATE TABLE IF NOT EXISTS gc_results (
            experiment TEXT NOT NULL, pouch TEXT NOT NULL, time_ms INTEGER NOT NULL,
            h2_percent REAL NOT NULL, other_json TEXT NOT NULL,
            PRIMARY KEY (experiment, pouch, time_ms));
        CREATE TABLE IF NOT EXISTS tares (
            experiment TEXT NOT NULL, pouch TEXT NOT NULL, time_ms INTEGER NOT NULL,
            PRIMARY KEY (experiment, pouch));
        CREATE TABLE IF NOT EXISTS alerts (
            id INTEGER PRIMARY KEY AUTOINCREMENT, experiment TEXT NOT NULL, pouch TEXT NOT NULL,
            kind TEXT NOT NULL, opened_ms INTEGER NOT NULL, closed_ms INTEGER, acknowledged_ms INTEGER,
            value REAL, message TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS quarantine (
            id INTEGER PRIMARY KEY AUTOINCREMENT, received_ms INTEGER NOT NULL, topic TEXT NOT NULL,
            reason TEXT NOT NULL, payload BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT, line TEXT NOT NULL);
        """;
}
