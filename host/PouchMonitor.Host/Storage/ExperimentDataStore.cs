using System.Text.Json;
using Microsoft.Data.Sqlite;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Ingestion;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// What the lab adds to an experiment while it runs: sampling and vent events, GC results and tares. Event kinds are
/// stored as events.csv spells them (<c>sample</c>, <c>vent</c>).
/// </summary>
public sealed class ExperimentDataStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Opens the store; rows written before kinds were spelled as in events.csv ("Sample") are rewritten.</summary>
    public ExperimentDataStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        using var connection = database.Open();
        SqliteDatabase.Execute(connection, "UPDATE events SET kind = lower(kind) WHERE kind <> lower(kind)");
    }

    /// <summary>The events.csv spelling of an event kind.</summary>
    public static string KindName(VesselEventKind kind) => kind == VesselEventKind.Sample ? "sample" : "vent";

    /// <summary>Records a sampling or vent event.</summary>
    public void AddEvent(PouchKey pouch, VesselEvent vesselEvent)
    {
        ArgumentNullException.ThrowIfNull(vesselEvent);
        Execute(
            "INSERT INTO events (experiment, pouch, time_ms, kind, note) VALUES ($experiment, $pouch, $time, $kind, $note)",
            pouch,
            vesselEvent.Time,
            ("$kind", KindName(vesselEvent.Kind)),
            ("$note", vesselEvent.Note));
    }

    /// <summary>The pouch's events in time order.</summary>
    public IReadOnlyList<VesselEvent> Events(PouchKey pouch) =>
        Query("SELECT time_ms, kind, note FROM events WHERE experiment = $experiment AND pouch = $pouch ORDER BY time_ms, id", pouch,
            r => new VesselEvent(Time(r, 0), Enum.Parse<VesselEventKind>(r.GetString(1), ignoreCase: true), r.GetString(2)));

    /// <summary>
    /// Adds GC results in one transaction: all of them or none. A result at a time already stored for its pouch
    /// replaces it only with <paramref name="replace"/>; otherwise nothing is stored and the clashing results are returned.
    /// </summary>
    public IReadOnlyList<(PouchKey Pouch, GcResult Result)> AddGcResults(IReadOnlyList<(PouchKey Pouch, GcResult Result)> results, bool replace)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        var clashes = replace ? [] : results.Where(r => Exists(connection, transaction, r.Pouch, r.Result.Time)).ToList();
        if (clashes.Count > 0)
        {
            return clashes;
        }

        foreach (var (pouch, result) in results)
        {
            using var command = Command(connection,
                "INSERT OR REPLACE INTO gc_results (experiment, pouch, time_ms, h2_percent, other_json) VALUES ($experiment, $pouch, $time, $h2, $other)", pouch);
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$time", result.Time.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$h2", result.H2Percent);
            command.Parameters.AddWithValue("$other", JsonSerializer.Serialize(result.OtherPercents));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return [];
    }

    private static bool Exists(SqliteConnection connection, SqliteTransaction transaction, PouchKey pouch, DateTimeOffset time)
    {
        using var command = Command(connection, "SELECT COUNT(*) FROM gc_results WHERE experiment = $experiment AND pouch = $pouch AND time_ms = $time", pouch);
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$time", time.ToUnixTimeMilliseconds());
        return (long)command.ExecuteScalar()! > 0;
    }

    /// <summary>The pouch's GC results in time order.</summary>
    public IReadOnlyList<GcResult> GcResults(PouchKey pouch) =>
        Query("SELECT time_ms, h2_percent, other_json FROM gc_results WHERE experiment = $experiment AND pouch = $pouch ORDER BY time_ms", pouch,
            r => new GcResult(Time(r, 0), r.GetDouble(1), JsonSerializer.Deserialize<Dictionary<string, double>>(r.GetString(2))!));

    /// <summary>Sets the pouch's baseline time, overriding the experiment file's <c>baselineAt</c>.</summary>
    public void SetTare(PouchKey pouch, DateTimeOffset baselineAt) =>
        Execute("INSERT OR REPLACE INTO tares (experiment, pouch, time_ms) VALUES ($experiment, $pouch, $time)", pouch, baselineAt);

    /// <summary>The pouch's tare, if one was set.</summary>
    public DateTimeOffset? Tare(PouchKey pouch) =>
        Query("SELECT time_ms FROM tares WHERE experiment = $experiment AND pouch = $pouch", pouch, r => (DateTimeOffset?)Time(r, 0))
            .FirstOrDefault();

    private void Execute(string sql, PouchKey pouch, DateTimeOffset time, params (string Name, object Value)[] values)
    {
        using var connection = _database.Open();
        using var command = Command(connection, sql, pouch);
        command.Parameters.AddWithValue("$time", time.ToUnixTimeMilliseconds());
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private List<T> Query<T>(string sql, PouchKey pouch, Func<SqliteDataReader, T> read)
    {
        using var connection = _database.Open();
        using var command = Command(connection, sql, pouch);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, PouchKey pouch)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$experiment", pouch.Experiment);
        command.Parameters.AddWithValue("$pouch", pouch.Pouch);
        return command;
    }

    private static DateTimeOffset Time(SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
