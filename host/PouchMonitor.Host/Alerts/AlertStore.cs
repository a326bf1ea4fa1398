using Microsoft.Data.Sqlite;
using PouchMonitor.Host.Core;
using PouchMonitor.Host.Storage;

namespace PouchMonitor.Host.Alerts;

/// <summary>Alerts in SQLite; each open and close also queues a <c>pouch_alert</c> line for InfluxDB.</summary>
public sealed class AlertStore(SqliteDatabase database, Outbox outbox)
{
    private const string Columns = "id, experiment, pouch, kind, opened_ms, closed_ms, acknowledged_ms, value, message";

    /// <summary>Stores a new open alert and returns it with its id.</summary>
    public Alert Open(SeriesTags tags, AlertKind kind, DateTimeOffset at, double? value, string message)
    {
        ArgumentNullException.ThrowIfNull(tags);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO alerts (experiment, pouch, kind, opened_ms, value, message) VALUES ($e, $p, $k, $at, $v, $m) RETURNING id";
        command.Parameters.AddWithValue("$e", tags.Experiment);
        command.Parameters.AddWithValue("$p", tags.Pouch);
        command.Parameters.AddWithValue("$k", AlertKinds.Name(kind));
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$v", (object?)value ?? DBNull.Value);
        command.Parameters.AddWithValue("$m", message);
        var id = (long)command.ExecuteScalar()!;
        outbox.Add(connection, transaction, [LineProtocol.Alert(tags, AlertKinds.Name(kind), at, open: true, value)]);
        transaction.Commit();
        return new Alert(id, tags.Experiment, tags.Pouch, kind, at, null, null, value, message);
    }

    /// <summary>Closes an open alert.</summary>
    public Alert Close(SeriesTags tags, Alert alert, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        Update(connection, transaction, "UPDATE alerts SET closed_ms = $at WHERE id = $id", alert.Id, at);
        outbox.Add(connection, transaction, [LineProtocol.Alert(tags, AlertKinds.Name(alert.Kind), at, open: false, null)]);
        transaction.Commit();
        return alert with { ClosedAt = at };
    }

    /// <summary>Marks an alert as seen by someone; false when there is no such alert or it was already acknowledged.</summary>
    public bool Acknowledge(long id, DateTimeOffset at)
    {
        using var connection = database.Open();
        return Update(connection, null, "UPDATE alerts SET acknowledged_ms = $at WHERE id = $id AND acknowledged_ms IS NULL", id, at) == 1;
    }

    /// <summary>The alert with <paramref name="id"/>, or null.</summary>
    public Alert? Find(long id) => Query("WHERE id = $id", id: id).FirstOrDefault();

    /// <summary>Open alerts, oldest first.</summary>
    public IReadOnlyList<Alert> OpenAlerts() => Query("WHERE closed_ms IS NULL");

    /// <summary>Every alert of an experiment (or all), newest first.</summary>
    public IReadOnlyList<Alert> All(string? experiment = null) =>
        Query(experiment is null ? "ORDER BY id DESC" : "WHERE experiment = $e ORDER BY id DESC", experiment);

    private static int Update(SqliteConnection connection, SqliteTransaction? transaction, string sql, long id, DateTimeOffset at)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery();
    }

    private List<Alert> Query(string where, string? experiment = null, long? id = null)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM alerts {where}";
        command.Parameters.AddWithValue("$e", (object?)experiment ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var alerts = new List<Alert>();
        while (reader.Read())
        {
            alerts.Add(new Alert(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                AlertKinds.Parse(reader.GetString(3)),
                Time(reader, 4)!.Value,
                Time(reader, 5),
                Time(reader, 6),
                reader.IsDBNull(7) ? null : reader.GetDouble(7),
                reader.GetString(8)));
        }

        return alerts;
    }

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
