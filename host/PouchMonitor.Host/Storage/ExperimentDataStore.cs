using System.Text.Json;
using Microsoft.Data.Sqlite;
using PouchMonitor.Analysis;
using PouchMonitor.Host.Core;

namespace PouchMonitor.Host.Storage;

/// <summary>
/// What the lab adds to an experiment while it runs: sampling and vent events, GC results and tares. Event kinds are
/// stored as events.csv spells them (<c>sample</c>, <c>vent</c>). Every change is written to the <see cref="AuditTrail"/>
/// in its own transaction, under the name of <c>user</c>.
/// </summary>
public sealed class ExperimentDataStore
{
    private readonly SqliteDatabase _database;
    private readonly AuditTrail _audit;

    /// <summary>Keeps lab entries in <paramref name="database"/>, each change recorded in <paramref name="audit"/>.</summary>
    public ExperimentDataStore(SqliteDatabase database, AuditTrail audit)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _audit = audit;
    }

    /// <summary>The events.csv spelling of an event kind.</summary>
    public static string KindName(VesselEventKind kind) => kind == VesselEventKind.Sample ? "sample" : "vent";

    /// <summary>Records a sampling or vent event; returns its id.</summary>
    public long AddEvent(PouchKey pouch, VesselEvent vesselEvent, string user)
    {
        ArgumentNullException.ThrowIfNull(vesselEvent);
        return InTransaction((connection, transaction) =>
        {
            using var command = Command(connection, transaction,
                "INSERT INTO events (experiment, pouch, time_ms, kind, note) VALUES ($experiment, $pouch, $time, $kind, $note) RETURNING id", pouch);
            AddEventValues(command, vesselEvent);
            var id = (long)command.ExecuteScalar()!;
            _audit.Record(connection, transaction, pouch, user, "event", null, ToStored(id, vesselEvent));
            return id;
        });
    }

    /// <summary>Replaces event <paramref name="id"/> of the pouch; false when the pouch has no such event.</summary>
    public bool ReplaceEvent(PouchKey pouch, long id, VesselEvent vesselEvent, string user)
    {
        ArgumentNullException.ThrowIfNull(vesselEvent);
        return InTransaction((connection, transaction) =>
        {
            if (FindEvent(connection, transaction, pouch, id) is not { } old)
            {
                return false;
            }

            using var command = Command(connection, transaction,
                "UPDATE events SET time_ms = $time, kind = $kind, note = $note WHERE experiment = $experiment AND pouch = $pouch AND id = $id", pouch);
            AddEventValues(command, vesselEvent);
            command.Parameters.AddWithValue("$id", id);
            command.ExecuteNonQuery();
            _audit.Record(connection, transaction, pouch, user, "event", old, ToStored(id, vesselEvent));
            return true;
        });
    }

    /// <summary>Deletes event <paramref name="id"/> of the pouch; false when the pouch has no such event.</summary>
    public bool DeleteEvent(PouchKey pouch, long id, string user) => InTransaction((connection, transaction) =>
    {
        if (FindEvent(connection, transaction, pouch, id) is not { } old)
        {
            return false;
        }

        using var command = Command(connection, transaction, "DELETE FROM events WHERE experiment = $experiment AND pouch = $pouch AND id = $id", pouch);
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
        _audit.Record(connection, transaction, pouch, user, "event", old, null);
        return true;
    });

    /// <summary>The pouch's events in time order.</summary>
    public IReadOnlyList<VesselEvent> Events(PouchKey pouch) =>
        [.. StoredEvents(pouch).Select(e => new VesselEvent(e.Time, e.Kind == "sample" ? VesselEventKind.Sample : VesselEventKind.Vent, e.Note))];

    /// <summary>The pouch's events with their ids, in time order.</summary>
    public IReadOnlyList<StoredEvent> StoredEvents(PouchKey pouch) =>
        Query("SELECT id, time_ms, kind, note FROM events WHERE experiment = $experiment AND pouch = $pouch ORDER BY time_ms, id", pouch, ReadEvent);

    /// <summary>
    /// Adds GC results in one transaction: all of them or none. A result at a time already stored for its pouch
    /// replaces it only with <paramref name="replace"/>; otherwise nothing is stored and the clashing results are returned.
    /// </summary>
    public IReadOnlyList<(PouchKey Pouch, GcResult Result)> AddGcResults(IReadOnlyList<(PouchKey Pouch, GcResult Result)> results, bool replace, string user)
    {
        ArgumentNullException.ThrowIfNull(results);
        return InTransaction<IReadOnlyList<(PouchKey, GcResult)>>((connection, transaction) =>
        {
            var old = results.Select(r => FindGcResult(connection, transaction, r.Pouch, r.Result.Time)).ToList();
            var clashes = replace ? [] : results.Where((_, i) => old[i] is not null).ToList();
            if (clashes.Count > 0)
            {
                return clashes;
            }

            for (var i = 0; i < results.Count; i++)
            {
                var (pouch, result) = results[i];
                using var command = Command(connection, transaction,
                    "INSERT OR REPLACE INTO gc_results (experiment, pouch, time_ms, h2_percent, other_json) VALUES ($experiment, $pouch, $time, $h2, $other)", pouch);
                command.Parameters.AddWithValue("$time", result.Time.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$h2", result.H2Percent);
                command.Parameters.AddWithValue("$other", JsonSerializer.Serialize(result.OtherPercents));
                command.ExecuteNonQuery();
                _audit.Record(connection, transaction, pouch, user, "gc", old[i], result);
            }

            return [];
        });
    }

    /// <summary>Deletes the pouch's GC result at <paramref name="time"/>; false when there is none.</summary>
    public bool DeleteGcResult(PouchKey pouch, DateTimeOffset time, string user) => InTransaction((connection, transaction) =>
    {
        if (FindGcResult(connection, transaction, pouch, time) is not { } old)
        {
            return false;
        }

        using var command = Command(connection, transaction, "DELETE FROM gc_results WHERE experiment = $experiment AND pouch = $pouch AND time_ms = $time", pouch);
        command.Parameters.AddWithValue("$time", time.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        _audit.Record(connection, transaction, pouch, user, "gc", old, null);
        return true;
    });

    /// <summary>The pouch's GC results in time order.</summary>
    public IReadOnlyList<GcResult> GcResults(PouchKey pouch) =>
        Query("SELECT time_ms, h2_percent, other_json FROM gc_results WHERE experiment = $experiment AND pouch = $pouch ORDER BY time_ms", pouch, ReadGcResult);

    /// <summary>Sets the pouch's baseline time, overriding the experiment file's <c>baselineAt</c>.</summary>
    public void SetTare(PouchKey pouch, DateTimeOffset baselineAt, string user) => InTransaction((connection, transaction) =>
    {
        var old = FindTare(connection, transaction, pouch);
        using var command = Command(connection, transaction, "INSERT OR REPLACE INTO tares (experiment, pouch, time_ms) VALUES ($experiment, $pouch, $time)", pouch);
        command.Parameters.AddWithValue("$time", baselineAt.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        _audit.Record(connection, transaction, pouch, user, "tare", old is null ? null : new { baselineAt = old }, new { baselineAt });
        return true;
    });

    /// <summary>Removes the pouch's tare (the experiment file's <c>baselineAt</c> applies again); false when there is none.</summary>
    public bool DeleteTare(PouchKey pouch, string user) => InTransaction((connection, transaction) =>
    {
        if (FindTare(connection, transaction, pouch) is not { } old)
        {
            return false;
        }

        using var command = Command(connection, transaction, "DELETE FROM tares WHERE experiment = $experiment AND pouch = $pouch", pouch);
        command.ExecuteNonQuery();
        _audit.Record(connection, transaction, pouch, user, "tare", new { baselineAt = old }, null);
        return true;
    });

    /// <summary>The pouch's tare, if one was set.</summary>
    public DateTimeOffset? Tare(PouchKey pouch)
    {
        using var connection = _database.Open();
        return FindTare(connection, null, pouch);
    }

    private static void AddEventValues(SqliteCommand command, VesselEvent vesselEvent)
    {
        command.Parameters.AddWithValue("$time", vesselEvent.Time.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$kind", KindName(vesselEvent.Kind));
        command.Parameters.AddWithValue("$note", vesselEvent.Note);
    }

    private static StoredEvent ToStored(long id, VesselEvent e) => new(id, e.Time, KindName(e.Kind), e.Note);

    private static StoredEvent? FindEvent(SqliteConnection connection, SqliteTransaction transaction, PouchKey pouch, long id)
    {
        using var command = Command(connection, transaction, "SELECT id, time_ms, kind, note FROM events WHERE experiment = $experiment AND pouch = $pouch AND id = $id", pouch);
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadEvent(reader) : null;
    }

    private static GcResult? FindGcResult(SqliteConnection connection, SqliteTransaction transaction, PouchKey pouch, DateTimeOffset time)
    {
        using var command = Command(connection, transaction,
            "SELECT time_ms, h2_percent, other_json FROM gc_results WHERE experiment = $experiment AND pouch = $pouch AND time_ms = $time", pouch);
        command.Parameters.AddWithValue("$time", time.ToUnixTimeMilliseconds());
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadGcResult(reader) : null;
    }

    private static DateTimeOffset? FindTare(SqliteConnection connection, SqliteTransaction? transaction, PouchKey pouch)
    {
        using var command = Command(connection, transaction, "SELECT time_ms FROM tares WHERE experiment = $experiment AND pouch = $pouch", pouch);
        return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    private static StoredEvent ReadEvent(SqliteDataReader r) => new(r.GetInt64(0), Time(r, 1), r.GetString(2).ToLowerInvariant(), r.GetString(3));

    private static GcResult ReadGcResult(SqliteDataReader r) =>
        new(Time(r, 0), r.GetDouble(1), JsonSerializer.Deserialize<Dictionary<string, double>>(r.GetString(2))!);

    private T InTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    private List<T> Query<T>(string sql, PouchKey pouch, Func<SqliteDataReader, T> read)
    {
        using var connection = _database.Open();
        using var command = Command(connection, null, sql, pouch);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, PouchKey pouch)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$experiment", pouch.Experiment);
        command.Parameters.AddWithValue("$pouch", pouch.Pouch);
        return command;
    }

    private static DateTimeOffset Time(SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
