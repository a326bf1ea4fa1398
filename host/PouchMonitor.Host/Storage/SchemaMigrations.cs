using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// Brings a store to the schema this build writes, one numbered step at a time, each recorded in
/// <c>schema_version</c> inside the transaction that applies it. A released step is never edited: a change is a new step.
/// </summary>
public static class SchemaMigrations
{
    /// <summary>The schema version this build writes.</summary>
    public static int Latest => Steps[^1].Version;

    private static readonly Migration[] Steps =
    [
        // Stores made before versioning (stop 7) already hold these tables; every statement tolerates that.
        new(1, "readings, gas, events, GC results, tares, alerts, quarantine, outbox", """
            CREATE TABLE IF NOT EXISTS readings (
                device TEXT NOT NULL, boot INTEGER NOT NULL, seq INTEGER NOT NULL, sensor INTEGER NOT NULL,
                uptime_ms INTEGER NOT NULL, time_ms INTEGER, pressure_pa REAL, temperature_c REAL, fault TEXT,
                received_ms INTEGER NOT NULL,
                PRIMARY KEY (device, boot, seq));
            CREATE INDEX IF NOT EXISTS readings_by_sensor_time ON readings (device, sensor, time_ms);
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
            """),
        new(2, "index of unplaced readings; conflicting duplicates", """
            CREATE INDEX readings_unplaced ON readings (device, boot) WHERE time_ms IS NULL;
            CREATE TABLE reading_conflicts (
                id INTEGER PRIMARY KEY AUTOINCREMENT, device TEXT NOT NULL, boot INTEGER NOT NULL, seq INTEGER NOT NULL,
                sensor INTEGER NOT NULL, uptime_ms INTEGER NOT NULL, time_ms INTEGER, pressure_pa REAL, temperature_c REAL,
                fault TEXT, received_ms INTEGER NOT NULL);
            """),
        new(3, "event kinds spelled as in events.csv; audit trail of lab entries", """
            UPDATE events SET kind = lower(kind) WHERE kind <> lower(kind);
            CREATE TABLE audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, user TEXT NOT NULL, experiment TEXT NOT NULL,
                pouch TEXT NOT NULL, entity TEXT NOT NULL, action TEXT NOT NULL, old_json TEXT, new_json TEXT);
            CREATE INDEX audit_experiment ON audit (experiment, id);
            """),
        new(4, "experiments kept in the store, with their state", """
            CREATE TABLE experiments (
                name TEXT PRIMARY KEY, document TEXT NOT NULL, state TEXT NOT NULL,
                created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, started_ms INTEGER, stopped_ms INTEGER);
            """),
        new(5, "device credentials made by pouchmon device add, hashed", """
            CREATE TABLE device_credentials (
                device TEXT PRIMARY KEY, salt BLOB NOT NULL, hash BLOB NOT NULL, iterations INTEGER NOT NULL,
                created_ms INTEGER NOT NULL);
            """),
        new(6, "a label per device credential, given when the device is added", """
            ALTER TABLE device_credentials ADD COLUMN label TEXT;
            """),
    ];

    /// <summary>Applies every step above the store's version; returns the version it was at.</summary>
    /// <exception cref="IOException">The store was written by a newer build, whose schema this one does not know.</exception>
    public static int Apply(SqliteConnection connection, string path)
    {
        ArgumentNullException.ThrowIfNull(connection);
        SqliteDatabase.Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY, applied_ms INTEGER NOT NULL, description TEXT NOT NULL);
            """);
        var from = CurrentVersion(connection);
        if (from > Latest)
        {
            throw new IOException($"'{path}' has schema version {from}, made by a newer pouchmon; this one knows up to {Latest}");
        }

        foreach (var step in Steps.Where(s => s.Version > from))
        {
            using var transaction = connection.BeginTransaction();
            SqliteDatabase.Execute(connection, step.Sql, transaction);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version VALUES ($version, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), $description)";
            record.Parameters.AddWithValue("$version", step.Version);
            record.Parameters.AddWithValue("$description", step.Description);
            record.ExecuteNonQuery();
            transaction.Commit();
        }

        return from;
    }

    /// <summary>The highest version applied to the store; 0 for a new store or one made before versioning.</summary>
    public static int CurrentVersion(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private sealed record Migration(int Version, string Description, string Sql);
}
